-- The figure tables gain the reading of the units (README "Units across reorganisations"): structure 'as-of' (the
-- units valid during the period, as every row was until now) or 'current' (history carried to the units valid on
-- the day of the refresh; only those units have such rows). It is part of the key, and the period indexes hold it
-- beside the equality columns so that the feeds' default (structure = 'as-of') seeks. Both tables are projections
-- the refresher recomputes: they are recreated empty, and the refresher, finding them empty, recomputes everything.
-- The SQL Server twin of this script is SqlServer/0018_FigureStructure.sql.
DROP TABLE indicator_values;
CREATE TABLE indicator_values (
    unit_code       TEXT    NOT NULL,
    indicator_code  TEXT    NOT NULL,
    period          TEXT    NOT NULL,
    structure       TEXT    NOT NULL CHECK (structure IN ('as-of', 'current')),
    period_type     TEXT    NOT NULL CHECK (period_type IN ('month', 'quarter', 'half-year', 'year')),
    period_start    TEXT    NOT NULL,
    period_end      TEXT    NOT NULL,
    numerator       INTEGER NOT NULL,
    denominator     INTEGER NOT NULL,
    value           REAL    NULL,
    band            TEXT    NOT NULL,
    target          REAL    NULL,
    PRIMARY KEY (unit_code, indicator_code, period, structure)
) WITHOUT ROWID;
CREATE INDEX ix_indicator_values_period ON indicator_values (period, indicator_code, structure, unit_code);
CREATE INDEX ix_indicator_values_indicator ON indicator_values (indicator_code, structure, period_start, unit_code);

DROP TABLE index_scores;
CREATE TABLE index_scores (
    unit_code       TEXT    NOT NULL,
    period          TEXT    NOT NULL,
    code            TEXT    NOT NULL,
    structure       TEXT    NOT NULL CHECK (structure IN ('as-of', 'current')),
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
    PRIMARY KEY (unit_code, period, code, structure)
) WITHOUT ROWID;
CREATE INDEX ix_index_scores_period ON index_scores (period, code, structure, unit_code);
