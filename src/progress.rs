//! A progress bar for long API-backed queries, drawn on a terminal from the counters the
//! functions keep (`fansql_udfs::api::spend`), not from DataFusion metrics. It appears only once
//! a query has items to send.

use std::sync::atomic::Ordering;
use std::time::Duration;

use fansql_udfs::api::spend::LLM;
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
        let total_before = LLM.items_total.load(Ordering::Relaxed);
        let done_before = LLM.items_done.load(Ordering::Relaxed);
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("profile_llm {bar:30} {pos}/{len} items  {per_sec}  eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        let drawn = bar.clone();
        let task = tokio::spawn(async move {
            let bar = drawn;
            let mut shown = false;
            loop {
                let total = LLM.items_total.load(Ordering::Relaxed) - total_before;
                if total > 0 {
                    shown = true;
                    bar.set_length(total);
                    bar.set_position(LLM.items_done.load(Ordering::Relaxed) - done_before);
                }
                tokio::time::sleep(Duration::from_millis(if shown { 100 } else { 250 })).await;
            }
        });
        Progress { running: Some((bar, task)) }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some((bar, task)) = self.running.take() {
            task.abort();
            bar.finish_and_clear();
        }
    }
}
