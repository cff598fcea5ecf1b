-- The national reading of each dossier's end (first of resolved, returned, stopped, refused, withdrawn,
-- or its only pending supplement request) and whether it was in time: what the national on-time rule
-- counts. Filled by `rebuild` for stored dossiers. The SQL Server twin is SqlServer/0009_NationalEnd.sql.
ALTER TABLE dossiers ADD COLUMN ended_at TEXT NULL;
ALTER TABLE dossiers ADD COLUMN ended_in_time INTEGER NULL;
