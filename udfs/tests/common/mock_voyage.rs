//! A real Voyage-shaped embeddings server on 127.0.0.1 for tests and benchmarks: it answers
//! `POST /v1/embeddings` in the API's shape (`data[].embedding`, `data[].index`,
//! `usage.total_tokens`), records what each request held, can add latency, and can misbehave in
//! the ways real servers do.

#![allow(dead_code)] // each test binary uses a different subset

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;

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
    /// The first answer's JSON is cut off.
    Truncated,
    /// The first answer lacks its last vector.
    MissingVector,
    /// Every answer lists its vectors in reverse order (their `index` stays right).
    ShuffledIndices,
    /// Every request is refused with 401 and a message that quotes the key.
    Unauthorized,
}

/// The vector the server gives a text at a dimension; None leaves the item out of every answer.
pub type VectorAnswerer = Arc<dyn Fn(&str, usize) -> Option<Vec<f32>> + Send + Sync>;

/// A vector made from the text's bytes, so a test can tell every row got its own. Its values
/// are multiples of 1/4096 in [-0.5, 0.5), which [`render`] writes quickly.
pub fn text_vector(text: &str, dimension: usize) -> Vec<f32> {
    let mut state: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        state = (state ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    (0..dimension)
        .map(|_| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            ((state >> 52) as f32 - 2048.0) / 4096.0
        })
        .collect()
}

pub fn hash_answerer() -> VectorAnswerer {
    Arc::new(|text, dimension| Some(text_vector(text, dimension)))
}

/// Recorded vectors, by the exact text they were given (whatever the dimension asked).
pub fn recorded_answerer(recorded: HashMap<String, Vec<f32>>) -> VectorAnswerer {
    Arc::new(move |text, _| recorded.get(text).cloned())
}

/// What one request asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct SeenRequest {
    pub texts: usize,
    pub chars: usize,
    pub model: String,
    pub input_type: Value,
    pub output_dimension: Value,
}

pub struct MockVoyage {
    pub url: String,
    pub seen: Arc<Mutex<Vec<SeenRequest>>>,
    server: MockHttp,
}

fn answer(
    fault: Fault,
    answerer: &VectorAnswerer,
    seen: &Mutex<Vec<SeenRequest>>,
    n: usize,
    head: &str,
    body: &str,
) -> Reply {
    let first = n == 0;
    match fault {
        Fault::RateLimited if first => {
            return Reply {
                headers: vec![("Retry-After", "1")],
                ..Reply::json(429, "{\"detail\":\"rate limited\"}".into())
            }
        }
        Fault::ServerError if first => return Reply::json(500, "{\"detail\":\"internal error\"}".into()),
        Fault::Slow if first => {
            return Reply { delay: Duration::from_secs(3), ..answer(Fault::None, answerer, seen, n, head, body) }
        }
        Fault::Unauthorized => {
            let sent = authorization(head).unwrap_or_default().trim_start_matches("Bearer ").to_string();
            return Reply::json(401, format!("{{\"detail\": \"Provided API key is invalid: {sent}\"}}"));
        }
        _ => {}
    }
    let request: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    let texts: Vec<&str> =
        request["input"].as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    seen.lock().unwrap().push(SeenRequest {
        texts: texts.len(),
        chars: texts.iter().map(|t| t.chars().count()).sum(),
        model: request["model"].as_str().unwrap_or_default().to_string(),
        input_type: request["input_type"].clone(),
        output_dimension: request["output_dimension"].clone(),
    });
    let dimension = request["output_dimension"].as_u64().unwrap_or(1024) as usize;
    let mut data: Vec<(usize, Vec<f32>)> =
        texts.iter().enumerate().filter_map(|(i, t)| answerer(t, dimension).map(|v| (i, v))).collect();
    match fault {
        Fault::MissingVector if first => {
            data.pop();
        }
        Fault::ShuffledIndices => data.reverse(),
        _ => {}
    }
    let tokens: usize = texts.iter().map(|t| t.split_whitespace().count() + 1).sum();
    let mut body = render(&data, request["model"].as_str().unwrap_or_default(), tokens);
    if fault == Fault::Truncated && first {
        body.truncate(body.len() / 2);
    }
    Reply::json(200, body)
}

/// Every multiple of 1/4096 in [-0.5, 0.5], written out once: k / 4096 = k * 244140625 / 10^12.
static MULTIPLES_OF_1_4096: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    (-2048i64..=2048)
        .map(|k| {
            let scaled = k.unsigned_abs() * 244_140_625;
            let sign = if k < 0 { "-" } else { "" };
            format!("{sign}{}.{:012}", scaled / 1_000_000_000_000, scaled % 1_000_000_000_000)
        })
        .collect()
});

/// Writes a number as JSON. The values [`text_vector`] makes come from a table written once, so
/// a full-size answer costs little even in a debug build; others (recorded vectors) are written
/// in Rust's shortest round-trip form.
fn write_number(body: &mut String, x: f32) {
    let scaled = x * 4096.0;
    if scaled.fract() == 0.0 && (-2048.0..=2048.0).contains(&scaled) {
        body.push_str(&MULTIPLES_OF_1_4096[(scaled as i64 + 2048) as usize]);
    } else {
        use std::fmt::Write;
        let _ = write!(body, "{x:?}");
    }
}

/// The answer's JSON, written directly rather than through serde_json: a full-size answer (128
/// vectors of 1,024 floats, ~1.3 MB, as Voyage sends) is then cheap to make even in a debug
/// build, so the mock is never what a benchmark measures.
fn render(data: &[(usize, Vec<f32>)], model: &str, tokens: usize) -> String {
    use std::fmt::Write;
    let mut body = String::with_capacity(data.iter().map(|(_, v)| v.len() * 16 + 60).sum::<usize>() + 100);
    body.push_str("{\"object\":\"list\",\"data\":[");
    for (n, (index, vector)) in data.iter().enumerate() {
        if n > 0 {
            body.push(',');
        }
        let _ = write!(body, "{{\"object\":\"embedding\",\"index\":{index},\"embedding\":[");
        for (k, x) in vector.iter().enumerate() {
            if k > 0 {
                body.push(',');
            }
            write_number(&mut body, *x);
        }
        body.push_str("]}");
    }
    let _ = write!(body, "],\"model\":{},\"usage\":{{\"total_tokens\":{tokens}}}}}", Value::String(model.to_string()));
    body
}

impl MockVoyage {
    pub fn start(fault: Fault, latency: Duration, answerer: VectorAnswerer) -> MockVoyage {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let recorded = Arc::clone(&seen);
        let server =
            MockHttp::start(latency, Arc::new(move |n, head, body| answer(fault, &answerer, &recorded, n, head, body)));
        MockVoyage { url: format!("{}/v1", server.address), seen, server }
    }

    /// Requests received, including refused ones.
    pub fn requests(&self) -> usize {
        self.server.requests()
    }

    /// Requests answered with vectors, and what each asked for.
    pub fn seen(&self) -> Vec<SeenRequest> {
        self.seen.lock().unwrap().clone()
    }

    pub fn auth_headers(&self) -> Vec<String> {
        self.server.auth_headers.lock().unwrap().clone()
    }
}
