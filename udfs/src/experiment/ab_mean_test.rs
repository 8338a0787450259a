//! `ab_mean_test(value, arm [, control])`: Welch's t-test of arm b's mean against arm a's
//! (scipy `ttest_ind(b, a, equal_var=False)` and its `confidence_interval(0.95)`).

use std::sync::{Arc, LazyLock};

use datafusion::arrow::datatypes::DataType;
use datafusion::common::{Result, ScalarValue};
use datafusion::logical_expr::{AggregateUDF, Documentation};

use super::t_two_sided_p_and_quantile;
use super::tally::{test_result, test_result_type, ArmStats, ArmTest, Tallies, ValueKind};
use crate::args::coerce_text;
use crate::doc_sections::EXPERIMENTS;

const NAME: &str = "ab_mean_test";
const SYNTAX: &str = "ab_mean_test(value, arm [, control])";

static DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        EXPERIMENTS,
        "Welch's t-test (two-sided, unequal variances) of arm b's mean against arm a's: \
         STRUCT{n_a, n_b, mean_a, mean_b, diff, t, df, p_value, ci_low, ci_high, arm_a, arm_b}. \
         a is the control arm (the first arm by name when not given), b the other; more than two \
         arms is an error. diff = mean_b - mean_a, df by Welch-Satterthwaite, ci_low/ci_high the \
         95 % interval of diff. Rows with a NULL or non-finite value or a NULL arm are skipped. \
         t, df, p_value and the interval are NULL when an arm has fewer than 2 values or both arms \
         have no spread.",
        SYNTAX,
    )
    .with_argument("value", "Numeric outcome of a unit, e.g. revenue after the start.")
    .with_argument("arm", "The unit's arm, e.g. from ab_bucket.")
    .with_argument("control", "Constant name of the control arm (a).")
    .with_sql_example("```sql\nSELECT ab_mean_test(revenue_after, arm, 'A').* FROM readout;\n```")
    .with_related_udf("ab_proportion_test")
    .build()
});

static UDAF: LazyLock<Arc<AggregateUDF>> = LazyLock::new(|| {
    Arc::new(AggregateUDF::from(ArmTest::new(
        NAME,
        SYNTAX,
        ValueKind::Number,
        result_type,
        |t| coerce_text(NAME, 3, "control", t),
        readout,
        &DOC,
    )))
});

/// The shared `ab_mean_test` aggregate.
pub fn udaf() -> Arc<AggregateUDF> {
    Arc::clone(&UDAF)
}

const NUMBERS: [&str; 8] = ["mean_a", "mean_b", "diff", "t", "df", "p_value", "ci_low", "ci_high"];

fn result_type() -> DataType {
    test_result_type(&NUMBERS)
}

/// The test's numbers, in the order of NUMBERS.
fn welch(a: &ArmStats, b: &ArmStats) -> [Option<f64>; 8] {
    let (mean_a, mean_b) = (a.mean(), b.mean());
    let diff = mean_a.zip(mean_b).map(|(ma, mb)| mb - ma);
    let mut out = [mean_a, mean_b, diff, None, None, None, None, None];
    let (Some(diff), Some(var_a), Some(var_b)) = (diff, a.variance(), b.variance()) else { return out };
    let (share_a, share_b) = (var_a / a.n, var_b / b.n);
    let se = (share_a + share_b).sqrt();
    if se <= 0.0 {
        return out;
    }
    let df = (share_a + share_b).powi(2) / (share_a.powi(2) / (a.n - 1.0) + share_b.powi(2) / (b.n - 1.0));
    let t = diff / se;
    if let Some((p, quantile)) = t_two_sided_p_and_quantile(t, df, 0.975) {
        out[3..].copy_from_slice(&[Some(t), Some(df), Some(p), Some(diff - quantile * se), Some(diff + quantile * se)]);
    }
    out
}

fn readout(tallies: &Tallies, control: Option<&ScalarValue>) -> Result<ScalarValue> {
    test_result(NAME, tallies, control, &NUMBERS, welch)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats(values: &[f64]) -> ArmStats {
        let n = values.len() as f64;
        let mean = values.iter().sum::<f64>() / n;
        ArmStats { n, sum: values.iter().sum(), mean, m2: values.iter().map(|x| (x - mean).powi(2)).sum() }
    }

    #[test]
    fn matches_scipy_welch() {
        // scipy.stats.ttest_ind([2, 4, 6, 9], [1, 2, 3], equal_var=False):
        // t = 2.0302589, df = 3.8356292, p = 0.1151833, CI (-1.2706125, 7.7706125)
        let out = welch(&stats(&[1.0, 2.0, 3.0]), &stats(&[2.0, 4.0, 6.0, 9.0]));
        assert!((out[2].unwrap() - 3.25).abs() < 1e-12);
        assert!((out[3].unwrap() - 2.030_258_9).abs() < 1e-6, "{out:?}");
        assert!((out[4].unwrap() - 3.835_629_2).abs() < 1e-6, "{out:?}");
        assert!((out[5].unwrap() - 0.115_183_3).abs() < 1e-6, "{out:?}");
        assert!((out[6].unwrap() + 1.270_612_5).abs() < 1e-6 && (out[7].unwrap() - 7.770_612_5).abs() < 1e-6);
    }

    #[test]
    fn fewer_than_two_values_or_no_spread_leave_the_test_empty() {
        let one = welch(&stats(&[1.0]), &stats(&[2.0, 3.0]));
        assert_eq!((one[0], one[2]), (Some(1.0), Some(1.5)));
        assert_eq!(one[3..], [None; 5]);
        assert_eq!(welch(&stats(&[2.0, 2.0]), &stats(&[5.0, 5.0]))[3], None);
        assert_eq!(welch(&ArmStats::default(), &stats(&[1.0, 2.0]))[..3], [None, Some(1.5), None]);
    }
}
