-- Foundation schema (SQL Server). Instants are datetimeoffset(7) holding UTC, dates are date
-- (Vietnam-local calendar dates), money is bigint đồng, flags are bit. Codes are varchar (ASCII
-- identifiers, matched by ANSI parameters); names are nvarchar.
-- The SQLite twin of this script is Sqlite/0001_Foundation.sql.

CREATE TABLE dbo.units (
    id            int IDENTITY(1, 1) NOT NULL CONSTRAINT pk_units PRIMARY KEY,
    code          varchar(64)    NOT NULL CONSTRAINT uq_units_code UNIQUE,
    name          nvarchar(256)  NOT NULL,
    level         varchar(16)    NOT NULL CONSTRAINT ck_units_level CHECK (level IN ('province', 'district', 'commune')),
    kind          varchar(16)    NOT NULL CONSTRAINT ck_units_kind CHECK (kind IN ('locality', 'agency')),
    parent_code   varchar(64)    NULL CONSTRAINT fk_units_parent REFERENCES dbo.units (code),
    valid_from    date           NULL,
    valid_to      date           NULL,
    updated_at    datetimeoffset(7) NOT NULL
);
CREATE INDEX ix_units_parent ON dbo.units (parent_code);

CREATE TABLE dbo.unit_successors (
    unit_code       varchar(64) NOT NULL CONSTRAINT fk_unit_successors_unit REFERENCES dbo.units (code),
    successor_code  varchar(64) NOT NULL,
    CONSTRAINT pk_unit_successors PRIMARY KEY (unit_code, successor_code)
);

CREATE TABLE dbo.unit_external_ids (
    unit_code    varchar(64)   NOT NULL CONSTRAINT fk_unit_external_ids_unit REFERENCES dbo.units (code),
    system       varchar(64)   NOT NULL,
    external_id  nvarchar(128) NOT NULL,
    CONSTRAINT pk_unit_external_ids PRIMARY KEY (unit_code, system)
);

CREATE TABLE dbo.unit_closure (
    ancestor_id    int NOT NULL CONSTRAINT fk_unit_closure_ancestor REFERENCES dbo.units (id),
    descendant_id  int NOT NULL CONSTRAINT fk_unit_closure_descendant REFERENCES dbo.units (id),
    depth          int NOT NULL,
    CONSTRAINT pk_unit_closure PRIMARY KEY (ancestor_id, descendant_id)
);
CREATE INDEX ix_unit_closure_descendant ON dbo.unit_closure (descendant_id, ancestor_id);

CREATE TABLE dbo.procedures (
    id                     int IDENTITY(1, 1) NOT NULL CONSTRAINT pk_procedures PRIMARY KEY,
    code                   varchar(64)    NOT NULL CONSTRAINT uq_procedures_code UNIQUE,
    name                   nvarchar(512)  NOT NULL,
    field                  nvarchar(256)  NOT NULL,
    level                  varchar(16)    NOT NULL CONSTRAINT ck_procedures_level CHECK (level IN ('province', 'district', 'commune')),
    online_service         varchar(16)    NOT NULL CONSTRAINT ck_procedures_online CHECK (online_service IN ('full', 'partial', 'none')),
    integrated             bit            NOT NULL,
    has_fee                bit            NOT NULL,
    person_applicant       bit            NOT NULL,
    processing_time_value  int            NULL,
    processing_time_unit   varchar(16)    NULL CONSTRAINT ck_procedures_time_unit CHECK (processing_time_unit IN ('working-days', 'days', 'hours')),
    online_only_from       date           NULL,
    online_only_to         date           NULL,
    updated_at             datetimeoffset(7) NOT NULL
);
CREATE INDEX ix_procedures_level ON dbo.procedures (level);

CREATE TABLE dbo.calendar_days (
    date  date          NOT NULL CONSTRAINT pk_calendar_days PRIMARY KEY,
    kind  varchar(16)   NOT NULL CONSTRAINT ck_calendar_days_kind CHECK (kind IN ('holiday', 'working-day')),
    name  nvarchar(256) NOT NULL
);

CREATE TABLE dbo.indicators (
    code         varchar(64)    NOT NULL CONSTRAINT pk_indicators PRIMARY KEY,
    name         nvarchar(256)  NOT NULL,
    kind         varchar(16)    NOT NULL CONSTRAINT ck_indicators_kind CHECK (kind IN ('built-in', 'reported')),
    description  nvarchar(1024) NULL,
    max_points   float          NULL,
    full_at      float          NULL,
    updated_at   datetimeoffset(7) NOT NULL
);

CREATE TABLE dbo.indicator_bands (
    indicator_code  varchar(64) NOT NULL CONSTRAINT fk_indicator_bands_indicator REFERENCES dbo.indicators (code),
    valid_from      date        NOT NULL,
    position        int         NOT NULL,
    min_value       float       NOT NULL,
    color           varchar(32) NOT NULL,
    CONSTRAINT pk_indicator_bands PRIMARY KEY (indicator_code, valid_from, position)
);

CREATE TABLE dbo.reported_values (
    indicator_code  varchar(64) NOT NULL CONSTRAINT fk_reported_values_indicator REFERENCES dbo.indicators (code),
    unit_id         int         NOT NULL CONSTRAINT fk_reported_values_unit REFERENCES dbo.units (id),
    period_code     varchar(32) NOT NULL,
    period_start    datetimeoffset(7) NOT NULL,
    period_end      datetimeoffset(7) NOT NULL,
    numerator       bigint      NOT NULL,
    denominator     bigint      NOT NULL,
    updated_at      datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_reported_values PRIMARY KEY (indicator_code, unit_id, period_code)
);

CREATE TABLE dbo.targets (
    id                int IDENTITY(1, 1) NOT NULL CONSTRAINT pk_targets PRIMARY KEY,
    unit_code         varchar(64)   NOT NULL CONSTRAINT fk_targets_unit REFERENCES dbo.units (code),
    indicator_code    varchar(64)   NOT NULL CONSTRAINT fk_targets_indicator REFERENCES dbo.indicators (code),
    period_code       varchar(32)   NOT NULL,
    applies_to_level  varchar(16)   NOT NULL CONSTRAINT df_targets_applies_to_level DEFAULT (''),
    target            float         NOT NULL,
    baseline          float         NULL,
    assigned_by       varchar(64)   NOT NULL CONSTRAINT fk_targets_assigned_by REFERENCES dbo.units (code),
    reference         nvarchar(256) NULL,
    updated_at        datetimeoffset(7) NOT NULL,
    CONSTRAINT uq_targets UNIQUE (unit_code, indicator_code, period_code, applies_to_level)
);

CREATE TABLE dbo.dossier_events (
    seq                 bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_dossier_events PRIMARY KEY,
    id                  varchar(64)  NOT NULL CONSTRAINT uq_dossier_events_id UNIQUE,
    dossier_code        varchar(64)  NOT NULL,
    type                varchar(32)  NOT NULL,
    at                  datetimeoffset(7) NOT NULL,
    procedure_code      varchar(64)  NULL,
    unit_code           varchar(64)  NULL,
    channel             varchar(16)  NULL,
    due_at              datetimeoffset(7) NULL,
    digitised           bit          NULL,
    population_db_used  bit          NULL,
    fee_required        bit          NULL,
    payment_method      varchar(16)  NULL,
    amount              bigint       NULL,
    electronic_result   bit          NULL,
    key_id              varchar(32)  NULL,
    stored_at           datetimeoffset(7) NOT NULL
);
CREATE INDEX ix_dossier_events_dossier ON dbo.dossier_events (dossier_code);

CREATE TABLE dbo.dossiers (
    code                   varchar(64)  NOT NULL CONSTRAINT pk_dossiers PRIMARY KEY,
    procedure_id           int          NOT NULL CONSTRAINT fk_dossiers_procedure REFERENCES dbo.procedures (id),
    unit_id                int          NOT NULL CONSTRAINT fk_dossiers_unit REFERENCES dbo.units (id),
    channel                varchar(16)  NOT NULL,
    status                 varchar(32)  NOT NULL,
    received_at            datetimeoffset(7) NOT NULL,
    due_at                 datetimeoffset(7) NULL,
    finished_at            datetimeoffset(7) NULL,
    finish_kind            varchar(16)  NULL,
    returned_at            datetimeoffset(7) NULL,
    timeliness             varchar(16)  NULL,
    supplement_count       int          NOT NULL,
    supplement_seconds     bigint       NOT NULL,
    supplement_open_since  datetimeoffset(7) NULL,
    fee_required           bit          NOT NULL,
    paid_online            bit          NOT NULL,
    amount_paid            bigint       NOT NULL,
    digitised              bit          NOT NULL,
    electronic_result      bit          NOT NULL,
    population_db_used     bit          NOT NULL,
    online_eligible        bit          NOT NULL,
    person_applicant       bit          NOT NULL,
    violation              bit          NOT NULL
);
CREATE INDEX ix_dossiers_unit_received ON dbo.dossiers (unit_id, received_at);
CREATE INDEX ix_dossiers_received ON dbo.dossiers (received_at);

CREATE TABLE dbo.api_keys (
    id          varchar(32)   NOT NULL CONSTRAINT pk_api_keys PRIMARY KEY,
    name        nvarchar(128) NOT NULL,
    role        varchar(16)   NOT NULL CONSTRAINT ck_api_keys_role CHECK (role IN ('admin', 'analyst', 'integrator')),
    unit_code   varchar(64)   NULL CONSTRAINT fk_api_keys_unit REFERENCES dbo.units (code),
    key_hash    varchar(64)   NOT NULL,
    created_at  datetimeoffset(7) NOT NULL,
    revoked_at  datetimeoffset(7) NULL
);
