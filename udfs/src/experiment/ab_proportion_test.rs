//! `ab_proportion_test(success, arm [, control])`: two-proportion z-test of arm b against arm a.
//!
//! z uses the pooled rate (statsmodels `proportions_ztest`), the 95 % interval of rate_b − rate_a
//! the unpooled Wald standard error (statsmodels `confint_proportions_2indep(method='wald')`).

use std::sync::{Arc, LazyLock};

use datafusion::arrow::datatypes::DataType;
use datafusion::common::{Result, ScalarValue};
use datafusion::logical_expr::{AggregateUDF, Documentation};

use super::tally::{test_result, test_result_type, ArmTest, Tallies, ValueKind};
use super::{normal_quantile, normal_two_sided_p};
use crate::args::coerce_text;
use crate::doc_sections::EXPERIMENTS;

const NAME: &str = "ab_proportion_test";
const SYNTAX: &str = "ab_proportion_test(success, arm [, control])";

static DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        EXPERIMENTS,
        "Two-proportion z-test (two-sided) of arm b against arm a: STRUCT{n_a, n_b, rate_a, rate_b, \
         lift, z, p_value, ci_low, ci_high, arm_a, arm_b}. a is the control arm (the first arm by \
         name when not given), b the other; more than two arms is an error. lift = (rate_b - rate_a) \
         / rate_a; z uses the pooled rate; ci_low/ci_high bound rate_b - rate_a (95 %, unpooled Wald). \
         Rows with a NULL success or arm are skipped. Undefined values are NULL: rates of an empty \
         arm, lift when rate_a is 0, z and p_value when both arms are all successes or all failures.",
        SYNTAX,
    )
    .with_argument("success", "BOOLEAN outcome of a unit, e.g. revenue > 0.")
    .with_argument("arm", "The unit's arm, e.g. from ab_bucket.")
    .with_argument("control", "Constant name of the control arm (a).")
    .with_sql_example("```sql\nSELECT ab_proportion_test(purchased_after, arm, 'A').* FROM readout;\n```")
    .with_related_udf("ab_mean_test")
    .with_related_udf("ab_sample_size")
    .build()
});

static UDAF: LazyLock<Arc<AggregateUDF>> = LazyLock::new(|| {
    Arc::new(AggregateUDF::from(ArmTest::new(
        NAME,
        SYNTAX,
        ValueKind::Boolean,
        result_type,
        |t| coerce_text(NAME, 3, "control", t),
        readout,
        &DOC,
    )))
});

/// The shared `ab_proportion_test` aggregate.
pub fn udaf() -> Arc<AggregateUDF> {
    Arc::clone(&UDAF)
}

const NUMBERS: [&str; 7] = ["rate_a", "rate_b", "lift", "z", "p_value", "ci_low", "ci_high"];

fn result_type() -> DataType {
    test_result_type(&NUMBERS)
}

/// The test's numbers from (successes, n) of a and b, in the order of NUMBERS.
fn two_proportions(s_a: f64, n_a: f64, s_b: f64, n_b: f64) -> [Option<f64>; 7] {
    let rate = |s: f64, n: f64| (n > 0.0).then(|| s / n);
    let (rate_a, rate_b) = (rate(s_a, n_a), rate(s_b, n_b));
    let mut out = [rate_a, rate_b, None, None, None, None, None];
    let (Some(ra), Some(rb)) = (rate_a, rate_b) else { return out };
    out[2] = (ra > 0.0).then(|| (rb - ra) / ra);
    let pooled = (s_a + s_b) / (n_a + n_b);
    let se_pooled = (pooled * (1.0 - pooled) * (1.0 / n_a + 1.0 / n_b)).sqrt();
    if se_pooled > 0.0 {
        let z = (rb - ra) / se_pooled;
        out[3] = Some(z);
        out[4] = Some(normal_two_sided_p(z));
    }
    let se = (ra * (1.0 - ra) / n_a + rb * (1.0 - rb) / n_b).sqrt();
    let half = normal_quantile(0.975) * se;
    out[5] = Some(rb - ra - half);
    out[6] = Some(rb - ra + half);
    out
}

fn readout(tallies: &Tallies, control: Option<&ScalarValue>) -> Result<ScalarValue> {
    test_result(NAME, tallies, control, &NUMBERS, |a, b| two_proportions(a.sum, a.n, b.sum, b.n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_statsmodels_on_a_textbook_case() {
        // statsmodels: proportions_ztest([60, 45], [500, 500]) -> z = 1.5473376, p = 0.1217818 (a - b);
        // here b - a, so z is negated.
        let [ra, rb, lift, z, p, low, high] = two_proportions(60.0, 500.0, 45.0, 500.0);
        assert_eq!((ra, rb), (Some(0.12), Some(0.09)));
        assert!((lift.unwrap() + 0.25).abs() < 1e-12);
        assert!((z.unwrap() + 1.547_337_6).abs() < 1e-6, "{z:?}");
        assert!((p.unwrap() - 0.121_781_8).abs() < 1e-6, "{p:?}");
        assert!(low.unwrap() < -0.03 && high.unwrap() > -0.03);
    }

    #[test]
    fn undefined_parts_are_none() {
        let all = two_proportions(10.0, 10.0, 7.0, 7.0);
        assert_eq!((all[3], all[4]), (None, None));
        assert_eq!(all[5], Some(0.0));
        let empty_b = two_proportions(3.0, 10.0, 0.0, 0.0);
        assert_eq!(empty_b[1..], [None; 6]);
        assert_eq!(two_proportions(0.0, 10.0, 2.0, 10.0)[2], None);
    }
}
