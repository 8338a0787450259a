//! `ab_sample_size(baseline_rate, min_detectable_effect [, alpha [, power]])`: units needed per
//! arm to detect a change of a rate, by the normal approximation statsmodels uses in
//! `samplesize_proportions_2indep_onetail` (pooled variance under the null, the two rates' under
//! the alternative, the far tail of the two-sided test ignored).

use std::sync::{Arc, LazyLock};

use datafusion::arrow::array::{Array, AsArray, Int64Builder};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::{DataType, Float64Type};
use datafusion::common::{exec_err, plan_err, Result};
use datafusion::logical_expr::{
    ColumnarValue, Documentation, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility,
};

use super::normal_quantile;
use crate::args::check_arity;
use crate::doc_sections::EXPERIMENTS;
use crate::macros::user_defined_function;

const NAME: &str = "ab_sample_size";
const SYNTAX: &str = "ab_sample_size(baseline_rate, min_detectable_effect [, alpha [, power]])";
const ARGUMENTS: [&str; 4] = ["baseline_rate", "min_detectable_effect", "alpha", "power"];
const DEFAULT_ALPHA: f64 = 0.05;
const DEFAULT_POWER: f64 = 0.8;

static UDF: LazyLock<Arc<ScalarUDF>> = LazyLock::new(|| Arc::new(ScalarUDF::from(AbSampleSize::new())));

static DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        EXPERIMENTS,
        "Units needed in each of two equal arms (BIGINT, rounded up) for a two-sided two-proportion \
         test to detect a change of the rate from baseline_rate to baseline_rate + \
         min_detectable_effect with significance alpha and the given power: \
         ((z(1-alpha/2)·sqrt(2·p̄(1-p̄)) + z(power)·sqrt(p1(1-p1) + p2(1-p2))) / effect)², p̄ the mean \
         of the two rates (as statsmodels' samplesize_proportions_2indep_onetail). NULL when an \
         argument is NULL.",
        SYNTAX,
    )
    .with_argument("baseline_rate", "The control arm's expected rate, in (0, 1).")
    .with_argument(
        "min_detectable_effect",
        "The smallest change worth detecting, in absolute rate (0.02 = two percentage points); \
         baseline + effect must stay in (0, 1).",
    )
    .with_argument("alpha", "Significance level, two-sided (default 0.05).")
    .with_argument("power", "Chance to detect the effect when it is real (default 0.8).")
    .with_sql_example("```sql\nSELECT ab_sample_size(0.10, 0.02);  -- 3841 per arm\n```")
    .with_related_udf("ab_proportion_test")
    .build()
});

/// The shared `ab_sample_size` function.
pub fn udf() -> Arc<ScalarUDF> {
    Arc::clone(&UDF)
}

user_defined_function!(AbSampleSize, Volatility::Immutable);

/// Units per arm before rounding up; the message names the bad argument.
fn units_per_arm(baseline: f64, effect: f64, alpha: f64, power: f64) -> std::result::Result<f64, String> {
    let open_unit = |x: f64| x > 0.0 && x < 1.0;
    if !open_unit(baseline) {
        return Err(format!("baseline_rate must be in (0, 1), got {baseline}"));
    }
    if effect == 0.0 || !open_unit(baseline + effect) {
        return Err(format!(
            "min_detectable_effect must be non-zero with baseline_rate + effect in (0, 1), got {effect}"
        ));
    }
    if !open_unit(alpha) {
        return Err(format!("alpha must be in (0, 1), got {alpha}"));
    }
    if !open_unit(power) {
        return Err(format!("power must be in (0, 1), got {power}"));
    }
    let treated = baseline + effect;
    let pooled = (baseline + treated) / 2.0;
    let sd_null = (2.0 * pooled * (1.0 - pooled)).sqrt();
    let sd_alternative = (baseline * (1.0 - baseline) + treated * (1.0 - treated)).sqrt();
    let numerator = normal_quantile(1.0 - alpha / 2.0) * sd_null + normal_quantile(power) * sd_alternative;
    Ok((numerator.max(0.0) / effect).powi(2))
}

impl ScalarUDFImpl for AbSampleSize {
    fn name(&self) -> &str {
        NAME
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(DataType::Int64)
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        check_arity(NAME, SYNTAX, arg_types.len(), 2, 4)?;
        arg_types
            .iter()
            .zip(ARGUMENTS)
            .enumerate()
            .map(|(i, (t, name))| match t {
                t if t.is_numeric() || t == &DataType::Null => Ok(DataType::Float64),
                other => plan_err!("{NAME}: argument {} ({name}) must be a number, got {other}", i + 1),
            })
            .collect()
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let columns = args
            .args
            .iter()
            .map(|a| Ok(cast(&a.to_array(args.number_rows)?, &DataType::Float64)?))
            .collect::<Result<Vec<_>>>()?;
        let value = |column: usize, row: usize, default: f64| -> Option<f64> {
            match columns.get(column) {
                None => Some(default),
                Some(c) => c.is_valid(row).then(|| c.as_primitive::<Float64Type>().value(row)),
            }
        };
        let mut builder = Int64Builder::with_capacity(args.number_rows);
        for row in 0..args.number_rows {
            let inputs =
                (value(0, row, 0.0), value(1, row, 0.0), value(2, row, DEFAULT_ALPHA), value(3, row, DEFAULT_POWER));
            match inputs {
                (Some(baseline), Some(effect), Some(alpha), Some(power)) => {
                    match units_per_arm(baseline, effect, alpha, power) {
                        Ok(n) => builder.append_value(n.ceil() as i64),
                        Err(message) => return exec_err!("{NAME}: {message}"),
                    }
                }
                _ => builder.append_null(),
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
    fn matches_statsmodels() {
        // statsmodels samplesize_proportions_2indep_onetail(0.02, 0.10, 0.8) = 3840.8474824 per arm
        let n = units_per_arm(0.10, 0.02, 0.05, 0.8).unwrap();
        assert!((n - STATSMODELS_10_TO_12).abs() < 1e-6, "{n}");
        assert_eq!(
            units_per_arm(0.10, -0.02, 0.05, 0.8).unwrap().ceil(),
            units_per_arm(0.08, 0.02, 0.05, 0.8).unwrap().ceil()
        );
        assert!(units_per_arm(1.0, 0.1, 0.05, 0.8).unwrap_err().contains("baseline_rate"));
        assert!(units_per_arm(0.5, 0.6, 0.05, 0.8).unwrap_err().contains("min_detectable_effect"));
        assert!(units_per_arm(0.5, 0.1, 0.0, 0.8).unwrap_err().contains("alpha"));
    }

    const STATSMODELS_10_TO_12: f64 = 3_840.847_482_436_273_4;
}
