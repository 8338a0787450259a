//! `vector_norm(v)`: the Euclidean (L2) length of a vector of any float list type.

use std::sync::{Arc, LazyLock};

use datafusion::arrow::array::Float64Array;
use datafusion::arrow::datatypes::DataType;
use datafusion::common::Result;
use datafusion::logical_expr::{
    ColumnarValue, Documentation, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility,
};

use crate::args::check_arity;
use crate::doc_sections::VECTORS;
use crate::macros::user_defined_function;
use crate::vectors::{check_vector, norm, rows};

const NAME: &str = "vector_norm";
const SYNTAX: &str = "vector_norm(v)";

static UDF: LazyLock<Arc<ScalarUDF>> = LazyLock::new(|| Arc::new(ScalarUDF::from(VectorNorm::new())));

static DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        VECTORS,
        "The Euclidean (L2) length of a vector: the square root of the sum of its squared \
         elements. Works on List, LargeList or FixedSizeList of any number type (embeddings). \
         NULL for a NULL vector or one with a NULL element.",
        SYNTAX,
    )
    .with_argument("v", "A vector, e.g. an embedding.")
    .with_sql_example("```sql\nSELECT vector_norm([3.0, 4.0]); -- 5.0\n```")
    .with_related_udf("cosine_similarity")
    .build()
});

/// The shared `vector_norm` function.
pub fn udf() -> Arc<ScalarUDF> {
    Arc::clone(&UDF)
}

user_defined_function!(VectorNorm, Volatility::Immutable);

impl ScalarUDFImpl for VectorNorm {
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
        check_arity(NAME, SYNTAX, arg_types.len(), 1, 1)?;
        Ok(vec![check_vector(NAME, 1, "v", &arg_types[0])?])
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let vectors = rows(&args.args[0].to_array(args.number_rows)?)?;
        let norms: Float64Array = vectors.iter().map(|v| v.as_deref().map(norm)).collect();
        Ok(ColumnarValue::Array(Arc::new(norms)))
    }

    fn documentation(&self) -> Option<&Documentation> {
        Some(&DOC)
    }
}
