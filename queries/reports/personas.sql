-- Names the behaviour clusters (behaviour_clusters.sql) like the prototype's report did, by a
-- fixed rule on each cluster's metrics, taken in this order, each from the clusters not yet named:
--   Whales     the highest revenue per pair
--   Ghosts     the fewest messages per pair
--   Romantics  the highest share of messages written by the fan (they talk, and pay less)
--   Samplers   the most purchases per pair (small, frequent buys)
--   Drifters   the one left
-- With k other than 5, clusters past the fifth are 'Other'.
-- Output: personas.csv (per cluster: name and metrics) and behaviour_clusters.csv.

CREATE OR REPLACE TABLE cluster_metrics AS
SELECT b.cluster, count(*) AS pairs,
       avg(f.revenue) AS revenue_per_pair, avg(f.message_count) AS messages_per_pair,
       avg(bf.fan_share) AS fan_share, avg(f.purchase_count) AS purchases_per_pair
FROM behaviour_clusters b
JOIN fan_summary f USING (fan_model_id)
JOIN behaviour_features bf USING (fan_model_id)
GROUP BY b.cluster;

-- One name per step, each picked from the clusters not named yet. (Small steps rather than one
-- query with nested NOT IN subqueries: on a cluster every subquery copy becomes its own stages.)
CREATE OR REPLACE TABLE named_clusters AS
SELECT cluster, 'Whales' AS persona FROM cluster_metrics ORDER BY revenue_per_pair DESC, cluster LIMIT 1;

CREATE OR REPLACE TABLE named_clusters AS
SELECT * FROM named_clusters UNION ALL
(SELECT cluster, 'Ghosts' FROM cluster_metrics WHERE cluster NOT IN (SELECT cluster FROM named_clusters)
 ORDER BY messages_per_pair, cluster LIMIT 1);

CREATE OR REPLACE TABLE named_clusters AS
SELECT * FROM named_clusters UNION ALL
(SELECT cluster, 'Romantics' FROM cluster_metrics WHERE cluster NOT IN (SELECT cluster FROM named_clusters)
 ORDER BY fan_share DESC, cluster LIMIT 1);

CREATE OR REPLACE TABLE named_clusters AS
SELECT * FROM named_clusters UNION ALL
(SELECT cluster, 'Samplers' FROM cluster_metrics WHERE cluster NOT IN (SELECT cluster FROM named_clusters)
 ORDER BY purchases_per_pair DESC, cluster LIMIT 1);

CREATE OR REPLACE TABLE named_clusters AS
SELECT * FROM named_clusters UNION ALL
(SELECT cluster, 'Drifters' FROM cluster_metrics WHERE cluster NOT IN (SELECT cluster FROM named_clusters)
 ORDER BY pairs DESC, cluster LIMIT 1);

CREATE OR REPLACE TABLE personas AS
SELECT m.cluster, coalesce(n.persona, 'Other') AS persona,
       m.pairs, round(m.revenue_per_pair, 2) AS revenue_per_pair, round(m.messages_per_pair, 1) AS messages_per_pair,
       round(m.fan_share, 3) AS fan_share, round(m.purchases_per_pair, 2) AS purchases_per_pair
FROM cluster_metrics m LEFT JOIN named_clusters n USING (cluster);

SELECT * FROM personas ORDER BY cluster;
COPY (SELECT * FROM personas ORDER BY cluster) TO 'personas.csv' STORED AS CSV OPTIONS ('format.has_header' 'true');
COPY (SELECT b.fan_model_id, b.cluster, p.persona FROM behaviour_clusters b JOIN personas p USING (cluster) ORDER BY b.fan_model_id)
TO 'behaviour_clusters.csv' STORED AS CSV OPTIONS ('format.has_header' 'true');
