-- The audit trail: one row per changed thing (a unit, a procedure, a calendar day, the office hours, an
-- indicator, a band scale, a target, a reported figure, an API key), written in the transaction of the
-- change: who (the key's id and name; a NULL id is the bootstrap key or the service itself), when, what
-- (entity and its key, the unit it belongs to if any), the action and the state before and after as JSON.
-- Rows are only ever inserted: the triggers refuse an UPDATE or DELETE, whoever sends it.
-- The SQL Server twin of this script is SqlServer/0020_Audit.sql.
CREATE TABLE audit_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    key_id TEXT NULL,
    key_name TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_key TEXT NOT NULL,
    action TEXT NOT NULL,
    unit_code TEXT NULL,
    before_json TEXT NULL,
    after_json TEXT NULL
);

CREATE INDEX ix_audit_entries_at ON audit_entries (at);
CREATE INDEX ix_audit_entries_entity ON audit_entries (entity, entity_key);
CREATE INDEX ix_audit_entries_key ON audit_entries (key_id);

CREATE TRIGGER audit_entries_never_updated BEFORE UPDATE ON audit_entries
BEGIN
    SELECT RAISE(ABORT, 'Audit entries are never changed.');
END;

CREATE TRIGGER audit_entries_never_deleted BEFORE DELETE ON audit_entries
BEGIN
    SELECT RAISE(ABORT, 'Audit entries are never deleted.');
END;
