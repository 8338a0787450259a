//! `embed(text)` and `embed_voyage(text)`: text embeddings as `FixedSizeList<Float32, dim>`.
//!
//! Async scalar UDFs. Each call embeds the distinct non-blank texts of its rows once; blank and
//! NULL texts are NULL and never sent (the seed dropped them and then paired vectors with the
//! wrong rows). `voyage` answers come from the persistent cache first, the rest in batches within
//! Voyage's limits, verified by index and cached batch by batch (see `voyage.rs`, `api::batch`).
//! `local` is the offline embedder in `local.rs`.
//!
//! The length of the vectors is part of the return type, fixed when the function is registered:
//! `fansql.embed.output_dimension` takes effect through [`crate::apply_settings`], which the
//! fansql shell calls after every SET (DataFusion's async UDF wrapper does not pass on
//! `with_updated_config`).

pub mod local;
mod voyage;

use std::sync::{Arc, LazyLock};

use async_trait::async_trait;
use datafusion::arrow::array::{ArrayRef, AsArray, FixedSizeListArray, Float32Array};
use datafusion::arrow::buffer::NullBuffer;
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::{DataType, Field};
use datafusion::common::config::ConfigOptions;
use datafusion::common::{exec_err, Result};
use datafusion::logical_expr::async_udf::{AsyncScalarUDF, AsyncScalarUDFImpl};
use datafusion::logical_expr::{
    ColumnarValue, Documentation, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility,
};

use crate::api::batch::{answer_batches, cached_answers, distinct_texts, Item};
use crate::api::cache::{self, Caches};
use crate::api::http::RetryPolicy;
use crate::api::rate_limit;
use crate::api::secrets::{env_setting, ApiKey};
use crate::api::spend::{over_budget, EMBED};
use crate::config::{CacheOptions, EmbedOptions, EmbedProvider, FansqlConfig};
use crate::doc_sections::VECTORS;
use voyage::{VoyageClient, MAX_TEXTS_PER_REQUEST};

/// The local embedder's allowed dimensions.
const LOCAL_DIMENSIONS: std::ops::RangeInclusive<usize> = 16..=4096;

pub static EMBED_DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        VECTORS,
        "An embedding of `text`: FixedSizeList<Float32, fansql.embed.output_dimension> (default 1024), \
         unit length. The provider is fansql.embed.provider: 'voyage' (the Voyage AI API, as \
         embed_voyage), 'local' (offline signed feature hashing of words, word pairs and character \
         3-5-grams, deterministic, no download) or 'auto' (voyage when VOYAGE_API_KEY is set, else \
         local). NULL or blank text gives NULL and is never sent.",
        "embed(text)",
    )
    .with_argument("text", "The text to embed, e.g. a fan's messages of one stage.")
    .with_sql_example(
        "```sql\nSELECT fan_model_id, stage, embed(text) AS embedding FROM stage_texts;\n\
         SELECT cosine_similarity(embed('send me the video'), embed('can I see the clip'));\n```",
    )
    .with_related_udf("embed_voyage")
    .with_related_udf("cosine_similarity")
    .build()
});

pub static EMBED_VOYAGE_DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        VECTORS,
        "An embedding of `text` by the Voyage AI embeddings API (VOYAGE_BASE_URL, default \
         https://api.voyageai.com/v1, with VOYAGE_API_KEY): FixedSizeList<Float32, \
         fansql.embed.output_dimension>. Settings: fansql.embed.model (voyage-3.5), .input_type \
         (document), .output_dimension (256/512/1024/2048 as the model allows), .batch_size (128, at \
         most 1000), .max_tokens_per_request (0 = the model's limit), .concurrency, rate limits, \
         retries, .max_cost_usd, .dry_run. Answers are matched by the index Voyage returns, checked, \
         and cached across queries and processes (fansql.cache.dir): a rerun sends nothing. An \
         item the API cannot answer even alone is NULL and counted in the spend report. NULL or \
         blank text gives NULL and is never sent. Without a key, use embed(text), which falls back \
         to the offline local embedder.",
        "embed_voyage(text)",
    )
    .with_argument("text", "The text to embed.")
    .with_sql_example(
        "```sql\nSET fansql.embed.output_dimension = 512;\nSELECT embed_voyage(text) FROM stage_texts;\n```",
    )
    .with_related_udf("embed")
    .build()
});

/// `embed` or `embed_voyage` returning vectors of `dimension` values.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Embed {
    name: &'static str,
    voyage_only: bool,
    dimension: usize,
    signature: Signature,
}

fn vector_type(dimension: usize) -> DataType {
    DataType::FixedSizeList(Arc::new(Field::new_list_field(DataType::Float32, true)), dimension as i32)
}

/// `embed` and `embed_voyage` for the settings in `options`.
pub fn udfs(options: &ConfigOptions) -> Vec<Arc<ScalarUDF>> {
    let dimension = FansqlConfig::from_options(options).embed.output_dimension;
    [("embed", false), ("embed_voyage", true)]
        .into_iter()
        .map(|(name, voyage_only)| {
            let function = Embed {
                name,
                voyage_only,
                dimension,
                // Stable: one answer per text within a query (see profile_llm).
                signature: Signature::string(1, Volatility::Stable),
            };
            Arc::new(AsyncScalarUDF::new(Arc::new(function)).into_scalar_udf())
        })
        .collect()
}

impl ScalarUDFImpl for Embed {
    fn name(&self) -> &str {
        self.name
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(vector_type(self.dimension))
    }

    fn invoke_with_args(&self, _args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        exec_err!("{} runs asynchronously and cannot be called directly", self.name)
    }

    fn documentation(&self) -> Option<&Documentation> {
        Some(if self.voyage_only { &EMBED_VOYAGE_DOC } else { &EMBED_DOC })
    }
}

/// The provider in force: `auto` becomes `voyage` when VOYAGE_API_KEY is set, else `local`.
pub fn resolved_provider(setting: EmbedProvider) -> EmbedProvider {
    match setting {
        EmbedProvider::Auto if ApiKey::from_env("VOYAGE_API_KEY").is_some() => EmbedProvider::Voyage,
        EmbedProvider::Auto => EmbedProvider::Local,
        other => other,
    }
}

#[async_trait]
impl AsyncScalarUDFImpl for Embed {
    async fn invoke_async_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let options = FansqlConfig::from_options(&args.config_options);
        let name = self.name;
        // The planned return type, not this instance's: a Ballista executor decodes the plan
        // with the function as registered at its start, whatever the client SET since.
        let dimension = match args.return_field.data_type() {
            DataType::FixedSizeList(_, size) => *size as usize,
            _ => self.dimension,
        };
        if options.embed.output_dimension != dimension {
            return exec_err!(
                "{name}: fansql.embed.output_dimension is {} but the query was planned for {dimension}; \
                 call fansql_udfs::apply_settings(&ctx) after changing it (the fansql shell does)",
                options.embed.output_dimension
            );
        }
        let values = cast(&args.args[0].to_array(args.number_rows)?, &DataType::Utf8)?;
        let (distinct, rows) = distinct_texts(values.as_string::<i32>(), |t| !t.trim().is_empty());
        let provider = if self.voyage_only { EmbedProvider::Voyage } else { resolved_provider(options.embed.provider) };
        let vectors = match provider {
            EmbedProvider::Voyage => embed_with_api(name, &options.embed, &options.cache, &distinct).await?,
            _ => {
                if !LOCAL_DIMENSIONS.contains(&dimension) {
                    return exec_err!(
                        "{name}: the local embedder makes 16 to 4096 dimensions, not fansql.embed.output_dimension = {}",
                        dimension
                    );
                }
                distinct.iter().map(|t| local::embed(t, dimension)).collect()
            }
        };
        let by_row: Vec<Option<&[f32]>> = rows.iter().map(|r| r.and_then(|i| vectors[i].as_deref())).collect();
        Ok(ColumnarValue::Array(vector_array(&by_row, dimension)?))
    }
}

/// A `FixedSizeList<Float32, dimension>` column from rows of vectors (None = NULL).
fn vector_array(rows: &[Option<&[f32]>], dimension: usize) -> Result<ArrayRef> {
    let mut values = Vec::with_capacity(rows.len() * dimension);
    for row in rows {
        match row {
            Some(v) => values.extend_from_slice(v),
            None => values.resize(values.len() + dimension, 0.0),
        }
    }
    let nulls = NullBuffer::from(rows.iter().map(Option::is_some).collect::<Vec<bool>>());
    let field = Arc::new(Field::new_list_field(DataType::Float32, true));
    Ok(Arc::new(FixedSizeListArray::try_new(
        field,
        dimension as i32,
        Arc::new(Float32Array::from(values)),
        Some(nulls),
    )?))
}

fn voyage_input_type(name: &str, setting: &str) -> Result<Option<String>> {
    match setting.trim().to_ascii_lowercase().as_str() {
        "document" => Ok(Some("document".into())),
        "query" => Ok(Some("query".into())),
        "none" | "" => Ok(None),
        other => exec_err!("{name}: fansql.embed.input_type must be 'document', 'query' or 'none', got '{other}'"),
    }
}

async fn embed_with_api(
    name: &str,
    embed: &EmbedOptions,
    cache_options: &CacheOptions,
    texts: &[&str],
) -> Result<Vec<Option<Vec<f32>>>> {
    let Some(key) = ApiKey::from_env("VOYAGE_API_KEY") else {
        return if name == "embed_voyage" {
            exec_err!(
                "embed_voyage: VOYAGE_API_KEY is not set (in the environment or .env); set it, or use embed(text), \
                 which embeds offline with the local embedder when no key is set"
            )
        } else {
            exec_err!(
                "embed: fansql.embed.provider is 'voyage' but VOYAGE_API_KEY is not set (in the environment or .env); \
                 set it, or SET fansql.embed.provider = 'local'"
            )
        };
    };
    if embed.batch_size == 0 || embed.batch_size > MAX_TEXTS_PER_REQUEST || embed.concurrency == 0 {
        return exec_err!(
            "{name}: fansql.embed.batch_size must be 1 to {MAX_TEXTS_PER_REQUEST} and fansql.embed.concurrency at least 1"
        );
    }
    voyage::check_dimension(&embed.model, embed.output_dimension)?;
    let input_type = voyage_input_type(name, &embed.input_type)?;
    let limits = voyage::model_limits(&embed.model);
    let base_url = env_setting("VOYAGE_BASE_URL").unwrap_or_else(|| voyage::DEFAULT_BASE_URL.to_string());
    let dimension = embed.output_dimension.to_string();
    let input_type_key = input_type.clone().unwrap_or_default();
    let items: Vec<Item> = texts
        .iter()
        .map(|t| Item {
            key: cache::key(&["embed", "voyage", &base_url, &embed.model, &dimension, &input_type_key, t]),
            text: t.to_string(),
        })
        .collect();
    let cache = Arc::new(Caches::open(cache_options)?);
    let keys: Vec<String> = items.iter().map(|i| i.key.clone()).collect();
    let mut answers = cached_answers::<VoyageClient>(Some(&cache), cache_options.enabled, &keys, &EMBED).await?;
    let missing: Vec<usize> = (0..texts.len()).filter(|&i| answers[i].is_none()).collect();

    let max_tokens = match embed.max_tokens_per_request {
        0 => limits.tokens_per_request,
        set => set.min(limits.tokens_per_request),
    };
    let batches = voyage::plan_batches(texts, &missing, embed.batch_size, max_tokens);
    let client = Arc::new(VoyageClient {
        url: voyage::embeddings_url(&base_url),
        key,
        model: embed.model.clone(),
        input_type,
        dimension: embed.output_dimension,
        send_dimension: limits.fixed_dimension.is_none(),
        policy: RetryPolicy::new(embed.max_retries, embed.timeout),
        limiter: rate_limit::limiter(
            &format!("{base_url} {}", embed.model),
            embed.requests_per_minute,
            embed.tokens_per_minute,
        ),
        usd_per_mtok: if embed.usd_per_mtok >= 0.0 { embed.usd_per_mtok } else { limits.usd_per_mtok },
    });
    let tokens: usize = missing.iter().map(|&i| voyage::approx_tokens(texts[i])).sum();
    let estimated_cost = client.cost_micro_usd(tokens);
    if embed.dry_run {
        EMBED.record_dry_run(missing.len(), batches.len(), tokens, estimated_cost);
        return Ok(vec![None; texts.len()]);
    }
    let spent = EMBED.query_spend_micro_usd();
    if let Some(error) = over_budget(
        name,
        "fansql.embed.max_cost_usd",
        "fansql.embed.dry_run",
        spent,
        estimated_cost,
        embed.max_cost_usd,
    ) {
        return Err(error);
    }
    answer_batches(client, Some(cache), &items, batches, embed.concurrency, &mut answers).await?;
    Ok(answers)
}
