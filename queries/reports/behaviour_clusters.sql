-- Behaviour-based clustering: k-means (k = 5) on each fan+model pair's standardized behaviour
-- (what it did, not what it wrote): messages, share written by the fan, conversations, purchases,
-- revenue, tips, mean fan reply rate and mean conversation length, log-scaled where money and
-- counts are skewed, each standardized to mean 0 and variance 1 over all pairs. Clusters are
-- then named by personas.sql's rule. Needs the pipeline's tables (run after queries/pipeline).
-- Output: behaviour_clusters.csv (fan_model_id, cluster, persona).

CREATE OR REPLACE TABLE behaviour_features AS
SELECT f.fan_model_id,
       ln(1 + f.message_count) AS log_messages,
       s.fan_messages / CAST(f.message_count AS DOUBLE) AS fan_share,
       ln(1 + f.conversations) AS log_conversations,
       ln(1 + f.purchase_count) AS log_purchases,
       ln(1 + f.revenue) AS log_revenue,
       ln(1 + f.tips) AS log_tips,
       coalesce(c.reply_rate, 0) AS reply_rate,
       ln(1 + c.mean_messages) AS log_conversation_length
FROM fan_summary f
JOIN (SELECT fan_model_id, sum(fan_messages) AS fan_messages FROM stage_texts GROUP BY fan_model_id) s USING (fan_model_id)
JOIN (SELECT fan_model_id, avg(fan_reply_rate) AS reply_rate, avg(message_count) AS mean_messages
      FROM conversation_features GROUP BY fan_model_id) c USING (fan_model_id);

CREATE OR REPLACE TABLE behaviour_clusters AS
WITH standardized AS (
  SELECT fan_model_id, make_array(
    (log_messages - avg(log_messages) OVER ()) / stddev_pop(log_messages) OVER (),
    (fan_share - avg(fan_share) OVER ()) / stddev_pop(fan_share) OVER (),
    (log_conversations - avg(log_conversations) OVER ()) / stddev_pop(log_conversations) OVER (),
    (log_purchases - avg(log_purchases) OVER ()) / stddev_pop(log_purchases) OVER (),
    (log_revenue - avg(log_revenue) OVER ()) / stddev_pop(log_revenue) OVER (),
    (log_tips - avg(log_tips) OVER ()) / stddev_pop(log_tips) OVER (),
    (reply_rate - avg(reply_rate) OVER ()) / stddev_pop(reply_rate) OVER (),
    (log_conversation_length - avg(log_conversation_length) OVER ()) / stddev_pop(log_conversation_length) OVER ()
  ) AS features
  FROM behaviour_features
)
-- a fixed row order makes the clusters the same on every run, local or on a cluster
SELECT fan_model_id, kmeans_assign(features, 5) OVER (ORDER BY fan_model_id) AS cluster FROM standardized;
