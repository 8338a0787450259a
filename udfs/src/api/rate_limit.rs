//! Client-side request and token rate limits, so that 429 answers stay rare. Two token buckets
//! (requests per minute, tokens per minute) refill continuously; a request waits until both have
//! room. One limiter per API endpoint and model, shared by every query of the process.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug)]
struct Buckets {
    requests: f64,
    tokens: f64,
    requests_per_minute: f64,
    tokens_per_minute: f64,
    refilled: Instant,
}

impl Buckets {
    fn refill(&mut self, now: Instant) {
        let minutes = now.duration_since(self.refilled).as_secs_f64() / 60.0;
        self.requests = (self.requests + minutes * self.requests_per_minute).min(self.requests_per_minute);
        self.tokens = (self.tokens + minutes * self.tokens_per_minute).min(self.tokens_per_minute);
        self.refilled = now;
    }

    /// Takes one request and `tokens` now, or says how long to wait.
    fn try_take(&mut self, tokens: f64, now: Instant) -> Option<Duration> {
        self.refill(now);
        // A single request larger than the whole per-minute budget waits for a full bucket.
        let tokens = tokens.min(self.tokens_per_minute);
        let request_wait = if self.requests_per_minute > 0.0 && self.requests < 1.0 {
            (1.0 - self.requests) / self.requests_per_minute
        } else {
            0.0
        };
        let token_wait = if self.tokens_per_minute > 0.0 && self.tokens < tokens {
            (tokens - self.tokens) / self.tokens_per_minute
        } else {
            0.0
        };
        let wait = request_wait.max(token_wait);
        if wait > 0.0 {
            return Some(Duration::from_secs_f64(wait * 60.0));
        }
        if self.requests_per_minute > 0.0 {
            self.requests -= 1.0;
        }
        if self.tokens_per_minute > 0.0 {
            self.tokens -= tokens;
        }
        None
    }
}

#[derive(Debug)]
pub struct RateLimiter {
    buckets: Mutex<Buckets>,
}

impl RateLimiter {
    /// Limits of 0 mean unlimited. Buckets start full.
    pub fn new(requests_per_minute: usize, tokens_per_minute: usize) -> Self {
        Self {
            buckets: Mutex::new(Buckets {
                requests: requests_per_minute as f64,
                tokens: tokens_per_minute as f64,
                requests_per_minute: requests_per_minute as f64,
                tokens_per_minute: tokens_per_minute as f64,
                refilled: Instant::now(),
            }),
        }
    }

    /// Applies new limits (a `SET` between queries) without resetting what was used.
    pub fn set_limits(&self, requests_per_minute: usize, tokens_per_minute: usize) {
        if let Ok(mut b) = self.buckets.lock() {
            b.requests_per_minute = requests_per_minute as f64;
            b.tokens_per_minute = tokens_per_minute as f64;
            b.requests = b.requests.min(b.requests_per_minute);
            b.tokens = b.tokens.min(b.tokens_per_minute);
        }
    }

    /// Waits until one request of `tokens` tokens fits both limits, then takes it.
    pub async fn acquire(&self, tokens: usize) {
        loop {
            let wait = match self.buckets.lock() {
                Ok(mut b) => b.try_take(tokens as f64, Instant::now()),
                Err(_) => None,
            };
            match wait {
                None => return,
                Some(wait) => tokio::time::sleep(wait.max(Duration::from_millis(5))).await,
            }
        }
    }
}

static LIMITERS: LazyLock<Mutex<HashMap<String, Arc<RateLimiter>>>> = LazyLock::new(Default::default);

/// The process-wide limiter for `endpoint` (e.g. base URL and model), with the given limits.
pub fn limiter(endpoint: &str, requests_per_minute: usize, tokens_per_minute: usize) -> Arc<RateLimiter> {
    let mut limiters = match LIMITERS.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    };
    let limiter = limiters
        .entry(endpoint.to_string())
        .or_insert_with(|| Arc::new(RateLimiter::new(requests_per_minute, tokens_per_minute)));
    limiter.set_limits(requests_per_minute, tokens_per_minute);
    Arc::clone(limiter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_when_a_bucket_is_empty() {
        let start = Instant::now();
        let mut b = Buckets {
            requests: 2.0,
            tokens: 100.0,
            requests_per_minute: 2.0,
            tokens_per_minute: 100.0,
            refilled: start,
        };
        assert_eq!(b.try_take(10.0, start), None);
        assert_eq!(b.try_take(10.0, start), None);
        let wait = b.try_take(10.0, start).expect("out of requests");
        assert!((wait.as_secs_f64() - 30.0).abs() < 1e-6, "{wait:?}");
        // after the wait the request fits
        assert_eq!(b.try_take(10.0, start + wait), None);
    }

    #[test]
    fn token_limit_applies_and_zero_means_unlimited() {
        let start = Instant::now();
        let mut b =
            Buckets { requests: 0.0, tokens: 50.0, requests_per_minute: 0.0, tokens_per_minute: 60.0, refilled: start };
        assert_eq!(b.try_take(50.0, start), None);
        let wait = b.try_take(30.0, start).expect("out of tokens");
        assert!((wait.as_secs_f64() - 30.0).abs() < 1e-6, "{wait:?}");
    }
}
