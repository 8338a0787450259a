//! POSTing JSON to an API with retries: exponential backoff with full jitter on 429, 5xx,
//! timeouts and connection errors, honoring `Retry-After`. Other 4xx answers fail at once. Error
//! texts never carry the key (see `secrets::redact`).

use std::sync::LazyLock;
use std::time::Duration;

use datafusion::common::DataFusionError;
use rand::Rng;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::StatusCode;

use super::secrets::{redact, ApiKey};
use super::spend::Counters;

/// How a request is retried.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    pub max_retries: usize,
    pub timeout: Duration,
    /// First backoff; doubles each retry, capped at `max_delay`, with full jitter.
    pub base_delay: Duration,
    pub max_delay: Duration,
}

impl RetryPolicy {
    pub fn new(max_retries: usize, timeout_seconds: f64) -> Self {
        Self {
            max_retries,
            timeout: Duration::from_secs_f64(timeout_seconds.max(0.001)),
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
        }
    }

    /// The wait before retry `attempt` (from 0): a server's `Retry-After` wins, else backoff.
    pub fn delay(&self, attempt: usize, retry_after: Option<Duration>) -> Duration {
        if let Some(wait) = retry_after {
            return wait.min(Duration::from_secs(300));
        }
        let ceiling = self.base_delay.saturating_mul(1 << attempt.min(16)).min(self.max_delay);
        ceiling.mul_f64(rand::rng().random_range(0.0..=1.0))
    }
}

/// One HTTP client per process: connections are pooled and reused.
static CLIENT: LazyLock<reqwest::Client> = LazyLock::new(|| {
    reqwest::Client::builder().user_agent(concat!("fansql/", env!("CARGO_PKG_VERSION"))).build().unwrap_or_default()
});

/// `Retry-After` in seconds (or an HTTP date, counted from now).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<f64>() {
        return (seconds >= 0.0).then(|| Duration::from_secs_f64(seconds));
    }
    let when = httpdate_seconds(value)?;
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    Some(Duration::from_secs(when.saturating_sub(now)))
}

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) to Unix seconds.
fn httpdate_seconds(text: &str) -> Option<u64> {
    let parts: Vec<&str> = text.split_whitespace().collect();
    let [_, day, month, year, time, "GMT"] = parts.as_slice() else { return None };
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let month = MONTHS.iter().position(|m| m == month)? as i64 + 1;
    let (day, year): (i64, i64) = (day.parse().ok()?, year.parse().ok()?);
    let hms: Vec<i64> = time.split(':').map(|p| p.parse().ok()).collect::<Option<_>>()?;
    let [h, m, s] = hms.as_slice() else { return None };
    // Days from the civil date (Howard Hinnant's algorithm).
    let (y, mo) = if month <= 2 { (year - 1, month + 9) } else { (year, month - 3) };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * mo + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    u64::try_from(days * 86_400 + h * 3600 + m * 60 + s).ok()
}

/// POSTs `body` (JSON) to `url` with a bearer key and returns the answer body, retrying
/// transient failures per `policy`. `service` names the API in errors.
pub async fn post_json(
    service: &str,
    url: &str,
    key: &ApiKey,
    body: &[u8],
    policy: &RetryPolicy,
    counters: &Counters,
) -> Result<Vec<u8>, DataFusionError> {
    let fail = |message: String| DataFusionError::Execution(redact(&format!("{service}: {message}"), Some(key)));
    let mut attempt = 0;
    loop {
        Counters::add(&counters.requests, 1);
        let sent = CLIENT
            .post(url)
            .bearer_auth(key.expose())
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .timeout(policy.timeout)
            .body(body.to_vec())
            .send()
            .await;
        let (reason, wait) = match sent {
            // Bytes, not text: the callers parse JSON from them, which checks UTF-8 on the way.
            Ok(response) if response.status().is_success() => match response.bytes().await {
                Ok(bytes) => return Ok(bytes.to_vec()),
                Err(e) => (format!("reading the answer failed: {e}"), None),
            },
            Ok(response) => {
                let status = response.status();
                let wait = retry_after(response.headers());
                let detail: String = response.text().await.unwrap_or_default().chars().take(300).collect();
                if status != StatusCode::TOO_MANY_REQUESTS && !status.is_server_error() {
                    return Err(fail(format!("{url} answered {status}: {}", detail.trim())));
                }
                (format!("{url} answered {status}"), wait)
            }
            Err(e) if e.is_timeout() => (format!("no answer from {url} within {:?}", policy.timeout), None),
            Err(e) if e.is_connect() || e.is_request() || e.is_body() => (format!("cannot reach {url}: {e}"), None),
            Err(e) => return Err(fail(format!("request to {url} failed: {e}"))),
        };
        if attempt >= policy.max_retries {
            return Err(fail(format!("{reason}; gave up after {} attempt(s)", attempt + 1)));
        }
        Counters::add(&counters.retries, 1);
        tokio::time::sleep(policy.delay(attempt, wait)).await;
        attempt += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_is_capped_and_retry_after_wins() {
        let policy = RetryPolicy::new(5, 10.0);
        for attempt in 0..20 {
            assert!(policy.delay(attempt, None) <= policy.max_delay);
        }
        assert!(policy.delay(0, None) <= Duration::from_millis(500));
        assert_eq!(policy.delay(3, Some(Duration::from_secs(2))), Duration::from_secs(2));
    }

    #[test]
    fn reads_http_dates() {
        assert_eq!(httpdate_seconds("Sun, 06 Nov 1994 08:49:37 GMT"), Some(784_111_777));
        assert_eq!(httpdate_seconds("tomorrow"), None);
    }
}
