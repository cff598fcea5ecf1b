-- The daily counts of each root unit's whole subtree (a province as received: the units under it), so that a
-- province's day-by-day series reads one row a day instead of one per unit and day. Same columns as daily_facts,
-- unit_id being the root. The indicator values refresh keeps it: it rewrites the months it recomputes (a marked
-- month, every month when everything is marked) from daily_facts, and root_daily_cover holds the months it
-- covers. A series reads a month from here only while the month is covered and not marked stale; else from
-- daily_facts, as before. A database with facts has everything marked here, so that the next refresh fills it.
-- The SQLite twin of this script is Sqlite/0021_RootDailyFacts.sql.
CREATE TABLE dbo.root_daily_facts (
    unit_id                  int    NOT NULL CONSTRAINT fk_root_daily_facts_unit REFERENCES dbo.units (id),
    day                      date   NOT NULL,
    received                 bigint NOT NULL,
    online                   bigint NOT NULL,
    fee_required             bigint NOT NULL,
    paid_online              bigint NOT NULL,
    digitised                bigint NOT NULL,
    paper_result             bigint NOT NULL,
    electronic_result        bigint NOT NULL,
    population_db_used       bigint NOT NULL,
    full_online_eligible     bigint NOT NULL,
    full_online              bigint NOT NULL,
    reused_data              bigint NOT NULL,
    personal_data_store      bigint NOT NULL,
    complaints               bigint NOT NULL,
    channel_online           bigint NOT NULL,
    channel_direct           bigint NOT NULL,
    channel_postal           bigint NOT NULL,
    finished                 bigint NOT NULL,
    finished_on_time         bigint NOT NULL,
    ended                    bigint NOT NULL,
    ended_in_time            bigint NOT NULL,
    received_many_supplements bigint NOT NULL,
    ended_many_supplements   bigint NOT NULL,
    deadline                 bigint NOT NULL,
    deadline_ended           bigint NOT NULL,
    CONSTRAINT pk_root_daily_facts PRIMARY KEY CLUSTERED (unit_id, day)
);
CREATE TABLE dbo.root_daily_cover (
    id           int  NOT NULL CONSTRAINT pk_root_daily_cover PRIMARY KEY
        CONSTRAINT ck_root_daily_cover_one CHECK (id = 1),
    first_month  date NOT NULL,
    last_month   date NOT NULL
);
UPDATE dbo.indicator_values_stale SET version = version + 1
WHERE month = 'all' AND EXISTS (SELECT 1 FROM dbo.daily_facts);
INSERT INTO dbo.indicator_values_stale (month, version)
SELECT 'all', 1
WHERE EXISTS (SELECT 1 FROM dbo.daily_facts)
    AND NOT EXISTS (SELECT 1 FROM dbo.indicator_values_stale WHERE month = 'all');
