-- The national on-time counters of the facts tables (see Sqlite/0019_NationalOnTimeFacts.sql). SQL Server's
-- filtered indexes take no OR: the running period's late open dossiers are read through an index on the end.
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
