-- The national index of every unit and calendar period, materialised for the IndexScores feed beside
-- indicator_values and refreshed with it (README "The national index"): one row for the total (code 'index'),
-- one per group (its code) and one per sub-indicator (its formula number), with the figure it read (null
-- numerator and denominator for the total and groups), its points and maximum.
-- The SQL Server twin of this script is SqlServer/0016_IndexScores.sql.
CREATE TABLE index_scores (
    unit_code       TEXT    NOT NULL,
    period          TEXT    NOT NULL,
    code            TEXT    NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('index', 'group', 'sub-indicator')),
    group_code      TEXT    NULL,
    indicator_code  TEXT    NULL,
    period_type     TEXT    NOT NULL,
    period_start    TEXT    NOT NULL,
    period_end      TEXT    NOT NULL,
    numerator       INTEGER NULL,
    denominator     INTEGER NULL,
    value           REAL    NULL,
    threshold       REAL    NULL,
    points          REAL    NOT NULL,
    max_points      REAL    NOT NULL,
    status          TEXT    NULL,
    PRIMARY KEY (unit_code, period, code)
) WITHOUT ROWID;
CREATE INDEX ix_index_scores_period ON index_scores (period, code, unit_code);
