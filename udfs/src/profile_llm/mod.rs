//! `profile_llm(text)`: a fan profile from the fan's messages, by an LLM (`openai`: any
//! OpenAI-compatible Chat Completions API) or offline (`local`: rules and word lists).
//!
//! An async scalar UDF. Each call takes the distinct texts of its rows, answers what the
//! persistent cache already holds, and sends the rest in batches of `fansql.llm.batch_size` with
//! up to `fansql.llm.concurrency` requests in flight, within client-side rate limits and the
//! `fansql.llm.max_cost_usd` budget. Answers are verified and cached batch by batch (see
//! `openai.rs`).

mod local;
mod openai;
pub mod profile;
mod prompt;

use std::sync::{Arc, LazyLock};

use async_trait::async_trait;
use datafusion::arrow::array::AsArray;
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::DataType;
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
use crate::api::spend::{over_budget, LLM};
use crate::config::{FansqlConfig, LlmOptions, LlmProvider};
use crate::doc_sections::PROFILES;
use openai::ChatClient;
use profile::{struct_fields, to_struct_array, Profile};

const NAME: &str = "profile_llm";

pub static DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        PROFILES,
        "A profile of the fan who wrote `text` (the fan's messages, one per line): a STRUCT of nine \
         LIST<VARCHAR> fields: age_indicators, job_or_career, location_hints, relationship_status, \
         personality_traits, emotional_needs, purchase_motivations, communication_style, life_events. \
         Values are trimmed and deduplicated, categories lowercased; a field with nothing found is an \
         empty list; NULL text gives NULL. The provider is fansql.llm.provider: 'openai' (Chat \
         Completions at OPENAI_BASE_URL with OPENAI_API_KEY, batched, cached, verified), 'local' (an \
         offline rule-and-lexicon extractor, not an LLM) or 'auto' (openai when OPENAI_API_KEY is \
         set). An item the API cannot answer even alone is NULL and counted in the spend report.",
        "profile_llm(text)",
    )
    .with_argument("text", "The fan's messages, e.g. string_agg(fan_message, chr(10) ORDER BY ts).")
    .with_sql_example(
        "```sql\nWITH texts AS (\n  SELECT fan_model_id, string_agg(fan_message, chr(10) ORDER BY ts) AS text\n  FROM messages GROUP BY 1)\nSELECT fan_model_id, p.job_or_career, p.location_hints\nFROM (SELECT fan_model_id, profile_llm(text) AS p FROM texts);\n```",
    )
    .build()
});

/// The shared `profile_llm` function (wrapped as an async UDF).
pub fn udf() -> Arc<ScalarUDF> {
    static UDF: LazyLock<Arc<ScalarUDF>> =
        LazyLock::new(|| Arc::new(AsyncScalarUDF::new(Arc::new(ProfileLlm::new())).into_scalar_udf()));
    Arc::clone(&UDF)
}

#[derive(Debug, PartialEq, Eq, Hash)]
pub struct ProfileLlm {
    signature: Signature,
}

impl ProfileLlm {
    pub fn new() -> Self {
        // Stable: one answer per text within a query, so a struct used twice is computed once
        // (common subexpressions), yet never folded at planning time (it must run async).
        Self { signature: Signature::string(1, Volatility::Stable) }
    }
}

impl Default for ProfileLlm {
    fn default() -> Self {
        Self::new()
    }
}

impl ScalarUDFImpl for ProfileLlm {
    fn name(&self) -> &str {
        NAME
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(DataType::Struct(struct_fields()))
    }

    fn invoke_with_args(&self, _args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        exec_err!("{NAME} runs asynchronously and cannot be called directly")
    }

    fn documentation(&self) -> Option<&Documentation> {
        Some(&DOC)
    }
}

/// The local provider's profile of one text (for quality measurements and other tools).
pub fn local_profile(text: &str) -> Profile {
    local::profile(text)
}

/// The provider in force: `auto` becomes `openai` when OPENAI_API_KEY is set, else `local`.
pub fn resolved_provider(setting: LlmProvider) -> LlmProvider {
    match setting {
        LlmProvider::Auto if ApiKey::from_env("OPENAI_API_KEY").is_some() => LlmProvider::OpenAi,
        LlmProvider::Auto => LlmProvider::Local,
        other => other,
    }
}

#[async_trait]
impl AsyncScalarUDFImpl for ProfileLlm {
    async fn invoke_async_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let options = FansqlConfig::from_options(&args.config_options);
        let values = cast(&args.args[0].to_array(args.number_rows)?, &DataType::Utf8)?;
        // Each distinct text is profiled once per call.
        let (distinct, rows) = distinct_texts(values.as_string::<i32>(), |_| true);
        let answers: Vec<Option<Profile>> = match resolved_provider(options.llm.provider) {
            LlmProvider::OpenAi => profile_with_api(&options.llm, &options.cache, &distinct).await?,
            _ => distinct.iter().map(|t| Some(local::profile(t))).collect(),
        };
        let by_row: Vec<Option<&Profile>> = rows.iter().map(|r| r.and_then(|i| answers[i].as_ref())).collect();
        Ok(ColumnarValue::Array(Arc::new(to_struct_array(&by_row))))
    }
}

fn cache_key(llm: &LlmOptions, base_url: &str, text: &str) -> String {
    cache::key(&["profile_llm", "openai", base_url, &llm.model, prompt::PROMPT_VERSION, text])
}

async fn profile_with_api(
    llm: &LlmOptions,
    cache_options: &crate::config::CacheOptions,
    texts: &[&str],
) -> Result<Vec<Option<Profile>>> {
    let Some(key) = ApiKey::from_env("OPENAI_API_KEY") else {
        return exec_err!(
            "{NAME}: fansql.llm.provider is 'openai' but OPENAI_API_KEY is not set (in the environment or .env); \
             set it, or SET fansql.llm.provider = 'local'"
        );
    };
    if llm.batch_size == 0 || llm.concurrency == 0 {
        return exec_err!("{NAME}: fansql.llm.batch_size and fansql.llm.concurrency must be at least 1");
    }
    let base_url = env_setting("OPENAI_BASE_URL").unwrap_or_else(|| openai::DEFAULT_BASE_URL.to_string());
    let cache = Arc::new(Caches::open(cache_options)?);
    let items: Vec<Item> =
        texts.iter().map(|t| Item { key: cache_key(llm, &base_url, t), text: t.to_string() }).collect();
    let keys: Vec<String> = items.iter().map(|i| i.key.clone()).collect();
    let mut answers = cached_answers::<ChatClient>(Some(&cache), cache_options.enabled, &keys, &LLM).await?;
    let missing: Vec<usize> = (0..texts.len()).filter(|&i| answers[i].is_none()).collect();

    let (list_in, list_out) = openai::list_price(&llm.model);
    let prices = (
        if llm.input_usd_per_mtok >= 0.0 { llm.input_usd_per_mtok } else { list_in },
        if llm.output_usd_per_mtok >= 0.0 { llm.output_usd_per_mtok } else { list_out },
    );
    let client = Arc::new(ChatClient {
        url: openai::completions_url(&base_url),
        key,
        model: llm.model.clone(),
        policy: RetryPolicy::new(llm.max_retries, llm.timeout),
        limiter: rate_limit::limiter(
            &format!("{base_url} {}", llm.model),
            llm.requests_per_minute,
            llm.tokens_per_minute,
        ),
        prices,
    });
    let batches: Vec<Vec<usize>> = missing.chunks(llm.batch_size).map(<[usize]>::to_vec).collect();
    let estimate = |batch: &[usize]| openai::estimate(&batch.iter().map(|&i| texts[i]).collect::<Vec<_>>());
    let (input, output) = batches.iter().map(|b| estimate(b)).fold((0, 0), |(a, b), (x, y)| (a + x, b + y));
    let estimated_cost = client.cost_micro_usd(input, output);

    if llm.dry_run {
        LLM.record_dry_run(missing.len(), batches.len(), input + output, estimated_cost);
        return Ok(vec![None; texts.len()]);
    }
    let spent = LLM.query_spend_micro_usd();
    if let Some(error) =
        over_budget(NAME, "fansql.llm.max_cost_usd", "fansql.llm.dry_run", spent, estimated_cost, llm.max_cost_usd)
    {
        return Err(error);
    }
    answer_batches(client, Some(cache), &items, batches, llm.concurrency, &mut answers).await?;
    Ok(answers)
}
