-- What each status code [TrangThaiHoSo] of a source's one-stop-shop system means (README "Coming from the
-- national sync"), one row per code. A source with no rows uses the shipped default (the national portal's list).
-- The SQL Server twin is SqlServer/0013_StatusMappings.sql.
CREATE TABLE sync_status_mappings (
    source      TEXT NOT NULL,
    code        TEXT NOT NULL,
    meaning     TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (source, code)
) WITHOUT ROWID;
