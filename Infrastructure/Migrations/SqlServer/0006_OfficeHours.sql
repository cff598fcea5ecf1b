-- Office hours: deadlines run on office time of working days (default 07:30–11:30 and 13:00–17:00),
-- dated like bands; periods is 'HH:mm-HH:mm,…' in Vietnam local time, same_day_cutoff 'HH:mm'.
-- Processing times may be decimal (0.5 working days) and 'same-day' (trong ngày).
-- The SQLite twin of this script is Sqlite/0006_OfficeHours.sql.
CREATE TABLE dbo.office_hours (
    valid_from       date        NOT NULL CONSTRAINT pk_office_hours PRIMARY KEY,
    periods          varchar(200) NOT NULL,
    same_day_cutoff  varchar(5)  NOT NULL
);

ALTER TABLE dbo.procedures DROP CONSTRAINT ck_procedures_time_unit;
ALTER TABLE dbo.procedures ALTER COLUMN processing_time_value decimal(9, 2) NULL;
ALTER TABLE dbo.procedures ADD CONSTRAINT ck_procedures_time_unit
    CHECK (processing_time_unit IN ('working-days', 'days', 'hours', 'same-day'));
