//! `hybrid_vector(embedding, features [, weight])`: Method B's vector, an embedding and profile
//! features side by side, scaled so that neither part drowns the other.
//!
//! The embedding is scaled to unit length. The features (standardized by `profile_features`, so
//! each of their F positions has mean 0 and variance 1 over the partition) are multiplied by
//! `weight / sqrt(F)`: their squared length is then `weight²` on average, the same as the
//! embedding's when `weight` is 1 (the default). Each part so carries the same share of squared
//! length, whatever the embedding's dimension or the number of profile features; raise `weight`
//! to let profiles count more.

use std::sync::{Arc, LazyLock};

use datafusion::arrow::array::{Float32Builder, ListBuilder};
use datafusion::arrow::datatypes::{DataType, Field};
use datafusion::common::{exec_err, plan_err, Result, ScalarValue};
use datafusion::logical_expr::{
    ColumnarValue, Documentation, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility,
};

use crate::args::{check_arity, scalar_literal};
use crate::doc_sections::VECTORS;
use crate::macros::user_defined_function;
use crate::vectors::{check_vector, norm, rows};

const NAME: &str = "hybrid_vector";
const SYNTAX: &str = "hybrid_vector(embedding, features [, weight])";

static UDF: LazyLock<Arc<ScalarUDF>> = LazyLock::new(|| Arc::new(ScalarUDF::from(HybridVector::new())));

static DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        VECTORS,
        "Method B's hybrid vector, LIST<FLOAT>: the embedding scaled to unit length, followed by \
         the features times weight / sqrt(number of features). With standardized features (from \
         profile_features, mean 0 and variance 1 per position) the feature part's squared length \
         is weight² on average, so at the default weight 1 both parts weigh the same whatever \
         their sizes; raise weight to let profiles count more. NULL when either input is NULL or \
         the embedding has length zero.",
        SYNTAX,
    )
    .with_argument("embedding", "A vector, e.g. embed(text).")
    .with_argument("features", "A vector of standardized features, e.g. profile_features(p) OVER (...).")
    .with_argument("weight", "Constant relative weight of the features (default 1.0, at least 0).")
    .with_sql_example(
        "```sql\nSELECT fan_model_id, hybrid_vector(embedding, profile_features(p) OVER (PARTITION BY stage)) AS v\nFROM embedded_profiles;\n```",
    )
    .with_related_udf("profile_features")
    .with_related_udf("embed")
    .build()
});

/// The shared `hybrid_vector` function.
pub fn udf() -> Arc<ScalarUDF> {
    Arc::clone(&UDF)
}

user_defined_function!(HybridVector, Volatility::Immutable);

/// The hybrid of one row.
fn hybrid(embedding: &[f64], features: &[f64], weight: f64) -> Option<Vec<f32>> {
    let length = norm(embedding);
    if length == 0.0 {
        return None;
    }
    let scale = if features.is_empty() { 0.0 } else { weight / (features.len() as f64).sqrt() };
    Some(embedding.iter().map(|x| (x / length) as f32).chain(features.iter().map(|x| (x * scale) as f32)).collect())
}

impl ScalarUDFImpl for HybridVector {
    fn name(&self) -> &str {
        NAME
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(DataType::List(Arc::new(Field::new_list_field(DataType::Float32, true))))
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        check_arity(NAME, SYNTAX, arg_types.len(), 2, 3)?;
        let mut coerced =
            vec![check_vector(NAME, 1, "embedding", &arg_types[0])?, check_vector(NAME, 2, "features", &arg_types[1])?];
        if let Some(weight) = arg_types.get(2) {
            if !weight.is_numeric() && weight != &DataType::Null {
                return plan_err!("{NAME}: argument 3 (weight) must be a number, got {weight}");
            }
            coerced.push(DataType::Float64);
        }
        Ok(coerced)
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let weight = match scalar_literal(NAME, "weight", &args.args, 3)? {
            None | Some(ScalarValue::Float64(None)) => 1.0,
            Some(ScalarValue::Float64(Some(w))) if *w >= 0.0 && w.is_finite() => *w,
            Some(other) => return exec_err!("{NAME}: argument 3 (weight) must be a number of at least 0, got {other}"),
        };
        let embeddings = rows(&args.args[0].to_array(args.number_rows)?)?;
        let features = rows(&args.args[1].to_array(args.number_rows)?)?;
        let mut builder = ListBuilder::new(Float32Builder::new());
        for (embedding, features) in embeddings.iter().zip(&features) {
            match (embedding, features) {
                (Some(e), Some(f)) => match hybrid(e, f, weight) {
                    Some(v) => {
                        builder.values().append_slice(&v);
                        builder.append(true);
                    }
                    None => builder.append(false),
                },
                _ => builder.append(false),
            }
        }
        Ok(ColumnarValue::Array(Arc::new(builder.finish())))
    }

    fn documentation(&self) -> Option<&Documentation> {
        Some(&DOC)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_have_equal_squared_length_at_weight_one() {
        let v = hybrid(&[3.0, 4.0], &[1.0, -1.0, 1.0, -1.0], 1.0).unwrap();
        assert_eq!(v.len(), 6);
        let embedding_part: f32 = v[..2].iter().map(|x| x * x).sum();
        let feature_part: f32 = v[2..].iter().map(|x| x * x).sum();
        assert!((embedding_part - 1.0).abs() < 1e-6 && (feature_part - 1.0).abs() < 1e-6);
        let heavier = hybrid(&[1.0, 0.0], &[1.0, -1.0], 2.0).unwrap();
        assert!((heavier[2..].iter().map(|x| x * x).sum::<f32>() - 4.0).abs() < 1e-5);
        assert!(hybrid(&[0.0, 0.0], &[1.0], 1.0).is_none());
        assert_eq!(hybrid(&[2.0], &[], 1.0).unwrap(), vec![1.0]);
    }
}
