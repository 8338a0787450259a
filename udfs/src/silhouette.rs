//! `silhouette(vec, cluster [, metric]) OVER (...)`: each row's silhouette within its window
//! partition, as scikit-learn's `silhouette_samples` defines it.

use std::sync::{Arc, LazyLock};

use datafusion::arrow::array::{Array, ArrayRef, AsArray, Float64Builder};
use datafusion::arrow::datatypes::{DataType, Field, FieldRef, Int64Type};
use datafusion::common::{plan_err, Result, ScalarValue};
use datafusion::logical_expr::function::{PartitionEvaluatorArgs, WindowUDFFieldArgs};
use datafusion::logical_expr::{Documentation, PartitionEvaluator, Signature, Volatility, WindowUDF, WindowUDFImpl};

use crate::args::{check_arity, coerce_text, window_literal};
use crate::clustering::matrix::{read_matrix, squared_distance, Matrix};
use crate::clustering::parallel::{chunk_ranges, map_chunks, with_threads};
use crate::doc_sections::CLUSTERS;
use crate::macros::user_defined_function;
use crate::run_settings::RunSettings;
use crate::vectors::check_vector;

const NAME: &str = "silhouette";
const SYNTAX: &str = "silhouette(vec, cluster [, 'euclidean' | 'cosine']) OVER (PARTITION BY ...)";

static DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        CLUSTERS,
        "The silhouette of each row within its window partition: (b - a) / max(a, b), where a is \
         the mean distance to the other rows of its own cluster and b the lowest mean distance to \
         the rows of another cluster; from -1 (closer to another cluster) to 1 (well inside its \
         own). 0 for a row alone in its cluster, as scikit-learn does. NULL for NULL vectors or \
         clusters, and for every row when the partition has fewer than two clusters. Compares \
         every pair of rows: quadratic in the partition's size.",
        SYNTAX,
    )
    .with_argument("vec", "A vector (List or FixedSizeList of numbers).")
    .with_argument("cluster", "The row's cluster (an integer), e.g. kmeans_assign(vec, k) OVER (...).")
    .with_argument("metric", "'euclidean' (default) or 'cosine' (1 - cosine similarity); a constant.")
    .with_sql_example(
        "```sql\nSELECT k, avg(s) AS mean_silhouette\nFROM (SELECT k, silhouette(embedding, cluster) OVER (PARTITION BY k) AS s\n      FROM (SELECT k, embedding, kmeans_assign(embedding, k) OVER (PARTITION BY k) AS cluster\n            FROM embeddings_without_profile CROSS JOIN generate_series(2, 10) AS g(k)))\nGROUP BY k ORDER BY k;\n```",
    )
    .with_related_udf("kmeans")
    .build()
});

/// The `silhouette` window function, running with `settings`.
pub fn udwf(settings: &RunSettings) -> Arc<WindowUDF> {
    Arc::new(WindowUDF::from(Silhouette::new(settings.clone())))
}

user_defined_function!(Silhouette, Volatility::Immutable, RunSettings);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    Euclidean,
    Cosine,
}

impl WindowUDFImpl for Silhouette {
    fn name(&self) -> &str {
        NAME
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        check_arity(NAME, SYNTAX, arg_types.len(), 2, 3)?;
        let mut coerced = vec![check_vector(NAME, 1, "vec", &arg_types[0])?];
        if !arg_types[1].is_integer() && arg_types[1] != DataType::Null {
            return plan_err!("{NAME}: argument 2 (cluster) must be an integer, got {}", arg_types[1]);
        }
        coerced.push(DataType::Int64);
        if let Some(metric) = arg_types.get(2) {
            coerced.push(coerce_text(NAME, 3, "metric", metric)?);
        }
        Ok(coerced)
    }

    fn partition_evaluator(&self, args: PartitionEvaluatorArgs) -> Result<Box<dyn PartitionEvaluator>> {
        let metric = match window_literal(NAME, "metric", args.input_exprs(), 3)? {
            None => Metric::Euclidean,
            Some(ScalarValue::Utf8(Some(m))) if m.eq_ignore_ascii_case("euclidean") => Metric::Euclidean,
            Some(ScalarValue::Utf8(Some(m))) if m.eq_ignore_ascii_case("cosine") => Metric::Cosine,
            Some(other) => {
                return plan_err!("{NAME}: argument 3 (metric) must be 'euclidean' or 'cosine', got {other}")
            }
        };
        Ok(Box::new(SilhouetteEvaluator { metric, threads: self.settings.threads }))
    }

    fn field(&self, field_args: WindowUDFFieldArgs) -> Result<FieldRef> {
        Ok(Arc::new(Field::new(field_args.name(), DataType::Float64, true)))
    }

    fn documentation(&self) -> Option<&Documentation> {
        Some(&DOC)
    }
}

#[derive(Debug)]
struct SilhouetteEvaluator {
    metric: Metric,
    threads: usize,
}

/// Silhouettes of the rows of `m` with `labels` (dense 0..clusters); None when there are fewer
/// than two clusters.
pub fn silhouettes(m: &Matrix, labels: &[usize], metric: Metric) -> Option<Vec<f64>> {
    let clusters = labels.iter().max().map_or(0, |l| l + 1);
    let mut sizes = vec![0usize; clusters];
    labels.iter().for_each(|&l| sizes[l] += 1);
    if sizes.iter().filter(|&&s| s > 0).count() < 2 {
        return None;
    }
    // Cosine distances in f64: 1 − cos of near-parallel vectors cancels badly in f32.
    let unit: Option<Vec<f64>> = (metric == Metric::Cosine).then(|| {
        m.data
            .chunks(m.dim.max(1))
            .flat_map(|row| {
                let norm = row.iter().map(|&x| f64::from(x) * f64::from(x)).sum::<f64>().sqrt();
                row.iter().map(move |&x| if norm > 0.0 { f64::from(x) / norm } else { 0.0 })
            })
            .collect()
    });
    let distance = |i: usize, j: usize| -> f64 {
        match &unit {
            Some(u) => {
                let (a, b) = (&u[i * m.dim..(i + 1) * m.dim], &u[j * m.dim..(j + 1) * m.dim]);
                (1.0 - a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>()).max(0.0)
            }
            None => f64::from(squared_distance(m.row(i), m.row(j))).sqrt(),
        }
    };
    let per_chunk = map_chunks(chunk_ranges(m.rows), |_, range| {
        range
            .map(|i| {
                let own = labels[i];
                if sizes[own] == 1 {
                    return 0.0;
                }
                let mut totals = vec![0f64; clusters];
                for j in (0..m.rows).filter(|&j| j != i) {
                    totals[labels[j]] += distance(i, j);
                }
                let a = totals[own] / (sizes[own] - 1) as f64;
                let b = (0..clusters)
                    .filter(|&c| c != own && sizes[c] > 0)
                    .map(|c| totals[c] / sizes[c] as f64)
                    .fold(f64::INFINITY, f64::min);
                if a.max(b) > 0.0 {
                    (b - a) / a.max(b)
                } else {
                    0.0
                }
            })
            .collect::<Vec<f64>>()
    });
    Some(per_chunk.concat())
}

impl PartitionEvaluator for SilhouetteEvaluator {
    fn evaluate_all(&mut self, values: &[ArrayRef], num_rows: usize) -> Result<ArrayRef> {
        with_threads(self.threads, || self.silhouettes_of(values, num_rows))
    }
}

impl SilhouetteEvaluator {
    fn silhouettes_of(&self, values: &[ArrayRef], num_rows: usize) -> Result<ArrayRef> {
        let matrix = read_matrix(NAME, &values[0])?;
        let clusters = values[1].as_primitive::<Int64Type>();
        // Rows with both a vector and a cluster, numbered densely by cluster value.
        let mut kept_rows: Vec<usize> = Vec::new();
        let mut dense: Vec<i64> = Vec::new();
        for (row, matrix_row) in matrix.row_of.iter().enumerate() {
            if matrix_row.is_some() && clusters.is_valid(row) {
                kept_rows.push(row);
                dense.push(clusters.value(row));
            }
        }
        let mut distinct = dense.clone();
        distinct.sort_unstable();
        distinct.dedup();
        let labels: Vec<usize> = dense.iter().map(|c| distinct.binary_search(c).unwrap_or(0)).collect();
        let sub = Matrix::dense(
            kept_rows
                .iter()
                .flat_map(|&r| matrix.row(matrix.row_of[r].unwrap_or(0)).iter().copied())
                .collect::<Vec<f32>>(),
            matrix.dim,
            kept_rows.len(),
        );
        let scores = silhouettes(&sub, &labels, self.metric);
        let mut out = Float64Builder::with_capacity(num_rows);
        let mut next = 0;
        for row in 0..num_rows {
            if kept_rows.get(next) == Some(&row) {
                match &scores {
                    Some(s) => out.append_value(s[next]),
                    None => out.append_null(),
                }
                next += 1;
            } else {
                out.append_null();
            }
        }
        Ok(Arc::new(out.finish()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_scikit_learn_on_a_small_case() {
        // By hand, e.g. row 0: a = 1, b = mean(4, 5, 9) = 6 -> 5/6; row 2 (4): a = mean(1, 5) = 3,
        // b = mean(4, 3) = 3.5 -> 0.5/3.5. scikit-learn's fixtures are checked in tests/slt.
        let m = Matrix::from_rows(&[vec![0.0], vec![1.0], vec![4.0], vec![5.0], vec![9.0]]);
        let s = silhouettes(&m, &[0, 0, 1, 1, 1], Metric::Euclidean).unwrap();
        let expected = [5.0 / 6.0, (5.0 - 1.0) / 5.0, (3.5 - 3.0) / 3.5, (4.5 - 2.5) / 4.5, (8.5 - 4.5) / 8.5];
        for (got, want) in s.iter().zip(expected) {
            assert!((got - want).abs() < 1e-9, "{got} vs {want}");
        }
        assert!(silhouettes(&m, &[0, 0, 0, 0, 0], Metric::Euclidean).is_none());
        let alone = silhouettes(&m, &[0, 0, 0, 0, 1], Metric::Euclidean).unwrap();
        assert_eq!(alone[4], 0.0);
    }
}
