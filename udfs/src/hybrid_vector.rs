//! `hybrid_vector(embedding, features [, weight])`: Method B's vector, an embedding and profile
//! features side by side, scaled so that neither part drowns the other.
//!
//! The embedding is scaled to unit length; the features (standardized by `profile_features`, so
//! each of their F positions has mean 0 and variance 1 over the partition) are multiplied by
//! `weight / sqrt(F)`, which makes their part independent of F. How much each part moves
//! distances between rows: two standardized feature rows lie 2·weight² apart on average
//! (squared), two unit embeddings 2·(1 − mean cosine): 0.75 for voyage-3.5 on the real stage
//! texts, 1.4–1.8 for the local embedder on the sample (BENCHMARKS.md). The default weight, 0.7,
//! puts the features at about 1.0, in the middle of that range, so each part carries 35–65 % of
//! the squared distances with either embedder and neither drowns the other.

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
/// See the module comment for why.
pub const DEFAULT_WEIGHT: f64 = 0.7;

static UDF: LazyLock<Arc<ScalarUDF>> = LazyLock::new(|| Arc::new(ScalarUDF::from(HybridVector::new())));

static DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        VECTORS,
        "Method B's hybrid vector, LIST<FLOAT>: the embedding scaled to unit length, followed by \
         the features times weight / sqrt(number of features). With standardized features (from \
         profile_features) the feature part then moves squared distances between rows by about \
         2·weight² whatever the number of features, unit embeddings by 2·(1 − mean cosine) \
         (0.75 for voyage-3.5, 1.4-1.8 for the local embedder); the default weight 0.7 gives \
         each part 35-65 % of the distances. Raise weight to let profiles count more. NULL when either input is NULL or \
         the embedding has length zero.",
        SYNTAX,
    )
    .with_argument("embedding", "A vector, e.g. embed(text).")
    .with_argument("features", "A vector of standardized features, e.g. profile_features(p) OVER (...).")
    .with_argument("weight", "Constant weight of the features (default 0.7, at least 0).")
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
            None | Some(ScalarValue::Float64(None)) => DEFAULT_WEIGHT,
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
    fn feature_part_has_squared_length_weight_squared() {
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
