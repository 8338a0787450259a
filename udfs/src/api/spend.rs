//! Counters of what the API-backed functions did: requests, cache hits, tokens and estimated
//! cost, per function family. The shell prints the difference after each query and drives its
//! progress bar from `items_total`/`items_done`.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

use datafusion::common::DataFusionError;

#[derive(Debug, Default)]
pub struct Counters {
    pub requests: AtomicU64,
    pub retries: AtomicU64,
    pub cache_hits: AtomicU64,
    pub items_sent: AtomicU64,
    pub items_failed: AtomicU64,
    pub input_tokens: AtomicU64,
    pub output_tokens: AtomicU64,
    /// Estimated cost in millionths of a US dollar.
    pub cost_micro_usd: AtomicU64,
    /// Items a running query must answer, and how many are answered (for progress bars).
    pub items_total: AtomicU64,
    pub items_done: AtomicU64,
    /// What dry runs would have sent.
    pub dry_run_items: AtomicU64,
    pub dry_run_requests: AtomicU64,
    pub dry_run_tokens: AtomicU64,
    pub dry_run_cost_micro_usd: AtomicU64,
    /// `cost_micro_usd` when the current query began (see [`begin_query`]).
    query_start_cost_micro_usd: AtomicU64,
}

/// `profile_llm`'s counters.
pub static LLM: Counters = Counters::new();
/// `embed`/`embed_voyage`'s counters.
pub static EMBED: Counters = Counters::new();

impl Counters {
    pub const fn new() -> Counters {
        Counters {
            requests: AtomicU64::new(0),
            retries: AtomicU64::new(0),
            cache_hits: AtomicU64::new(0),
            items_sent: AtomicU64::new(0),
            items_failed: AtomicU64::new(0),
            input_tokens: AtomicU64::new(0),
            output_tokens: AtomicU64::new(0),
            cost_micro_usd: AtomicU64::new(0),
            items_total: AtomicU64::new(0),
            items_done: AtomicU64::new(0),
            dry_run_items: AtomicU64::new(0),
            dry_run_requests: AtomicU64::new(0),
            dry_run_tokens: AtomicU64::new(0),
            dry_run_cost_micro_usd: AtomicU64::new(0),
            query_start_cost_micro_usd: AtomicU64::new(0),
        }
    }

    /// What the current query has spent so far on this family, in millionths of a US dollar.
    pub fn query_spend_micro_usd(&self) -> u64 {
        self.cost_micro_usd
            .load(Ordering::Relaxed)
            .saturating_sub(self.query_start_cost_micro_usd.load(Ordering::Relaxed))
    }

    /// Records what a dry run would send.
    pub fn record_dry_run(&self, items: usize, requests: usize, tokens: usize, cost_micro_usd: u64) {
        Counters::add(&self.dry_run_items, items as u64);
        Counters::add(&self.dry_run_requests, requests as u64);
        Counters::add(&self.dry_run_tokens, tokens as u64);
        Counters::add(&self.dry_run_cost_micro_usd, cost_micro_usd);
    }

    pub fn add(counter: &AtomicU64, n: u64) {
        counter.fetch_add(n, Ordering::Relaxed);
    }

    pub fn snapshot(&self) -> Snapshot {
        let get = |c: &AtomicU64| c.load(Ordering::Relaxed);
        Snapshot {
            requests: get(&self.requests),
            retries: get(&self.retries),
            cache_hits: get(&self.cache_hits),
            items_sent: get(&self.items_sent),
            items_failed: get(&self.items_failed),
            input_tokens: get(&self.input_tokens),
            output_tokens: get(&self.output_tokens),
            cost_micro_usd: get(&self.cost_micro_usd),
            items_total: get(&self.items_total),
            items_done: get(&self.items_done),
            dry_run_items: get(&self.dry_run_items),
            dry_run_requests: get(&self.dry_run_requests),
            dry_run_tokens: get(&self.dry_run_tokens),
            dry_run_cost_micro_usd: get(&self.dry_run_cost_micro_usd),
        }
    }
}

/// A copy of the counters at one moment; `since` gives what happened in between.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub requests: u64,
    pub retries: u64,
    pub cache_hits: u64,
    pub items_sent: u64,
    pub items_failed: u64,
    pub input_tokens: u64,
    pub output_tokens: u64,
    pub cost_micro_usd: u64,
    pub items_total: u64,
    pub items_done: u64,
    pub dry_run_items: u64,
    pub dry_run_requests: u64,
    pub dry_run_tokens: u64,
    pub dry_run_cost_micro_usd: u64,
}

impl Snapshot {
    pub fn since(&self, before: &Snapshot) -> Snapshot {
        Snapshot {
            requests: self.requests - before.requests,
            retries: self.retries - before.retries,
            cache_hits: self.cache_hits - before.cache_hits,
            items_sent: self.items_sent - before.items_sent,
            items_failed: self.items_failed - before.items_failed,
            input_tokens: self.input_tokens - before.input_tokens,
            output_tokens: self.output_tokens - before.output_tokens,
            cost_micro_usd: self.cost_micro_usd - before.cost_micro_usd,
            items_total: self.items_total - before.items_total,
            items_done: self.items_done - before.items_done,
            dry_run_items: self.dry_run_items - before.dry_run_items,
            dry_run_requests: self.dry_run_requests - before.dry_run_requests,
            dry_run_tokens: self.dry_run_tokens - before.dry_run_tokens,
            dry_run_cost_micro_usd: self.dry_run_cost_micro_usd - before.dry_run_cost_micro_usd,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.requests == 0 && self.cache_hits == 0 && self.items_failed == 0 && self.dry_run_items == 0
    }
}

/// Marks the start of a query, against which the `max_cost_usd` settings are checked. The shell
/// calls it before each statement; a library user who never does gets the spend of the whole
/// process.
pub fn begin_query() {
    for counters in [&LLM, &EMBED] {
        counters.query_start_cost_micro_usd.store(counters.cost_micro_usd.load(Ordering::Relaxed), Ordering::Relaxed);
    }
}

/// The error for spending `estimate_micro` more, when `spent_micro` is already spent, would pass
/// `max_usd` (0 or less: no limit). `function` and `setting` name what to change.
pub fn over_budget(
    function: &str,
    setting: &str,
    dry_run_setting: &str,
    spent_micro: u64,
    estimate_micro: u64,
    max_usd: f64,
) -> Option<DataFusionError> {
    if max_usd <= 0.0 {
        return None;
    }
    let max_micro = (max_usd * 1e6) as u64;
    (spent_micro + estimate_micro > max_micro).then(|| {
        DataFusionError::Execution(format!(
            "{function}: this would cost about ${:.4} (already spent ${:.4}), above {setting} = {max_usd}; \
             raise it, or SET {dry_run_setting} = true to see what would be sent",
            usd(estimate_micro),
            usd(spent_micro)
        ))
    })
}

pub fn usd(micro: u64) -> f64 {
    micro as f64 / 1e6
}

impl fmt::Display for Snapshot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.dry_run_items > 0 {
            return write!(
                f,
                "dry run: would send {} item(s) in {} request(s), ~{} tokens, ~${:.4}; {} cache hit(s); nothing was sent",
                self.dry_run_items,
                self.dry_run_requests,
                self.dry_run_tokens,
                usd(self.dry_run_cost_micro_usd),
                self.cache_hits
            );
        }
        write!(
            f,
            "{} request(s) ({} retried), {} cache hit(s), {} item(s) sent, ",
            self.requests, self.retries, self.cache_hits, self.items_sent
        )?;
        if self.output_tokens > 0 {
            write!(f, "{} input + {} output tokens", self.input_tokens, self.output_tokens)?;
        } else {
            write!(f, "{} tokens", self.input_tokens)?;
        }
        write!(f, ", ~${:.4}", usd(self.cost_micro_usd))?;
        if self.items_failed > 0 {
            write!(f, "; {} item(s) failed alone and are NULL", self.items_failed)?;
        }
        Ok(())
    }
}
