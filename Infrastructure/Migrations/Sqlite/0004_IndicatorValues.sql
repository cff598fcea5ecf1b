-- Every indicator of every unit, over its subtree, for each month, quarter, half-year and year from
-- the first month with data to the current one: the figures the scorecard shows (rule finished),
-- stored so that the IndicatorValues feed filters, orders and pages in SQL. A projection of the
-- facts and the reference data, recomputed by the service from the marks in indicator_values_stale.
-- period is the canonical code ('2024-07', '2024-Q3', '2024-H2', '2024'); period_start and
-- period_end are its first and last days (inclusive); value is the percent (2 decimals, NULL when
-- the denominator is 0); band is the colour in force on the period's last day ('none' without a
-- value); target is the target that applies to the unit for the indicator and period, if any.
-- The SQL Server twin of this script is SqlServer/0004_IndicatorValues.sql.
CREATE TABLE indicator_values (
    unit_code       TEXT    NOT NULL,
    indicator_code  TEXT    NOT NULL,
    period          TEXT    NOT NULL,
    period_type     TEXT    NOT NULL CHECK (period_type IN ('month', 'quarter', 'half-year', 'year')),
    period_start    TEXT    NOT NULL,
    period_end      TEXT    NOT NULL,
    numerator       INTEGER NOT NULL,
    denominator     INTEGER NOT NULL,
    value           REAL    NULL,
    band            TEXT    NOT NULL,
    target          REAL    NULL,
    PRIMARY KEY (unit_code, indicator_code, period)
) WITHOUT ROWID;
-- The primary key serves one unit; these serve one period (every unit of it) and one indicator.
CREATE INDEX ix_indicator_values_period ON indicator_values (period, indicator_code, unit_code);
CREATE INDEX ix_indicator_values_indicator ON indicator_values (indicator_code, period_start, unit_code);

-- What indicator_values must recompute: a month whose facts changed (its first day, 'yyyy-MM-dd'),
-- or 'all' after a change of reference data or a rebuild. Written in the same transaction as the
-- change; version grows with every mark, so the refresher removes only the marks it has handled
-- and a month marked again while it was computing stays marked.
CREATE TABLE indicator_values_stale (
    month    TEXT    NOT NULL PRIMARY KEY,
    version  INTEGER NOT NULL
) WITHOUT ROWID;
