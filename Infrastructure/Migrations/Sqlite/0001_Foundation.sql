-- Foundation schema (SQLite). Instants are UTC text 'yyyy-MM-ddTHH:mm:ss.fffffffZ' (sortable),
-- dates are 'yyyy-MM-dd' (Vietnam-local calendar dates), money is integer đồng, flags are 0/1.
-- The SQL Server twin of this script is SqlServer/0001_Foundation.sql.

CREATE TABLE units (
    id            INTEGER PRIMARY KEY,
    code          TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL,
    level         TEXT    NOT NULL CHECK (level IN ('province', 'district', 'commune')),
    kind          TEXT    NOT NULL CHECK (kind IN ('locality', 'agency')),
    parent_code   TEXT    NULL REFERENCES units (code),
    valid_from    TEXT    NULL,
    valid_to      TEXT    NULL,
    updated_at    TEXT    NOT NULL
);
CREATE INDEX ix_units_parent ON units (parent_code);

CREATE TABLE unit_successors (
    unit_code       TEXT NOT NULL REFERENCES units (code),
    successor_code  TEXT NOT NULL,
    PRIMARY KEY (unit_code, successor_code)
) WITHOUT ROWID;

CREATE TABLE unit_external_ids (
    unit_code    TEXT NOT NULL REFERENCES units (code),
    system       TEXT NOT NULL,
    external_id  TEXT NOT NULL,
    PRIMARY KEY (unit_code, system)
) WITHOUT ROWID;

-- Every (ancestor, descendant) pair, depth 0 for the unit itself: subtree queries are one join.
CREATE TABLE unit_closure (
    ancestor_id    INTEGER NOT NULL REFERENCES units (id),
    descendant_id  INTEGER NOT NULL REFERENCES units (id),
    depth          INTEGER NOT NULL,
    PRIMARY KEY (ancestor_id, descendant_id)
) WITHOUT ROWID;
CREATE INDEX ix_unit_closure_descendant ON unit_closure (descendant_id, ancestor_id);

CREATE TABLE procedures (
    id                     INTEGER PRIMARY KEY,
    code                   TEXT    NOT NULL UNIQUE,
    name                   TEXT    NOT NULL,
    field                  TEXT    NOT NULL,
    level                  TEXT    NOT NULL CHECK (level IN ('province', 'district', 'commune')),
    online_service         TEXT    NOT NULL CHECK (online_service IN ('full', 'partial', 'none')),
    integrated             INTEGER NOT NULL,
    has_fee                INTEGER NOT NULL,
    person_applicant       INTEGER NOT NULL,
    processing_time_value  INTEGER NULL,
    processing_time_unit   TEXT    NULL CHECK (processing_time_unit IN ('working-days', 'days', 'hours')),
    online_only_from       TEXT    NULL,
    online_only_to         TEXT    NULL,
    updated_at             TEXT    NOT NULL
);
CREATE INDEX ix_procedures_level ON procedures (level);

CREATE TABLE calendar_days (
    date  TEXT NOT NULL PRIMARY KEY,
    kind  TEXT NOT NULL CHECK (kind IN ('holiday', 'working-day')),
    name  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE indicators (
    code         TEXT NOT NULL PRIMARY KEY,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('built-in', 'reported')),
    description  TEXT NULL,
    max_points   REAL NULL,
    full_at      REAL NULL,
    updated_at   TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE indicator_bands (
    indicator_code  TEXT    NOT NULL REFERENCES indicators (code),
    valid_from      TEXT    NOT NULL,
    position        INTEGER NOT NULL,
    min_value       REAL    NOT NULL,
    color           TEXT    NOT NULL,
    PRIMARY KEY (indicator_code, valid_from, position)
) WITHOUT ROWID;

CREATE TABLE reported_values (
    indicator_code  TEXT    NOT NULL REFERENCES indicators (code),
    unit_id         INTEGER NOT NULL REFERENCES units (id),
    period_code     TEXT    NOT NULL,
    period_start    TEXT    NOT NULL,
    period_end      TEXT    NOT NULL,
    numerator       INTEGER NOT NULL,
    denominator     INTEGER NOT NULL,
    updated_at      TEXT    NOT NULL,
    PRIMARY KEY (indicator_code, unit_id, period_code)
) WITHOUT ROWID;

CREATE TABLE targets (
    id                INTEGER PRIMARY KEY,
    unit_code         TEXT NOT NULL REFERENCES units (code),
    indicator_code    TEXT NOT NULL REFERENCES indicators (code),
    period_code       TEXT NOT NULL,
    applies_to_level  TEXT NOT NULL DEFAULT '',
    target            REAL NOT NULL,
    baseline          REAL NULL,
    assigned_by       TEXT NOT NULL REFERENCES units (code),
    reference         TEXT NULL,
    updated_at        TEXT NOT NULL,
    UNIQUE (unit_code, indicator_code, period_code, applies_to_level)
);

-- The append-only audit trail of everything integrators sent; seq is the arrival order.
CREATE TABLE dossier_events (
    seq                 INTEGER PRIMARY KEY,
    id                  TEXT    NOT NULL UNIQUE,
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
    stored_at           TEXT    NOT NULL
);
CREATE INDEX ix_dossier_events_dossier ON dossier_events (dossier_code);

-- The fold of each dossier's events (a projection: rebuildable from dossier_events). Timeliness
-- is stored once a dossier is finished (early/on-time/late); open ones are classified when read.
-- online_eligible, person_applicant and violation are the procedure facts in force when the dossier
-- was folded, so the daily_facts it added can be taken back exactly when it changes.
CREATE TABLE dossiers (
    code                   TEXT    NOT NULL PRIMARY KEY,
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
    violation              INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX ix_dossiers_unit_received ON dossiers (unit_id, received_at);
CREATE INDEX ix_dossiers_received ON dossiers (received_at);

CREATE TABLE api_keys (
    id          TEXT NOT NULL PRIMARY KEY,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'integrator')),
    unit_code   TEXT NULL REFERENCES units (code),
    key_hash    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT NULL
) WITHOUT ROWID;
