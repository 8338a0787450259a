//! A real HTTP server on 127.0.0.1 for the provider mocks (OpenAI-compatible, Voyage): it counts
//! requests, waits a set latency, and answers each with what a handler says.
//!
//! It speaks just enough HTTP/1.1 over tokio (one request per connection) to stay small and
//! predictable: the tiny_http crate left a request unanswered now and then under concurrent load,
//! and hyper's server features would compile the HTTP stack a second time.

#![allow(dead_code)] // each test binary uses a different subset

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the server sends back for one request.
pub struct Reply {
    pub status: u16,
    pub body: String,
    pub headers: Vec<(&'static str, &'static str)>,
    /// Extra wait before answering, on top of the server's latency.
    pub delay: Duration,
}

impl Reply {
    pub fn json(status: u16, body: String) -> Reply {
        Reply { status, body, headers: Vec::new(), delay: Duration::ZERO }
    }
}

/// Answers request number `n` (from 0), given its head and body.
pub type Handler = Arc<dyn Fn(usize, &str, &str) -> Reply + Send + Sync>;

pub struct MockHttp {
    /// `http://127.0.0.1:PORT`
    pub address: String,
    pub requests: Arc<AtomicUsize>,
    /// Every `Authorization` header value seen, to check how the key travelled.
    pub auth_headers: Arc<Mutex<Vec<String>>>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Drop for MockHttp {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
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

async fn write_response(stream: &mut tokio::net::TcpStream, reply: &Reply) {
    use tokio::io::AsyncWriteExt;
    let mut text = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n",
        reply.status,
        if reply.status == 200 { "OK" } else { "Error" },
        reply.body.len()
    );
    for (k, v) in &reply.headers {
        text.push_str(&format!("{k}: {v}\r\n"));
    }
    text.push_str("\r\n");
    text.push_str(&reply.body);
    let _ = stream.write_all(text.as_bytes()).await;
    let _ = stream.shutdown().await;
}

/// The `Authorization` header of a request head.
pub fn authorization(head: &str) -> Option<String> {
    head.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.eq_ignore_ascii_case("authorization").then(|| value.trim().to_string())
    })
}

impl MockHttp {
    /// Starts the server on its own thread and runtime, so it serves sync and async tests alike.
    pub fn start(latency: Duration, handler: Handler) -> MockHttp {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        listener.set_nonblocking(true).expect("non-blocking listener");
        let port = listener.local_addr().expect("address").port();
        let requests = Arc::new(AtomicUsize::new(0));
        let auth_headers = Arc::new(Mutex::new(Vec::<String>::new()));
        let (shutdown, mut stop) = tokio::sync::oneshot::channel::<()>();
        let (count, auth) = (Arc::clone(&requests), Arc::clone(&auth_headers));
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
                    let (handler, count, auth) = (Arc::clone(&handler), Arc::clone(&count), Arc::clone(&auth));
                    tokio::spawn(async move {
                        let Some((head, body)) = read_request(&mut stream).await else { return };
                        let n = count.fetch_add(1, Ordering::SeqCst);
                        if let Some(value) = authorization(&head) {
                            auth.lock().unwrap().push(value);
                        }
                        // The latency is the whole time to answer, making the answer included.
                        let started = std::time::Instant::now();
                        let reply = handler(n, &head, &body);
                        tokio::time::sleep(latency.saturating_sub(started.elapsed()) + reply.delay).await;
                        write_response(&mut stream, &reply).await;
                    });
                }
            });
        });
        MockHttp { address: format!("http://127.0.0.1:{port}"), requests, auth_headers, shutdown: Some(shutdown) }
    }

    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}
