-- The counts of daily_facts summed per handling unit and Vietnam calendar month (month holds the
-- month's first day). Maintained in the same transaction as daily_facts; reads of whole months
-- (years, half-years, quarters, months) use it and fall back to daily_facts for partial months.
-- The SQL Server twin of this script is SqlServer/0003_MonthlyFacts.sql.
CREATE TABLE monthly_facts (
    unit_id               INTEGER NOT NULL REFERENCES units (id),
    month                 TEXT    NOT NULL,
    received              INTEGER NOT NULL,
    digitised             INTEGER NOT NULL,
    online_eligible       INTEGER NOT NULL,
    online                INTEGER NOT NULL,
    fee_required          INTEGER NOT NULL,
    paid_online           INTEGER NOT NULL,
    person_applicant      INTEGER NOT NULL,
    population_db_used    INTEGER NOT NULL,
    violations            INTEGER NOT NULL,
    finished              INTEGER NOT NULL,
    finished_on_time      INTEGER NOT NULL,
    resolved_or_returned  INTEGER NOT NULL,
    electronic_result     INTEGER NOT NULL,
    PRIMARY KEY (unit_id, month)
) WITHOUT ROWID;
