//! A/B experiments in SQL: arm assignment (`ab_bucket`), the tests of a readout
//! (`ab_proportion_test`, `ab_mean_test`, `ab_srm`) and sizing (`ab_sample_size`).
//!
//! The formulas are the textbook ones that scipy and statsmodels implement (each function's
//! file names its reference); `tests/fixtures/ab_reference.*` holds their answers, which the
//! test suite checks to 1e-6. Distributions come from `statrs`.

pub mod ab_bucket;
pub mod ab_mean_test;
pub mod ab_proportion_test;
pub mod ab_sample_size;
pub mod ab_srm;
mod arms;
mod tally;

pub use arms::Arms;

use statrs::distribution::{ChiSquared, ContinuousCDF, Normal, StudentsT};

/// The two-sided p-value of a standard normal statistic.
fn normal_two_sided_p(z: f64) -> f64 {
    2.0 * Normal::standard().sf(z.abs())
}

/// The standard normal quantile.
fn normal_quantile(p: f64) -> f64 {
    Normal::standard().inverse_cdf(p)
}

/// The two-sided p-value of a t statistic and the t quantile, for df > 0.
fn t_two_sided_p_and_quantile(t: f64, df: f64, p: f64) -> Option<(f64, f64)> {
    let dist = StudentsT::new(0.0, 1.0, df).ok()?;
    Some((2.0 * dist.sf(t.abs()), dist.inverse_cdf(p)))
}

/// The upper tail of a chi-square distribution, for df > 0.
fn chi_squared_sf(x: f64, df: f64) -> Option<f64> {
    Some(ChiSquared::new(df).ok()?.sf(x))
}
