-- An indicator's name and description in English (see Sqlite/0014_IndicatorLabels.sql).
ALTER TABLE dbo.indicators ADD name_en nvarchar(256) NULL, description_en nvarchar(1024) NULL;
