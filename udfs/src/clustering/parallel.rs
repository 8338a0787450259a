//! Work split over threads for the functions that process a whole partition (k-means, UMAP,
//! PCA, silhouette), capped by `fansql.threads`.
//!
//! Rows are cut into chunks of a fixed size, whatever the number of threads, and per-chunk
//! results are combined in chunk order: sums come out bit for bit the same on 1 or 16 threads,
//! so a seed gives the same clusters on every machine.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Rows per chunk.
pub const CHUNK_ROWS: usize = 1024;

/// `fansql.threads` as last applied (0 = every core).
static THREADS_SETTING: AtomicUsize = AtomicUsize::new(0);

pub fn set_threads(setting: usize) {
    THREADS_SETTING.store(setting, Ordering::Relaxed);
}

/// Threads to use: `fansql.threads`, or every core when it is 0.
pub fn threads() -> usize {
    match THREADS_SETTING.load(Ordering::Relaxed) {
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
        let sums = map_chunks(ranges, |_, r| r.sum::<usize>());
        assert_eq!(sums.iter().sum::<usize>(), (0..5000).sum::<usize>());
        assert_eq!(sums[0], (0..1024).sum::<usize>());
    }
}
