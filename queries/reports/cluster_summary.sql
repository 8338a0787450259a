-- What each Method A cluster is: per cluster, fan+model pairs, messages, revenue (total and per
-- pair), purchase rate, mean conversation duration, stage mix, and its most distinctive words
-- (cluster_terms, class-based TF-IDF). Needs the pipeline's tables (run after queries/pipeline).

CREATE OR REPLACE TABLE cluster_summary AS
WITH rows AS (
  SELECT c.cluster, c.fan_model_id, c.stage, t.text, t.fan_messages
  FROM clustered_method_a c JOIN stage_texts t ON t.fan_model_id = c.fan_model_id AND t.stage = c.stage
),
terms AS (
  SELECT DISTINCT cluster, array_to_string(cluster_terms(text, cluster, 8) OVER (), ', ') AS top_terms FROM rows
),
pairs AS (
  SELECT r.cluster, count(DISTINCT r.fan_model_id) AS fan_model_pairs,
         sum(r.fan_messages) AS fan_messages,
         sum(CASE WHEN r.stage = 'stage_1' THEN 1 ELSE 0 END) AS in_stage_1,
         sum(CASE WHEN r.stage = 'stage_2' THEN 1 ELSE 0 END) AS in_stage_2,
         sum(CASE WHEN r.stage = 'stage_3' THEN 1 ELSE 0 END) AS in_stage_3
  FROM rows r GROUP BY r.cluster
),
money AS (
  SELECT r.cluster, sum(f.revenue) AS revenue, sum(f.purchase_count) AS purchases, sum(f.message_count) AS messages
  FROM (SELECT DISTINCT cluster, fan_model_id FROM rows) r JOIN fan_summary f ON f.fan_model_id = r.fan_model_id
  GROUP BY r.cluster
),
duration AS (
  SELECT r.cluster, avg(cf.duration_hours) AS mean_conversation_hours
  FROM (SELECT DISTINCT cluster, fan_model_id FROM rows) r JOIN conversation_features cf ON cf.fan_model_id = r.fan_model_id
  GROUP BY r.cluster
)
SELECT p.cluster, p.fan_model_pairs, m.messages, p.fan_messages, round(m.revenue, 2) AS revenue,
       round(m.revenue / p.fan_model_pairs, 2) AS revenue_per_pair,
       round(m.purchases / CAST(m.messages AS DOUBLE), 4) AS purchase_rate,
       round(d.mean_conversation_hours, 2) AS mean_conversation_hours,
       p.in_stage_1, p.in_stage_2, p.in_stage_3, t.top_terms
FROM pairs p JOIN money m ON m.cluster = p.cluster JOIN duration d ON d.cluster = p.cluster JOIN terms t ON t.cluster = p.cluster;

SELECT * FROM cluster_summary ORDER BY cluster;
COPY (SELECT * FROM cluster_summary ORDER BY cluster) TO 'cluster_summary.csv' STORED AS CSV OPTIONS ('format.has_header' 'true');
