-- The national index's definitions, one per date it applies from (see Sqlite/0012_IndexDefinitions.sql).
CREATE TABLE dbo.index_definitions (
    valid_from  date              NOT NULL CONSTRAINT pk_index_definitions PRIMARY KEY,
    definition  nvarchar(max)     NOT NULL,
    updated_at  datetimeoffset(7) NOT NULL
);
