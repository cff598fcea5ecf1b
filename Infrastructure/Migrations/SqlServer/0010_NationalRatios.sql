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
-- See Sqlite/0010_NationalRatios.sql.
ALTER TABLE dbo.dossiers ADD paper_result bit NOT NULL CONSTRAINT df_dossiers_paper_result DEFAULT 0;
ALTER TABLE dbo.dossiers ADD full_online_eligible bit NOT NULL CONSTRAINT df_dossiers_full_online_eligible DEFAULT 0;
ALTER TABLE dbo.dossiers ADD fee_waived bit NOT NULL CONSTRAINT df_dossiers_fee_waived DEFAULT 0;
ALTER TABLE dbo.dossiers ADD reused_digitised_data bit NOT NULL CONSTRAINT df_dossiers_reused_digitised_data DEFAULT 0;
ALTER TABLE dbo.dossiers ADD from_personal_data_store bit NOT NULL CONSTRAINT df_dossiers_from_personal_data_store DEFAULT 0;
ALTER TABLE dbo.dossiers ADD vneid_authenticated bit NOT NULL CONSTRAINT df_dossiers_vneid_authenticated DEFAULT 0;
ALTER TABLE dbo.dossiers ADD complaint bit NOT NULL CONSTRAINT df_dossiers_complaint DEFAULT 0;

DROP TABLE dbo.daily_facts;
DROP TABLE dbo.monthly_facts;
CREATE TABLE dbo.daily_facts (
    unit_id                  int    NOT NULL CONSTRAINT fk_daily_facts_unit REFERENCES dbo.units (id),
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
    CONSTRAINT pk_daily_facts PRIMARY KEY CLUSTERED (unit_id, day)
);
CREATE INDEX ix_daily_facts_day ON dbo.daily_facts (day, unit_id) INCLUDE (received, online, fee_required, paid_online, digitised, paper_result, electronic_result, population_db_used, full_online_eligible, full_online, reused_data, personal_data_store, complaints, channel_online, channel_direct, channel_postal, finished, finished_on_time);
CREATE TABLE dbo.monthly_facts (
    unit_id                  int    NOT NULL CONSTRAINT fk_monthly_facts_unit REFERENCES dbo.units (id),
    month                    date   NOT NULL,
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
    CONSTRAINT pk_monthly_facts PRIMARY KEY CLUSTERED (unit_id, month)
);
