//! `cosine_similarity(a, b)`: the cosine of the angle between two vectors of any float list
//! type, in [-1, 1].

use std::sync::{Arc, LazyLock};

use datafusion::arrow::array::Float64Array;
use datafusion::arrow::datatypes::DataType;
use datafusion::common::{exec_err, Result};
use datafusion::logical_expr::{
    ColumnarValue, Documentation, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility,
};

use crate::args::check_arity;
use crate::doc_sections::VECTORS;
use crate::macros::user_defined_function;
use crate::vectors::{check_vector, norm, rows};

const NAME: &str = "cosine_similarity";
const SYNTAX: &str = "cosine_similarity(a, b)";

static UDF: LazyLock<Arc<ScalarUDF>> = LazyLock::new(|| Arc::new(ScalarUDF::from(CosineSimilarity::new())));

static DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        VECTORS,
        "The cosine similarity of two vectors: their dot product divided by the product of their \
         lengths, from -1 (opposite) through 0 (unrelated) to 1 (same direction). Works on List, \
         LargeList or FixedSizeList of any number type (embeddings); the two may differ in type \
         but not in length (an error names both lengths). NULL when either is NULL, has a NULL \
         element or has length zero.",
        SYNTAX,
    )
    .with_argument("a", "A vector, e.g. an embedding.")
    .with_argument("b", "A vector of the same length.")
    .with_sql_example("```sql\nSELECT cosine_similarity([1.0, 0.0], [1.0, 1.0]); -- 0.7071067811865475\n```")
    .with_related_udf("vector_norm")
    .build()
});

/// The shared `cosine_similarity` function.
pub fn udf() -> Arc<ScalarUDF> {
    Arc::clone(&UDF)
}

user_defined_function!(CosineSimilarity, Volatility::Immutable);

fn cosine(a: &[f64], b: &[f64]) -> Result<Option<f64>> {
    if a.len() != b.len() {
        return exec_err!("{NAME}: vectors of different lengths ({} and {})", a.len(), b.len());
    }
    let denominator = norm(a) * norm(b);
    if denominator == 0.0 {
        return Ok(None);
    }
    let dot: f64 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    Ok(Some((dot / denominator).clamp(-1.0, 1.0)))
}

impl ScalarUDFImpl for CosineSimilarity {
    fn name(&self) -> &str {
        NAME
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(DataType::Float64)
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        check_arity(NAME, SYNTAX, arg_types.len(), 2, 2)?;
        Ok(vec![check_vector(NAME, 1, "a", &arg_types[0])?, check_vector(NAME, 2, "b", &arg_types[1])?])
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let a = rows(&args.args[0].to_array(args.number_rows)?)?;
        let b = rows(&args.args[1].to_array(args.number_rows)?)?;
        let similarities = a
            .iter()
            .zip(&b)
            .map(|(a, b)| match (a, b) {
                (Some(a), Some(b)) => cosine(a, b),
                _ => Ok(None),
            })
            .collect::<Result<Float64Array>>()?;
        Ok(ColumnarValue::Array(Arc::new(similarities)))
    }

    fn documentation(&self) -> Option<&Documentation> {
        Some(&DOC)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        assert_eq!(cosine(&[1.0, 0.0], &[2.0, 0.0]).unwrap(), Some(1.0));
        assert_eq!(cosine(&[1.0, 0.0], &[0.0, 3.0]).unwrap(), Some(0.0));
        assert_eq!(cosine(&[1.0, 0.0], &[-1.0, 0.0]).unwrap(), Some(-1.0));
        assert_eq!(cosine(&[0.0, 0.0], &[1.0, 0.0]).unwrap(), None);
        assert!(cosine(&[1.0], &[1.0, 2.0]).is_err());
    }
}
