-- Stage 1 of the pipeline: every message with its conversation and its purchase stage.
--
-- A conversation of a fan+model pair ends after more than 4 hours of silence
-- (conversation_index); stages follow the pair's first and last purchase times (stage).
-- Output: staged_conversations.parquet, also registered as the table staged_conversations:
-- every message with conversation_id and stage, plus what the conversation features (02) need
-- from a row's neighbours, computed in the same streaming pass: pair_message_number (position
-- in the fan+model pair), next_message_ts, next_has_fan_message and pair_chatter_so_far (chatter
-- messages in the pair up to and including this row).

CREATE OR REPLACE VIEW staged_messages AS
SELECT
  m.*,
  m.fan_model_id || '_C' || CAST(conversation_index(m.ts) OVER pair AS VARCHAR) AS conversation_id,
  stage(m.ts, m.purchased) OVER pair AS stage,
  row_number() OVER pair AS pair_message_number,
  lead(m.ts) OVER pair AS next_message_ts,
  -- lead of a flag, not of the text: lead copies each value it returns
  coalesce(lead(m.fan_message IS NOT NULL) OVER pair, false) AS next_has_fan_message,
  -- the default frame runs to the current row, and (ts, row_id) is unique within a pair, so this
  -- counts exactly the rows up to this one; one frame for all expressions keeps it one pass
  sum(CASE WHEN m.chatter_message IS NOT NULL THEN 1 ELSE 0 END) OVER pair AS pair_chatter_so_far
FROM messages m
WINDOW pair AS (PARTITION BY m.fan_id, m.model_id ORDER BY m.ts, m.row_id);

-- Written in the order the window leaves rows (each pair's messages together, in time order);
-- a global ORDER BY here would make a 10M-row merge hold far more memory than the rows need.
COPY (SELECT * FROM staged_messages) TO 'staged_conversations.parquet' STORED AS PARQUET;

CREATE OR REPLACE EXTERNAL TABLE staged_conversations
STORED AS PARQUET LOCATION 'staged_conversations.parquet';
