-- Experiment 3, Drifter conversion nudge: Drifters who never bought and are still around
-- (silent under 48 hours; the silent ones are in emotional_hook) get, in arm B, a conversion
-- nudge (a time-limited first-purchase offer). Success: first purchase rate; return visit rate
-- (the fan writes in 2 or more conversations after the start).
-- Sized on the first purchase rate: the share of all Drifter pairs that ever bought, to detect
-- +5 points.
-- Output: cohorts/drifter_nudge.csv and cohorts/drifter_nudge.parquet; prints pairs per arm against the
-- 100 minimum and the sample size the test needs. Needs 00_cohorts.sql first.

INSERT INTO cohorts
SELECT 'drifter_nudge', fan_model_id, fan_id, model_id, persona, stage_reached, hours_inactive,
       ab_bucket(fan_model_id, 'drifter_nudge'), assigned_at
FROM cohort_candidates
WHERE persona = 'Drifters' AND purchase_count = 0;

INSERT INTO cohort_designs
SELECT 'drifter_nudge', 'first purchase rate',
       avg(CASE WHEN f.purchase_count > 0 THEN 1.0 ELSE 0.0 END), 0.05
FROM fan_summary f
JOIN behaviour_clusters b USING (fan_model_id)
JOIN personas p ON p."cluster" = b."cluster"
WHERE p.persona = 'Drifters';

COPY (SELECT * FROM cohorts WHERE experiment = 'drifter_nudge' ORDER BY fan_model_id)
TO 'cohorts/drifter_nudge.csv' STORED AS CSV OPTIONS ('format.has_header' 'true');
COPY (SELECT * FROM cohorts WHERE experiment = 'drifter_nudge' ORDER BY fan_model_id)
TO 'cohorts/drifter_nudge.parquet' STORED AS PARQUET;

SELECT * FROM cohort_checks WHERE experiment = 'drifter_nudge' ORDER BY arm;
