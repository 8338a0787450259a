//! `ab_bucket(unit_id, experiment [, arms])`: the arm of a unit in an experiment.
//!
//! The rule, fixed for good so that an assignment never moves between runs, machines or fansql
//! versions: take SHA-256 of the UTF-8 text `experiment || ':' || unit_id`, read its first 8
//! bytes as a big-endian unsigned integer, divide by 2^64 to get a point x in [0, 1), and cut
//! [0, 1) into the arms' shares in the order the arms are given. The experiment name is the salt:
//! a new name reshuffles every unit, the same name keeps them. Anyone can recompute an arm, even
//! in SQL: `digest(experiment || ':' || unit_id, 'sha256')`.

use std::sync::{Arc, LazyLock};

use datafusion::arrow::array::{Array, AsArray, StringBuilder};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::DataType;
use datafusion::common::{plan_err, Result};
use datafusion::logical_expr::{
    ColumnarValue, Documentation, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility,
};
use sha2::{Digest, Sha256};

use super::arms::{coerce_arms, Arms};
use crate::args::{check_arity, coerce_text, scalar_literal};
use crate::doc_sections::EXPERIMENTS;
use crate::macros::user_defined_function;

const NAME: &str = "ab_bucket";
const SYNTAX: &str = "ab_bucket(unit_id, experiment [, arms])";

static UDF: LazyLock<Arc<ScalarUDF>> = LazyLock::new(|| Arc::new(ScalarUDF::from(AbBucket::new())));

static DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        EXPERIMENTS,
        "The arm of a unit (a fan, a fan+model pair) in an experiment: stable on every run, machine \
         and version, and reshuffled by another experiment name. The rule: SHA-256 of \
         experiment || ':' || unit_id, its first 8 bytes as a big-endian integer over 2^64 give a \
         point in [0, 1), cut into the arms' shares in the order given. NULL when unit_id or \
         experiment is NULL.",
        SYNTAX,
    )
    .with_argument("unit_id", "What is randomized, e.g. fan_model_id; numbers are used as their text.")
    .with_argument("experiment", "The experiment's name; it salts the hash.")
    .with_argument(
        "arms",
        "Constant. A list of names with equal shares (['control', 'treat']), or names with relative \
         weights ({'control': 0.9, 'treat': 0.1} or MAP {...}). Default: 'A' and 'B', half each.",
    )
    .with_sql_example(
        "```sql\nSELECT fan_model_id, ab_bucket(fan_model_id, 'premium_bundle') AS arm FROM fan_summary;\n\
         SELECT ab_bucket('F1_Model2', 'ramp', {'control': 0.9, 'treat': 0.1});\n```",
    )
    .with_related_udf("ab_srm")
    .build()
});

/// The shared `ab_bucket` function.
pub fn udf() -> Arc<ScalarUDF> {
    Arc::clone(&UDF)
}

user_defined_function!(AbBucket, Volatility::Immutable);

/// The point in [0, 1) of a unit in an experiment (see the module comment).
pub fn unit_point(experiment: &str, unit_id: &str) -> f64 {
    let digest = Sha256::new()
        .chain_update(experiment.as_bytes())
        .chain_update(b":")
        .chain_update(unit_id.as_bytes())
        .finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    // 2^-64 is exact in f64; u64 -> f64 rounds to 53 bits, which may round up to 1.0 only for
    // the top 2^10 values; Arms::pick handles x = 1.0 as the last arm.
    u64::from_be_bytes(first) as f64 * (1.0 / 18_446_744_073_709_551_616.0)
}

/// The arm of a unit: what `ab_bucket(unit_id, experiment, arms)` returns.
pub fn arm_of<'a>(arms: &'a Arms, experiment: &str, unit_id: &str) -> &'a str {
    arms.pick(unit_point(experiment, unit_id))
}

impl ScalarUDFImpl for AbBucket {
    fn name(&self) -> &str {
        NAME
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(DataType::Utf8)
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        check_arity(NAME, SYNTAX, arg_types.len(), 2, 3)?;
        let unit = match &arg_types[0] {
            t if t.is_nested() => return plan_err!("{NAME}: argument 1 (unit_id) must be text or a number, got {t}"),
            _ => DataType::Utf8,
        };
        let mut coerced = vec![unit, coerce_text(NAME, 2, "experiment", &arg_types[1])?];
        if let Some(arms) = arg_types.get(2) {
            coerced.push(coerce_arms(NAME, 3, arms)?);
        }
        Ok(coerced)
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let arms = match scalar_literal(NAME, "arms", &args.args, 3)? {
            Some(value) => Arms::from_scalar(NAME, value)?,
            None => Arms::a_b(),
        };
        let units = cast(&args.args[0].to_array(args.number_rows)?, &DataType::Utf8)?;
        let experiments = cast(&args.args[1].to_array(args.number_rows)?, &DataType::Utf8)?;
        let (units, experiments) = (units.as_string::<i32>(), experiments.as_string::<i32>());
        let mut builder = StringBuilder::with_capacity(units.len(), units.len() * 2);
        for row in 0..units.len() {
            if units.is_null(row) || experiments.is_null(row) {
                builder.append_null();
            } else {
                builder.append_value(arm_of(&arms, experiments.value(row), units.value(row)));
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
    fn points_are_pinned_forever() {
        // SHA-256("exp:unit") begins 1068fd79f5b78003; these values must never change (they
        // decide live experiments).
        assert_eq!(unit_point("exp", "unit"), 0x1068_fd79_f5b7_8003_u64 as f64 / 2f64.powi(64));
        let arms = Arms::a_b();
        let pinned: Vec<&str> = (0..8).map(|i| arm_of(&arms, "pinned", &format!("fan{i}"))).collect();
        assert_eq!(pinned, PINNED);
    }

    // Computed independently (Python hashlib) from the rule in the module comment.
    const PINNED: [&str; 8] = ["B", "A", "B", "B", "A", "B", "A", "B"];

    #[test]
    fn a_hundred_thousand_units_split_within_binomial_tolerance() {
        let arms = Arms::a_b();
        let in_a = (0..100_000).filter(|i| arm_of(&arms, "balance", &format!("F{i}_Model1")) == "A").count();
        // 4 standard deviations of Binomial(100000, 0.5) are 632.
        assert!((in_a as i64 - 50_000).abs() < 632, "A got {in_a} of 100000");
        let other = (0..100_000).filter(|i| arm_of(&arms, "balance2", &format!("F{i}_Model1")) == "A").count();
        assert_ne!(in_a, other, "another experiment name reshuffles");
    }
}
