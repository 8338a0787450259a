-- How many clusters? k-means for k = 2..10 on the Method A embeddings in one query (k is a
-- column, one window partition per k): the elbow (inertia per k, and how much each k lowers
-- it) and the mean silhouette per k.
-- Rule: the k with the highest mean silhouette, among the k whose inertia drop from k-1 is at
-- least 5 % (past the elbow more clusters mostly split noise); ties go to the smaller k.
-- Needs the pipeline's outputs: fansql run queries/pipeline queries/reports/k_selection.sql

CREATE OR REPLACE EXTERNAL TABLE k_selection_input STORED AS PARQUET LOCATION 'embeddings_without_profile.parquet';

WITH clustered AS (
  SELECT k, embedding, kmeans(embedding, k) OVER (PARTITION BY k ORDER BY fan_model_id, stage) AS c
  -- the array form of generate_series: a cluster cannot ship the table function's rows
  FROM k_selection_input CROSS JOIN (SELECT unnest(generate_series(2, 10)) AS k) AS g
),
scored AS (
  SELECT k, c['distance'] AS distance, silhouette(embedding, c['cluster']) OVER (PARTITION BY k) AS s
  FROM clustered
),
per_k AS (
  SELECT k, sum(distance * distance) AS inertia, avg(s) AS mean_silhouette FROM scored GROUP BY k
),
with_drop AS (
  SELECT k, inertia, mean_silhouette,
         1 - inertia / lag(inertia) OVER (ORDER BY k) AS inertia_drop
  FROM per_k
),
chosen AS (
  SELECT k FROM with_drop WHERE k = 2 OR inertia_drop >= 0.05
  ORDER BY mean_silhouette DESC, k LIMIT 1
)
SELECT w.k, round(w.inertia, 3) AS inertia, round(w.inertia_drop, 4) AS inertia_drop,
       round(w.mean_silhouette, 4) AS mean_silhouette,
       CASE WHEN w.k = (SELECT k FROM chosen) THEN 'chosen' ELSE '' END AS pick
FROM with_drop w ORDER BY w.k;
