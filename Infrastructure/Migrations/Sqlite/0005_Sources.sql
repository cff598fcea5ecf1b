-- Tenants: every key belongs to a source (the integrator it serves; a new key of the same integrator
-- keeps its source), an event id is unique within its source, and a dossier is the events of one
-- source under one code, so no integrator can take another's ids or codes. Each event also keeps
-- the scope of the key that sent it (sender_scope): an event sent before its dossier's received is
-- applied only when that scope holds the receiving unit.
-- Stored events take the source of their dossier's received event's key (the bootstrap key's
-- events 'bootstrap'), so every dossier stays whole; each key's source starts as its id.
-- The SQL Server twin of this script is SqlServer/0005_Sources.sql.
ALTER TABLE api_keys ADD COLUMN source TEXT NOT NULL DEFAULT '';
UPDATE api_keys SET source = id;
CREATE INDEX ix_api_keys_source ON api_keys (source);

CREATE TEMP TABLE dossier_source (dossier_code TEXT NOT NULL PRIMARY KEY, source TEXT NOT NULL);
INSERT INTO dossier_source (dossier_code, source)
SELECT e.dossier_code, COALESCE(e.key_id, 'bootstrap')
FROM dossier_events e
WHERE e.seq = (SELECT f.seq FROM dossier_events f WHERE f.dossier_code = e.dossier_code
               ORDER BY CASE WHEN f.type = 'received' THEN 0 ELSE 1 END, f.seq LIMIT 1);

CREATE TABLE dossier_events_sourced (
    seq                 INTEGER PRIMARY KEY,
    source              TEXT    NOT NULL,
    id                  TEXT    NOT NULL,
    dossier_code        TEXT    NOT NULL,
    type                TEXT    NOT NULL,
    at                  TEXT    NOT NULL,
    procedure_code      TEXT    NULL,
    unit_code           TEXT    NULL,
    channel             TEXT    NULL,
    due_at              TEXT    NULL,
    digitised           INTEGER NULL,
    population_db_used  INTEGER NULL,
    fee_required        INTEGER NULL,
    payment_method      TEXT    NULL,
    amount              INTEGER NULL,
    electronic_result   INTEGER NULL,
    key_id              TEXT    NULL,
    sender_scope        TEXT    NULL,
    stored_at           TEXT    NOT NULL,
    UNIQUE (source, id)
);
INSERT INTO dossier_events_sourced (seq, source, id, dossier_code, type, at, procedure_code, unit_code, channel, due_at, digitised,
                                    population_db_used, fee_required, payment_method, amount, electronic_result, key_id, sender_scope, stored_at)
SELECT e.seq, s.source, e.id, e.dossier_code, e.type, e.at, e.procedure_code, e.unit_code, e.channel, e.due_at, e.digitised,
       e.population_db_used, e.fee_required, e.payment_method, e.amount, e.electronic_result, e.key_id,
       (SELECT k.unit_code FROM api_keys k WHERE k.id = e.key_id), e.stored_at
FROM dossier_events e INNER JOIN temp.dossier_source s ON s.dossier_code = e.dossier_code;
DROP TABLE dossier_events;
ALTER TABLE dossier_events_sourced RENAME TO dossier_events;
CREATE INDEX ix_dossier_events_dossier ON dossier_events (dossier_code, source);

CREATE TABLE dossiers_sourced (
    source                 TEXT    NOT NULL,
    code                   TEXT    NOT NULL,
    procedure_id           INTEGER NOT NULL REFERENCES procedures (id),
    unit_id                INTEGER NOT NULL REFERENCES units (id),
    channel                TEXT    NOT NULL,
    status                 TEXT    NOT NULL,
    received_at            TEXT    NOT NULL,
    due_at                 TEXT    NULL,
    finished_at            TEXT    NULL,
    finish_kind            TEXT    NULL,
    returned_at            TEXT    NULL,
    timeliness             TEXT    NULL,
    supplement_count       INTEGER NOT NULL,
    supplement_seconds     INTEGER NOT NULL,
    supplement_open_since  TEXT    NULL,
    fee_required           INTEGER NOT NULL,
    paid_online            INTEGER NOT NULL,
    amount_paid            INTEGER NOT NULL,
    digitised              INTEGER NOT NULL,
    electronic_result      INTEGER NOT NULL,
    population_db_used     INTEGER NOT NULL,
    online_eligible        INTEGER NOT NULL,
    person_applicant       INTEGER NOT NULL,
    violation              INTEGER NOT NULL,
    PRIMARY KEY (source, code)
) WITHOUT ROWID;
INSERT INTO dossiers_sourced (source, code, procedure_id, unit_id, channel, status, received_at, due_at, finished_at, finish_kind,
                              returned_at, timeliness, supplement_count, supplement_seconds, supplement_open_since, fee_required,
                              paid_online, amount_paid, digitised, electronic_result, population_db_used, online_eligible,
                              person_applicant, violation)
SELECT COALESCE(s.source, 'bootstrap'), d.code, d.procedure_id, d.unit_id, d.channel, d.status, d.received_at, d.due_at, d.finished_at,
       d.finish_kind, d.returned_at, d.timeliness, d.supplement_count, d.supplement_seconds, d.supplement_open_since, d.fee_required,
       d.paid_online, d.amount_paid, d.digitised, d.electronic_result, d.population_db_used, d.online_eligible,
       d.person_applicant, d.violation
FROM dossiers d LEFT JOIN temp.dossier_source s ON s.dossier_code = d.code;
DROP TABLE dossiers;
ALTER TABLE dossiers_sourced RENAME TO dossiers;
CREATE INDEX ix_dossiers_unit_received ON dossiers (unit_id, received_at);
CREATE INDEX ix_dossiers_received ON dossiers (received_at);
CREATE INDEX ix_dossiers_code ON dossiers (code);
DROP TABLE temp.dossier_source;
