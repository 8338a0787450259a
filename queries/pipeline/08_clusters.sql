-- Stage 8 of the pipeline: clusters of the stage texts, for Method A (text embeddings, 06) and
-- Method B (hybrid vectors, 07), with UMAP layouts and plots.
-- k-means k = 5 over all (fan+model, stage) rows together, as the prototype clustered them
-- (queries/reports/k_selection.sql shows the elbow and silhouettes per k); clusters are numbered
-- by size, 0 the largest; rows enter k-means and UMAP in a fixed order, so every run (local
-- or on a cluster) gives the same result. x, y, z are a 3-component UMAP layout (a real third axis).
-- Output: clustered_method_A.parquet / _B (fan_model_id, stage, cluster, x, y, z),
-- cluster_umap_method_A.png / _B (x, y by cluster) and cluster_3d_method_A.html / _B
-- (interactive, offline).

CREATE OR REPLACE TABLE clustered_method_a AS
SELECT fan_model_id, stage, kmeans_assign(embedding, 5) OVER rows_in_order AS cluster,
       umap(embedding, 3) OVER rows_in_order AS xyz
FROM embeddings_without_profile
WINDOW rows_in_order AS (ORDER BY fan_model_id, stage);

CREATE OR REPLACE TABLE clustered_method_b AS
SELECT fan_model_id, stage, kmeans_assign(embedding, 5) OVER rows_in_order AS cluster,
       umap(embedding, 3) OVER rows_in_order AS xyz
FROM embeddings_with_profile
WINDOW rows_in_order AS (ORDER BY fan_model_id, stage);

COPY (SELECT fan_model_id, stage, "cluster", xyz[1] AS x, xyz[2] AS y, xyz[3] AS z FROM clustered_method_a ORDER BY fan_model_id, stage)
TO 'clustered_method_A.parquet' STORED AS PARQUET;

COPY (SELECT fan_model_id, stage, "cluster", xyz[1] AS x, xyz[2] AS y, xyz[3] AS z FROM clustered_method_b ORDER BY fan_model_id, stage)
TO 'clustered_method_B.parquet' STORED AS PARQUET;

SELECT plot_scatter(xyz[1], xyz[2], cluster, 'cluster_umap_method_A.png',
                    'Method A (text embeddings): k-means clusters on UMAP', 'UMAP 1', 'UMAP 2') AS written
FROM clustered_method_a;

SELECT plot_scatter(xyz[1], xyz[2], cluster, 'cluster_umap_method_B.png',
                    'Method B (embeddings + profiles): k-means clusters on UMAP', 'UMAP 1', 'UMAP 2') AS written
FROM clustered_method_b;

SELECT plot_scatter_3d(xyz[1], xyz[2], xyz[3], cluster, fan_model_id || ' ' || stage, 'cluster_3d_method_A.html',
                       'Method A (text embeddings): clusters in 3D UMAP', 'UMAP 1', 'UMAP 2', 'UMAP 3') AS written
FROM clustered_method_a;

SELECT plot_scatter_3d(xyz[1], xyz[2], xyz[3], cluster, fan_model_id || ' ' || stage, 'cluster_3d_method_B.html',
                       'Method B (embeddings + profiles): clusters in 3D UMAP', 'UMAP 1', 'UMAP 2', 'UMAP 3') AS written
FROM clustered_method_b;
