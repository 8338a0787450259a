//! The settings window and aggregate functions read while they run.
//!
//! DataFusion hands window and aggregate functions no session settings, so each instance of
//! such a function carries them: [`crate::register_in`] makes the instances from the session's
//! settings and [`crate::apply_settings`] makes new ones after a `SET`. They live in the
//! session's own function registry, so two sessions (two users of `fansql serve`) never see
//! each other's settings. A cluster ships them inside the plan: [`of_window_function`] and
//! [`of_aggregate_function`] read them from an instance, [`RunSettings::to_bytes`] and
//! [`RunSettings::from_bytes`] carry them, and [`crate::window_function`] /
//! [`crate::aggregate_function`] make the instance again on the other side.

use std::any::Any;

use datafusion::common::{DataFusionError, Result};
use datafusion::config::ConfigOptions;
use datafusion::logical_expr::{AggregateUDF, WindowUDF};
use serde::{Deserialize, Serialize};

use crate::config::{FansqlConfig, FansqlOptions};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RunSettings {
    /// `fansql.threads` (0 = every core).
    pub threads: usize,
    /// `fansql.output_dir`: where relative plot paths are written.
    pub output_dir: String,
    /// `fansql.plot.width` and `fansql.plot.height` in pixels, within 100 to 10,000.
    pub plot_width: u32,
    pub plot_height: u32,
}

impl RunSettings {
    pub fn from_options(options: &ConfigOptions) -> Self {
        Self::from_fansql(&FansqlConfig::from_options(options))
    }

    pub fn from_fansql(options: &FansqlOptions) -> Self {
        Self {
            threads: options.threads,
            output_dir: options.output_dir.clone(),
            plot_width: options.plot.width.clamp(100, 10_000) as u32,
            plot_height: options.plot.height.clamp(100, 10_000) as u32,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        // Serializing a struct of numbers and a string cannot fail.
        serde_json::to_vec(self).unwrap_or_default()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        serde_json::from_slice(bytes)
            .map_err(|e| DataFusionError::Internal(format!("fansql function settings in the plan are unreadable: {e}")))
    }
}

impl Default for RunSettings {
    fn default() -> Self {
        Self::from_fansql(&FansqlOptions::default())
    }
}

/// The settings a fansql window function instance carries (None for any other function).
pub fn of_window_function(udwf: &WindowUDF) -> Option<&RunSettings> {
    let any: &dyn Any = udwf.inner().as_ref();
    None.or_else(|| any.downcast_ref::<crate::kmeans::KMeans>().map(|f| f.settings()))
        .or_else(|| any.downcast_ref::<crate::umap::Umap>().map(|f| &f.settings))
        .or_else(|| any.downcast_ref::<crate::pca::Pca>().map(|f| &f.settings))
        .or_else(|| any.downcast_ref::<crate::silhouette::Silhouette>().map(|f| &f.settings))
}

/// The settings a fansql aggregate function instance carries (None for any other function).
pub fn of_aggregate_function(udaf: &AggregateUDF) -> Option<&RunSettings> {
    let any: &dyn Any = udaf.inner().as_ref();
    any.downcast_ref::<crate::plot::PlotFunction>().map(|f| f.settings())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_survive_the_trip_through_bytes() {
        let settings = RunSettings { threads: 3, output_dir: "/tmp/out".into(), plot_width: 640, plot_height: 480 };
        assert_eq!(RunSettings::from_bytes(&settings.to_bytes()).unwrap(), settings);
        assert!(RunSettings::from_bytes(b"not json").unwrap_err().to_string().contains("unreadable"));
    }
}
