//! The `openai` provider: OpenAI-compatible Chat Completions (OpenAI, Ollama, vLLM, llama.cpp)
//! at `OPENAI_BASE_URL`. Texts go in batches of `{"id", "text"}` items; an answer is used only
//! when it returns every id exactly once, each with an echo of its own text's first words. Any
//! other answer (malformed, truncated, missing, extra or swapped items) is never mapped by
//! position: the batch is asked again, then split (see `api::batch`).

use std::sync::Arc;

use async_trait::async_trait;
use datafusion::common::Result;
use serde_json::{json, Map, Value};

use super::profile::Profile;
use super::prompt::{answer_schema, echo_matches, SYSTEM};
use crate::api::batch::{BatchApi, Item};
use crate::api::http::{post_json, RetryPolicy};
use crate::api::rate_limit::RateLimiter;
use crate::api::secrets::ApiKey;
use crate::api::spend::{Counters, LLM};

pub const DEFAULT_BASE_URL: &str = "https://api.openai.com/v1";
/// Output tokens expected per profile, for estimates and the token rate limit.
pub const OUTPUT_TOKENS_PER_ITEM: usize = 160;
/// Tokens of the instructions and JSON framing of one request.
const PROMPT_TOKENS: usize = 260;

/// US dollars per million tokens (input, output) of well-known models, for estimates.
pub fn list_price(model: &str) -> (f64, f64) {
    let model = model.to_ascii_lowercase();
    match model.as_str() {
        m if m.starts_with("gpt-4o-mini") => (0.15, 0.60),
        m if m.starts_with("gpt-4o") => (2.50, 10.00),
        m if m.starts_with("gpt-4.1-nano") => (0.10, 0.40),
        m if m.starts_with("gpt-4.1-mini") => (0.40, 1.60),
        m if m.starts_with("gpt-4.1") => (2.00, 8.00),
        m if m.starts_with("gpt-5-mini") => (0.25, 2.00),
        m if m.starts_with("gpt-5") => (1.25, 10.00),
        _ => (2.50, 10.00),
    }
}

/// Rough token count of a text: about four characters a token.
pub fn approx_tokens(text: &str) -> usize {
    text.chars().count().div_ceil(4) + 4
}

/// Input and output tokens one request for these texts is expected to use.
pub fn estimate(texts: &[&str]) -> (usize, usize) {
    let input = PROMPT_TOKENS + texts.iter().map(|t| approx_tokens(t) + 8).sum::<usize>();
    (input, texts.len() * OUTPUT_TOKENS_PER_ITEM)
}

/// Everything a request needs; cheap to share between concurrent batches.
#[derive(Debug)]
pub struct ChatClient {
    pub url: String,
    pub key: ApiKey,
    pub model: String,
    pub policy: RetryPolicy,
    pub limiter: Arc<RateLimiter>,
    /// US dollars per million (input, output) tokens.
    pub prices: (f64, f64),
}

impl ChatClient {
    pub fn cost_micro_usd(&self, input: usize, output: usize) -> u64 {
        ((input as f64 * self.prices.0 + output as f64 * self.prices.1).max(0.0)).round() as u64
    }

    fn request_body(&self, items: &[Item]) -> Vec<u8> {
        let batch: Vec<Value> =
            items.iter().enumerate().map(|(i, item)| json!({"id": i.to_string(), "text": item.text})).collect();
        let body = json!({
            "model": self.model,
            "temperature": 0,
            "response_format": {"type": "json_schema", "json_schema": {"name": "fan_profiles", "strict": true, "schema": answer_schema()}},
            "messages": [
                {"role": "system", "content": SYSTEM},
                {"role": "user", "content": Value::Array(batch).to_string()},
            ],
        });
        serde_json::to_vec(&body).unwrap_or_default()
    }
}

#[async_trait]
impl BatchApi for ChatClient {
    type Answer = Profile;

    const CACHE_KIND: &'static str = "profile_llm";

    fn counters(&self) -> &'static Counters {
        &LLM
    }

    fn encode(answer: &Profile) -> Vec<u8> {
        answer.to_bytes()
    }

    fn decode(bytes: &[u8]) -> Option<Profile> {
        Profile::from_bytes(bytes)
    }

    /// One request for `items`: Some(profiles in item order) when the answer lines up, None when
    /// it cannot be used. HTTP failures that survive the retries are errors.
    async fn request(&self, items: &[Item]) -> Result<Option<Vec<Profile>>> {
        let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
        let (input, output) = estimate(&texts);
        self.limiter.acquire(input + output).await;
        let body = self.request_body(items);
        let answer = post_json("profile_llm (openai)", &self.url, &self.key, &body, &self.policy, &LLM).await?;
        let Ok(answer) = serde_json::from_slice::<Value>(&answer) else { return Ok(None) };
        let usage = |name: &str| answer["usage"][name].as_u64();
        let (used_in, used_out) =
            (usage("prompt_tokens").unwrap_or(input as u64), usage("completion_tokens").unwrap_or(output as u64));
        Counters::add(&LLM.input_tokens, used_in);
        Counters::add(&LLM.output_tokens, used_out);
        Counters::add(&LLM.cost_micro_usd, self.cost_micro_usd(used_in as usize, used_out as usize));
        let content = answer["choices"][0]["message"]["content"].as_str().unwrap_or_default();
        Ok(extract_items(content).and_then(|answered| align(items, answered)))
    }
}

/// The answer's items: the first JSON value in the content (fences and trailing text ignored),
/// as `{"profiles": [...]}`, a bare array, or an object keyed by id.
pub fn extract_items(content: &str) -> Option<Vec<Map<String, Value>>> {
    let start = content.find(['{', '['])?;
    let value = serde_json::Deserializer::from_str(&content[start..]).into_iter::<Value>().next()?.ok()?;
    let objects = |items: &Vec<Value>| items.iter().map(|v| v.as_object().cloned()).collect::<Option<Vec<_>>>();
    match &value {
        Value::Array(items) => objects(items),
        Value::Object(map) => {
            if let Some(items) = map.values().find_map(Value::as_array) {
                return objects(items);
            }
            // {"0": {...}, "1": {...}}
            map.iter()
                .map(|(id, v)| {
                    let mut object = v.as_object()?.clone();
                    object.entry("id").or_insert_with(|| Value::String(id.clone()));
                    Some(object)
                })
                .collect()
        }
        _ => None,
    }
}

fn item_id(object: &Map<String, Value>) -> Option<usize> {
    let value = ["id", "fan_id", "Fan", "fan", "item", "item_id"].iter().find_map(|k| object.get(*k))?;
    match value {
        Value::String(s) => s.trim().parse().ok(),
        Value::Number(n) => n.as_u64().map(|n| n as usize),
        _ => None,
    }
}

/// Profiles in item order when the answer has each requested id exactly once and, for batches
/// of more than one, an echo that matches each item's own text.
pub fn align(items: &[Item], answered: Vec<Map<String, Value>>) -> Option<Vec<Profile>> {
    if answered.len() != items.len() {
        return None;
    }
    let mut slots: Vec<Option<Profile>> = vec![None; items.len()];
    for object in &answered {
        let id = item_id(object)?;
        let item = items.get(id)?;
        if items.len() > 1 {
            let echo = object.get("echo").and_then(Value::as_str)?;
            if !echo_matches(echo, &item.text) {
                return None;
            }
        }
        if slots[id].replace(Profile::from_json(object)).is_some() {
            return None;
        }
    }
    slots.into_iter().collect()
}

/// The chat-completions URL under a base URL such as `https://api.openai.com/v1`.
pub fn completions_url(base: &str) -> String {
    format!("{}/chat/completions", base.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(texts: &[&str]) -> Vec<Item> {
        texts.iter().map(|t| Item { key: String::new(), text: t.to_string() }).collect()
    }

    fn answer(entries: &[(&str, &str, &str)]) -> Vec<Map<String, Value>> {
        entries
            .iter()
            .map(|(id, echo, job)| json!({"id": id, "echo": echo, "job_or_career": [job]}).as_object().unwrap().clone())
            .collect()
    }

    #[test]
    fn aligns_by_id_not_position() {
        let batch = items(&["I am a nurse", "I drive trucks"]);
        let got = align(&batch, answer(&[("1", "I drive trucks", "driver"), ("0", "I am a nurse", "nurse")])).unwrap();
        assert_eq!(got[0].fields[1], vec!["nurse"]);
        assert_eq!(got[1].fields[1], vec!["driver"]);
    }

    #[test]
    fn refuses_missing_extra_duplicate_and_swapped_items() {
        let batch = items(&["I am a nurse", "I drive trucks"]);
        assert!(align(&batch, answer(&[("0", "I am a nurse", "nurse")])).is_none());
        assert!(align(&batch, answer(&[("0", "I am", "a"), ("1", "I drive", "b"), ("2", "x", "c")])).is_none());
        assert!(align(&batch, answer(&[("0", "I am a nurse", "a"), ("0", "I am a nurse", "b")])).is_none());
        assert!(align(&batch, answer(&[("0", "I drive trucks", "driver"), ("1", "I am a nurse", "nurse")])).is_none());
    }

    #[test]
    fn extracts_fenced_trailing_and_keyed_answers() {
        let fenced = "```json\n{\"profiles\": [{\"id\": \"0\"}]}\n```\nHope this helps!";
        assert_eq!(extract_items(fenced).unwrap().len(), 1);
        let keyed = "{\"0\": {\"Career\": [\"chef\"]}, \"1\": {}}";
        let got = extract_items(keyed).unwrap();
        assert_eq!(got.len(), 2);
        assert!(got.iter().any(|o| o["id"] == "0"));
        assert!(extract_items("{\"profiles\": [{\"id\": \"0\"").is_none());
    }
}
