-- What each status code of a source's one-stop-shop system means (see Sqlite/0013_StatusMappings.sql).
CREATE TABLE dbo.sync_status_mappings (
    source      nvarchar(64)      NOT NULL,
    code        nvarchar(64)      NOT NULL,
    meaning     nvarchar(32)      NOT NULL,
    updated_at  datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_sync_status_mappings PRIMARY KEY (source, code)
);
