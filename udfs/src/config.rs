//! `SET fansql.*` settings. A config extension with hand-written `ExtensionOptions` so that keys
//! keep their `fansql.` prefix in `SHOW ALL`, `SHOW fansql.llm.model` and when settings travel to
//! other processes (the `extensions_options!` macro drops the prefix).

use std::fmt;
use std::str::FromStr;

use datafusion::common::config::ConfigOptions;
use datafusion::common::config::{ConfigEntry, ConfigExtension, ConfigField, ExtensionOptions, Visit};
use datafusion::common::{config_field, config_namespace, Result};

/// Defines a provider setting: `auto` (the hosted API when its key is set, else local), the
/// hosted API under its own name, or `local` (offline).
macro_rules! provider_setting {
    ($name:ident, $api:ident, $api_name:literal) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        pub enum $name {
            #[default]
            Auto,
            $api,
            Local,
        }

        impl FromStr for $name {
            type Err = UnknownProvider;

            fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
                match s.trim().to_ascii_lowercase().as_str() {
                    "auto" => Ok(Self::Auto),
                    "local" => Ok(Self::Local),
                    $api_name => Ok(Self::$api),
                    other => Err(UnknownProvider(format!("'{other}' (use auto, local or {})", $api_name))),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(match self {
                    Self::Auto => "auto",
                    Self::$api => $api_name,
                    Self::Local => "local",
                })
            }
        }

        config_field!($name);
    };
}

#[derive(Debug)]
pub struct UnknownProvider(String);

impl fmt::Display for UnknownProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown provider {}", self.0)
    }
}

impl std::error::Error for UnknownProvider {}

provider_setting!(LlmProvider, OpenAi, "openai");
provider_setting!(EmbedProvider, Voyage, "voyage");

config_namespace! {
    /// profile_llm settings
    pub struct LlmOptions {
        /// 'openai' (an OpenAI-compatible Chat Completions API at OPENAI_BASE_URL), 'local'
        /// (the offline rule-and-lexicon extractor) or 'auto' (openai when OPENAI_API_KEY is set)
        pub provider: LlmProvider, default = LlmProvider::Auto
        /// Chat model name sent to the API
        pub model: String, default = "gpt-4o".to_string()
        /// Texts per request
        pub batch_size: usize, default = 20
        /// Requests in flight at once
        pub concurrency: usize, default = 8
        /// Retries of a failed request (429, 5xx, timeout, connection error, bad answer)
        pub max_retries: usize, default = 4
        /// Seconds before a request times out
        pub timeout: f64, default = 120.0
        /// Client-side request rate limit (0 = none)
        pub requests_per_minute: usize, default = 500
        /// Client-side token rate limit, input plus expected output (0 = none)
        pub tokens_per_minute: usize, default = 450000
        /// Stop before the estimated spend of one query exceeds this many US dollars (0 = no limit)
        pub max_cost_usd: f64, default = 5.0
        /// US dollars per million input tokens, for estimates (negative = the model's list price)
        pub input_usd_per_mtok: f64, default = -1.0
        /// US dollars per million output tokens, for estimates (negative = the model's list price)
        pub output_usd_per_mtok: f64, default = -1.0
        /// Print what a query would send (items, requests, tokens, cost, cache hits) and return
        /// NULL instead of calling the API
        pub dry_run: bool, default = false
    }
}

config_namespace! {
    /// embed / embed_voyage settings
    pub struct EmbedOptions {
        /// 'voyage' (the Voyage AI embeddings API at VOYAGE_BASE_URL), 'local' (the offline
        /// feature-hashing embedder) or 'auto' (voyage when VOYAGE_API_KEY is set); embed() only
        pub provider: EmbedProvider, default = EmbedProvider::Auto
        /// Voyage model name
        pub model: String, default = "voyage-3.5".to_string()
        /// Voyage input_type: 'document', 'query' or 'none' (no prompt added)
        pub input_type: String, default = "document".to_string()
        /// Length of every embedding, for both providers (Voyage: 256, 512, 1024 or 2048 where
        /// the model allows it; local: 16 to 4096). Re-registers embed()'s return type on SET
        pub output_dimension: usize, default = 1024
        /// Texts per request (at most 1000)
        pub batch_size: usize, default = 128
        /// Estimated tokens per request (0 = the model's limit: 320000 for voyage-3.5)
        pub max_tokens_per_request: usize, default = 0
        /// Requests in flight at once
        pub concurrency: usize, default = 8
        /// Retries of a failed request (429, 5xx, timeout, connection error, bad answer)
        pub max_retries: usize, default = 4
        /// Seconds before a request times out
        pub timeout: f64, default = 60.0
        /// Client-side request rate limit (0 = none)
        pub requests_per_minute: usize, default = 2000
        /// Client-side token rate limit (0 = none)
        pub tokens_per_minute: usize, default = 3000000
        /// Stop before the estimated spend of one query exceeds this many US dollars (0 = no limit)
        pub max_cost_usd: f64, default = 5.0
        /// US dollars per million tokens, for estimates (negative = the model's list price)
        pub usd_per_mtok: f64, default = -1.0
        /// Print what a query would send and return NULL instead of calling the API
        pub dry_run: bool, default = false
    }
}

config_namespace! {
    /// plot_scatter / plot_scatter_3d settings
    pub struct PlotOptions {
        /// Width of plot_scatter's PNG, in pixels
        pub width: usize, default = 1200
        /// Height of plot_scatter's PNG, in pixels
        pub height: usize, default = 900
    }
}

/// When an experiment started: empty (unset) or a date or timestamp like `2025-04-12` or
/// `2025-04-12 18:00:00`, checked when set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExperimentStart(pub String);

impl FromStr for ExperimentStart {
    type Err = BadTimestamp;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        let text = s.trim();
        if text.is_empty() {
            return Ok(Self::default());
        }
        let with_time = if text.len() == 10 { format!("{text}T00:00:00") } else { text.to_string() };
        datafusion::arrow::compute::kernels::cast_utils::string_to_timestamp_nanos(&with_time)
            .map(|_| Self(text.to_string()))
            .map_err(|_| BadTimestamp(text.to_string()))
    }
}

impl fmt::Display for ExperimentStart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

config_field!(ExperimentStart);

#[derive(Debug)]
pub struct BadTimestamp(String);

impl fmt::Display for BadTimestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "'{}' is not a date or timestamp like 2025-04-12 or 2025-04-12 18:00:00", self.0)
    }
}

impl std::error::Error for BadTimestamp {}

config_namespace! {
    /// Experiment readout settings
    pub struct ExperimentOptions {
        /// When the experiment started (date or timestamp; '' = when its cohort was drawn, the
        /// latest message then); readouts count what happened from then on
        pub start: ExperimentStart, default = ExperimentStart::default()
    }
}

config_namespace! {
    /// API answer cache settings
    pub struct CacheOptions {
        /// Folder of the persistent answer cache ('' = the user's cache folder, e.g. ~/.cache/fansql)
        pub dir: String, default = String::new()
        /// Use the cache (answers are still written when false)
        pub enabled: bool, default = true
        /// Object-store URL of a cache every process of a cluster shares, e.g. s3://bucket/fansql-cache (read on a local miss, written as answers arrive; '' = $FANSQL_CACHE_SHARED, else none)
        pub shared: String, default = String::new()
    }
}

config_namespace! {
    /// fansql settings
    pub struct FansqlOptions {
        /// Threads the whole-partition functions (kmeans, silhouette, pca, umap) may use
        /// (0 = every core)
        pub threads: usize, default = 0
        /// profile_llm settings
        pub llm: LlmOptions, default = LlmOptions::default()
        /// Folder that relative file paths given to functions (plots) are written under
        /// ('' = the current folder; `fansql run --out DIR` sets it)
        pub output_dir: String, default = String::new()
        /// embed / embed_voyage settings
        pub embed: EmbedOptions, default = EmbedOptions::default()
        /// plot settings
        pub plot: PlotOptions, default = PlotOptions::default()
        /// API answer cache settings
        pub cache: CacheOptions, default = CacheOptions::default()
        /// experiment readout settings
        pub experiment: ExperimentOptions, default = ExperimentOptions::default()
    }
}

/// The `fansql` config extension; register it with `SessionConfig::with_option_extension`.
#[derive(Debug, Clone, Default)]
pub struct FansqlConfig(pub FansqlOptions);

impl FansqlConfig {
    /// The settings in force for a query (defaults when the extension is not registered).
    pub fn from_options(options: &ConfigOptions) -> FansqlOptions {
        options.extensions.get::<FansqlConfig>().map(|c| c.0.clone()).unwrap_or_default()
    }
}

impl ConfigExtension for FansqlConfig {
    const PREFIX: &'static str = "fansql";
}

impl ExtensionOptions for FansqlConfig {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }

    fn cloned(&self) -> Box<dyn ExtensionOptions> {
        Box::new(self.clone())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<()> {
        self.0.set(key, value)
    }

    fn entries(&self) -> Vec<ConfigEntry> {
        struct Entries(Vec<ConfigEntry>);
        impl Visit for Entries {
            fn some<V: fmt::Display>(&mut self, key: &str, value: V, description: &'static str) {
                self.0.push(ConfigEntry { key: key.to_string(), value: Some(value.to_string()), description });
            }
            fn none(&mut self, key: &str, description: &'static str) {
                self.0.push(ConfigEntry { key: key.to_string(), value: None, description });
            }
        }
        let mut entries = Entries(Vec::new());
        self.0.visit(&mut entries, Self::PREFIX, "");
        entries.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_their_prefix_and_values_validate() {
        let mut config = FansqlConfig::default();
        config.set("llm.model", "gpt-4o-mini").unwrap();
        config.set("llm.provider", "LOCAL").unwrap();
        let entries = config.entries();
        let model = entries.iter().find(|e| e.key == "fansql.llm.model").unwrap();
        assert_eq!(model.value.as_deref(), Some("gpt-4o-mini"));
        assert_eq!(config.0.llm.provider, LlmProvider::Local);
        assert!(config.set("llm.provider", "bard").is_err());
        assert!(config.set("llm.modle", "x").is_err());
        config.set("experiment.start", "2025-04-12").unwrap();
        config.set("experiment.start", " 2025-04-12 18:30:00 ").unwrap();
        assert_eq!(config.0.experiment.start.0, "2025-04-12 18:30:00");
        assert!(config.set("experiment.start", "yesterday").unwrap_err().to_string().contains("'yesterday'"));
    }
}
