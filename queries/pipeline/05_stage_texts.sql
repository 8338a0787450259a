-- Stage 5 of the pipeline: the text of each fan+model pair in each stage, what the embeddings
-- (06, 07) are made of: the fan's own messages of that stage joined by one space, in time order
-- (ties by row_id), as the prototype built them.
-- Output: stage_texts.parquet. Every (pair, stage) is kept; text is NULL when the fan wrote
-- nothing in that stage (fan_messages = 0), so no row can silently drop out and shift others.

CREATE OR REPLACE TABLE stage_texts AS
SELECT
  fan_model_id,
  max(fan_id) AS fan_id,  -- one value per pair (max: vectorized on text)
  max(model_id) AS model_id,
  stage,
  count(fan_message) AS fan_messages,
  string_agg(fan_message, ' ' ORDER BY ts, row_id) AS text
FROM staged_conversations
GROUP BY fan_model_id, stage;

COPY (SELECT * FROM stage_texts ORDER BY fan_model_id, stage) TO 'stage_texts.parquet' STORED AS PARQUET;
