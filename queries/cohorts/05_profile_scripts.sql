-- Experiment 4, profile-enriched chat scripts: every pair not in another experiment whose fan
-- profile (pipeline 04) knows something about the fan (age, job, place, relationship or a life
-- event) gets, in arm B, chat scripts filled with that profile. Success: revenue per
-- conversation; 7-day retention (the fan writes 7 days or more after the start).
-- Sized on 7-day retention: the share of these pairs whose fan wrote again 7 days or more
-- after their first message, to detect +5 points. Runs last: it takes whoever is left.
-- Output: cohorts/profile_scripts.csv and cohorts/profile_scripts.parquet; prints pairs per arm against the
-- 100 minimum and the sample size the test needs. Needs 00_cohorts.sql first.

INSERT INTO cohorts
SELECT 'profile_scripts', fan_model_id, fan_id, model_id, persona, stage_reached, hours_inactive,
       ab_bucket(fan_model_id, 'profile_scripts'), assigned_at
FROM cohort_candidates
WHERE fan_model_id IN (
  SELECT fan_model_id FROM fan_profiles
  WHERE coalesce(cardinality(age_indicators), 0) + coalesce(cardinality(job_or_career), 0)
      + coalesce(cardinality(location_hints), 0) + coalesce(cardinality(relationship_status), 0)
      + coalesce(cardinality(life_events), 0) > 0);

INSERT INTO cohort_designs
SELECT 'profile_scripts', '7-day retention',
       avg(CASE WHEN s.retained THEN 1.0 ELSE 0.0 END), 0.05
FROM cohorts c
JOIN (SELECT fan_model_id,
             max(CASE WHEN fan_message IS NOT NULL THEN ts END) >= min(ts) + INTERVAL '7 days' AS retained
      FROM staged_conversations GROUP BY fan_model_id) s USING (fan_model_id)
WHERE c.experiment = 'profile_scripts';

COPY (SELECT * FROM cohorts WHERE experiment = 'profile_scripts' ORDER BY fan_model_id)
TO 'cohorts/profile_scripts.csv' STORED AS CSV OPTIONS ('format.has_header' 'true');
COPY (SELECT * FROM cohorts WHERE experiment = 'profile_scripts' ORDER BY fan_model_id)
TO 'cohorts/profile_scripts.parquet' STORED AS PARQUET;

SELECT * FROM cohort_checks WHERE experiment = 'profile_scripts' ORDER BY arm;
