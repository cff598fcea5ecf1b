-- The counts of daily_facts per handling unit and calendar month (see Sqlite/0003_MonthlyFacts.sql).
CREATE TABLE dbo.monthly_facts (
    unit_id               int    NOT NULL CONSTRAINT fk_monthly_facts_unit REFERENCES dbo.units (id),
    month                 date   NOT NULL,
    received              bigint NOT NULL,
    digitised             bigint NOT NULL,
    online_eligible       bigint NOT NULL,
    online                bigint NOT NULL,
    fee_required          bigint NOT NULL,
    paid_online           bigint NOT NULL,
    person_applicant      bigint NOT NULL,
    population_db_used    bigint NOT NULL,
    violations            bigint NOT NULL,
    finished              bigint NOT NULL,
    finished_on_time      bigint NOT NULL,
    resolved_or_returned  bigint NOT NULL,
    electronic_result     bigint NOT NULL,
    CONSTRAINT pk_monthly_facts PRIMARY KEY CLUSTERED (unit_id, month)
);
