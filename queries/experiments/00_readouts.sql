-- Experiment readouts: what happened in each arm after an experiment started. Run them when the
-- data reaches past the start, with the output folder that holds the cohorts
-- (queries/cohorts wrote cohorts/<experiment>.parquet there):
--   fansql run queries/experiments --out outputs
--   fansql run queries/experiments --out outputs --set fansql.experiment.start=2025-04-16
-- This file sets up what the five readouts share; each of them then names its metrics and
-- prints its status and tests.
--
-- The start: fansql.experiment.start when set, else when each cohort was drawn (its
-- assigned_at, the latest message then). Only messages after the start count. The unit is
-- the fan+model pair as assigned: every pair of a cohort is in its arm's numbers, a pair that
-- never came back with zeros and no-s, so the arms keep their assigned sizes.
--
-- Outcomes per pair (columns of experiment_outcomes, what readouts test):
--   responded               the fan wrote after the start
--   responded_within_3      the fan wrote within the first 3 messages of the first conversation
--                           after the start (conversations split at 4 hours of silence)
--   first_purchase          the pair's first purchase ever came after the start; for a pair
--                           still in stage_1 this is its conversion to stage 2
--   repeat_purchase         2 or more purchases after the start
--   returned                the fan wrote in 2 or more conversations after the start
--   retained_7d             the fan wrote 7 days or more after the start
--   revenue                 money after the start (purchases and tips)
--   revenue_per_conversation  revenue / conversations after the start (NULL without any)
-- Tests: proportions by ab_proportion_test, money by ab_mean_test (Welch), arm A the control;
-- significant at p < 0.05. SRM: ab_srm against the planned half/half; below 0.001 the split is
-- broken and the readout should not be trusted.

CREATE OR REPLACE EXTERNAL TABLE cohorts_drawn STORED AS PARQUET LOCATION 'cohorts/';

CREATE OR REPLACE TABLE experiment_windows AS
SELECT experiment,
       coalesce(CAST(nullif(current_setting('fansql.experiment.start'), '') AS TIMESTAMP), max(assigned_at))
         AS started_at,
       (SELECT max(ts) FROM messages) AS data_until
FROM cohorts_drawn
GROUP BY experiment;

CREATE OR REPLACE TABLE experiment_outcomes AS
WITH after_start AS (
  SELECT w.experiment, m.fan_model_id, m.row_id, m.ts, m.fan_message IS NOT NULL AS from_fan,
         m.purchased, m.revenue, w.started_at,
         conversation_index(m.ts) OVER (PARTITION BY w.experiment, m.fan_model_id ORDER BY m.ts, m.row_id) AS conversation
  FROM messages m
  JOIN cohorts_drawn c ON c.fan_model_id = m.fan_model_id
  JOIN experiment_windows w ON w.experiment = c.experiment
  WHERE m.ts > w.started_at
),
positioned AS (
  SELECT *, row_number() OVER (PARTITION BY experiment, fan_model_id, conversation ORDER BY ts, row_id) AS position
  FROM after_start
),
per_pair AS (
  SELECT experiment, fan_model_id,
         bool_or(from_fan) AS responded,
         bool_or(from_fan AND conversation = 1 AND position <= 3) AS responded_within_3,
         sum(CASE WHEN purchased THEN 1 ELSE 0 END) AS purchases,
         sum(revenue) AS revenue,
         count(DISTINCT conversation) AS conversations,
         count(DISTINCT CASE WHEN from_fan THEN conversation END) AS conversations_with_fan,
         bool_or(from_fan AND ts >= started_at + INTERVAL '7 days') AS retained_7d
  FROM positioned
  GROUP BY experiment, fan_model_id
),
bought_before AS (
  SELECT c.experiment, c.fan_model_id
  FROM cohorts_drawn c
  JOIN experiment_windows w ON w.experiment = c.experiment
  JOIN messages m ON m.fan_model_id = c.fan_model_id AND m.ts <= w.started_at AND m.purchased
  GROUP BY c.experiment, c.fan_model_id
)
SELECT c.experiment, c.fan_model_id, c.arm, c.persona,
       coalesce(p.responded, false) AS responded,
       coalesce(p.responded_within_3, false) AS responded_within_3,
       b.fan_model_id IS NULL AND coalesce(p.purchases, 0) > 0 AS first_purchase,
       coalesce(p.purchases, 0) >= 2 AS repeat_purchase,
       coalesce(p.conversations_with_fan, 0) >= 2 AS returned,
       coalesce(p.retained_7d, false) AS retained_7d,
       coalesce(p.revenue, 0.0) AS revenue,
       p.revenue / p.conversations AS revenue_per_conversation
FROM cohorts_drawn c
LEFT JOIN per_pair p ON p.experiment = c.experiment AND p.fan_model_id = c.fan_model_id
LEFT JOIN bought_before b ON b.experiment = c.experiment AND b.fan_model_id = c.fan_model_id;

-- The outcomes long: one row per pair and outcome, a success for proportions, a value for money.
CREATE OR REPLACE VIEW experiment_outcome_rows AS
SELECT experiment, arm, 'responded' AS outcome, responded AS success, CAST(NULL AS DOUBLE) AS value FROM experiment_outcomes
UNION ALL SELECT experiment, arm, 'responded_within_3', responded_within_3, NULL FROM experiment_outcomes
UNION ALL SELECT experiment, arm, 'first_purchase', first_purchase, NULL FROM experiment_outcomes
UNION ALL SELECT experiment, arm, 'repeat_purchase', repeat_purchase, NULL FROM experiment_outcomes
UNION ALL SELECT experiment, arm, 'returned', returned, NULL FROM experiment_outcomes
UNION ALL SELECT experiment, arm, 'retained_7d', retained_7d, NULL FROM experiment_outcomes
UNION ALL SELECT experiment, arm, 'revenue', NULL, revenue FROM experiment_outcomes
UNION ALL SELECT experiment, arm, 'revenue_per_conversation', NULL, revenue_per_conversation FROM experiment_outcomes;

-- Which outcomes each readout tests, under which name; the readout files fill it.
CREATE OR REPLACE TABLE experiment_metrics (experiment VARCHAR, metric VARCHAR, outcome VARCHAR);

-- Whether an experiment can be read: days since the start, pairs per arm, the SRM check.
CREATE OR REPLACE VIEW experiment_status AS
SELECT w.experiment, w.started_at, w.data_until,
       round((date_part('epoch', w.data_until) - date_part('epoch', w.started_at)) / 86400.0, 1) AS days_running,
       w.data_until >= w.started_at + INTERVAL '14 days' AS ran_14_days,
       sum(CASE WHEN c.arm = 'A' THEN 1 ELSE 0 END) AS pairs_a,
       sum(CASE WHEN c.arm = 'B' THEN 1 ELSE 0 END) AS pairs_b,
       round(ab_srm(c.arm, ['A', 'B']), 4) AS srm_p_value,
       ab_srm(c.arm, ['A', 'B']) >= 0.001 AS split_ok
FROM experiment_windows w JOIN cohorts_drawn c ON c.experiment = w.experiment
GROUP BY w.experiment, w.started_at, w.data_until;

-- Every metric's test, in one shape: the arms' rates or means, B - A, the p-value, the 95 %
-- interval of B - A, and whether it is significant.
CREATE OR REPLACE VIEW experiment_readouts AS
WITH tests AS (
  SELECT m.experiment, m.metric, o.outcome,
         ab_proportion_test(o.success, o.arm, 'A') AS p,
         ab_mean_test(o.value, o.arm, 'A') AS t
  FROM experiment_metrics m
  JOIN experiment_outcome_rows o ON o.experiment = m.experiment AND o.outcome = m.outcome
  GROUP BY m.experiment, m.metric, o.outcome
)
SELECT experiment, metric,
       CASE WHEN p.n_a + p.n_b > 0 THEN 'proportion' ELSE 'mean (Welch)' END AS test,
       CASE WHEN p.n_a + p.n_b > 0 THEN p.n_a ELSE t.n_a END AS n_a,
       CASE WHEN p.n_a + p.n_b > 0 THEN p.n_b ELSE t.n_b END AS n_b,
       round(CASE WHEN p.n_a + p.n_b > 0 THEN p.rate_a ELSE t.mean_a END, 4) AS a,
       round(CASE WHEN p.n_a + p.n_b > 0 THEN p.rate_b ELSE t.mean_b END, 4) AS b,
       round(CASE WHEN p.n_a + p.n_b > 0 THEN p.rate_b - p.rate_a ELSE t.diff END, 4) AS difference,
       CASE WHEN p.n_a + p.n_b > 0 THEN p.p_value ELSE t.p_value END AS p_value,
       round(CASE WHEN p.n_a + p.n_b > 0 THEN p.ci_low ELSE t.ci_low END, 4) AS ci_low,
       round(CASE WHEN p.n_a + p.n_b > 0 THEN p.ci_high ELSE t.ci_high END, 4) AS ci_high,
       coalesce(CASE WHEN p.n_a + p.n_b > 0 THEN p.p_value ELSE t.p_value END < 0.05, false) AS significant
FROM tests;
