-- The national reading of each dossier's end (first of resolved, returned, stopped, refused, withdrawn,
-- or its only pending supplement request) and whether it was in time: what the national on-time rule
-- counts. Filled by `rebuild` for stored dossiers. The SQLite twin is Sqlite/0009_NationalEnd.sql.
ALTER TABLE dbo.dossiers ADD ended_at datetimeoffset(7) NULL, ended_in_time bit NULL;
