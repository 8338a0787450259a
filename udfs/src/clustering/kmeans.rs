//! k-means: greedy k-means++ seeding (as scikit-learn does it: 2 + ln k candidates per center,
//! the one that lowers the potential most is kept), then Lloyd iterations accelerated with
//! Hamerly's bounds, `n_init` restarts keeping the lowest inertia.
//!
//! Written here rather than taken from linfa: linfa-clustering's KMeans works in f64 on ndarray
//! with plain Lloyd steps, several times slower than scikit-learn on 100,000 × 1,024 float32
//! embeddings, while the target is twice as fast. Hamerly's algorithm keeps, per point, an upper
//! bound on the distance to its center and a lower bound on the distance to any other; once the
//! centers settle, most points are confirmed without computing a single distance. Distances are
//! computed in f32 with vectorized kernels, center sums in f64.
//!
//! Convergence as scikit-learn: stop when no label changes, or when the centers' total squared
//! movement is at most `tol` × the mean variance of the features, or after `max_iter`
//! iterations; a final exact pass assigns every point to its nearest final center.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::matrix::{squared_distance, Matrix};
use super::parallel::{chunk_ranges, map_chunks};

pub const DEFAULT_N_INIT: usize = 10;
pub const DEFAULT_MAX_ITER: usize = 300;
pub const DEFAULT_TOL: f64 = 1e-4;

#[derive(Debug, Clone, Copy)]
pub struct KMeansOptions {
    pub k: usize,
    pub seed: u64,
    pub n_init: usize,
    pub max_iter: usize,
    pub tol: f64,
}

impl KMeansOptions {
    pub fn new(k: usize, seed: u64, n_init: usize) -> Self {
        Self { k, seed, n_init, max_iter: DEFAULT_MAX_ITER, tol: DEFAULT_TOL }
    }
}

#[derive(Debug, Clone)]
pub struct KMeansResult {
    /// Cluster of each matrix row: 0 is the largest cluster, then by size (ties: the cluster
    /// whose first row comes first).
    pub labels: Vec<usize>,
    /// Euclidean distance of each row to its cluster's center.
    pub distances: Vec<f32>,
    /// Centers, row-major, in label order.
    pub centers: Vec<f32>,
    /// Sum of squared distances to the centers.
    pub inertia: f64,
    pub iterations: usize,
}

/// Clusters the rows of `m` (which must have at least `k` rows, `k` ≥ 1).
pub fn kmeans(m: &Matrix, options: &KMeansOptions) -> KMeansResult {
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let tol_abs = options.tol * mean_variance(m);
    let mut best: Option<KMeansResult> = None;
    for _ in 0..options.n_init.max(1) {
        let run_seed: u64 = rng.random();
        let result = run_once(m, options.k, run_seed, tol_abs, options.max_iter);
        if best.as_ref().is_none_or(|b| result.inertia < b.inertia) {
            best = Some(result);
        }
    }
    let best = best.unwrap_or_else(|| run_once(m, options.k, options.seed, tol_abs, options.max_iter));
    relabel_by_size(best, m.dim)
}

/// Mean over features of the variance of each feature (sums per chunk, combined in chunk order).
fn mean_variance(m: &Matrix) -> f64 {
    if m.rows == 0 || m.dim == 0 {
        return 0.0;
    }
    let partials = map_chunks(chunk_ranges(m.rows), |_, range| {
        let mut sums = vec![0f64; m.dim];
        let mut squares = vec![0f64; m.dim];
        for i in range {
            for ((s, q), &x) in sums.iter_mut().zip(squares.iter_mut()).zip(m.row(i)) {
                *s += f64::from(x);
                *q += f64::from(x) * f64::from(x);
            }
        }
        (sums, squares)
    });
    let mut sums = vec![0f64; m.dim];
    let mut squares = vec![0f64; m.dim];
    for (partial_sums, partial_squares) in partials {
        sums.iter_mut().zip(partial_sums).for_each(|(s, p)| *s += p);
        squares.iter_mut().zip(partial_squares).for_each(|(q, p)| *q += p);
    }
    let n = m.rows as f64;
    sums.iter().zip(&squares).map(|(s, q)| (q / n - (s / n) * (s / n)).max(0.0)).sum::<f64>() / m.dim as f64
}

/// Greedy k-means++ seeding.
fn seed_centers(m: &Matrix, k: usize, rng: &mut ChaCha8Rng) -> Vec<f32> {
    let trials = 2 + (k as f64).ln().floor() as usize;
    let first = rng.random_range(0..m.rows);
    let mut centers = m.row(first).to_vec();
    let mut closest: Vec<f64> = distances_to(m, &[first]).swap_remove(0);
    let mut potential: f64 = closest.iter().sum();
    for _ in 1..k {
        let candidates: Vec<usize> = (0..trials)
            .map(|_| {
                let target = rng.random::<f64>() * potential;
                let mut running = 0.0;
                closest
                    .iter()
                    .position(|&d| {
                        running += d;
                        running > target
                    })
                    .unwrap_or(m.rows - 1)
            })
            .collect();
        let mut best: Option<(f64, usize, Vec<f64>)> = None;
        for (candidate, distances) in candidates.iter().copied().zip(distances_to(m, &candidates)) {
            let updated: Vec<f64> = distances.iter().zip(&closest).map(|(d, c)| d.min(*c)).collect();
            let candidate_potential: f64 = updated.iter().sum();
            if best.as_ref().is_none_or(|(p, _, _)| candidate_potential < *p) {
                best = Some((candidate_potential, candidate, updated));
            }
        }
        if let Some((p, candidate, updated)) = best {
            centers.extend_from_slice(m.row(candidate));
            closest = updated;
            potential = p;
        }
    }
    centers
}

/// Squared distance of every row to each of the rows `points`, in one pass over the matrix (a
/// pass per point would read the whole matrix from memory once per candidate).
fn distances_to(m: &Matrix, points: &[usize]) -> Vec<Vec<f64>> {
    let per_chunk = map_chunks(chunk_ranges(m.rows), |_, range| {
        let mut chunk: Vec<Vec<f64>> = vec![Vec::with_capacity(range.len()); points.len()];
        for i in range {
            for (out, &p) in chunk.iter_mut().zip(points) {
                out.push(f64::from(squared_distance(m.row(i), m.row(p))));
            }
        }
        chunk
    });
    (0..points.len()).map(|p| per_chunk.iter().flat_map(|chunk| chunk[p].iter().copied()).collect()).collect()
}

/// Per-point state of Hamerly's algorithm.
struct Bounds<'a> {
    labels: &'a mut [usize],
    upper: &'a mut [f32],
    lower: &'a mut [f32],
}

/// Nearest and second-nearest center of `x`: (label, distance, second distance).
fn nearest_two(x: &[f32], centers: &[f32], k: usize, dim: usize) -> (usize, f32, f32) {
    let (mut best, mut d1, mut d2) = (0, f32::INFINITY, f32::INFINITY);
    for c in 0..k {
        let d = squared_distance(x, &centers[c * dim..(c + 1) * dim]);
        if d < d1 {
            d2 = d1;
            d1 = d;
            best = c;
        } else if d < d2 {
            d2 = d;
        }
    }
    (best, d1.sqrt(), d2.sqrt())
}

fn run_once(m: &Matrix, k: usize, seed: u64, tol_abs: f64, max_iter: usize) -> KMeansResult {
    let dim = m.dim;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut centers = seed_centers(m, k, &mut rng);
    let mut labels = vec![0usize; m.rows];
    let mut upper = vec![0f32; m.rows];
    let mut lower = vec![0f32; m.rows];
    // Exact first assignment.
    assign(m, &centers, k, &mut labels, &mut upper, &mut lower, Check::All);

    let mut iterations = 0;
    for _ in 0..max_iter {
        iterations += 1;
        let new_centers = update_centers(m, &labels, &upper, k, &centers);
        let moves: Vec<f32> = (0..k)
            .map(|c| squared_distance(&centers[c * dim..(c + 1) * dim], &new_centers[c * dim..(c + 1) * dim]).sqrt())
            .collect();
        centers = new_centers;
        // Bounds after the move: upper grows by the own center's move, lower shrinks by the
        // largest move of any other center.
        let (first, second) = largest_two(&moves);
        for i in 0..m.rows {
            upper[i] += moves[labels[i]];
            lower[i] -= if labels[i] == first.0 { second.1 } else { first.1 };
        }
        let shift: f64 = moves.iter().map(|p| f64::from(*p) * f64::from(*p)).sum();
        if shift <= tol_abs {
            break;
        }
        let changed =
            assign(m, &centers, k, &mut labels, &mut upper, &mut lower, Check::Bounds(half_gaps(&centers, k, dim)));
        if changed == 0 {
            break;
        }
    }
    // Last pass against the final centers: every point's exact distance to its own center, and
    // the other centers only where the bounds cannot rule them out.
    assign(
        m,
        &centers,
        k,
        &mut labels,
        &mut upper,
        &mut lower,
        Check::BoundsExactDistance(half_gaps(&centers, k, dim)),
    );
    let inertia = upper.iter().map(|d| f64::from(*d) * f64::from(*d)).sum();
    KMeansResult { labels, distances: upper, centers, inertia, iterations }
}

/// The largest and second-largest moves, as (center, move).
fn largest_two(moves: &[f32]) -> ((usize, f32), (usize, f32)) {
    let mut first = (0, f32::NEG_INFINITY);
    let mut second = (0, 0f32);
    for (c, &p) in moves.iter().enumerate() {
        if p > first.1 {
            second = first;
            first = (c, p);
        } else if p > second.1 {
            second = (c, p);
        }
    }
    (first, (second.0, second.1.max(0.0)))
}

/// Half the distance from each center to its nearest other center.
fn half_gaps(centers: &[f32], k: usize, dim: usize) -> Vec<f32> {
    (0..k)
        .map(|a| {
            (0..k)
                .filter(|&b| b != a)
                .map(|b| squared_distance(&centers[a * dim..(a + 1) * dim], &centers[b * dim..(b + 1) * dim]).sqrt())
                .fold(f32::INFINITY, f32::min)
                * 0.5
        })
        .collect()
}

/// Which points an assignment step examines.
enum Check {
    /// Every point against every center.
    All,
    /// Hamerly, with half the distance of each center to its nearest other: a point is
    /// re-examined only when its upper bound passes max(half gap of its center, its lower bound).
    Bounds(Vec<f32>),
    /// As `Bounds`, but every point's upper bound is first made its exact distance to its center.
    BoundsExactDistance(Vec<f32>),
}

/// One assignment step. Returns how many labels changed.
fn assign(
    m: &Matrix,
    centers: &[f32],
    k: usize,
    labels: &mut [usize],
    upper: &mut [f32],
    lower: &mut [f32],
    check: Check,
) -> usize {
    let dim = m.dim;
    let ranges = chunk_ranges(m.rows);
    let states: Vec<(std::ops::Range<usize>, Bounds<'_>)> = ranges
        .iter()
        .cloned()
        .zip(labels.chunks_mut(super::parallel::CHUNK_ROWS))
        .zip(upper.chunks_mut(super::parallel::CHUNK_ROWS))
        .zip(lower.chunks_mut(super::parallel::CHUNK_ROWS))
        .map(|(((range, labels), upper), lower)| (range, Bounds { labels, upper, lower }))
        .collect();
    let changed = map_chunks(states, |_, (range, bounds)| {
        let mut changed = 0;
        for (local, i) in range.enumerate() {
            let x = m.row(i);
            let old = bounds.labels[local];
            let own_distance = || squared_distance(x, &centers[old * dim..(old + 1) * dim]).sqrt();
            match &check {
                Check::All => {}
                Check::Bounds(gaps) => {
                    let bound = gaps[old].max(bounds.lower[local]);
                    if bounds.upper[local] <= bound {
                        continue;
                    }
                    bounds.upper[local] = own_distance();
                    if bounds.upper[local] <= bound {
                        continue;
                    }
                }
                Check::BoundsExactDistance(gaps) => {
                    bounds.upper[local] = own_distance();
                    if bounds.upper[local] <= gaps[old].max(bounds.lower[local]) {
                        continue;
                    }
                }
            }
            let (label, d1, d2) = nearest_two(x, centers, k, dim);
            bounds.labels[local] = label;
            bounds.upper[local] = d1;
            bounds.lower[local] = d2;
            changed += usize::from(label != old);
        }
        changed
    });
    changed.iter().sum()
}

/// Centers as the means of their points (sums in f64, per chunk, combined in chunk order). An
/// empty cluster moves to the point farthest from its own center.
fn update_centers(m: &Matrix, labels: &[usize], upper: &[f32], k: usize, old: &[f32]) -> Vec<f32> {
    let dim = m.dim;
    let partials = map_chunks(chunk_ranges(m.rows), |_, range| {
        let mut sums = vec![0f64; k * dim];
        let mut counts = vec![0usize; k];
        for i in range {
            let c = labels[i];
            counts[c] += 1;
            for (s, &x) in sums[c * dim..(c + 1) * dim].iter_mut().zip(m.row(i)) {
                *s += f64::from(x);
            }
        }
        (sums, counts)
    });
    let mut sums = vec![0f64; k * dim];
    let mut counts = vec![0usize; k];
    for (partial_sums, partial_counts) in partials {
        sums.iter_mut().zip(partial_sums).for_each(|(s, p)| *s += p);
        counts.iter_mut().zip(partial_counts).for_each(|(c, p)| *c += p);
    }
    let mut centers = old.to_vec();
    let mut taken: Vec<usize> = Vec::new();
    for c in 0..k {
        let center = &mut centers[c * dim..(c + 1) * dim];
        if counts[c] > 0 {
            let n = counts[c] as f64;
            center.iter_mut().zip(&sums[c * dim..(c + 1) * dim]).for_each(|(x, s)| *x = (s / n) as f32);
        } else if let Some(far) =
            (0..m.rows).filter(|i| !taken.contains(i)).max_by(|&a, &b| upper[a].total_cmp(&upper[b]).then(b.cmp(&a)))
        {
            center.copy_from_slice(m.row(far));
            taken.push(far);
        }
    }
    centers
}

/// Renumbers clusters by size, largest first (ties: the cluster whose first row comes first).
fn relabel_by_size(result: KMeansResult, dim: usize) -> KMeansResult {
    let k = result.centers.len() / dim.max(1);
    let mut sizes = vec![0usize; k];
    let mut first_row = vec![usize::MAX; k];
    for (i, &c) in result.labels.iter().enumerate() {
        sizes[c] += 1;
        first_row[c] = first_row[c].min(i);
    }
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by(|&a, &b| sizes[b].cmp(&sizes[a]).then(first_row[a].cmp(&first_row[b])));
    let mut new_label = vec![0usize; k];
    for (new, &old) in order.iter().enumerate() {
        new_label[old] = new;
    }
    let centers = order.iter().flat_map(|&old| result.centers[old * dim..(old + 1) * dim].to_vec()).collect();
    KMeansResult { labels: result.labels.iter().map(|&c| new_label[c]).collect(), centers, ..result }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blobs() -> Matrix {
        // Three tight groups of different sizes on a line: 5 at 0, 3 at 10, 2 at 20.
        let mut rows = Vec::new();
        for (center, n) in [(0.0f32, 5), (10.0, 3), (20.0, 2)] {
            for j in 0..n {
                rows.push(vec![center + j as f32 * 0.1, 1.0]);
            }
        }
        Matrix::from_rows(&rows)
    }

    #[test]
    fn finds_hand_checkable_clusters_numbered_by_size() {
        let result = kmeans(&blobs(), &KMeansOptions::new(3, 42, 10));
        assert_eq!(result.labels, vec![0, 0, 0, 0, 0, 1, 1, 1, 2, 2]);
        // Centers 0.2, 10.1, 20.05; inertia = 0.1 + 0.02 + 0.005.
        assert!((result.centers[0] - 0.2).abs() < 1e-5 && (result.centers[2] - 10.1).abs() < 1e-5);
        assert!((result.inertia - 0.125).abs() < 1e-4, "{}", result.inertia);
        assert!((result.distances[0] - 0.2).abs() < 1e-5);
    }

    #[test]
    fn same_seed_same_answer_and_k_equal_to_rows() {
        let m = blobs();
        let a = kmeans(&m, &KMeansOptions::new(4, 7, 3));
        let b = kmeans(&m, &KMeansOptions::new(4, 7, 3));
        assert_eq!(a.labels, b.labels);
        assert_eq!(a.inertia, b.inertia);
        let every_row = kmeans(&m, &KMeansOptions::new(10, 1, 1));
        assert!(every_row.inertia < 1e-9);
        let one = kmeans(&m, &KMeansOptions::new(1, 1, 1));
        assert!(one.labels.iter().all(|&l| l == 0));
    }

    #[test]
    fn hamerly_matches_plain_lloyd_on_random_data() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let rows: Vec<Vec<f32>> = (0..3000).map(|_| (0..16).map(|_| rng.random::<f32>()).collect()).collect();
        let m = Matrix::from_rows(&rows);
        let result = kmeans(&m, &KMeansOptions::new(6, 11, 1));
        // Every point is at its nearest center.
        for i in 0..m.rows {
            let (label, d1, _) = nearest_two(m.row(i), &result.centers, 6, 16);
            assert!(
                (d1 - result.distances[i]).abs() < 1e-4
                    && (label == result.labels[i] || (d1 - result.distances[i]).abs() < 1e-6)
            );
        }
    }
}
