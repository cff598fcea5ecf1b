-- Why a promised return date changed (due-changed): 'supplement', 'correction' or 'apology'. Stored
-- events without one are read as corrections. The SQL Server twin is SqlServer/0007_DueChangeReason.sql.
ALTER TABLE dossier_events ADD COLUMN reason TEXT NULL;
