-- Published figures (README "Published figures"): an admin closes a period for a subtree and every figure of
-- its units is kept as it was then; reads of that period answer it until a newer publication supersedes it.
-- Rows are only ever added. The SQL Server twin is SqlServer/0015_Publications.sql.
CREATE TABLE publications (
    id            INTEGER NOT NULL PRIMARY KEY,
    unit_code     TEXT    NOT NULL,
    period_code   TEXT    NOT NULL,
    published_at  TEXT    NOT NULL,
    published_by  TEXT    NOT NULL,
    note          TEXT    NULL,
    supersedes    INTEGER NULL,
    definition    TEXT    NOT NULL
);
CREATE INDEX ix_publications_period ON publications (period_code, id);

-- One figure of one unit: part 'subtree' (the unit with its subtree), 'self' (its own dossiers) or a level
-- (the subtree's dossiers handled at that level); numerator and denominator null for a figure without data.
CREATE TABLE publication_figures (
    publication_id  INTEGER NOT NULL,
    unit_code       TEXT    NOT NULL,
    part            TEXT    NOT NULL,
    indicator       TEXT    NOT NULL,
    numerator       INTEGER NULL,
    denominator     INTEGER NULL,
    band            TEXT    NOT NULL,
    PRIMARY KEY (publication_id, part, unit_code, indicator)
) WITHOUT ROWID;
