-- Of a unit's several successors, the one that takes its history when figures are read in today's structure
-- (README "Units across reorganisations"). See Sqlite/0011_PrimarySuccessor.sql.
ALTER TABLE dbo.unit_successors ADD is_primary bit NOT NULL CONSTRAINT df_unit_successors_is_primary DEFAULT 0;
