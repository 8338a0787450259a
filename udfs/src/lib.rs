//! fansql's pipeline functions as DataFusion UDFs.
//!
//! Every function lives in its own module with its `Documentation`, so `SHOW FUNCTIONS` and the
//! shell's `\df` explain it. Any DataFusion application gets all of them with [`register_all`].

use std::sync::Arc;

use datafusion::config::ConfigOptions;
use datafusion::error::Result;
use datafusion::execution::context::SessionConfig;
use datafusion::logical_expr::registry::FunctionRegistry;
use datafusion::logical_expr::{AggregateUDF, Documentation, ScalarUDF, WindowUDF};
use datafusion::prelude::SessionContext;

use run_settings::RunSettings;

pub mod api;
mod args;
pub mod cluster_terms;
pub mod clustering;
pub mod config;
pub mod conversation_index;
pub mod cosine_similarity;
pub mod current_setting;
mod doc_sections;
pub mod embed;
pub mod experiment;
pub mod hybrid_vector;
pub mod kmeans;
mod macros;
pub mod parse_bool;
pub mod parse_timestamp;
pub mod pca;
pub mod plot;
pub mod profile_features;
pub mod profile_llm;
pub mod run_settings;
pub mod silhouette;
pub mod stage;
pub mod umap;
pub mod vector_norm;
mod vectors;

/// The window functions fansql adds, the whole-partition ones running with `settings`.
pub fn window_functions(settings: &RunSettings) -> Vec<Arc<WindowUDF>> {
    vec![
        conversation_index::udwf(),
        stage::udwf(),
        profile_features::udwf(),
        profile_features::names_udwf(),
        kmeans::udwf(settings),
        kmeans::assign_udwf(settings),
        silhouette::udwf(settings),
        pca::udwf(settings),
        umap::udwf(settings),
        cluster_terms::udwf(),
    ]
}

/// The scalar functions fansql adds.
pub fn scalar_functions() -> Vec<Arc<ScalarUDF>> {
    vec![
        parse_timestamp::udf(),
        parse_bool::udf(),
        profile_llm::udf(),
        cosine_similarity::udf(),
        vector_norm::udf(),
        hybrid_vector::udf(),
        current_setting::udf(),
        experiment::ab_bucket::udf(),
        experiment::ab_sample_size::udf(),
    ]
}

/// The aggregate functions fansql adds, the plots running with `settings`.
pub fn aggregate_functions(settings: &RunSettings) -> Vec<Arc<AggregateUDF>> {
    vec![
        plot::plot_scatter::udaf(settings),
        plot::plot_scatter_3d::udaf(settings),
        experiment::ab_proportion_test::udaf(),
        experiment::ab_mean_test::udaf(),
        experiment::ab_srm::udaf(),
    ]
}

/// Documentation of the functions whose `documentation()` DataFusion's async wrapper hides, so
/// that shells can still explain them.
pub fn async_function_docs() -> Vec<(&'static str, &'static Documentation)> {
    vec![("profile_llm", &profile_llm::DOC), ("embed", &embed::EMBED_DOC), ("embed_voyage", &embed::EMBED_VOYAGE_DOC)]
}

/// A session config with fansql's settings (`SET fansql.*`) and the information schema.
pub fn session_config() -> SessionConfig {
    with_settings(SessionConfig::new())
}

/// `base` (a Ballista config, say) with fansql's settings and the information schema.
pub fn with_settings(base: SessionConfig) -> SessionConfig {
    base.with_information_schema(true).with_option_extension(config::FansqlConfig::default())
}

/// Registers every fansql function on `ctx`.
pub fn register_all(ctx: &SessionContext) -> Result<()> {
    ctx.add_analyzer_rule(Arc::new(plot::output_paths::PlotOutputPaths));
    apply_settings(ctx)
}

/// Registers every fansql function, in the variant the settings in `options` call for, in any
/// function registry: the session state a Ballista scheduler plans with, for one.
pub fn register_in(registry: &mut dyn FunctionRegistry, options: &ConfigOptions) -> Result<()> {
    let settings = RunSettings::from_options(options);
    for udwf in window_functions(&settings) {
        registry.register_udwf(udwf)?;
    }
    for udf in scalar_functions().into_iter().chain(embed::udfs(options)) {
        registry.register_udf(udf)?;
    }
    for udaf in aggregate_functions(&settings) {
        registry.register_udaf(udaf)?;
    }
    Ok(())
}

/// The fansql window function `name` running with `settings` (a cluster process rebuilding the
/// instance a plan carries).
pub fn window_function(name: &str, settings: &RunSettings) -> Option<Arc<WindowUDF>> {
    window_functions(settings).into_iter().find(|f| f.name() == name)
}

/// The fansql aggregate function `name` running with `settings`.
pub fn aggregate_function(name: &str, settings: &RunSettings) -> Option<Arc<AggregateUDF>> {
    aggregate_functions(settings).into_iter().find(|f| f.name() == name)
}

/// Applies the `fansql.*` settings that DataFusion cannot hand to a function at run time, in
/// this session only: re-registers the functions whose return type depends on a setting
/// (`fansql.embed.output_dimension`) and those that carry their settings (thread cap, plot
/// folder and size; see [`run_settings`]). Call it after SET/RESET (the fansql shell does).
pub fn apply_settings(ctx: &SessionContext) -> Result<()> {
    let options = ctx.state().config_options().clone();
    register_in(&mut *ctx.state_ref().write(), &options)
}
