-- The audit trail: one row per changed thing (a unit, a procedure, a calendar day, the office hours, an
-- indicator, a band scale, a target, a reported figure, an API key), written in the transaction of the
-- change: who (the key's id and name; a NULL id is the bootstrap key or the service itself), when, what
-- (entity and its key, the unit it belongs to if any), the action and the state before and after as JSON.
-- Rows are only ever inserted: the trigger refuses an UPDATE or DELETE, whoever sends it. Text columns are
-- nvarchar, the type of the parameters the service sends, so filters seek.
-- The SQLite twin of this script is Sqlite/0020_Audit.sql.
CREATE TABLE dbo.audit_entries (
    id bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_audit_entries PRIMARY KEY,
    at datetimeoffset(7) NOT NULL,
    key_id nvarchar(64) NULL,
    key_name nvarchar(256) NOT NULL,
    entity nvarchar(64) NOT NULL,
    entity_key nvarchar(400) NOT NULL,
    action nvarchar(16) NOT NULL,
    unit_code nvarchar(64) NULL,
    before_json nvarchar(max) NULL,
    after_json nvarchar(max) NULL
);

CREATE INDEX ix_audit_entries_at ON dbo.audit_entries (at);
CREATE INDEX ix_audit_entries_entity ON dbo.audit_entries (entity, entity_key);
CREATE INDEX ix_audit_entries_key ON dbo.audit_entries (key_id);
GO

CREATE TRIGGER dbo.audit_entries_append_only ON dbo.audit_entries INSTEAD OF UPDATE, DELETE
AS
    THROW 51000, 'Audit entries are never changed or deleted.', 1;
GO
