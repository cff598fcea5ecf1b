-- Of a unit's several successors, the one that takes its history when figures are read in today's structure
-- (README "Units across reorganisations"). The SQL Server twin is SqlServer/0011_PrimarySuccessor.sql.
ALTER TABLE unit_successors ADD COLUMN is_primary INTEGER NOT NULL DEFAULT 0;
