-- Indicators no longer carry score weights (see Sqlite/0017_NoScoreWeights.sql).
ALTER TABLE dbo.indicators DROP COLUMN max_points, full_at;
