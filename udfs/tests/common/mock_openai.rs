//! A real OpenAI-compatible Chat Completions server on 127.0.0.1 for tests and benchmarks: it
//! answers profile requests in the API's shape, counts requests, can add latency, and can
//! misbehave in the ways real servers and models do.
//!
//! It speaks just enough HTTP/1.1 over tokio (one request per connection) to stay small and
//! predictable: the tiny_http crate left a request unanswered now and then under concurrent load,
//! and hyper's server features would compile the HTTP stack a second time.

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
    pub requests: Arc<AtomicUsize>,
    /// Texts that are never answered (the item is always left out).
    pub poison: Arc<Mutex<Vec<String>>>,
    /// Every `Authorization` header value seen, to check how the key travelled.
    pub auth_headers: Arc<Mutex<Vec<String>>>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Drop for MockOpenAi {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}

/// The key of the last request seen, as the server would quote it back.
fn request_key(headers: &[String]) -> String {
    headers.last().map(|h| h.trim_start_matches("Bearer ").to_string()).unwrap_or_default()
}

fn first_words(text: &str) -> String {
    text.split_whitespace().take(5).collect::<Vec<_>>().join(" ")
}

/// Settings one request is answered with.
#[derive(Clone)]
struct Behaviour {
    fault: Fault,
    latency: Duration,
    answerer: Answerer,
    poison: Arc<Mutex<Vec<String>>>,
    auth: Arc<Mutex<Vec<String>>>,
}

/// Reads one HTTP/1.1 request (head and Content-Length body) from the socket.
async fn read_request(stream: &mut tokio::net::TcpStream) -> Option<(String, String)> {
    use tokio::io::AsyncReadExt;
    let mut data = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    let head_end = loop {
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break end + 4;
        }
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&data[..head_end]).to_string();
    let length: usize = head
        .lines()
        .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse().unwrap_or(0)))
        .unwrap_or(0);
    while data.len() < head_end + length {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&chunk[..n]);
    }
    Some((head, String::from_utf8_lossy(&data[head_end..head_end + length]).to_string()))
}

async fn write_response(stream: &mut tokio::net::TcpStream, status: u16, body: &str, headers: &[(&str, &str)]) {
    use tokio::io::AsyncWriteExt;
    let mut text = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n",
        if status == 200 { "OK" } else { "Error" },
        body.len()
    );
    for (k, v) in headers {
        text.push_str(&format!("{k}: {v}\r\n"));
    }
    text.push_str("\r\n");
    text.push_str(body);
    let _ = stream.write_all(text.as_bytes()).await;
    let _ = stream.shutdown().await;
}

/// What the server says to request number `n` (from 0) with this head and body.
fn answer(behaviour: &Behaviour, n: usize, head: &str, body: &str) -> (u16, String, Vec<(&'static str, &'static str)>) {
    if let Some(auth) = head.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.eq_ignore_ascii_case("authorization").then(|| value.trim().to_string())
    }) {
        behaviour.auth.lock().unwrap().push(auth);
    }
    let first = n == 0;
    match behaviour.fault {
        Fault::RateLimited if first => return (429, "{\"error\":\"slow down\"}".into(), vec![("Retry-After", "1")]),
        Fault::ServerError if first => return (500, "{\"error\":\"boom\"}".into(), vec![]),
        Fault::Unauthorized => {
            let sent = request_key(&behaviour.auth.lock().unwrap());
            return (401, format!("{{\"error\": {{\"message\": \"Incorrect API key provided: {sent}\"}}}}"), vec![]);
        }
        _ => {}
    }
    let request_json: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    let user = request_json["messages"][1]["content"].as_str().unwrap_or("[]");
    let items: Vec<Value> = serde_json::from_str(user).unwrap_or_default();
    let poisoned = behaviour.poison.lock().unwrap().clone();
    let mut profiles: Vec<Value> = items
        .iter()
        .filter(|item| !poisoned.iter().any(|p| p == item["text"].as_str().unwrap_or_default()))
        .map(|item| {
            let text = item["text"].as_str().unwrap_or_default();
            let mut profile = (behaviour.answerer)(text);
            profile["id"] = item["id"].clone();
            profile["echo"] = Value::String(first_words(text));
            profile
        })
        .collect();
    match behaviour.fault {
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
    match behaviour.fault {
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
    (200, answer.to_string(), vec![])
}

impl MockOpenAi {
    /// Starts the server on its own thread and runtime, so it serves sync and async tests alike.
    pub fn start(fault: Fault, latency: Duration, answerer: Answerer) -> MockOpenAi {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        listener.set_nonblocking(true).expect("non-blocking listener");
        let port = listener.local_addr().expect("address").port();
        let requests = Arc::new(AtomicUsize::new(0));
        let poison = Arc::new(Mutex::new(Vec::<String>::new()));
        let auth = Arc::new(Mutex::new(Vec::<String>::new()));
        let behaviour = Behaviour { fault, latency, answerer, poison: Arc::clone(&poison), auth: Arc::clone(&auth) };
        let (shutdown, mut stop) = tokio::sync::oneshot::channel::<()>();
        let count = Arc::clone(&requests);
        std::thread::spawn(move || {
            let runtime =
                tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).expect("tokio listener");
                loop {
                    let (mut stream, _) = tokio::select! {
                        accepted = listener.accept() => match accepted { Ok(a) => a, Err(_) => continue },
                        _ = &mut stop => return,
                    };
                    let (behaviour, count) = (behaviour.clone(), Arc::clone(&count));
                    tokio::spawn(async move {
                        let Some((head, body)) = read_request(&mut stream).await else { return };
                        let n = count.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(behaviour.latency).await;
                        if behaviour.fault == Fault::Slow && n == 0 {
                            tokio::time::sleep(Duration::from_secs(3)).await;
                        }
                        let (status, text, headers) = answer(&behaviour, n, &head, &body);
                        write_response(&mut stream, status, &text, &headers).await;
                    });
                }
            });
        });
        MockOpenAi {
            url: format!("http://127.0.0.1:{port}/v1"),
            requests,
            poison,
            auth_headers: auth,
            shutdown: Some(shutdown),
        }
    }

    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

/// Recorded answers, by the exact text they were given.
pub fn recorded_answerer(recorded: HashMap<String, Value>) -> Answerer {
    Arc::new(move |text: &str| recorded.get(text).cloned().unwrap_or_else(|| json!({})))
}
