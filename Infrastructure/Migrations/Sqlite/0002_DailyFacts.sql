-- Pre-aggregated counts per handling unit and Vietnam day, maintained in the same transaction as
-- the events that change them (and rebuildable from dossier_events). Received-side counts are
-- keyed by the day a dossier was received, finished-side counts by the day it was finished;
-- withdrawn and refused dossiers count nowhere. Each pair is an indicator's numerator/denominator:
--   on-time           finished_on_time / finished
--   online-submission online / online_eligible   (eligible: procedure online, or an online-only violation)
--   online-payment    paid_online / fee_required
--   digitisation      digitised / received
--   e-result          electronic_result / resolved_or_returned
--   population-db     population_db_used / person_applicant
-- The SQL Server twin of this script is SqlServer/0002_DailyFacts.sql.
CREATE TABLE daily_facts (
    unit_id               INTEGER NOT NULL REFERENCES units (id),
    day                   TEXT    NOT NULL,
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
    PRIMARY KEY (unit_id, day)
) WITHOUT ROWID;
-- Day order with every counter, so a day-by-day series over a subtree streams without sorting.
CREATE INDEX ix_daily_facts_day ON daily_facts (day, unit_id, received, digitised, online_eligible, online, fee_required, paid_online, person_applicant, population_db_used, violations, finished, finished_on_time, resolved_or_returned, electronic_result);
