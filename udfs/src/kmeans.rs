//! `kmeans(vec, k [, seed [, n_init]]) OVER (...)` → STRUCT{cluster, distance} and
//! `kmeans_assign(...)` → the cluster: k-means over each window partition (see
//! `clustering/kmeans.rs` for the algorithm).

use std::sync::{Arc, LazyLock};

use datafusion::arrow::array::{Array, ArrayRef, Float64Builder, Int32Builder, StructArray};
use datafusion::arrow::datatypes::{DataType, Field, FieldRef, Fields, Int64Type};
use datafusion::common::{exec_err, plan_err, Result};
use datafusion::logical_expr::function::{PartitionEvaluatorArgs, WindowUDFFieldArgs};
use datafusion::logical_expr::{Documentation, PartitionEvaluator, Signature, Volatility, WindowUDF, WindowUDFImpl};

use crate::args::{check_arity, partition_constant};
use crate::clustering::kmeans::{kmeans, KMeansOptions, DEFAULT_MAX_ITER, DEFAULT_N_INIT, DEFAULT_TOL};
use crate::clustering::matrix::read_matrix;
use crate::clustering::parallel::with_threads;
use crate::doc_sections::CLUSTERS;
use crate::run_settings::RunSettings;
use crate::vectors::check_vector;

const DEFAULT_SEED: i64 = 0;

const ARGUMENTS: [(&str, &str); 4] = [
    ("vec", "A vector (List or FixedSizeList of Float32/Float64), e.g. an embedding."),
    ("k", "Number of clusters, at least 1 and at most the partition's non-NULL vectors; the same on every row of a partition (a constant, or a column such as generate_series(2, 10) partitioned by)."),
    ("seed", "Random seed (default 0); the same seed gives the same clusters."),
    ("n_init", "Restarts from different seeds, keeping the lowest inertia (default 10)."),
];

fn description(what: &str) -> String {
    format!(
        "k-means clustering of the vectors of each window partition; returns {what}. Greedy \
         k-means++ seeding, n_init restarts keeping the lowest inertia, Lloyd iterations \
         (accelerated with Hamerly's bounds) until no label changes, the centers move less than \
         tol = {DEFAULT_TOL} x the mean feature variance, or max_iter = {DEFAULT_MAX_ITER} \
         iterations. Clusters are numbered 0..k-1 by size, largest first (ties: the cluster that \
         appears first), so reruns label alike. Deterministic for a seed on any machine and any \
         number of threads (fansql.threads). NULL vectors get NULL and are not clustered. \
         Errors: k < 1, k above the number of non-NULL vectors, vectors of different lengths, k \
         not constant within a partition."
    )
}

static KMEANS_DOC: LazyLock<Documentation> = LazyLock::new(|| {
    let builder = Documentation::builder(
        CLUSTERS,
        description("STRUCT{cluster INT, distance DOUBLE} (distance: Euclidean, to the cluster's center)"),
        "kmeans(vec, k [, seed [, n_init]]) OVER (PARTITION BY ...)",
    );
    ARGUMENTS
        .iter()
        .fold(builder, |b, (name, text)| b.with_argument(*name, *text))
        .with_sql_example(
            "```sql\nSELECT fan_model_id, stage, c['cluster'] AS cluster, c['distance'] AS distance\nFROM (SELECT *, kmeans(embedding, 5) OVER (PARTITION BY stage) AS c\n      FROM embeddings_without_profile);\n```",
        )
        .with_related_udf("kmeans_assign")
        .with_related_udf("silhouette")
        .build()
});

static KMEANS_ASSIGN_DOC: LazyLock<Documentation> = LazyLock::new(|| {
    let builder = Documentation::builder(
        CLUSTERS,
        description("the cluster number (INT)"),
        "kmeans_assign(vec, k [, seed [, n_init]]) OVER (PARTITION BY ...)",
    );
    ARGUMENTS
        .iter()
        .fold(builder, |b, (name, text)| b.with_argument(*name, *text))
        .with_sql_example(
            "```sql\n-- inertia per k, for the elbow\nSELECT k, sum(c['distance'] * c['distance']) AS inertia\nFROM (SELECT k, kmeans(embedding, k) OVER (PARTITION BY k) AS c\n      FROM embeddings_without_profile CROSS JOIN generate_series(2, 10) AS g(k))\nGROUP BY k ORDER BY k;\n```",
        )
        .with_related_udf("kmeans")
        .build()
});

/// The `kmeans` window function, running with `settings`.
pub fn udwf(settings: &RunSettings) -> Arc<WindowUDF> {
    Arc::new(WindowUDF::from(KMeans::new("kmeans", settings)))
}

/// The `kmeans_assign` window function, running with `settings`.
pub fn assign_udwf(settings: &RunSettings) -> Arc<WindowUDF> {
    Arc::new(WindowUDF::from(KMeans::new("kmeans_assign", settings)))
}

#[derive(Debug, PartialEq, Eq, Hash)]
pub struct KMeans {
    name: &'static str,
    signature: Signature,
    settings: RunSettings,
}

impl KMeans {
    fn new(name: &'static str, settings: &RunSettings) -> Self {
        Self { name, signature: Signature::user_defined(Volatility::Immutable), settings: settings.clone() }
    }

    pub fn settings(&self) -> &RunSettings {
        &self.settings
    }

    fn cluster_only(&self) -> bool {
        self.name == "kmeans_assign"
    }
}

fn struct_fields() -> Fields {
    Fields::from(vec![Field::new("cluster", DataType::Int32, true), Field::new("distance", DataType::Float64, true)])
}

impl WindowUDFImpl for KMeans {
    fn name(&self) -> &str {
        self.name
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        let syntax = format!("{}(vec, k [, seed [, n_init]]) OVER (...)", self.name);
        check_arity(self.name, &syntax, arg_types.len(), 2, 4)?;
        let mut coerced = vec![check_vector(self.name, 1, "vec", &arg_types[0])?];
        for (position, given) in arg_types.iter().enumerate().skip(1) {
            if !given.is_integer() && given != &DataType::Null {
                let name = ARGUMENTS[position].0;
                return plan_err!("{}: argument {} ({name}) must be an integer, got {given}", self.name, position + 1);
            }
            coerced.push(DataType::Int64);
        }
        Ok(coerced)
    }

    fn partition_evaluator(&self, _args: PartitionEvaluatorArgs) -> Result<Box<dyn PartitionEvaluator>> {
        Ok(Box::new(KMeansEvaluator {
            name: self.name,
            cluster_only: self.cluster_only(),
            threads: self.settings.threads,
        }))
    }

    fn field(&self, field_args: WindowUDFFieldArgs) -> Result<FieldRef> {
        let data_type = if self.cluster_only() { DataType::Int32 } else { DataType::Struct(struct_fields()) };
        Ok(Arc::new(Field::new(field_args.name(), data_type, true)))
    }

    fn documentation(&self) -> Option<&Documentation> {
        Some(if self.cluster_only() { &KMEANS_ASSIGN_DOC } else { &KMEANS_DOC })
    }
}

#[derive(Debug)]
struct KMeansEvaluator {
    name: &'static str,
    cluster_only: bool,
    threads: usize,
}

impl PartitionEvaluator for KMeansEvaluator {
    fn evaluate_all(&mut self, values: &[ArrayRef], num_rows: usize) -> Result<ArrayRef> {
        let name = self.name;
        let matrix = read_matrix(name, &values[0])?;
        let k = partition_constant::<Int64Type>(name, "k", values.get(1), 0)?;
        let seed = partition_constant::<Int64Type>(name, "seed", values.get(2), DEFAULT_SEED)?;
        let n_init = partition_constant::<Int64Type>(name, "n_init", values.get(3), DEFAULT_N_INIT as i64)?;
        if matrix.rows > 0 && k < 1 {
            return exec_err!("{name}: k must be at least 1, got {k}");
        }
        if k as usize > matrix.rows && matrix.rows > 0 {
            return exec_err!("{name}: k = {k} but the partition has only {} non-NULL vector(s)", matrix.rows);
        }
        if n_init < 1 {
            return exec_err!("{name}: n_init must be at least 1, got {n_init}");
        }
        let options = KMeansOptions::new(k as usize, seed as u64, n_init as usize);
        let result = (matrix.rows > 0).then(|| with_threads(self.threads, || kmeans(&matrix, &options)));

        let mut clusters = Int32Builder::with_capacity(num_rows);
        let mut distances = Float64Builder::with_capacity(num_rows);
        for row in &matrix.row_of {
            match (row, &result) {
                (Some(i), Some(r)) => {
                    clusters.append_value(r.labels[*i] as i32);
                    distances.append_value(f64::from(r.distances[*i]));
                }
                _ => {
                    clusters.append_null();
                    distances.append_null();
                }
            }
        }
        let clusters = clusters.finish();
        if self.cluster_only {
            return Ok(Arc::new(clusters));
        }
        let nulls = clusters.nulls().cloned();
        Ok(Arc::new(StructArray::try_new(
            struct_fields(),
            vec![Arc::new(clusters) as ArrayRef, Arc::new(distances.finish())],
            nulls,
        )?))
    }
}
