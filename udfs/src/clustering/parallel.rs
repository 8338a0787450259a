//! Work split over threads for the functions that process a whole partition (k-means, UMAP,
//! PCA, silhouette), capped by `fansql.threads`.
//!
//! The cap is the calling function's own setting (see `crate::run_settings`), set with
//! [`with_threads`] for the duration of one evaluation on the thread that runs it: the helpers
//! below read it there, so the algorithms need no thread count threaded through every call.
//!
//! Rows are cut into chunks of a fixed size, whatever the number of threads, and per-chunk
//! results are combined in chunk order: sums come out bit for bit the same on 1 or 16 threads,
//! so a seed gives the same clusters on every machine.

use std::cell::Cell;

/// Rows per chunk.
pub const CHUNK_ROWS: usize = 1024;

thread_local! {
    /// `fansql.threads` of the evaluation running on this thread (0 = every core).
    static THREADS_SETTING: Cell<usize> = const { Cell::new(0) };
}

/// Runs `work` with `setting` (`fansql.threads`, 0 = every core) as the thread cap of the
/// helpers below it calls on this thread.
pub fn with_threads<T>(setting: usize, work: impl FnOnce() -> T) -> T {
    /// Puts the previous setting back, also when `work` panics.
    struct Restore(usize);
    impl Drop for Restore {
        fn drop(&mut self) {
            THREADS_SETTING.set(self.0);
        }
    }
    let _restore = Restore(THREADS_SETTING.replace(setting));
    work()
}

/// Threads to use: the current `fansql.threads`, or every core when it is 0.
pub fn threads() -> usize {
    match THREADS_SETTING.get() {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
}

/// Runs `work(chunk_index, state)` for every chunk of mutable per-chunk `states` on up to
/// [`threads`] threads and returns the results in chunk order.
pub fn map_chunks<S: Send, T: Send>(states: Vec<S>, work: impl Fn(usize, S) -> T + Sync) -> Vec<T> {
    let threads = threads().min(states.len()).max(1);
    if threads == 1 {
        return states.into_iter().enumerate().map(|(i, s)| work(i, s)).collect();
    }
    let mut groups: Vec<Vec<(usize, S)>> = (0..threads).map(|_| Vec::new()).collect();
    for (i, state) in states.into_iter().enumerate() {
        groups[i % threads].push((i, state));
    }
    let mut results: Vec<(usize, T)> = std::thread::scope(|scope| {
        let handles: Vec<_> = groups
            .into_iter()
            .map(|group| {
                let work = &work;
                scope.spawn(move || group.into_iter().map(|(i, s)| (i, work(i, s))).collect::<Vec<_>>())
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, t)| t).collect()
}

/// The ranges of row indexes of each chunk of `rows` rows.
pub fn chunk_ranges(rows: usize) -> Vec<std::ops::Range<usize>> {
    (0..rows.div_ceil(CHUNK_ROWS)).map(|c| c * CHUNK_ROWS..((c + 1) * CHUNK_ROWS).min(rows)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_chunk_order() {
        let ranges = chunk_ranges(5000);
        assert_eq!(ranges.len(), 5);
        assert_eq!(ranges[4], 4096..5000);
        let sums = with_threads(2, || map_chunks(ranges, |_, r| r.sum::<usize>()));
        assert_eq!(sums.iter().sum::<usize>(), (0..5000).sum::<usize>());
        assert_eq!(sums[0], (0..1024).sum::<usize>());
    }

    #[test]
    fn the_setting_holds_inside_with_threads_only() {
        assert_eq!(with_threads(3, threads), 3);
        assert_eq!(with_threads(1, || with_threads(2, threads)), 2);
        assert_eq!(threads(), std::thread::available_parallelism().map_or(1, |n| n.get()));
    }
}
