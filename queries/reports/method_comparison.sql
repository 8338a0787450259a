-- Method A (text embeddings) against Method B (embeddings + profile features): mean silhouette
-- of each clustering in its own space, cluster sizes, and how much the two agree (the share of
-- pairs of rows that both put together or both apart, the Rand index). Needs the pipeline's
-- tables (run after queries/pipeline).

WITH a AS (
  SELECT e.fan_model_id, e.stage, c.cluster, silhouette(e.embedding, c.cluster) OVER () AS s
  FROM embeddings_without_profile e JOIN clustered_method_a c USING (fan_model_id, stage)
),
b AS (
  SELECT e.fan_model_id, e.stage, c.cluster, silhouette(e.embedding, c.cluster) OVER () AS s
  FROM embeddings_with_profile e JOIN clustered_method_b c USING (fan_model_id, stage)
),
sizes AS (
  SELECT 'A' AS method, "cluster", count(*) AS n FROM a GROUP BY "cluster"
  UNION ALL SELECT 'B', "cluster", count(*) FROM b GROUP BY "cluster"
),
both_methods AS (SELECT a.fan_model_id, a.stage, a.cluster AS ca, b.cluster AS cb FROM a JOIN b USING (fan_model_id, stage)),
agreement AS (
  SELECT avg(CASE WHEN (x.ca = y.ca) = (x.cb = y.cb) THEN 1.0 ELSE 0.0 END) AS rand_index
  FROM both_methods x JOIN both_methods y ON (x.fan_model_id, x.stage) < (y.fan_model_id, y.stage)
)
SELECT method, round(avg_s, 4) AS mean_silhouette, sizes_by_cluster,
       round((SELECT rand_index FROM agreement), 4) AS rand_index_a_vs_b
FROM (
  SELECT 'A' AS method, (SELECT avg(s) FROM a) AS avg_s UNION ALL SELECT 'B', (SELECT avg(s) FROM b)
) m
JOIN (SELECT method, array_to_string(array_agg(n ORDER BY "cluster"), ' / ') AS sizes_by_cluster FROM sizes GROUP BY method) z USING (method)
ORDER BY method;
