-- The figure tables gain the reading of the units, part of the key (see Sqlite/0018_FigureStructure.sql); both are
-- recreated empty and recomputed by the refresher.
DROP TABLE dbo.indicator_values;
CREATE TABLE dbo.indicator_values (
    unit_code       varchar(64) NOT NULL,
    indicator_code  varchar(64) NOT NULL,
    period          varchar(16) NOT NULL,
    structure       varchar(8)  NOT NULL CONSTRAINT ck_indicator_values_structure CHECK (structure IN ('as-of', 'current')),
    period_type     varchar(16) NOT NULL CONSTRAINT ck_indicator_values_period_type CHECK (period_type IN ('month', 'quarter', 'half-year', 'year')),
    period_start    date        NOT NULL,
    period_end      date        NOT NULL,
    numerator       bigint      NOT NULL,
    denominator     bigint      NOT NULL,
    value           float       NULL,
    band            varchar(32) NOT NULL,
    target          float       NULL,
    CONSTRAINT pk_indicator_values PRIMARY KEY CLUSTERED (unit_code, indicator_code, period, structure)
);
CREATE INDEX ix_indicator_values_period ON dbo.indicator_values (period, indicator_code, structure, unit_code);
CREATE INDEX ix_indicator_values_indicator ON dbo.indicator_values (indicator_code, structure, period_start, unit_code);

DROP TABLE dbo.index_scores;
CREATE TABLE dbo.index_scores (
    unit_code       varchar(64) NOT NULL,
    period          varchar(16) NOT NULL,
    code            varchar(64) NOT NULL,
    structure       varchar(8)  NOT NULL CONSTRAINT ck_index_scores_structure CHECK (structure IN ('as-of', 'current')),
    kind            varchar(16) NOT NULL CONSTRAINT ck_index_scores_kind CHECK (kind IN ('index', 'group', 'sub-indicator')),
    group_code      varchar(64) NULL,
    indicator_code  varchar(64) NULL,
    period_type     varchar(16) NOT NULL,
    period_start    date        NOT NULL,
    period_end      date        NOT NULL,
    numerator       bigint      NULL,
    denominator     bigint      NULL,
    value           float       NULL,
    threshold       float       NULL,
    points          float       NOT NULL,
    max_points      float       NOT NULL,
    status          varchar(16) NULL,
    CONSTRAINT pk_index_scores PRIMARY KEY CLUSTERED (unit_code, period, code, structure)
);
CREATE INDEX ix_index_scores_period ON dbo.index_scores (period, code, structure, unit_code);
