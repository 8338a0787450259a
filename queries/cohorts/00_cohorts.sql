-- A/B cohorts of the seed's five experiments: who is in which arm. Run after the pipeline and
-- the persona reports, in one session:
--   fansql run queries/pipeline queries/reports queries/cohorts
-- This file sets up what the five experiment files share; each of them then adds its eligible
-- fan+model pairs to `cohorts`, exports them and prints its check.
--
-- Rules the seed set, kept here:
--   * the unit is the fan+model pair, and a pair is in at most one experiment (isolation): each
--     file skips pairs an earlier file (in name order) already took, so the catch-all
--     experiment (profile_scripts) runs last;
--   * pairs are pre-segmented by persona (reports/personas.sql) before assignment;
--   * arms: 'A' = control (what chatters do today), 'B' = the treatment, half each, by
--     ab_bucket(fan_model_id, experiment): stable, so rerunning a file redraws nobody;
--   * at least 100 pairs per arm and at least 14 days before reading out.
-- assigned_at is the latest message in the data: the cohort describes the pairs as they were
-- then, and readouts (queries/experiments) count what happens after it unless
-- fansql.experiment.start says otherwise.
--
-- Output: per experiment cohorts/<experiment>.csv and cohorts/<experiment>.parquet (experiment,
-- fan_model_id, fan_id, model_id, persona, stage_reached, hours_inactive, arm, assigned_at).

CREATE OR REPLACE TABLE cohorts (
  experiment VARCHAR, fan_model_id VARCHAR, fan_id VARCHAR, model_id VARCHAR, persona VARCHAR,
  stage_reached VARCHAR, hours_inactive DOUBLE, arm VARCHAR, assigned_at TIMESTAMP
);

-- How each experiment is sized: the proportion metric its test is powered for, the rate the
-- control arm had historically, and the smallest change worth detecting (absolute). The sample
-- size is computed from the baseline kept within [0.01, 0.99 - effect], since a rate of 0, or
-- one the effect would push past 1, cannot be sized.
CREATE OR REPLACE TABLE cohort_designs (
  experiment VARCHAR, sizing_metric VARCHAR, baseline_rate DOUBLE, min_detectable_effect DOUBLE
);

-- Every fan+model pair with its persona and how long it has been silent.
CREATE OR REPLACE VIEW cohort_candidates AS
WITH dataset AS (SELECT max(ts) AS latest FROM staged_conversations)
SELECT f.fan_model_id, f.fan_id, f.model_id, p.persona, f.stages_reached AS stage_reached,
       (date_part('epoch', d.latest) - date_part('epoch', f.last_seen)) / 3600.0 AS hours_inactive,
       f.purchase_count, d.latest AS assigned_at
FROM fan_summary f
JOIN behaviour_clusters b USING (fan_model_id)
JOIN personas p ON p."cluster" = b."cluster"
CROSS JOIN dataset d
WHERE f.fan_model_id NOT IN (SELECT fan_model_id FROM cohorts);

-- The check each experiment file prints: pairs per arm against the 100 minimum and against the
-- sample size its sizing metric needs.
CREATE OR REPLACE VIEW cohort_checks AS
WITH arms AS (SELECT d.experiment, a.arm FROM cohort_designs d CROSS JOIN (VALUES ('A'), ('B')) AS a(arm)),
counts AS (SELECT experiment, arm, count(*) AS eligible FROM cohorts GROUP BY experiment, arm)
SELECT a.experiment, a.arm, coalesce(c.eligible, 0) AS eligible, 100 AS minimum,
       coalesce(c.eligible, 0) >= 100 AS meets_minimum,
       d.sizing_metric, round(d.baseline_rate, 4) AS baseline_rate, d.min_detectable_effect,
       s.needed_per_arm, coalesce(c.eligible, 0) >= s.needed_per_arm AS powered
FROM arms a
JOIN cohort_designs d USING (experiment)
LEFT JOIN counts c ON c.experiment = a.experiment AND c.arm = a.arm
JOIN (SELECT experiment, ab_sample_size(least(greatest(baseline_rate, 0.01), 0.99 - min_detectable_effect),
                                        min_detectable_effect) AS needed_per_arm
      FROM cohort_designs) s ON s.experiment = a.experiment;
