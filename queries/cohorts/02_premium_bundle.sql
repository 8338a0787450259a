-- Experiment 2, premium bundle: Whales get, in arm B, a premium bundle offer. Success:
-- revenue per fan; repeat purchase rate (2 or more purchases).
-- Sized on the repeat purchase rate: the share of Whales with 2 or more purchases so far, to
-- detect +5 points.
-- Output: cohorts/premium_bundle.csv and cohorts/premium_bundle.parquet; prints pairs per arm against the
-- 100 minimum and the sample size the test needs. Needs 00_cohorts.sql first.

INSERT INTO cohorts
SELECT 'premium_bundle', fan_model_id, fan_id, model_id, persona, stage_reached, hours_inactive,
       ab_bucket(fan_model_id, 'premium_bundle'), assigned_at
FROM cohort_candidates
WHERE persona = 'Whales';

INSERT INTO cohort_designs
SELECT 'premium_bundle', 'repeat purchase rate',
       avg(CASE WHEN f.purchase_count >= 2 THEN 1.0 ELSE 0.0 END), 0.05
FROM cohorts c JOIN fan_summary f USING (fan_model_id)
WHERE c.experiment = 'premium_bundle';

COPY (SELECT * FROM cohorts WHERE experiment = 'premium_bundle' ORDER BY fan_model_id)
TO 'cohorts/premium_bundle.csv' STORED AS CSV OPTIONS ('format.has_header' 'true');
COPY (SELECT * FROM cohorts WHERE experiment = 'premium_bundle' ORDER BY fan_model_id)
TO 'cohorts/premium_bundle.parquet' STORED AS PARQUET;

SELECT * FROM cohort_checks WHERE experiment = 'premium_bundle' ORDER BY arm;
