//! `pca(vec, n_components) OVER (...)`: principal-component coordinates of each row within its
//! window partition, the fast linear alternative to `umap` (see `clustering/pca.rs`).

use std::sync::{Arc, LazyLock};

use datafusion::arrow::array::{ArrayRef, Float32Builder, ListBuilder};
use datafusion::arrow::datatypes::{DataType, Field, FieldRef, Int64Type};
use datafusion::common::{exec_err, plan_err, Result};
use datafusion::logical_expr::function::{PartitionEvaluatorArgs, WindowUDFFieldArgs};
use datafusion::logical_expr::{Documentation, PartitionEvaluator, Signature, Volatility, WindowUDF, WindowUDFImpl};

use crate::args::{check_arity, partition_constant};
use crate::clustering::matrix::read_matrix;
use crate::clustering::parallel::with_threads;
use crate::clustering::pca::principal_components;
use crate::doc_sections::CLUSTERS;
use crate::macros::user_defined_function;
use crate::run_settings::RunSettings;
use crate::vectors::check_vector;

const NAME: &str = "pca";
const SYNTAX: &str = "pca(vec, n_components) OVER (PARTITION BY ...)";

static DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        CLUSTERS,
        "The first n_components principal-component coordinates of each row's vector within its \
         window partition, as LIST<FLOAT>: the vectors are centered and projected on the \
         directions of most variance (subspace iteration, deterministic; each component's sign \
         makes its largest loading positive). The fast linear alternative to umap. NULL vectors \
         give NULL.",
        SYNTAX,
    )
    .with_argument("vec", "A vector (List or FixedSizeList of numbers).")
    .with_argument("n_components", "How many coordinates (1 up to the vectors' length).")
    .with_sql_example(
        "```sql\nSELECT fan_model_id, xy[1] AS x, xy[2] AS y\nFROM (SELECT fan_model_id, pca(embedding, 2) OVER (PARTITION BY stage) AS xy FROM embeddings_without_profile);\n```",
    )
    .with_related_udf("umap")
    .build()
});

/// The `pca` window function, running with `settings`.
pub fn udwf(settings: &RunSettings) -> Arc<WindowUDF> {
    Arc::new(WindowUDF::from(Pca::new(settings.clone())))
}

user_defined_function!(Pca, Volatility::Immutable, RunSettings);

/// A LIST<FLOAT> column with `width` values per matrix row, NULL where `row_of` is None.
pub fn coordinate_lists(row_of: &[Option<usize>], coordinates: &[f32], width: usize) -> ArrayRef {
    let mut builder = ListBuilder::with_capacity(Float32Builder::with_capacity(coordinates.len()), row_of.len());
    for row in row_of {
        match row {
            Some(i) => {
                builder.values().append_slice(&coordinates[i * width..(i + 1) * width]);
                builder.append(true);
            }
            None => builder.append(false),
        }
    }
    Arc::new(builder.finish())
}

pub fn float_list() -> DataType {
    DataType::List(Arc::new(Field::new_list_field(DataType::Float32, true)))
}

impl WindowUDFImpl for Pca {
    fn name(&self) -> &str {
        NAME
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        check_arity(NAME, SYNTAX, arg_types.len(), 2, 2)?;
        if !arg_types[1].is_integer() {
            return plan_err!("{NAME}: argument 2 (n_components) must be an integer, got {}", arg_types[1]);
        }
        Ok(vec![check_vector(NAME, 1, "vec", &arg_types[0])?, DataType::Int64])
    }

    fn partition_evaluator(&self, _args: PartitionEvaluatorArgs) -> Result<Box<dyn PartitionEvaluator>> {
        Ok(Box::new(PcaEvaluator { threads: self.settings.threads }))
    }

    fn field(&self, field_args: WindowUDFFieldArgs) -> Result<FieldRef> {
        Ok(Arc::new(Field::new(field_args.name(), float_list(), true)))
    }

    fn documentation(&self) -> Option<&Documentation> {
        Some(&DOC)
    }
}

#[derive(Debug)]
struct PcaEvaluator {
    threads: usize,
}

impl PartitionEvaluator for PcaEvaluator {
    fn evaluate_all(&mut self, values: &[ArrayRef], _num_rows: usize) -> Result<ArrayRef> {
        with_threads(self.threads, || evaluate(values))
    }
}

fn evaluate(values: &[ArrayRef]) -> Result<ArrayRef> {
    let matrix = read_matrix(NAME, &values[0])?;
    let components = partition_constant::<Int64Type>(NAME, "n_components", values.get(1), 2)?;
    if matrix.rows == 0 {
        return Ok(coordinate_lists(&matrix.row_of, &[], 0));
    }
    if components < 1 || components as usize > matrix.dim {
        return exec_err!("{NAME}: n_components must be 1 to the vectors' length ({}), got {components}", matrix.dim);
    }
    let components = components as usize;
    let scores = principal_components(&matrix, components, 0);
    Ok(coordinate_lists(&matrix.row_of, &scores, components))
}
