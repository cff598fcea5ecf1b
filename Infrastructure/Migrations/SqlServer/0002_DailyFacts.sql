-- Pre-aggregated counts per handling unit and Vietnam day (see Sqlite/0002_DailyFacts.sql for the
-- meaning of each column). The clustered key serves unit-and-range reads; the covering day index serves series.
CREATE TABLE dbo.daily_facts (
    unit_id               int    NOT NULL CONSTRAINT fk_daily_facts_unit REFERENCES dbo.units (id),
    day                   date   NOT NULL,
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
    CONSTRAINT pk_daily_facts PRIMARY KEY CLUSTERED (unit_id, day)
);
CREATE INDEX ix_daily_facts_day ON dbo.daily_facts (day, unit_id) INCLUDE (received, digitised, online_eligible, online, fee_required, paid_online, person_applicant, population_db_used, violations, finished, finished_on_time, resolved_or_returned, electronic_result);
