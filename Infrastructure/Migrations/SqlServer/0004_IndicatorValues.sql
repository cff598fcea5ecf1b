-- The figures of every unit, indicator and calendar period, materialised for the IndicatorValues
-- feed, and the marks of what must be recomputed (see Sqlite/0004_IndicatorValues.sql).
CREATE TABLE dbo.indicator_values (
    unit_code       varchar(64) NOT NULL,
    indicator_code  varchar(64) NOT NULL,
    period          varchar(16) NOT NULL,
    period_type     varchar(16) NOT NULL CONSTRAINT ck_indicator_values_period_type CHECK (period_type IN ('month', 'quarter', 'half-year', 'year')),
    period_start    date        NOT NULL,
    period_end      date        NOT NULL,
    numerator       bigint      NOT NULL,
    denominator     bigint      NOT NULL,
    value           float       NULL,
    band            varchar(32) NOT NULL,
    target          float       NULL,
    CONSTRAINT pk_indicator_values PRIMARY KEY CLUSTERED (unit_code, indicator_code, period)
);
CREATE INDEX ix_indicator_values_period ON dbo.indicator_values (period, indicator_code, unit_code);
CREATE INDEX ix_indicator_values_indicator ON dbo.indicator_values (indicator_code, period_start, unit_code);

CREATE TABLE dbo.indicator_values_stale (
    month    varchar(10) NOT NULL CONSTRAINT pk_indicator_values_stale PRIMARY KEY,
    version  bigint      NOT NULL
);
