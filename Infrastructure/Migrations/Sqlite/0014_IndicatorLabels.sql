-- An indicator's name and description in English beside the Vietnamese ones (name, description); null: English
-- answers show the Vietnamese. The SQL Server twin is SqlServer/0014_IndicatorLabels.sql.
ALTER TABLE indicators ADD COLUMN name_en TEXT NULL;
ALTER TABLE indicators ADD COLUMN description_en TEXT NULL;
