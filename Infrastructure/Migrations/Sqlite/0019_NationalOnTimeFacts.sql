-- The national on-time rule (2.1) counted from the facts tables instead of a pass over every dossier of a
-- subtree's history (README "Definitions", on-time). Each dossier adds, besides its received-side and
-- finished-side counters:
--   ended, ended_in_time, ended_many_supplements  on the day its handling ended (national reading), or its
--                                                  reception day if later
--   received_many_supplements                      on its reception day, when more than one supplement was asked
--   deadline                                       on the later of its reception and deadline days, when it has a
--                                                  deadline and at most one supplement request
--   deadline_ended                                 the same, ended, on the latest of the three days
-- Summed over the days before a period and over its days, they give the period's denominator (received
-- before its end, not ended before its start) and numerator (ended in it in time, or open at its end and
-- not late then). While a period runs, the open dossiers late now are counted from the dossiers themselves
-- through ix_dossiers_late: open ones by their deadline, and the few whose recorded end lies ahead.
-- The procedure-reach indicators (3.5b, 4.5a) count, of the procedures of a unit's level, those with a dossier
-- of its subtree paid online (or using the population database) in a period. procedure_use keeps, per unit,
-- procedure level, year and procedure, how many of the unit's own dossiers received in each month were paid
-- online and how many used the population database or VNeID; a dossier row keeps its procedure's level (what it
-- added there is taken back exactly when it changes). procedure_reach holds the same counts summed per unit
-- over its subtree's dossiers of procedures of its own level (what the indicators count), kept by the same
-- writes and rebuilt from procedure_use when the unit tree changes. A period of whole months reads these rows;
-- the days of a partial month are read from the dossiers.
-- The facts are emptied: at start the service finds dossiers without facts and rebuilds them from the
-- event log. The SQL Server twin of this script is SqlServer/0019_NationalOnTimeFacts.sql.
ALTER TABLE daily_facts ADD COLUMN ended INTEGER NOT NULL DEFAULT 0;
ALTER TABLE daily_facts ADD COLUMN ended_in_time INTEGER NOT NULL DEFAULT 0;
ALTER TABLE daily_facts ADD COLUMN received_many_supplements INTEGER NOT NULL DEFAULT 0;
ALTER TABLE daily_facts ADD COLUMN ended_many_supplements INTEGER NOT NULL DEFAULT 0;
ALTER TABLE daily_facts ADD COLUMN deadline INTEGER NOT NULL DEFAULT 0;
ALTER TABLE daily_facts ADD COLUMN deadline_ended INTEGER NOT NULL DEFAULT 0;
ALTER TABLE monthly_facts ADD COLUMN ended INTEGER NOT NULL DEFAULT 0;
ALTER TABLE monthly_facts ADD COLUMN ended_in_time INTEGER NOT NULL DEFAULT 0;
ALTER TABLE monthly_facts ADD COLUMN received_many_supplements INTEGER NOT NULL DEFAULT 0;
ALTER TABLE monthly_facts ADD COLUMN ended_many_supplements INTEGER NOT NULL DEFAULT 0;
ALTER TABLE monthly_facts ADD COLUMN deadline INTEGER NOT NULL DEFAULT 0;
ALTER TABLE monthly_facts ADD COLUMN deadline_ended INTEGER NOT NULL DEFAULT 0;
DROP INDEX ix_daily_facts_day;
-- Day order with every counter, so a day-by-day series over a subtree streams without sorting.
CREATE INDEX ix_daily_facts_day ON daily_facts (day, unit_id, received, online, fee_required, paid_online, digitised, paper_result, electronic_result, population_db_used, full_online_eligible, full_online, reused_data, personal_data_store, complaints, channel_online, channel_direct, channel_postal, finished, finished_on_time, ended, ended_in_time, received_many_supplements, ended_many_supplements, deadline, deadline_ended);
-- Open dossiers by deadline, and ended ones whose end came after their deadline (a recorded end may lie ahead
-- of a running period's end): what a running period's late open dossiers are read from.
CREATE INDEX ix_dossiers_late ON dossiers (ended_at, due_at, unit_id, received_at, supplement_count) WHERE ended_at IS NULL OR ended_at > due_at;
DELETE FROM daily_facts;
DELETE FROM monthly_facts;
ALTER TABLE dossiers ADD COLUMN procedure_level TEXT NOT NULL DEFAULT '';
CREATE TABLE procedure_use (
    unit_id           INTEGER NOT NULL REFERENCES units (id),
    level             TEXT    NOT NULL,
    year              INTEGER NOT NULL,
    procedure_id      INTEGER NOT NULL REFERENCES procedures (id),
    paid_online_01    INTEGER NOT NULL DEFAULT 0,
    paid_online_02    INTEGER NOT NULL DEFAULT 0,
    paid_online_03    INTEGER NOT NULL DEFAULT 0,
    paid_online_04    INTEGER NOT NULL DEFAULT 0,
    paid_online_05    INTEGER NOT NULL DEFAULT 0,
    paid_online_06    INTEGER NOT NULL DEFAULT 0,
    paid_online_07    INTEGER NOT NULL DEFAULT 0,
    paid_online_08    INTEGER NOT NULL DEFAULT 0,
    paid_online_09    INTEGER NOT NULL DEFAULT 0,
    paid_online_10    INTEGER NOT NULL DEFAULT 0,
    paid_online_11    INTEGER NOT NULL DEFAULT 0,
    paid_online_12    INTEGER NOT NULL DEFAULT 0,
    population_db_01  INTEGER NOT NULL DEFAULT 0,
    population_db_02  INTEGER NOT NULL DEFAULT 0,
    population_db_03  INTEGER NOT NULL DEFAULT 0,
    population_db_04  INTEGER NOT NULL DEFAULT 0,
    population_db_05  INTEGER NOT NULL DEFAULT 0,
    population_db_06  INTEGER NOT NULL DEFAULT 0,
    population_db_07  INTEGER NOT NULL DEFAULT 0,
    population_db_08  INTEGER NOT NULL DEFAULT 0,
    population_db_09  INTEGER NOT NULL DEFAULT 0,
    population_db_10  INTEGER NOT NULL DEFAULT 0,
    population_db_11  INTEGER NOT NULL DEFAULT 0,
    population_db_12  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_id, level, year, procedure_id)
) WITHOUT ROWID;
CREATE TABLE procedure_reach (
    unit_id           INTEGER NOT NULL REFERENCES units (id),
    year              INTEGER NOT NULL,
    procedure_id      INTEGER NOT NULL REFERENCES procedures (id),
    paid_online_01    INTEGER NOT NULL DEFAULT 0,
    paid_online_02    INTEGER NOT NULL DEFAULT 0,
    paid_online_03    INTEGER NOT NULL DEFAULT 0,
    paid_online_04    INTEGER NOT NULL DEFAULT 0,
    paid_online_05    INTEGER NOT NULL DEFAULT 0,
    paid_online_06    INTEGER NOT NULL DEFAULT 0,
    paid_online_07    INTEGER NOT NULL DEFAULT 0,
    paid_online_08    INTEGER NOT NULL DEFAULT 0,
    paid_online_09    INTEGER NOT NULL DEFAULT 0,
    paid_online_10    INTEGER NOT NULL DEFAULT 0,
    paid_online_11    INTEGER NOT NULL DEFAULT 0,
    paid_online_12    INTEGER NOT NULL DEFAULT 0,
    population_db_01  INTEGER NOT NULL DEFAULT 0,
    population_db_02  INTEGER NOT NULL DEFAULT 0,
    population_db_03  INTEGER NOT NULL DEFAULT 0,
    population_db_04  INTEGER NOT NULL DEFAULT 0,
    population_db_05  INTEGER NOT NULL DEFAULT 0,
    population_db_06  INTEGER NOT NULL DEFAULT 0,
    population_db_07  INTEGER NOT NULL DEFAULT 0,
    population_db_08  INTEGER NOT NULL DEFAULT 0,
    population_db_09  INTEGER NOT NULL DEFAULT 0,
    population_db_10  INTEGER NOT NULL DEFAULT 0,
    population_db_11  INTEGER NOT NULL DEFAULT 0,
    population_db_12  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_id, year, procedure_id)
) WITHOUT ROWID;
