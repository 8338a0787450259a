-- Stage 1 of the pipeline: every message with its conversation and its purchase stage.
--
-- A conversation of a fan+model pair ends after more than 4 hours of silence
-- (conversation_index); stages follow the pair's first and last purchase times (stage).
-- Output: staged_conversations.parquet, also registered as the table staged_conversations.

CREATE OR REPLACE VIEW staged_messages AS
SELECT
  m.*,
  m.fan_model_id || '_C' || CAST(conversation_index(m.ts) OVER pair AS VARCHAR) AS conversation_id,
  stage(m.ts, m.purchased) OVER pair AS stage
FROM messages m
WINDOW pair AS (PARTITION BY m.fan_id, m.model_id ORDER BY m.ts, m.row_id);

-- Written in the order the window leaves rows (each pair's messages together, in time order);
-- a global ORDER BY here would make a 10M-row merge hold far more memory than the rows need.
COPY (SELECT * FROM staged_messages)
TO 'staged_conversations.parquet' STORED AS PARQUET;

CREATE OR REPLACE EXTERNAL TABLE staged_conversations
STORED AS PARQUET LOCATION 'staged_conversations.parquet';
