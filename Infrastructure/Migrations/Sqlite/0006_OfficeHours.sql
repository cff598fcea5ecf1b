-- Office hours: deadlines run on office time of working days (default 07:30–11:30 and 13:00–17:00),
-- dated like bands; periods is 'HH:mm-HH:mm,…' in Vietnam local time, same_day_cutoff 'HH:mm'.
-- Processing times may be decimal (0.5 working days) and 'same-day' (trong ngày).
-- The SQL Server twin of this script is SqlServer/0006_OfficeHours.sql.
CREATE TABLE office_hours (
    valid_from       TEXT NOT NULL PRIMARY KEY,
    periods          TEXT NOT NULL,
    same_day_cutoff  TEXT NOT NULL
) WITHOUT ROWID;

ALTER TABLE procedures ADD COLUMN processing_time_amount REAL NULL;
ALTER TABLE procedures ADD COLUMN processing_time_kind TEXT NULL
    CHECK (processing_time_kind IN ('working-days', 'days', 'hours', 'same-day'));
UPDATE procedures SET processing_time_amount = processing_time_value, processing_time_kind = processing_time_unit;
ALTER TABLE procedures DROP COLUMN processing_time_value;
ALTER TABLE procedures DROP COLUMN processing_time_unit;
ALTER TABLE procedures RENAME COLUMN processing_time_amount TO processing_time_value;
ALTER TABLE procedures RENAME COLUMN processing_time_kind TO processing_time_unit;
