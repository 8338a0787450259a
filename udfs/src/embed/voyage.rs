//! The `voyage` provider: the Voyage AI embeddings API (`POST {VOYAGE_BASE_URL}/embeddings`).
//!
//! Texts go in batches within Voyage's limits (at most 1,000 texts and the model's token limit
//! per request). Voyage returns an `index` with each vector: an answer is used only when it has
//! every index exactly once, each vector of the requested length with finite values. Anything
//! else (truncated JSON, a missing or extra vector, a repeated index) is never mapped by
//! position: the batch is asked again, then split (see `api::batch`).

use async_trait::async_trait;
use datafusion::common::{exec_err, DataFusionError, Result};
use serde::Deserialize;
use serde_json::json;

use crate::api::batch::{BatchApi, Item};
use crate::api::http::{post_json, RetryPolicy};
use crate::api::rate_limit::RateLimiter;
use crate::api::secrets::ApiKey;
use crate::api::spend::{Counters, EMBED};

pub const DEFAULT_BASE_URL: &str = "https://api.voyageai.com/v1";
/// Voyage's limit on texts per request.
pub const MAX_TEXTS_PER_REQUEST: usize = 1000;

/// What fansql knows of a Voyage model: whether it is a documented one, its token limit per
/// request, its fixed dimension (None: 256, 512, 1024 or 2048 as asked) and its list price.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ModelLimits {
    pub known: bool,
    pub tokens_per_request: usize,
    pub fixed_dimension: Option<usize>,
    pub usd_per_mtok: f64,
}

/// Limits of Voyage's models as documented (docs.voyageai.com, 2026). Unknown models (a proxy,
/// a newer model) get the strictest token limit and have `output_dimension` sent as set.
pub fn model_limits(model: &str) -> ModelLimits {
    let limits = |tokens_per_request, fixed_dimension, usd_per_mtok| ModelLimits {
        known: true,
        tokens_per_request,
        fixed_dimension,
        usd_per_mtok,
    };
    match model.trim().to_ascii_lowercase().as_str() {
        "voyage-3.5-lite" | "voyage-4-lite" => limits(1_000_000, None, 0.02),
        "voyage-3.5" | "voyage-4" => limits(320_000, None, 0.06),
        "voyage-3-large" | "voyage-code-3" => limits(120_000, None, 0.18),
        "voyage-4-large" => limits(120_000, None, 0.12),
        "voyage-3" => limits(320_000, Some(1024), 0.06),
        "voyage-3-lite" => limits(1_000_000, Some(512), 0.02),
        "voyage-2" => limits(320_000, Some(1024), 0.10),
        "voyage-multilingual-2" | "voyage-finance-2" | "voyage-law-2" => limits(120_000, Some(1024), 0.12),
        "voyage-code-2" => limits(120_000, Some(1536), 0.12),
        _ => ModelLimits { known: false, ..limits(120_000, None, 0.18) },
    }
}

/// The dimensions a model without a fixed one accepts.
pub const FLEXIBLE_DIMENSIONS: [usize; 4] = [256, 512, 1024, 2048];

/// Checks `dimension` against the model; the error names the setting and the allowed values.
pub fn check_dimension(model: &str, dimension: usize) -> Result<()> {
    let limits = model_limits(model);
    match (limits.known, limits.fixed_dimension) {
        (true, Some(fixed)) if fixed != dimension => exec_err!(
            "embed_voyage: model {model} returns {fixed}-dimensional vectors; SET fansql.embed.output_dimension = {fixed}"
        ),
        (true, None) if !FLEXIBLE_DIMENSIONS.contains(&dimension) => exec_err!(
            "embed_voyage: fansql.embed.output_dimension = {dimension} is not offered by {model}; use 256, 512, 1024 or 2048"
        ),
        _ => Ok(()),
    }
}

/// Rough token count of a text for batching and estimates: about three characters a token,
/// on the safe side of Voyage's tokenizer for chat text, plus a little per text.
pub fn approx_tokens(text: &str) -> usize {
    text.chars().count().div_ceil(3) + 2
}

/// Groups `indexes` (into `texts`) into requests of at most `max_texts` texts and `max_tokens`
/// estimated tokens, in order. A text over the token budget on its own goes alone (Voyage
/// truncates it to the model's context).
pub fn plan_batches(texts: &[&str], indexes: &[usize], max_texts: usize, max_tokens: usize) -> Vec<Vec<usize>> {
    let mut batches: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut tokens = 0;
    for &i in indexes {
        let t = approx_tokens(texts[i]);
        if !current.is_empty() && (current.len() >= max_texts || tokens + t > max_tokens) {
            batches.push(std::mem::take(&mut current));
            tokens = 0;
        }
        current.push(i);
        tokens += t;
    }
    if !current.is_empty() {
        batches.push(current);
    }
    batches
}

/// Everything a request needs; shared by concurrent batches.
#[derive(Debug)]
pub struct VoyageClient {
    pub url: String,
    pub key: ApiKey,
    pub model: String,
    /// `None` sends no input_type (Voyage then adds no prompt).
    pub input_type: Option<String>,
    pub dimension: usize,
    /// Whether `output_dimension` is sent (fixed-dimension models refuse it).
    pub send_dimension: bool,
    pub policy: RetryPolicy,
    pub limiter: std::sync::Arc<RateLimiter>,
    pub usd_per_mtok: f64,
}

/// The embeddings URL under a base URL such as `https://api.voyageai.com/v1`.
pub fn embeddings_url(base: &str) -> String {
    format!("{}/embeddings", base.trim_end_matches('/'))
}

impl VoyageClient {
    pub fn cost_micro_usd(&self, tokens: usize) -> u64 {
        (tokens as f64 * self.usd_per_mtok).max(0.0).round() as u64
    }

    fn request_body(&self, items: &[Item]) -> Vec<u8> {
        let mut body = json!({
            "model": self.model,
            "input": items.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(),
            "input_type": self.input_type,
            "truncation": true,
        });
        if self.send_dimension {
            body["output_dimension"] = json!(self.dimension);
        }
        serde_json::to_vec(&body).unwrap_or_default()
    }
}

/// An embeddings answer, read straight into floats (a full batch is ~1.3 MB of numbers; going
/// through `serde_json::Value` would cost twice the time). Anything else in it is ignored.
#[derive(Debug, Deserialize)]
pub struct EmbeddingAnswer {
    data: Vec<EmbeddingItem>,
    #[serde(default)]
    usage: Option<Usage>,
}

#[derive(Debug, Deserialize)]
struct EmbeddingItem {
    index: usize,
    embedding: Vec<f32>,
}

#[derive(Debug, Deserialize)]
struct Usage {
    total_tokens: u64,
}

/// The vectors of an answer in item order, when it has each of `expected` indexes exactly once,
/// each vector with `dimension` finite values. `Err` when every vector has the same wrong length:
/// a setting to fix, not a glitch to retry.
pub fn align(answer: EmbeddingAnswer, expected: usize, dimension: usize) -> Result<Option<Vec<Vec<f32>>>> {
    if answer.data.len() != expected {
        return Ok(None);
    }
    if let Some(length) = answer.data.first().map(|d| d.embedding.len()) {
        if length != dimension && length > 0 && answer.data.iter().all(|d| d.embedding.len() == length) {
            return Err(DataFusionError::Execution(format!(
                "embed_voyage: the API returned {length}-dimensional vectors but fansql.embed.output_dimension = {dimension}; \
                 SET fansql.embed.output_dimension = {length}"
            )));
        }
    }
    let mut slots: Vec<Option<Vec<f32>>> = vec![None; expected];
    for item in answer.data {
        let usable =
            item.index < expected && item.embedding.len() == dimension && item.embedding.iter().all(|x| x.is_finite());
        if !usable || slots[item.index].replace(item.embedding).is_some() {
            return Ok(None);
        }
    }
    Ok(slots.into_iter().collect())
}

#[async_trait]
impl BatchApi for VoyageClient {
    type Answer = Vec<f32>;

    const CACHE_KIND: &'static str = "embed_voyage";

    fn counters(&self) -> &'static Counters {
        &EMBED
    }

    fn encode(answer: &Vec<f32>) -> Vec<u8> {
        answer.iter().flat_map(|x| x.to_le_bytes()).collect()
    }

    fn decode(bytes: &[u8]) -> Option<Vec<f32>> {
        bytes
            .len()
            .is_multiple_of(4)
            .then(|| bytes.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
    }

    async fn request(&self, items: &[Item]) -> Result<Option<Vec<Vec<f32>>>> {
        let estimated: usize = items.iter().map(|i| approx_tokens(&i.text)).sum();
        self.limiter.acquire(estimated).await;
        let body = self.request_body(items);
        let answer = post_json("embed_voyage", &self.url, &self.key, &body, &self.policy, &EMBED).await?;
        let Ok(answer) = serde_json::from_slice::<EmbeddingAnswer>(&answer) else { return Ok(None) };
        let tokens = answer.usage.as_ref().map_or(estimated as u64, |u| u.total_tokens);
        Counters::add(&EMBED.input_tokens, tokens);
        Counters::add(&EMBED.cost_micro_usd, self.cost_micro_usd(tokens as usize));
        align(answer, items.len(), self.dimension)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_respect_count_and_tokens_in_order() {
        let texts: Vec<&str> = vec!["x"; 2500];
        let all: Vec<usize> = (0..2500).collect();
        let by_count = plan_batches(&texts, &all, 128, 320_000);
        assert_eq!(by_count.len(), 20);
        assert_eq!(by_count.concat(), all);
        // "x" is 3 estimated tokens: 100 tokens hold 33 texts.
        let by_tokens = plan_batches(&texts, &all, 1000, 100);
        assert!(by_tokens.iter().all(|b| b.len() == 33 || b == by_tokens.last().unwrap()));
        let long = "y".repeat(3000);
        let mixed = vec![long.as_str(), "a", "b"];
        assert_eq!(plan_batches(&mixed, &[0, 1, 2], 10, 500), vec![vec![0], vec![1, 2]]);
    }

    fn answer(value: serde_json::Value) -> EmbeddingAnswer {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn aligns_by_index_and_refuses_bad_answers() {
        let shuffled = answer(json!({"data": [
            {"index": 1, "embedding": [0.0, 1.0]},
            {"index": 0, "embedding": [1.0, 0.0]},
        ]}));
        assert_eq!(align(shuffled, 2, 2).unwrap().unwrap(), vec![vec![1.0, 0.0], vec![0.0, 1.0]]);
        let missing = answer(json!({"data": [{"index": 0, "embedding": [1.0, 0.0]}]}));
        assert!(align(missing, 2, 2).unwrap().is_none());
        let repeated =
            answer(json!({"data": [{"index": 0, "embedding": [1.0, 0.0]}, {"index": 0, "embedding": [1.0, 0.0]}]}));
        assert!(align(repeated, 2, 2).unwrap().is_none());
        let short = answer(json!({"data": [{"index": 0, "embedding": [1.0]}, {"index": 1, "embedding": [1.0, 0.0]}]}));
        assert!(align(short, 2, 2).unwrap().is_none());
        let out_of_range = answer(json!({"data": [{"index": 5, "embedding": [1.0, 0.0]}]}));
        assert!(align(out_of_range, 1, 2).unwrap().is_none());
        let wrong_setting = answer(json!({"data": [{"index": 0, "embedding": [1.0, 0.0, 0.0]}]}));
        assert!(align(wrong_setting, 1, 2).is_err());
        assert!(
            serde_json::from_value::<EmbeddingAnswer>(json!({"detail": "x"})).is_err(),
            "an error body is no answer"
        );
    }

    #[test]
    fn dimensions_follow_the_model() {
        assert!(check_dimension("voyage-3.5", 1024).is_ok());
        assert!(check_dimension("voyage-3.5", 300).is_err());
        assert!(check_dimension("voyage-code-2", 1536).is_ok());
        assert!(check_dimension("voyage-code-2", 1024).is_err());
        assert!(check_dimension("my-proxy-model", 300).is_ok());
    }

    #[test]
    fn vectors_round_trip_through_the_cache_encoding() {
        let v = vec![0.25f32, -1.5, 3.0];
        assert_eq!(VoyageClient::decode(&VoyageClient::encode(&v)), Some(v));
        assert_eq!(VoyageClient::decode(&[1, 2, 3]), None);
    }
}
