-- Experiment 1, emotional-hook first message: Ghosts and Drifters who never bought and have
-- been silent for 48 hours or more get, in arm B, a first message built on an emotional hook
-- instead of the usual opener. Success: the fan answers within the first 3 messages of the
-- next conversation; the pair converts to stage 2 (buys).
-- Sized on the response within the first 3 messages: its historical rate among these pairs
-- (their first 3 messages ever), to detect +10 points.
-- Output: cohorts/emotional_hook.csv and cohorts/emotional_hook.parquet; prints pairs per arm against the
-- 100 minimum and the sample size the test needs. Needs 00_cohorts.sql first.

INSERT INTO cohorts
SELECT 'emotional_hook', fan_model_id, fan_id, model_id, persona, stage_reached, hours_inactive,
       ab_bucket(fan_model_id, 'emotional_hook'), assigned_at
FROM cohort_candidates
WHERE persona IN ('Ghosts', 'Drifters') AND stage_reached = 'stage_1' AND hours_inactive >= 48;

INSERT INTO cohort_designs
SELECT 'emotional_hook', 'response within the first 3 messages',
       avg(CASE WHEN s.answered THEN 1.0 ELSE 0.0 END), 0.10
FROM cohorts c
JOIN (SELECT fan_model_id, bool_or(fan_message IS NOT NULL) AS answered
      FROM staged_conversations WHERE pair_message_number <= 3 GROUP BY fan_model_id) s USING (fan_model_id)
WHERE c.experiment = 'emotional_hook';

COPY (SELECT * FROM cohorts WHERE experiment = 'emotional_hook' ORDER BY fan_model_id)
TO 'cohorts/emotional_hook.csv' STORED AS CSV OPTIONS ('format.has_header' 'true');
COPY (SELECT * FROM cohorts WHERE experiment = 'emotional_hook' ORDER BY fan_model_id)
TO 'cohorts/emotional_hook.parquet' STORED AS PARQUET;

SELECT * FROM cohort_checks WHERE experiment = 'emotional_hook' ORDER BY arm;
