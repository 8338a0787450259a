//! `ab_srm(arm [, expected])`: the sample-ratio-mismatch check, a chi-square goodness-of-fit
//! test of the units per arm against the shares the assignment meant (scipy `chisquare`).

use std::sync::{Arc, LazyLock};

use datafusion::arrow::datatypes::DataType;
use datafusion::common::{exec_err, Result, ScalarValue};
use datafusion::logical_expr::{AggregateUDF, Documentation};

use super::arms::{coerce_arms, Arms};
use super::chi_squared_sf;
use super::tally::{ArmTest, Tallies, ValueKind};
use crate::doc_sections::EXPERIMENTS;

const NAME: &str = "ab_srm";
const SYNTAX: &str = "ab_srm(arm [, expected])";

static DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        EXPERIMENTS,
        "Sample-ratio-mismatch p-value: a chi-square test of the rows per arm against the expected \
         shares. A small p-value (say below 0.001) means the assignment or the data pipeline lost \
         or added units unevenly, and the readout should not be trusted. NULL with no rows or \
         fewer than two arms to compare.",
        SYNTAX,
    )
    .with_argument("arm", "Each unit's arm (one row per unit).")
    .with_argument(
        "expected",
        "Constant. Omitted: equal shares of the arms seen. A number: the share of the first arm \
         by name (two arms). Or the arms as given to ab_bucket (['A', 'B'] or {'control': 0.9, \
         'treat': 0.1}), which also counts arms with no rows.",
    )
    .with_sql_example("```sql\nSELECT ab_srm(arm, {'control': 0.9, 'treat': 0.1}) FROM cohort;\n```")
    .with_related_udf("ab_bucket")
    .build()
});

static UDAF: LazyLock<Arc<AggregateUDF>> = LazyLock::new(|| {
    Arc::new(AggregateUDF::from(ArmTest::new(
        NAME,
        SYNTAX,
        ValueKind::Nothing,
        || DataType::Float64,
        coerce_expected,
        readout,
        &DOC,
    )))
});

/// The shared `ab_srm` aggregate.
pub fn udaf() -> Arc<AggregateUDF> {
    Arc::clone(&UDAF)
}

fn coerce_expected(given: &DataType) -> Result<DataType> {
    if given.is_numeric() {
        Ok(DataType::Float64)
    } else {
        coerce_arms(NAME, 2, given)
    }
}

/// (observed count, expected share) per arm.
fn expected_counts(tallies: &Tallies, expected: Option<&ScalarValue>) -> Result<Vec<(f64, f64)>> {
    let observed = |name: &str| tallies.get(name).map_or(0.0, |s| s.n);
    match expected {
        None => Ok(tallies.values().map(|s| (s.n, 1.0 / tallies.len() as f64)).collect()),
        Some(ScalarValue::Float64(Some(share))) => {
            if !(0.0..=1.0).contains(share) || tallies.len() > 2 {
                return exec_err!(
                    "{NAME}: a number as expected share needs at most two arms and must be in [0, 1], got {share} for {} arm(s)",
                    tallies.len()
                );
            }
            let counts: Vec<f64> = tallies.values().map(|s| s.n).chain([0.0]).take(2).collect();
            Ok(vec![(counts[0], *share), (counts[1], 1.0 - share)])
        }
        Some(spec) => {
            let arms = Arms::from_scalar(NAME, spec)?;
            if let Some(stray) = tallies.keys().find(|k| !arms.names.contains(k)) {
                return exec_err!("{NAME}: arm '{stray}' is not among the expected arms {}", arms.names.join(", "));
            }
            Ok(arms.names.iter().zip(&arms.shares).map(|(name, share)| (observed(name), *share)).collect())
        }
    }
}

/// The chi-square p-value of observed counts against expected shares.
fn srm_p_value(counts: &[(f64, f64)]) -> Option<f64> {
    let total: f64 = counts.iter().map(|(n, _)| n).sum();
    let compared: Vec<&(f64, f64)> = counts.iter().filter(|(_, share)| *share > 0.0).collect();
    if total <= 0.0 || compared.len() < 2 {
        return None;
    }
    let stray: f64 = counts.iter().filter(|(_, share)| *share <= 0.0).map(|(n, _)| n).sum();
    if stray > 0.0 {
        // units in an arm meant to get none: the ratio is certainly off
        return Some(0.0);
    }
    let statistic: f64 = compared.iter().map(|(n, share)| (n - share * total).powi(2) / (share * total)).sum();
    chi_squared_sf(statistic, compared.len() as f64 - 1.0)
}

fn readout(tallies: &Tallies, expected: Option<&ScalarValue>) -> Result<ScalarValue> {
    Ok(ScalarValue::Float64(srm_p_value(&expected_counts(tallies, expected)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_scipy_chisquare() {
        // scipy.stats.chisquare([520, 480]) -> p = 0.2059032107320684
        let p = srm_p_value(&[(520.0, 0.5), (480.0, 0.5)]).unwrap();
        assert!((p - 0.205_903_210_7).abs() < 1e-9, "{p}");
        assert_eq!(srm_p_value(&[(10.0, 1.0)]), None);
        assert_eq!(srm_p_value(&[(0.0, 0.5), (0.0, 0.5)]), None);
        assert_eq!(srm_p_value(&[(5.0, 0.5), (5.0, 0.5), (1.0, 0.0)]), Some(0.0));
    }
}
