-- Indicators no longer carry score weights: a unit's score is the national index (README "The national index"),
-- whose points and thresholds are the index definition's. The SQL Server twin is SqlServer/0017_NoScoreWeights.sql.
ALTER TABLE indicators DROP COLUMN max_points;
ALTER TABLE indicators DROP COLUMN full_at;
