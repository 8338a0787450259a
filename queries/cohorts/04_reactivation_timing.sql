-- Experiment 5, reactivation timing: Romantics silent for 48 hours or more are written to, in
-- arm B, at the hour of day they used to be most active instead of at once. Success: response
-- rate (the fan writes after the start); revenue after the inactivity.
-- Sized on the response rate: the Romantics' historical reply rate to chatter messages, to
-- detect +5 points. (Runs before profile_scripts, the catch-all, so it keeps its Romantics.)
-- Output: cohorts/reactivation_timing.csv and cohorts/reactivation_timing.parquet; prints pairs per arm against the
-- 100 minimum and the sample size the test needs. Needs 00_cohorts.sql first.

INSERT INTO cohorts
SELECT 'reactivation_timing', fan_model_id, fan_id, model_id, persona, stage_reached, hours_inactive,
       ab_bucket(fan_model_id, 'reactivation_timing'), assigned_at
FROM cohort_candidates
WHERE persona = 'Romantics' AND hours_inactive >= 48;

INSERT INTO cohort_designs
SELECT 'reactivation_timing', 'response rate',
       avg(f.fan_reply_rate), 0.05
FROM cohorts c JOIN conversation_features f USING (fan_model_id)
WHERE c.experiment = 'reactivation_timing';

COPY (SELECT * FROM cohorts WHERE experiment = 'reactivation_timing' ORDER BY fan_model_id)
TO 'cohorts/reactivation_timing.csv' STORED AS CSV OPTIONS ('format.has_header' 'true');
COPY (SELECT * FROM cohorts WHERE experiment = 'reactivation_timing' ORDER BY fan_model_id)
TO 'cohorts/reactivation_timing.parquet' STORED AS PARQUET;

SELECT * FROM cohort_checks WHERE experiment = 'reactivation_timing' ORDER BY arm;
