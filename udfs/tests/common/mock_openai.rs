//! A real OpenAI-compatible Chat Completions server on 127.0.0.1 for tests and benchmarks: it
//! answers profile requests in the API's shape, counts requests, can add latency, and can
//! misbehave in the ways real servers and models do.

#![allow(dead_code)] // each test binary uses a different subset

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Value};

use super::mock_http::{authorization, MockHttp, Reply};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    None,
    /// The first request gets 429 with `Retry-After: 1`.
    RateLimited,
    /// The first request gets 500.
    ServerError,
    /// The first request answers only after 3 seconds.
    Slow,
    /// Every request is refused with 401 and a message that quotes part of the key, as
    /// OpenAI's does.
    Unauthorized,
    /// The first answer's JSON is cut off.
    Truncated,
    /// Every answer is wrapped in a Markdown fence with chatter after it.
    Fenced,
    /// The first answer lacks one item.
    MissingItem,
    /// The first answer has one item too many.
    ExtraItem,
    /// The first answer swaps the ids of its first two items.
    SwappedIds,
}

/// How the server makes up a profile for a text, so tests can check each row got its own.
pub type Answerer = Arc<dyn Fn(&str) -> Value + Send + Sync>;

/// The default answer: the text's first word as the job, and an age hint.
pub fn tag_answerer() -> Answerer {
    Arc::new(|text: &str| {
        let tag = text.split_whitespace().next().unwrap_or_default();
        json!({"job_or_career": [format!("job of {tag}")], "age_indicators": ["30"]})
    })
}

pub struct MockOpenAi {
    pub url: String,
    /// Texts that are never answered (the item is always left out).
    pub poison: Arc<Mutex<Vec<String>>>,
    server: MockHttp,
}

fn first_words(text: &str) -> String {
    text.split_whitespace().take(5).collect::<Vec<_>>().join(" ")
}

/// What the server says to request number `n` (from 0) with this head and body.
fn answer(fault: Fault, answerer: &Answerer, poison: &Mutex<Vec<String>>, n: usize, head: &str, body: &str) -> Reply {
    let first = n == 0;
    match fault {
        Fault::RateLimited if first => {
            return Reply {
                headers: vec![("Retry-After", "1")],
                ..Reply::json(429, "{\"error\":\"slow down\"}".into())
            }
        }
        Fault::ServerError if first => return Reply::json(500, "{\"error\":\"boom\"}".into()),
        Fault::Slow if first => {
            return Reply { delay: Duration::from_secs(3), ..answer(Fault::None, answerer, poison, n, head, body) }
        }
        Fault::Unauthorized => {
            let sent = authorization(head).unwrap_or_default().trim_start_matches("Bearer ").to_string();
            return Reply::json(401, format!("{{\"error\": {{\"message\": \"Incorrect API key provided: {sent}\"}}}}"));
        }
        _ => {}
    }
    let request_json: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    let user = request_json["messages"][1]["content"].as_str().unwrap_or("[]");
    let items: Vec<Value> = serde_json::from_str(user).unwrap_or_default();
    let poisoned = poison.lock().unwrap().clone();
    let mut profiles: Vec<Value> = items
        .iter()
        .filter(|item| !poisoned.iter().any(|p| p == item["text"].as_str().unwrap_or_default()))
        .map(|item| {
            let text = item["text"].as_str().unwrap_or_default();
            let mut profile = answerer(text);
            profile["id"] = item["id"].clone();
            profile["echo"] = Value::String(first_words(text));
            profile
        })
        .collect();
    match fault {
        Fault::MissingItem if first && !profiles.is_empty() => {
            profiles.pop();
        }
        Fault::ExtraItem if first => profiles.push(json!({"id": "99", "echo": "nobody", "job_or_career": ["ghost"]})),
        Fault::SwappedIds if first && profiles.len() >= 2 => {
            let (a, b) = (profiles[0]["id"].clone(), profiles[1]["id"].clone());
            profiles[0]["id"] = b;
            profiles[1]["id"] = a;
        }
        _ => {}
    }
    let mut content = json!({"profiles": profiles}).to_string();
    match fault {
        Fault::Truncated if first => content.truncate(content.len() / 2),
        Fault::Fenced => content = format!("```json\n{content}\n```\nLet me know if you need more."),
        _ => {}
    }
    let answer = json!({
        "id": format!("chatcmpl-{n}"),
        "object": "chat.completion",
        "model": request_json["model"],
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": user.len() / 4 + 200, "completion_tokens": 60 * items.len(), "total_tokens": 0}
    });
    Reply::json(200, answer.to_string())
}

impl MockOpenAi {
    pub fn start(fault: Fault, latency: Duration, answerer: Answerer) -> MockOpenAi {
        let poison = Arc::new(Mutex::new(Vec::<String>::new()));
        let shared_poison = Arc::clone(&poison);
        let server = MockHttp::start(
            latency,
            Arc::new(move |n, head, body| answer(fault, &answerer, &shared_poison, n, head, body)),
        );
        MockOpenAi { url: format!("{}/v1", server.address), poison, server }
    }

    pub fn requests(&self) -> usize {
        self.server.requests()
    }

    /// Every `Authorization` header value seen, to check how the key travelled.
    pub fn auth_headers(&self) -> Vec<String> {
        self.server.auth_headers.lock().unwrap().clone()
    }
}

/// Recorded answers, by the exact text they were given.
pub fn recorded_answerer(recorded: HashMap<String, Value>) -> Answerer {
    Arc::new(move |text: &str| recorded.get(text).cloned().unwrap_or_else(|| json!({})))
}
