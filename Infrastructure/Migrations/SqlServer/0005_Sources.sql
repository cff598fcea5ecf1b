-- Tenants: every key belongs to a source (the integrator it serves; a new key of the same integrator
-- keeps its source), an event id is unique within its source, and a dossier is the events of one
-- source under one code, so no integrator can take another's ids or codes. Each event also keeps
-- the scope of the key that sent it (sender_scope): an event sent before its dossier's received is
-- applied only when that scope holds the receiving unit.
-- Stored events take the source of their dossier's received event's key (the bootstrap key's
-- events 'bootstrap'), so every dossier stays whole; each key's source starts as its id.
-- The SQLite twin of this script is Sqlite/0005_Sources.sql.
ALTER TABLE dbo.api_keys ADD source varchar(64) NOT NULL CONSTRAINT df_api_keys_source DEFAULT ('');
ALTER TABLE dbo.dossier_events ADD source varchar(64) NOT NULL CONSTRAINT df_dossier_events_source DEFAULT (''),
                                   sender_scope varchar(64) NULL;
ALTER TABLE dbo.dossiers ADD source varchar(64) NOT NULL CONSTRAINT df_dossiers_source DEFAULT ('');
GO

UPDATE dbo.api_keys SET source = id;
CREATE INDEX ix_api_keys_source ON dbo.api_keys (source);

SELECT e.dossier_code, COALESCE(e.key_id, 'bootstrap') AS source
INTO #dossier_source
FROM (SELECT dossier_code, key_id,
             ROW_NUMBER() OVER (PARTITION BY dossier_code ORDER BY CASE WHEN type = 'received' THEN 0 ELSE 1 END, seq) AS n
      FROM dbo.dossier_events) e
WHERE e.n = 1;
CREATE UNIQUE CLUSTERED INDEX ix_dossier_source ON #dossier_source (dossier_code);

UPDATE e SET source = s.source, sender_scope = k.unit_code
FROM dbo.dossier_events e
INNER JOIN #dossier_source s ON s.dossier_code = e.dossier_code
LEFT JOIN dbo.api_keys k ON k.id = e.key_id;

UPDATE d SET source = COALESCE(s.source, 'bootstrap')
FROM dbo.dossiers d LEFT JOIN #dossier_source s ON s.dossier_code = d.code;
DROP TABLE #dossier_source;

ALTER TABLE dbo.dossier_events DROP CONSTRAINT uq_dossier_events_id;
ALTER TABLE dbo.dossier_events ADD CONSTRAINT uq_dossier_events_source_id UNIQUE (source, id);
DROP INDEX ix_dossier_events_dossier ON dbo.dossier_events;
CREATE INDEX ix_dossier_events_dossier ON dbo.dossier_events (dossier_code, source);

ALTER TABLE dbo.dossiers DROP CONSTRAINT pk_dossiers;
ALTER TABLE dbo.dossiers ADD CONSTRAINT pk_dossiers PRIMARY KEY (source, code);
CREATE INDEX ix_dossiers_code ON dbo.dossiers (code);
