-- Stage 6 of the pipeline, Method A: an embedding of each stage text.
-- Output: embeddings_without_profile.parquet (fan_model_id, stage, text_length in characters,
-- embedding FixedSizeList<Float32, fansql.embed.output_dimension>), one row per (pair, stage)
-- whose fan wrote something. Offline by default (the local embedder); with VOYAGE_API_KEY set,
-- embed() asks Voyage (fansql.embed.model), batched, cached and matched by index (\df embed).

CREATE OR REPLACE TABLE embeddings_without_profile AS
SELECT fan_model_id, stage, character_length(text) AS text_length, embed(text) AS embedding
FROM stage_texts
WHERE text IS NOT NULL;

COPY (SELECT * FROM embeddings_without_profile ORDER BY fan_model_id, stage) TO 'embeddings_without_profile.parquet' STORED AS PARQUET;
