//! The tests' Voyage-shaped mock server as a program, for benchmarks: it prints its base URL,
//! answers until stdin closes, then prints how many requests it served.
//!
//! `cargo run --release --example mock_voyage_server -- 200` (latency in ms).

#[path = "../tests/common/mock_http.rs"]
mod mock_http;
#[path = "../tests/common/mock_voyage.rs"]
mod mock_voyage;

use std::io::{BufRead, Write};
use std::time::Duration;

use mock_voyage::{hash_answerer, Fault, MockVoyage};

fn main() {
    let latency_ms: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(200);
    let server = MockVoyage::start(Fault::None, Duration::from_millis(latency_ms), hash_answerer());
    println!("{}", server.url);
    let _ = std::io::stdout().flush();
    for _ in std::io::stdin().lock().lines() {}
    eprintln!("mock served {} request(s)", server.requests());
}
