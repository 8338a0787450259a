//! A progress bar for long API-backed queries, drawn on a terminal from the counters the
//! functions keep (`fansql_udfs::api::spend`), not from DataFusion metrics. It appears only once
//! a query has items to send.

use std::sync::atomic::Ordering;
use std::time::Duration;

use fansql_udfs::api::spend::{Counters, EMBED, LLM};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tokio::task::JoinHandle;

/// Shows progress until dropped.
pub struct Progress {
    running: Option<(ProgressBar, JoinHandle<()>)>,
}

impl Progress {
    /// Starts watching; draws nothing when `enabled` is false (not a terminal, or --quiet).
    pub fn start(enabled: bool) -> Progress {
        if !enabled {
            return Progress { running: None };
        }
        let (total_before, done_before) = (items(|c| &c.items_total), items(|c| &c.items_done));
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("API {bar:30} {pos}/{len} items  {per_sec}  eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        let drawn = bar.clone();
        let task = tokio::spawn(async move {
            let bar = drawn;
            let mut shown = false;
            loop {
                let total = items(|c| &c.items_total) - total_before;
                if total > 0 {
                    shown = true;
                    bar.set_length(total);
                    bar.set_position(items(|c| &c.items_done) - done_before);
                }
                tokio::time::sleep(Duration::from_millis(if shown { 100 } else { 250 })).await;
            }
        });
        Progress { running: Some((bar, task)) }
    }
}

/// One item counter summed over the API families (profile_llm, embed).
fn items(counter: impl Fn(&Counters) -> &std::sync::atomic::AtomicU64) -> u64 {
    [&LLM, &EMBED].iter().map(|c| counter(c).load(Ordering::Relaxed)).sum()
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some((bar, task)) = self.running.take() {
            task.abort();
            bar.finish_and_clear();
        }
    }
}
