-- Stage 3 of the pipeline: one row per fan+model pair.
-- Output: fan_summary.csv and fan_summary.parquet.
--   stages_reached  the highest stage the pair reached (stage_1, stage_2 or stage_3)
--   churn_risk      the churn risk of the pair's latest conversation

CREATE OR REPLACE TABLE fan_summary AS
WITH per_pair AS (
  SELECT
    fan_model_id,
    max(fan_id) AS fan_id,  -- one value per pair (max: vectorized on text)
    max(model_id) AS model_id,
    count(*) AS message_count,
    count(DISTINCT conversation_id) AS conversations,
    sum(revenue) AS revenue,
    sum(tips) AS tips,
    sum(CASE WHEN purchased THEN 1 ELSE 0 END) AS purchase_count,
    max(stage) AS stages_reached,
    min(ts) AS first_seen,
    max(ts) AS last_seen
  FROM staged_conversations
  GROUP BY fan_model_id
),
latest_conversation AS (
  SELECT fan_model_id,
         last_value(churn_risk ORDER BY started_at) AS churn_risk,
         max(hours_since_fan_last_message) AS hours_since_fan_last_message
  FROM conversation_features
  GROUP BY fan_model_id
)
SELECT p.*, l.churn_risk, l.hours_since_fan_last_message
FROM per_pair p JOIN latest_conversation l USING (fan_model_id);

-- A table keeps no row order (DataFusion spreads its rows over partitions), so exports sort.
COPY (SELECT * FROM fan_summary ORDER BY revenue DESC, fan_model_id) TO 'fan_summary.csv' STORED AS CSV OPTIONS ('format.has_header' 'true');
COPY (SELECT * FROM fan_summary ORDER BY revenue DESC, fan_model_id) TO 'fan_summary.parquet' STORED AS PARQUET;
