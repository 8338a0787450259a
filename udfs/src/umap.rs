//! `umap(vec, n_components [, n_neighbors [, min_dist [, seed]]]) OVER (...)`: a UMAP layout of
//! each window partition's vectors (see `clustering/umap.rs` for the algorithm).

use std::sync::{Arc, LazyLock};

use datafusion::arrow::array::ArrayRef;
use datafusion::arrow::datatypes::{DataType, Field, FieldRef, Float64Type, Int64Type};
use datafusion::common::{exec_err, plan_err, Result};
use datafusion::logical_expr::function::{PartitionEvaluatorArgs, WindowUDFFieldArgs};
use datafusion::logical_expr::{Documentation, PartitionEvaluator, Signature, Volatility, WindowUDF, WindowUDFImpl};

use crate::args::{check_arity, partition_constant};
use crate::clustering::matrix::read_matrix;
use crate::clustering::parallel::with_threads;
use crate::clustering::umap::{umap, UmapOptions, DEFAULT_MIN_DIST, DEFAULT_N_NEIGHBORS};
use crate::doc_sections::CLUSTERS;
use crate::macros::user_defined_function;
use crate::pca::{coordinate_lists, float_list};
use crate::run_settings::RunSettings;
use crate::vectors::check_vector;

const NAME: &str = "umap";
const SYNTAX: &str = "umap(vec, n_components [, n_neighbors [, min_dist [, seed]]]) OVER (PARTITION BY ...)";
const MAX_COMPONENTS: i64 = 16;

static DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        CLUSTERS,
        "A UMAP layout of the vectors of each window partition: LIST<FLOAT> coordinates per row, \
         following umap-learn (exact n_neighbors nearest neighbours, fuzzy simplicial set with \
         fuzzy-union symmetrization, SGD with 5 negative samples per edge, 500 epochs up to \
         10,000 rows else 200, a and b fitted to min_dist). The initial layout is the first \
         principal components (umap-learn's default is a spectral layout). Deterministic for a \
         seed. 10,000 × 1,024 takes about 5 s on one core; exact neighbours cost rows² × dim, so \
         the time grows with the square of the rows (fansql.threads caps the threads). Memory: \
         the partition's vectors plus about 1 KB per row. NULL vectors give NULL and are left out.",
        SYNTAX,
    )
    .with_argument("vec", "A vector (List or FixedSizeList of numbers).")
    .with_argument("n_components", "Coordinates per row: 2 or 3 for plots (1 to 16).")
    .with_argument("n_neighbors", "Neighbours that define each row's neighbourhood (default 15, at least 2).")
    .with_argument("min_dist", "How tightly close rows may pack in the layout (default 0.1, 0 to 1).")
    .with_argument("seed", "Random seed (default 0).")
    .with_sql_example(
        "```sql\nSELECT fan_model_id, xy[1] AS x, xy[2] AS y\nFROM (SELECT fan_model_id, umap(embedding, 2) OVER (PARTITION BY stage) AS xy FROM embeddings_without_profile);\n```",
    )
    .with_related_udf("pca")
    .with_related_udf("plot_scatter")
    .build()
});

/// The `umap` window function, running with `settings`.
pub fn udwf(settings: &RunSettings) -> Arc<WindowUDF> {
    Arc::new(WindowUDF::from(Umap::new(settings.clone())))
}

user_defined_function!(Umap, Volatility::Immutable, RunSettings);

const ARGUMENT_NAMES: [&str; 5] = ["vec", "n_components", "n_neighbors", "min_dist", "seed"];

impl WindowUDFImpl for Umap {
    fn name(&self) -> &str {
        NAME
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        check_arity(NAME, SYNTAX, arg_types.len(), 2, 5)?;
        let mut coerced = vec![check_vector(NAME, 1, "vec", &arg_types[0])?];
        for (position, given) in arg_types.iter().enumerate().skip(1) {
            let name = ARGUMENT_NAMES[position];
            let float = name == "min_dist";
            let ok = if float { given.is_numeric() } else { given.is_integer() };
            if !ok && given != &DataType::Null {
                let kind = if float { "a number" } else { "an integer" };
                return plan_err!("{NAME}: argument {} ({name}) must be {kind}, got {given}", position + 1);
            }
            coerced.push(if float { DataType::Float64 } else { DataType::Int64 });
        }
        Ok(coerced)
    }

    fn partition_evaluator(&self, _args: PartitionEvaluatorArgs) -> Result<Box<dyn PartitionEvaluator>> {
        Ok(Box::new(UmapEvaluator { threads: self.settings.threads }))
    }

    fn field(&self, field_args: WindowUDFFieldArgs) -> Result<FieldRef> {
        Ok(Arc::new(Field::new(field_args.name(), float_list(), true)))
    }

    fn documentation(&self) -> Option<&Documentation> {
        Some(&DOC)
    }
}

#[derive(Debug)]
struct UmapEvaluator {
    threads: usize,
}

impl PartitionEvaluator for UmapEvaluator {
    fn evaluate_all(&mut self, values: &[ArrayRef], _num_rows: usize) -> Result<ArrayRef> {
        with_threads(self.threads, || evaluate(values))
    }
}

fn evaluate(values: &[ArrayRef]) -> Result<ArrayRef> {
    let matrix = read_matrix(NAME, &values[0])?;
    let components = partition_constant::<Int64Type>(NAME, "n_components", values.get(1), 2)?;
    let neighbors = partition_constant::<Int64Type>(NAME, "n_neighbors", values.get(2), DEFAULT_N_NEIGHBORS as i64)?;
    let min_dist = partition_constant::<Float64Type>(NAME, "min_dist", values.get(3), DEFAULT_MIN_DIST)?;
    let seed = partition_constant::<Int64Type>(NAME, "seed", values.get(4), 0)?;
    if !(1..=MAX_COMPONENTS).contains(&components) {
        return exec_err!("{NAME}: n_components must be 1 to {MAX_COMPONENTS}, got {components}");
    }
    if neighbors < 2 {
        return exec_err!("{NAME}: n_neighbors must be at least 2, got {neighbors}");
    }
    if !(0.0..=1.0).contains(&min_dist) {
        return exec_err!("{NAME}: min_dist must be between 0 and 1, got {min_dist}");
    }
    let width = components as usize;
    let layout = match matrix.rows {
        0 => Vec::new(),
        1 => vec![0.0; width],
        _ => umap(
            &matrix,
            &UmapOptions { n_components: width, n_neighbors: neighbors as usize, min_dist, seed: seed as u64 },
        ),
    };
    Ok(coordinate_lists(&matrix.row_of, &layout, width))
}
