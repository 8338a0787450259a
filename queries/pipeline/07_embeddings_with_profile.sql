-- Stage 7 of the pipeline, Method B: each stage text's embedding side by side with the fan's
-- profile (04) as standardized multi-hot features (profile_features) over all rows, as the
-- clusters (08) are made over all rows and need vectors of one length. hybrid_vector scales the embedding to unit length and the
-- features by 0.7 / sqrt(their number), so each part carries 35-65 % of the distances between
-- rows (\df hybrid_vector).
-- Output: embeddings_with_profile.parquet (fan_model_id, stage, text_length, profile_features,
-- embedding = the hybrid vector) and profile_feature_names.csv (position, name: what each
-- feature position means).

CREATE OR REPLACE TABLE embeddings_with_profile_input AS
SELECT
  e.fan_model_id, e.stage, e.text_length, e.embedding,
  named_struct(
    'age_indicators', p.age_indicators,
    'job_or_career', p.job_or_career,
    'location_hints', p.location_hints,
    'relationship_status', p.relationship_status,
    'personality_traits', p.personality_traits,
    'emotional_needs', p.emotional_needs,
    'purchase_motivations', p.purchase_motivations,
    'communication_style', p.communication_style,
    'life_events', p.life_events
  ) AS profile
FROM embeddings_without_profile e
JOIN fan_profiles p ON p.fan_model_id = e.fan_model_id;

CREATE OR REPLACE TABLE embeddings_with_profile AS
SELECT fan_model_id, stage, text_length, features AS profile_features, hybrid_vector(embedding, features) AS embedding
FROM (
  SELECT *, profile_features(profile) OVER () AS features
  FROM embeddings_with_profile_input
);

COPY (SELECT * FROM embeddings_with_profile ORDER BY fan_model_id, stage) TO 'embeddings_with_profile.parquet' STORED AS PARQUET;

COPY (
  SELECT position, name
  FROM (
    -- unnest twice in one select pairs the two lists position by position
    SELECT unnest(names) AS name, CAST(unnest(generate_series(1, array_length(names))) AS BIGINT) AS position
    FROM (SELECT DISTINCT profile_feature_names(profile) OVER () AS names FROM embeddings_with_profile_input)
  )
  ORDER BY position
) TO 'profile_feature_names.csv' STORED AS CSV OPTIONS ('format.has_header' 'true');

DROP TABLE embeddings_with_profile_input;
