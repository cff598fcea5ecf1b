-- Why a promised return date changed (due-changed): 'supplement', 'correction' or 'apology'. Stored
-- events without one are read as corrections. The SQLite twin is Sqlite/0007_DueChangeReason.sql.
ALTER TABLE dbo.dossier_events ADD reason varchar(16) NULL;
