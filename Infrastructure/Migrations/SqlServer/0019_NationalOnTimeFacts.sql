-- The national on-time counters of the facts tables (see Sqlite/0019_NationalOnTimeFacts.sql). SQL Server's
-- filtered indexes take no OR: the running period's late open dossiers are read through an index on the end.
-- procedure_use, procedure_reach and dossiers.procedure_level: see the SQLite script.
ALTER TABLE dbo.daily_facts ADD
    ended bigint NOT NULL CONSTRAINT df_daily_facts_ended DEFAULT 0,
    ended_in_time bigint NOT NULL CONSTRAINT df_daily_facts_ended_in_time DEFAULT 0,
    received_many_supplements bigint NOT NULL CONSTRAINT df_daily_facts_received_many_supplements DEFAULT 0,
    ended_many_supplements bigint NOT NULL CONSTRAINT df_daily_facts_ended_many_supplements DEFAULT 0,
    deadline bigint NOT NULL CONSTRAINT df_daily_facts_deadline DEFAULT 0,
    deadline_ended bigint NOT NULL CONSTRAINT df_daily_facts_deadline_ended DEFAULT 0;
ALTER TABLE dbo.monthly_facts ADD
    ended bigint NOT NULL CONSTRAINT df_monthly_facts_ended DEFAULT 0,
    ended_in_time bigint NOT NULL CONSTRAINT df_monthly_facts_ended_in_time DEFAULT 0,
    received_many_supplements bigint NOT NULL CONSTRAINT df_monthly_facts_received_many_supplements DEFAULT 0,
    ended_many_supplements bigint NOT NULL CONSTRAINT df_monthly_facts_ended_many_supplements DEFAULT 0,
    deadline bigint NOT NULL CONSTRAINT df_monthly_facts_deadline DEFAULT 0,
    deadline_ended bigint NOT NULL CONSTRAINT df_monthly_facts_deadline_ended DEFAULT 0;
DROP INDEX ix_daily_facts_day ON dbo.daily_facts;
CREATE INDEX ix_daily_facts_day ON dbo.daily_facts (day, unit_id) INCLUDE (received, online, fee_required, paid_online, digitised, paper_result, electronic_result, population_db_used, full_online_eligible, full_online, reused_data, personal_data_store, complaints, channel_online, channel_direct, channel_postal, finished, finished_on_time, ended, ended_in_time, received_many_supplements, ended_many_supplements, deadline, deadline_ended);
CREATE INDEX ix_dossiers_late ON dbo.dossiers (ended_at, due_at) INCLUDE (unit_id, received_at, supplement_count);
DELETE FROM dbo.daily_facts;
DELETE FROM dbo.monthly_facts;
ALTER TABLE dbo.dossiers ADD procedure_level varchar(16) NOT NULL CONSTRAINT df_dossiers_procedure_level DEFAULT '';
CREATE TABLE dbo.procedure_use (
    unit_id           int         NOT NULL CONSTRAINT fk_procedure_use_unit REFERENCES dbo.units (id),
    level             varchar(16) NOT NULL,
    year              int         NOT NULL,
    procedure_id      int         NOT NULL CONSTRAINT fk_procedure_use_procedure REFERENCES dbo.procedures (id),
    paid_online_01    bigint NOT NULL CONSTRAINT df_procedure_use_paid_online_01 DEFAULT 0,
    paid_online_02    bigint NOT NULL CONSTRAINT df_procedure_use_paid_online_02 DEFAULT 0,
    paid_online_03    bigint NOT NULL CONSTRAINT df_procedure_use_paid_online_03 DEFAULT 0,
    paid_online_04    bigint NOT NULL CONSTRAINT df_procedure_use_paid_online_04 DEFAULT 0,
    paid_online_05    bigint NOT NULL CONSTRAINT df_procedure_use_paid_online_05 DEFAULT 0,
    paid_online_06    bigint NOT NULL CONSTRAINT df_procedure_use_paid_online_06 DEFAULT 0,
    paid_online_07    bigint NOT NULL CONSTRAINT df_procedure_use_paid_online_07 DEFAULT 0,
    paid_online_08    bigint NOT NULL CONSTRAINT df_procedure_use_paid_online_08 DEFAULT 0,
    paid_online_09    bigint NOT NULL CONSTRAINT df_procedure_use_paid_online_09 DEFAULT 0,
    paid_online_10    bigint NOT NULL CONSTRAINT df_procedure_use_paid_online_10 DEFAULT 0,
    paid_online_11    bigint NOT NULL CONSTRAINT df_procedure_use_paid_online_11 DEFAULT 0,
    paid_online_12    bigint NOT NULL CONSTRAINT df_procedure_use_paid_online_12 DEFAULT 0,
    population_db_01  bigint NOT NULL CONSTRAINT df_procedure_use_population_db_01 DEFAULT 0,
    population_db_02  bigint NOT NULL CONSTRAINT df_procedure_use_population_db_02 DEFAULT 0,
    population_db_03  bigint NOT NULL CONSTRAINT df_procedure_use_population_db_03 DEFAULT 0,
    population_db_04  bigint NOT NULL CONSTRAINT df_procedure_use_population_db_04 DEFAULT 0,
    population_db_05  bigint NOT NULL CONSTRAINT df_procedure_use_population_db_05 DEFAULT 0,
    population_db_06  bigint NOT NULL CONSTRAINT df_procedure_use_population_db_06 DEFAULT 0,
    population_db_07  bigint NOT NULL CONSTRAINT df_procedure_use_population_db_07 DEFAULT 0,
    population_db_08  bigint NOT NULL CONSTRAINT df_procedure_use_population_db_08 DEFAULT 0,
    population_db_09  bigint NOT NULL CONSTRAINT df_procedure_use_population_db_09 DEFAULT 0,
    population_db_10  bigint NOT NULL CONSTRAINT df_procedure_use_population_db_10 DEFAULT 0,
    population_db_11  bigint NOT NULL CONSTRAINT df_procedure_use_population_db_11 DEFAULT 0,
    population_db_12  bigint NOT NULL CONSTRAINT df_procedure_use_population_db_12 DEFAULT 0,
    CONSTRAINT pk_procedure_use PRIMARY KEY CLUSTERED (unit_id, level, year, procedure_id)
);
CREATE TABLE dbo.procedure_reach (
    unit_id           int         NOT NULL CONSTRAINT fk_procedure_reach_unit REFERENCES dbo.units (id),
    year              int         NOT NULL,
    procedure_id      int         NOT NULL CONSTRAINT fk_procedure_reach_procedure REFERENCES dbo.procedures (id),
    paid_online_01    bigint NOT NULL CONSTRAINT df_procedure_reach_paid_online_01 DEFAULT 0,
    paid_online_02    bigint NOT NULL CONSTRAINT df_procedure_reach_paid_online_02 DEFAULT 0,
    paid_online_03    bigint NOT NULL CONSTRAINT df_procedure_reach_paid_online_03 DEFAULT 0,
    paid_online_04    bigint NOT NULL CONSTRAINT df_procedure_reach_paid_online_04 DEFAULT 0,
    paid_online_05    bigint NOT NULL CONSTRAINT df_procedure_reach_paid_online_05 DEFAULT 0,
    paid_online_06    bigint NOT NULL CONSTRAINT df_procedure_reach_paid_online_06 DEFAULT 0,
    paid_online_07    bigint NOT NULL CONSTRAINT df_procedure_reach_paid_online_07 DEFAULT 0,
    paid_online_08    bigint NOT NULL CONSTRAINT df_procedure_reach_paid_online_08 DEFAULT 0,
    paid_online_09    bigint NOT NULL CONSTRAINT df_procedure_reach_paid_online_09 DEFAULT 0,
    paid_online_10    bigint NOT NULL CONSTRAINT df_procedure_reach_paid_online_10 DEFAULT 0,
    paid_online_11    bigint NOT NULL CONSTRAINT df_procedure_reach_paid_online_11 DEFAULT 0,
    paid_online_12    bigint NOT NULL CONSTRAINT df_procedure_reach_paid_online_12 DEFAULT 0,
    population_db_01  bigint NOT NULL CONSTRAINT df_procedure_reach_population_db_01 DEFAULT 0,
    population_db_02  bigint NOT NULL CONSTRAINT df_procedure_reach_population_db_02 DEFAULT 0,
    population_db_03  bigint NOT NULL CONSTRAINT df_procedure_reach_population_db_03 DEFAULT 0,
    population_db_04  bigint NOT NULL CONSTRAINT df_procedure_reach_population_db_04 DEFAULT 0,
    population_db_05  bigint NOT NULL CONSTRAINT df_procedure_reach_population_db_05 DEFAULT 0,
    population_db_06  bigint NOT NULL CONSTRAINT df_procedure_reach_population_db_06 DEFAULT 0,
    population_db_07  bigint NOT NULL CONSTRAINT df_procedure_reach_population_db_07 DEFAULT 0,
    population_db_08  bigint NOT NULL CONSTRAINT df_procedure_reach_population_db_08 DEFAULT 0,
    population_db_09  bigint NOT NULL CONSTRAINT df_procedure_reach_population_db_09 DEFAULT 0,
    population_db_10  bigint NOT NULL CONSTRAINT df_procedure_reach_population_db_10 DEFAULT 0,
    population_db_11  bigint NOT NULL CONSTRAINT df_procedure_reach_population_db_11 DEFAULT 0,
    population_db_12  bigint NOT NULL CONSTRAINT df_procedure_reach_population_db_12 DEFAULT 0,
    CONSTRAINT pk_procedure_reach PRIMARY KEY CLUSTERED (unit_id, year, procedure_id)
);
