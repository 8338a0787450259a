-- Chatter performance: the agency's daily question, per chatter (the data's chatter_id), over
-- the rows each chatter handled (a row belongs to the chatter named on it):
--   conversations            conversations the chatter wrote in
--   fans                     distinct fans in those conversations
--   chatter_messages         messages the chatter sent
--   revenue                  money (purchases and tips) on the chatter's rows
--   purchase_conversion      share of the chatter's conversations with a purchase on the chatter's rows
--   revenue_per_message      revenue / chatter_messages
--   median_fan_reply_minutes median time from a chatter message to the fan's answer in the next
--                            row of the same conversation (answered messages only)
--   reached_stage_2_share    share of the chatter's fan+model pairs with messages in stage_2
--                            (they bought again, at another time, after a first purchase)
--   reached_stage_3_share    share of those pairs with messages in stage_3 (after their last
--                            purchase: they bought and stayed to talk)
-- Needs the pipeline's staged_conversations (run after queries/pipeline).
-- Output: chatter_performance.csv, best revenue first.

CREATE OR REPLACE TABLE chatter_performance AS
WITH pair_stages AS (
  SELECT fan_model_id,
         bool_or(stage = 'stage_2') AS reached_stage_2,
         bool_or(stage = 'stage_3') AS reached_stage_3
  FROM staged_conversations
  GROUP BY fan_model_id
),
handled AS (
  SELECT s.chatter_id, s.conversation_id, s.fan_id, s.fan_model_id, s.revenue, s.purchased,
         s.chatter_message IS NOT NULL AS sent,
         CASE WHEN s.chatter_message IS NOT NULL AND s.next_fan_message_ts - s.ts <= INTERVAL '4 hours'
              THEN (date_part('epoch', s.next_fan_message_ts) - date_part('epoch', s.ts)) / 60.0 END AS reply_minutes
  FROM staged_conversations s
  WHERE s.chatter_id IS NOT NULL
),
per_conversation AS (
  SELECT chatter_id, conversation_id, bool_or(purchased) AS purchased
  FROM handled GROUP BY chatter_id, conversation_id
),
per_pair AS (
  SELECT DISTINCT h.chatter_id, h.fan_model_id, p.reached_stage_2, p.reached_stage_3
  FROM handled h JOIN pair_stages p USING (fan_model_id)
),
totals AS (
  SELECT chatter_id,
         count(DISTINCT conversation_id) AS conversations,
         count(DISTINCT fan_id) AS fans,
         sum(CASE WHEN sent THEN 1 ELSE 0 END) AS chatter_messages,
         sum(revenue) AS revenue,
         median(reply_minutes) AS median_fan_reply_minutes
  FROM handled GROUP BY chatter_id
)
SELECT t.chatter_id, t.conversations, t.fans, t.chatter_messages, round(t.revenue, 2) AS revenue,
       round(c.converted / CAST(t.conversations AS DOUBLE), 4) AS purchase_conversion,
       round(t.revenue / nullif(t.chatter_messages, 0), 4) AS revenue_per_message,
       round(t.median_fan_reply_minutes, 2) AS median_fan_reply_minutes,
       round(s.stage_2 / CAST(s.pairs AS DOUBLE), 4) AS reached_stage_2_share,
       round(s.stage_3 / CAST(s.pairs AS DOUBLE), 4) AS reached_stage_3_share
FROM totals t
JOIN (SELECT chatter_id, sum(CASE WHEN purchased THEN 1 ELSE 0 END) AS converted
      FROM per_conversation GROUP BY chatter_id) c USING (chatter_id)
JOIN (SELECT chatter_id, count(*) AS pairs,
             sum(CASE WHEN reached_stage_2 THEN 1 ELSE 0 END) AS stage_2,
             sum(CASE WHEN reached_stage_3 THEN 1 ELSE 0 END) AS stage_3
      FROM per_pair GROUP BY chatter_id) s USING (chatter_id);

SELECT * FROM chatter_performance ORDER BY revenue DESC, chatter_id LIMIT 20;
COPY (SELECT * FROM chatter_performance ORDER BY revenue DESC, chatter_id) TO 'chatter_performance.csv' STORED AS CSV OPTIONS ('format.has_header' 'true');
