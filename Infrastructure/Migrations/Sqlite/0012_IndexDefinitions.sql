-- The national index's definitions (README "The national index"), one per date it applies from, as JSON
-- (groups, sub-indicators, points, thresholds). None stored: the shipped default applies.
-- The SQL Server twin is SqlServer/0012_IndexDefinitions.sql.
CREATE TABLE index_definitions (
    valid_from  TEXT NOT NULL PRIMARY KEY,
    definition  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) WITHOUT ROWID;
