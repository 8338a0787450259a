//! A real OpenAI-compatible Chat Completions server on 127.0.0.1 for tests and benchmarks: it
//! answers profile requests in the API's shape, counts requests, can add latency, and can
//! misbehave in the ways real servers and models do.

#![allow(dead_code)] // each test binary uses a different subset

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    None,
    /// The first request gets 429 with `Retry-After: 1`.
    RateLimited,
    /// The first request gets 500.
    ServerError,
    /// The first request answers only after `slow`.
    Slow,
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
    pub requests: Arc<AtomicUsize>,
    /// Texts that are never answered (the item is always left out).
    pub poison: Arc<Mutex<Vec<String>>>,
    /// Every `Authorization` header value seen, to check how the key travelled.
    pub auth_headers: Arc<Mutex<Vec<String>>>,
    server: Arc<tiny_http::Server>,
}

impl Drop for MockOpenAi {
    fn drop(&mut self) {
        self.server.unblock();
    }
}

fn first_words(text: &str) -> String {
    text.split_whitespace().take(5).collect::<Vec<_>>().join(" ")
}

impl MockOpenAi {
    pub fn start(fault: Fault, latency: Duration, answerer: Answerer) -> MockOpenAi {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1"));
        let port = server.server_addr().to_ip().expect("ip address").port();
        let requests = Arc::new(AtomicUsize::new(0));
        let poison = Arc::new(Mutex::new(Vec::<String>::new()));
        let auth_headers = Arc::new(Mutex::new(Vec::<String>::new()));
        let (srv, count, poisoned, auth) = (Arc::clone(&server), Arc::clone(&requests), Arc::clone(&poison), Arc::clone(&auth_headers));
        std::thread::spawn(move || {
            for mut request in srv.incoming_requests() {
                let n = count.fetch_add(1, Ordering::SeqCst);
                let (answerer, poisoned, auth) = (Arc::clone(&answerer), Arc::clone(&poisoned), Arc::clone(&auth));
                std::thread::spawn(move || {
                    let mut body = String::new();
                    let _ = request.as_reader().read_to_string(&mut body);
                    if let Some(h) = request.headers().iter().find(|h| h.field.equiv("Authorization")) {
                        auth.lock().unwrap().push(h.value.as_str().to_string());
                    }
                    std::thread::sleep(latency);
                    let first = n == 0;
                    let respond = |status: u16, text: String, headers: Vec<(&str, &str)>| {
                        let mut response = tiny_http::Response::from_string(text).with_status_code(status);
                        for (k, v) in headers {
                            response.add_header(tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()).unwrap());
                        }
                        response.add_header(tiny_http::Header::from_bytes(&b"Content-Type"[..], &b"application/json"[..]).unwrap());
                        let _ = request.respond(response);
                    };
                    match fault {
                        Fault::RateLimited if first => return respond(429, "{\"error\":\"slow down\"}".into(), vec![("Retry-After", "1")]),
                        Fault::ServerError if first => return respond(500, "{\"error\":\"boom\"}".into(), vec![]),
                        Fault::Slow if first => std::thread::sleep(Duration::from_secs(3)),
                        _ => {}
                    }
                    let request_json: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
                    let user = request_json["messages"][1]["content"].as_str().unwrap_or("[]");
                    let items: Vec<Value> = serde_json::from_str(user).unwrap_or_default();
                    let poisoned = poisoned.lock().unwrap().clone();
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
                    respond(200, answer.to_string(), vec![]);
                });
            }
        });
        MockOpenAi { url: format!("http://127.0.0.1:{port}/v1"), requests, poison, auth_headers, server }
    }

    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

/// Recorded answers, by the exact text they were given.
pub fn recorded_answerer(recorded: HashMap<String, Value>) -> Answerer {
    Arc::new(move |text: &str| recorded.get(text).cloned().unwrap_or_else(|| json!({})))
}
