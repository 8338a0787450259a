-- Stage 4 of the pipeline: a profile of each fan+model pair from the fan's own messages.
-- Output: fan_profiles.parquet (one LIST column per field) and fan_profiles.csv (lists joined
-- with '; '); a pair whose fan never wrote has NULL fields. Offline by default (the local profiler); with OPENAI_API_KEY set, profile_llm
-- asks the model in fansql.llm.model, batched and cached (see \df profile_llm).

CREATE OR REPLACE TABLE fan_profiles AS
WITH texts AS (
  SELECT fan_model_id, max(fan_id) AS fan_id, max(model_id) AS model_id,  -- one value per pair
         string_agg(fan_message, chr(10) ORDER BY ts, row_id) AS text
  FROM messages
  GROUP BY fan_model_id
),
profiled AS (
  SELECT fan_model_id, fan_id, model_id, profile_llm(text) AS p FROM texts
)
SELECT
  fan_model_id, fan_id, model_id,
  p['age_indicators'] AS age_indicators,
  p['job_or_career'] AS job_or_career,
  p['location_hints'] AS location_hints,
  p['relationship_status'] AS relationship_status,
  p['personality_traits'] AS personality_traits,
  p['emotional_needs'] AS emotional_needs,
  p['purchase_motivations'] AS purchase_motivations,
  p['communication_style'] AS communication_style,
  p['life_events'] AS life_events
FROM profiled;

COPY (SELECT * FROM fan_profiles ORDER BY fan_model_id) TO 'fan_profiles.parquet' STORED AS PARQUET;

COPY (
  SELECT fan_model_id, fan_id, model_id,
         array_to_string(age_indicators, '; ') AS age_indicators,
         array_to_string(job_or_career, '; ') AS job_or_career,
         array_to_string(location_hints, '; ') AS location_hints,
         array_to_string(relationship_status, '; ') AS relationship_status,
         array_to_string(personality_traits, '; ') AS personality_traits,
         array_to_string(emotional_needs, '; ') AS emotional_needs,
         array_to_string(purchase_motivations, '; ') AS purchase_motivations,
         array_to_string(communication_style, '; ') AS communication_style,
         array_to_string(life_events, '; ') AS life_events
  FROM fan_profiles
  ORDER BY fan_model_id
) TO 'fan_profiles.csv' STORED AS CSV OPTIONS ('format.has_header' 'true');
