-- The national method's ratios (README "Definitions"). Dossiers keep what their counting needs: the
-- procedure's paper result and full-online eligibility when counted, a waived fee, reuse of digitised
-- data, the personal data store link, VNeID authentication and a complaint. The facts tables are made
-- anew with one counter per numerator and denominator:
--   on-time (rule finished) finished_on_time / finished      online-submission (3.3) online / received
--   online-payment (3.6)    paid_online / fee_required       digitisation (4.2)      digitised / received
--   e-result (4.1)          electronic_result / paper_result population-db (4.5b)   population_db_used / received
--   full-online             full_online / full_online_eligible
--   data-reuse (4.3)        reused_data / received           personal-data-store (4.4) personal_data_store / received
--   channel-*               channel_online|direct|postal / received; complaints feed satisfaction (5.4).
-- Received-side counters count every dossier received on the day (withdrawn and refused included);
-- finished-side ones the dossiers finished on the day, withdrawn and refused excluded. The new tables are
-- empty: `rebuild` refills them (and every dossier row) from the event log.
-- The SQL Server twin of this script is SqlServer/0010_NationalRatios.sql.
ALTER TABLE dossiers ADD COLUMN paper_result INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossiers ADD COLUMN full_online_eligible INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossiers ADD COLUMN fee_waived INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossiers ADD COLUMN reused_digitised_data INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossiers ADD COLUMN from_personal_data_store INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossiers ADD COLUMN vneid_authenticated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossiers ADD COLUMN complaint INTEGER NOT NULL DEFAULT 0;

DROP TABLE daily_facts;
DROP TABLE monthly_facts;
CREATE TABLE daily_facts (
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
    PRIMARY KEY (unit_id, day)
) WITHOUT ROWID;
-- Day order with every counter, so a day-by-day series over a subtree streams without sorting.
CREATE INDEX ix_daily_facts_day ON daily_facts (day, unit_id, received, online, fee_required, paid_online, digitised, paper_result, electronic_result, population_db_used, full_online_eligible, full_online, reused_data, personal_data_store, complaints, channel_online, channel_direct, channel_postal, finished, finished_on_time);
CREATE TABLE monthly_facts (
    unit_id                  INTEGER NOT NULL REFERENCES units (id),
    month                    TEXT    NOT NULL,
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
    PRIMARY KEY (unit_id, month)
) WITHOUT ROWID;
