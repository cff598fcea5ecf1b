-- The national index of every unit and calendar period, for the IndexScores feed (see
-- Sqlite/0016_IndexScores.sql).
CREATE TABLE dbo.index_scores (
    unit_code       varchar(64) NOT NULL,
    period          varchar(16) NOT NULL,
    code            varchar(64) NOT NULL,
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
    CONSTRAINT pk_index_scores PRIMARY KEY CLUSTERED (unit_code, period, code)
);
CREATE INDEX ix_index_scores_period ON dbo.index_scores (period, code, unit_code);
