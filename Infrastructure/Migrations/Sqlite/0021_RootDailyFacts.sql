-- The daily counts of each root unit's whole subtree (a province as received: the units under it), so that a
-- province's day-by-day series reads one row a day instead of one per unit and day. Same columns as daily_facts,
-- unit_id being the root. The indicator values refresh keeps it: it rewrites the months it recomputes (a marked
-- month, every month when everything is marked) from daily_facts, and root_daily_cover holds the months it
-- covers. A series reads a month from here only while the month is covered and not marked stale; else from
-- daily_facts, as before. A database with facts has everything marked here, so that the next refresh fills it.
-- The SQL Server twin of this script is SqlServer/0021_RootDailyFacts.sql.
CREATE TABLE root_daily_facts (
    unit_id                  INTEGER NOT NULL REFERENCES units (id),
    day                      TEXT    NOT NULL,
    received                 INTEGER NOT NULL,
    online                   INTEGER NOT NULL,
    fee_required             INTEGER NOT NULL,
    paid_online              INTEGER NOT NULL,
    digitised                INTEGER NOT NULL,
    paper_result             INTEGER NOT NULL,
    electronic_result        INTEGER NOT NULL,
    population_db_used       INTEGER NOT NULL,
    full_online_eligible     INTEGER NOT NULL,
    full_online              INTEGER NOT NULL,
    reused_data              INTEGER NOT NULL,
    personal_data_store      INTEGER NOT NULL,
    complaints               INTEGER NOT NULL,
    channel_online           INTEGER NOT NULL,
    channel_direct           INTEGER NOT NULL,
    channel_postal           INTEGER NOT NULL,
    finished                 INTEGER NOT NULL,
    finished_on_time         INTEGER NOT NULL,
    ended                    INTEGER NOT NULL,
    ended_in_time            INTEGER NOT NULL,
    received_many_supplements INTEGER NOT NULL,
    ended_many_supplements   INTEGER NOT NULL,
    deadline                 INTEGER NOT NULL,
    deadline_ended           INTEGER NOT NULL,
    PRIMARY KEY (unit_id, day)
) WITHOUT ROWID;
CREATE TABLE root_daily_cover (
    id           INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    first_month  TEXT    NOT NULL,
    last_month   TEXT    NOT NULL
);
INSERT INTO indicator_values_stale (month, version) SELECT 'all', 1 WHERE EXISTS (SELECT 1 FROM daily_facts)
ON CONFLICT (month) DO UPDATE SET version = indicator_values_stale.version + 1;
