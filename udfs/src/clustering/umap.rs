//! UMAP (McInnes, Healy & Melville 2018), following umap-learn's algorithm and defaults:
//!
//! 1. The `n_neighbors` nearest neighbours of every row (each row counts as its own first
//!    neighbour), exact: all distances by blocked matrix products (`matrixmultiply`), split over
//!    threads. O(rows² · dim). umap-learn switches to approximate NN-descent above 4,096 rows;
//!    exact neighbours are never worse.
//! 2. The fuzzy simplicial set: per row, ρ = distance to the nearest other row and σ found by
//!    binary search so that Σ exp(−(d − ρ)/σ) = log₂(k); memberships exp(−(d − ρ)/σ),
//!    symmetrized by fuzzy union (a + b − a·b); edges below max/n_epochs dropped.
//! 3. Initial layout: the first principal components (documented alternative to umap-learn's
//!    spectral init, which needs a sparse eigensolver), scaled so the largest coordinate is 10,
//!    plus 1e-4 noise, then each coordinate rescaled to [0, 10] as umap-learn does.
//! 4. Layout by SGD over the edges, each sampled in proportion to its weight, with
//!    `negative_sample_rate` = 5 random repulsions per attraction, learning rate 1 decaying
//!    linearly, gradients clipped to ±4, a and b fitted to `min_dist` and `spread`; 500 epochs
//!    up to 10,000 rows, else 200. The repulsions of one attraction push from the same head
//!    position and are summed (umap-learn applies each before drawing the next); the gradient
//!    coefficients come from interpolated tables instead of a `powf` and a division each. One
//!    thread, seeded: the same seed gives the same layout.
//!    Points are fixed-size arrays (one compiled loop per n_components), so the inner loops unroll.
//!
//! No maintained Rust crate implements UMAP with umap-learn's behaviour (the few that exist are
//! unmaintained or wrap Python), hence this module.

use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::matrix::{dot, Matrix};
use super::parallel::{chunk_ranges, map_chunks};
use super::pca::principal_components;

pub const DEFAULT_N_NEIGHBORS: usize = 15;
pub const DEFAULT_MIN_DIST: f64 = 0.1;
const SPREAD: f64 = 1.0;
const NEGATIVE_SAMPLE_RATE: usize = 5;
const REPULSION_STRENGTH: f32 = 1.0;
const INITIAL_ALPHA: f32 = 1.0;
const GRADIENT_CLIP: f32 = 4.0;
/// Candidate rows whose dot products with a chunk of query rows are computed at once (1,024 ×
/// 1,024 floats: 4 MiB per thread).
const CANDIDATE_BLOCK: usize = 1024;

#[derive(Debug, Clone, Copy)]
pub struct UmapOptions {
    pub n_components: usize,
    pub n_neighbors: usize,
    pub min_dist: f64,
    pub seed: u64,
}

/// The `k` nearest rows of every row (itself first), as (indexes, distances), row-major n × k.
///
/// Squared distances come from ‖q‖² + ‖c‖² − 2 q·c, the dot products of a chunk of query rows
/// against a block of candidate rows computed as one matrix product (`matrixmultiply`'s
/// register-blocked SGEMM, which reuses each loaded vector across many pairs; a per-pair dot
/// product reloads both vectors every time and is several times slower).
pub fn nearest_neighbors(m: &Matrix, k: usize) -> (Vec<u32>, Vec<f32>) {
    let norms: Vec<f32> = (0..m.rows).map(|i| dot(m.row(i), m.row(i))).collect();
    let per_chunk = map_chunks(chunk_ranges(m.rows), |_, queries| {
        // Per query: the best k so far as (squared distance, index), sorted ascending.
        let mut best: Vec<Vec<(f32, u32)>> = vec![Vec::with_capacity(k + 1); queries.len()];
        let mut dots = vec![0f32; queries.len() * CANDIDATE_BLOCK];
        for block_start in (0..m.rows).step_by(CANDIDATE_BLOCK) {
            let width = CANDIDATE_BLOCK.min(m.rows - block_start);
            query_dots(m, queries.clone(), block_start..block_start + width, &mut dots);
            for (slot, q) in queries.clone().enumerate() {
                let list = &mut best[slot];
                for (offset, &product) in dots[slot * width..(slot + 1) * width].iter().enumerate() {
                    let j = block_start + offset;
                    let d = if q == j { 0.0 } else { (norms[q] + norms[j] - 2.0 * product).max(0.0) };
                    if list.len() < k || d < list[list.len() - 1].0 {
                        let at = list.partition_point(|&(e, idx)| e < d || (e == d && idx < j as u32));
                        list.insert(at, (d, j as u32));
                        list.truncate(k);
                    }
                }
            }
        }
        let mut indexes = Vec::with_capacity(queries.len() * k);
        let mut distances = Vec::with_capacity(queries.len() * k);
        for (mut list, q) in best.into_iter().zip(queries) {
            // The row itself first, whatever ties say.
            if let Some(own) = list.iter().position(|&(_, idx)| idx == q as u32) {
                let entry = list.remove(own);
                list.insert(0, (0.0, entry.1));
            }
            for (d, idx) in list {
                indexes.push(idx);
                distances.push(d.sqrt());
            }
        }
        (indexes, distances)
    });
    let mut indexes = Vec::with_capacity(m.rows * k);
    let mut distances = Vec::with_capacity(m.rows * k);
    for (i, d) in per_chunk {
        indexes.extend(i);
        distances.extend(d);
    }
    (indexes, distances)
}

/// `out[q][c]` = row q · row c for the query and candidate ranges, row-major
/// (queries × candidates).
fn query_dots(m: &Matrix, queries: std::ops::Range<usize>, candidates: std::ops::Range<usize>, out: &mut [f32]) {
    let (rows, cols, dim) = (queries.len(), candidates.len(), m.dim);
    assert!(queries.end <= m.rows && candidates.end <= m.rows && out.len() >= rows * cols);
    // SAFETY: A is the `rows` × `dim` block of query rows (row stride dim), B the `dim` × `cols`
    // transpose of the candidate rows (column stride dim), C the first rows × cols of `out`;
    // the assertion above keeps every element of the three inside its buffer.
    unsafe {
        matrixmultiply::sgemm(
            rows,
            dim,
            cols,
            1.0,
            m.data.as_ptr().add(queries.start * dim),
            dim as isize,
            1,
            m.data.as_ptr().add(candidates.start * dim),
            1,
            dim as isize,
            0.0,
            out.as_mut_ptr(),
            cols as isize,
            1,
        );
    }
}

/// ρ and σ of every row (umap-learn's `smooth_knn_dist`, local_connectivity 1, bandwidth 1).
fn smooth_distances(distances: &[f32], k: usize) -> (Vec<f64>, Vec<f64>) {
    let rows = distances.len() / k;
    let target = (k as f64).log2();
    let mean_all = distances.iter().map(|&d| f64::from(d)).sum::<f64>() / distances.len().max(1) as f64;
    let mut rhos = Vec::with_capacity(rows);
    let mut sigmas = Vec::with_capacity(rows);
    for i in 0..rows {
        let row = &distances[i * k..(i + 1) * k];
        let rho = row.iter().map(|&d| f64::from(d)).find(|&d| d > 0.0).unwrap_or(0.0);
        let (mut lo, mut hi, mut mid) = (0.0f64, f64::INFINITY, 1.0f64);
        for _ in 0..64 {
            let psum: f64 = row[1..]
                .iter()
                .map(|&d| {
                    let d = f64::from(d) - rho;
                    if d > 0.0 {
                        (-d / mid).exp()
                    } else {
                        1.0
                    }
                })
                .sum();
            if (psum - target).abs() < 1e-5 {
                break;
            }
            if psum > target {
                hi = mid;
                mid = (lo + hi) / 2.0;
            } else {
                lo = mid;
                mid = if hi.is_infinite() { mid * 2.0 } else { (lo + hi) / 2.0 };
            }
        }
        let mean_row = row.iter().map(|&d| f64::from(d)).sum::<f64>() / k as f64;
        let floor = 1e-3 * if rho > 0.0 { mean_row } else { mean_all };
        rhos.push(rho);
        sigmas.push(mid.max(floor));
    }
    (rhos, sigmas)
}

/// The symmetric fuzzy graph as edges (head, tail, weight), both directions, sorted.
fn fuzzy_graph(indexes: &[u32], distances: &[f32], k: usize) -> Vec<(u32, u32, f32)> {
    let (rhos, sigmas) = smooth_distances(distances, k);
    let rows = indexes.len() / k;
    let mut directed: Vec<(u32, u32, f32)> = Vec::with_capacity(rows * k);
    for i in 0..rows {
        for n in 0..k {
            let j = indexes[i * k + n];
            if j as usize == i {
                continue;
            }
            let d = f64::from(distances[i * k + n]) - rhos[i];
            let w = if d <= 0.0 || sigmas[i] == 0.0 { 1.0 } else { (-d / sigmas[i]).exp() };
            directed.push((i as u32, j, w as f32));
        }
    }
    // Fuzzy union: w(i,j) + w(j,i) − w(i,j)·w(j,i), for both directions.
    let mut both: Vec<(u32, u32, f32)> = directed.iter().flat_map(|&(i, j, w)| [(i, j, w), (j, i, -w)]).collect();
    both.sort_by_key(|&(i, j, _)| (i, j));
    let mut edges = Vec::with_capacity(both.len());
    let mut at = 0;
    while at < both.len() {
        let (i, j) = (both[at].0, both[at].1);
        let (mut forward, mut backward) = (0f32, 0f32);
        while at < both.len() && both[at].0 == i && both[at].1 == j {
            let w = both[at].2;
            if w >= 0.0 {
                forward = forward.max(w);
            } else {
                backward = backward.max(-w);
            }
            at += 1;
        }
        let union = forward + backward - forward * backward;
        if union > 0.0 {
            edges.push((i, j, union));
        }
    }
    edges
}

/// a and b of the curve 1 / (1 + a·d^(2b)) closest (least squares) to 1 below `min_dist` and
/// exp(−(d − min_dist)/spread) above, on 300 points in [0, 3·spread] (umap-learn's
/// `find_ab_params`), by damped Gauss-Newton.
pub fn fit_ab(min_dist: f64, spread: f64) -> (f64, f64) {
    let xs: Vec<f64> = (0..300).map(|i| 3.0 * spread * i as f64 / 299.0).collect();
    let ys: Vec<f64> = xs.iter().map(|&x| if x < min_dist { 1.0 } else { (-(x - min_dist) / spread).exp() }).collect();
    let error = |a: f64, b: f64| -> f64 {
        xs.iter().zip(&ys).map(|(&x, &y)| (1.0 / (1.0 + a * x.powf(2.0 * b)) - y).powi(2)).sum()
    };
    let (mut a, mut b, mut lambda) = (1.0f64, 1.0f64, 1e-3f64);
    let mut current = error(a, b);
    for _ in 0..500 {
        // Normal equations of the linearized problem.
        let (mut jaa, mut jab, mut jbb, mut ga, mut gb) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for (&x, &y) in xs.iter().zip(&ys) {
            if x <= 0.0 {
                continue;
            }
            let p = x.powf(2.0 * b);
            let g = 1.0 / (1.0 + a * p);
            let r = g - y;
            let da = -p * g * g;
            let db = -a * p * 2.0 * x.ln() * g * g;
            jaa += da * da;
            jab += da * db;
            jbb += db * db;
            ga += da * r;
            gb += db * r;
        }
        let (haa, hbb) = (jaa * (1.0 + lambda), jbb * (1.0 + lambda));
        let det = haa * hbb - jab * jab;
        if det.abs() < 1e-300 {
            break;
        }
        let step_a = -(hbb * ga - jab * gb) / det;
        let step_b = -(haa * gb - jab * ga) / det;
        let candidate = error(a + step_a, b + step_b);
        if candidate < current {
            a += step_a;
            b += step_b;
            let improvement = current - candidate;
            current = candidate;
            lambda *= 0.3;
            if improvement < 1e-14 {
                break;
            }
        } else {
            lambda *= 10.0;
        }
    }
    (a, b)
}

/// The initial layout: principal components scaled to a largest coordinate of 10, with a little
/// noise, then each coordinate rescaled to [0, 10].
fn initial_layout(m: &Matrix, components: usize, rng: &mut ChaCha8Rng) -> Vec<f32> {
    // Vectors shorter than the layout (or fewer rows) give fewer components: the rest start random.
    let kept = components.min(m.dim).min(m.rows);
    let scores = principal_components(m, kept, 0);
    let mut layout: Vec<f32> = (0..m.rows)
        .flat_map(|i| (0..components).map(move |c| (i, c)))
        .map(|(i, c)| if c < kept { scores[i * kept + c] } else { rng.random::<f32>() * 2.0 - 1.0 })
        .collect();
    let largest = layout.iter().fold(0f32, |a, &x| a.max(x.abs()));
    let expansion = if largest > 0.0 { 10.0 / largest } else { 1.0 };
    for x in layout.iter_mut() {
        *x = *x * expansion + (rng.random::<f32>() - 0.5) * 2e-4;
    }
    for c in 0..components {
        let column = layout.iter().skip(c).step_by(components);
        let (lo, hi) = column.fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &x| (lo.min(x), hi.max(x)));
        let range = if hi > lo { hi - lo } else { 1.0 };
        for x in layout.iter_mut().skip(c).step_by(components) {
            *x = 10.0 * (*x - lo) / range;
        }
    }
    layout
}

/// A function of the squared layout distance as a table: linear interpolation in 64 steps per
/// octave of its argument from 2^-40 to 2^24 (relative error about 1e-4 for the gradient curves
/// here), computed directly outside that range. The SGD evaluates some 3 · 10^8 gradient
/// coefficients, each a `powf` and a division when computed; a table look-up is a few
/// instructions and two loads from 33 KiB that stay in the L1 cache.
struct Curve<F: Fn(f32) -> f32> {
    values: Vec<f32>,
    exact: F,
}

const CURVE_MIN_EXPONENT: i32 = -40;
const CURVE_MAX_EXPONENT: i32 = 24;
const CURVE_STEP_BITS: u32 = 6;
const CURVE_FRACTION_BITS: u32 = 23 - CURVE_STEP_BITS;

impl<F: Fn(f32) -> f32> Curve<F> {
    fn new(exact: F) -> Self {
        let steps = 1usize << CURVE_STEP_BITS;
        let values = (CURVE_MIN_EXPONENT..CURVE_MAX_EXPONENT)
            .flat_map(|e| (0..=steps).map(move |k| 2f64.powi(e) * (1.0 + k as f64 / steps as f64)))
            .map(|x| exact(x as f32))
            .collect();
        Self { values, exact }
    }

    /// The function at a positive `x`.
    #[inline(always)]
    fn at(&self, x: f32) -> f32 {
        let bits = x.to_bits();
        let exponent = (bits >> 23) as i32 - 127;
        if !(CURVE_MIN_EXPONENT..CURVE_MAX_EXPONENT).contains(&exponent) {
            return (self.exact)(x);
        }
        // x = 2^exponent · (1 + (step + fraction) / 64).
        let mantissa = bits & 0x7f_ffff;
        let step = (mantissa >> CURVE_FRACTION_BITS) as usize;
        let fraction = (mantissa & ((1 << CURVE_FRACTION_BITS) - 1)) as f32 / (1u32 << CURVE_FRACTION_BITS) as f32;
        let at = (exponent - CURVE_MIN_EXPONENT) as usize * ((1 << CURVE_STEP_BITS) + 1) + step;
        let (low, high) = (self.values[at], self.values[at + 1]);
        low + (high - low) * fraction
    }
}

fn clip(x: f32) -> f32 {
    x.clamp(-GRADIENT_CLIP, GRADIENT_CLIP)
}

/// Squared distance of two points of a D-dimensional layout.
fn layout_distance<const D: usize>(x: &[f32; D], y: &[f32; D]) -> f32 {
    x.iter().zip(y).map(|(a, b)| (a - b) * (a - b)).sum()
}

fn point<const D: usize>(layout: &[f32], i: usize) -> [f32; D] {
    let mut p = [0f32; D];
    p.copy_from_slice(&layout[i * D..(i + 1) * D]);
    p
}

/// What the SGD needs beside the layout.
struct Graph<'a> {
    edges: &'a [(u32, u32, f32)],
    epochs_per_sample: Vec<f32>,
    n_epochs: usize,
    a: f32,
    b: f32,
}

/// The SGD of the layout, with points as D-element arrays so that the inner loops are unrolled.
fn optimize_layout<const D: usize>(layout: &mut [f32], graph: &Graph, rng: &mut ChaCha8Rng) {
    let n = layout.len() / D;
    let (a, b) = (graph.a, graph.b);
    // The gradient coefficients of umap-learn's attraction and repulsion.
    let attraction_at = Curve::new(|d2: f32| -2.0 * a * b * d2.powf(b - 1.0) / (a * d2.powf(b) + 1.0));
    let repulsion_at = Curve::new(|d2: f32| 2.0 * REPULSION_STRENGTH * b / ((0.001 + d2) * (a * d2.powf(b) + 1.0)));
    let epochs_per_negative: Vec<f32> =
        graph.epochs_per_sample.iter().map(|e| e / NEGATIVE_SAMPLE_RATE as f32).collect();
    let mut next_sample = graph.epochs_per_sample.clone();
    let mut next_negative = epochs_per_negative.clone();
    for epoch in 0..graph.n_epochs {
        let alpha = INITIAL_ALPHA * (1.0 - epoch as f32 / graph.n_epochs as f32);
        let epoch_f = epoch as f32;
        for (e, &(head, tail, _)) in graph.edges.iter().enumerate() {
            if next_sample[e] > epoch_f {
                continue;
            }
            let (j, t) = (head as usize, tail as usize);
            let mut current = point::<D>(layout, j);
            let mut other = point::<D>(layout, t);
            let dist_sq = layout_distance(&current, &other);
            let attraction = if dist_sq > 0.0 { attraction_at.at(dist_sq) } else { 0.0 };
            for d in 0..D {
                let grad = clip(attraction * (current[d] - other[d])) * alpha;
                current[d] += grad;
                other[d] -= grad;
            }
            layout[t * D..(t + 1) * D].copy_from_slice(&other);
            next_sample[e] += graph.epochs_per_sample[e];

            let negatives = ((epoch_f - next_negative[e]) / epochs_per_negative[e]).floor().max(0.0) as usize;
            // The repulsions all push from the head's position after the attraction and are
            // summed, so they do not wait on each other. (umap-learn moves the head after each;
            // the layouts are alike.)
            let mut push = [0f32; D];
            for _ in 0..negatives {
                // A uniform row by multiply-shift rather than a 64-bit division.
                let s = ((u64::from(rng.next_u32()) * n as u64) >> 32) as usize;
                if s == j {
                    continue;
                }
                let sample = point::<D>(layout, s);
                let dist_sq = layout_distance(&current, &sample);
                let repulsion = if dist_sq > 0.0 { Some(repulsion_at.at(dist_sq)) } else { None };
                for d in 0..D {
                    let grad = match repulsion {
                        Some(r) => clip(r * (current[d] - sample[d])),
                        None => GRADIENT_CLIP,
                    };
                    push[d] += grad * alpha;
                }
            }
            for d in 0..D {
                current[d] += push[d];
            }
            next_negative[e] += negatives as f32 * epochs_per_negative[e];
            layout[j * D..(j + 1) * D].copy_from_slice(&current);
        }
    }
}

/// A UMAP layout of the rows of `m`: rows × n_components, row-major. `m` needs at least two rows
/// and n_components must be 1 to 16 (the `umap` function checks both).
pub fn umap(m: &Matrix, options: &UmapOptions) -> Vec<f32> {
    let n = m.rows;
    let dim = options.n_components;
    let k = options.n_neighbors.min(n);
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let (indexes, distances) = nearest_neighbors(m, k);
    let n_epochs = if n <= 10_000 { 500 } else { 200 };
    let mut edges = fuzzy_graph(&indexes, &distances, k);
    let max_weight = edges.iter().fold(0f32, |a, e| a.max(e.2));
    edges.retain(|e| e.2 >= max_weight / n_epochs as f32);
    let mut layout = initial_layout(m, dim, &mut rng);
    if edges.is_empty() {
        return layout;
    }
    let (a, b) = fit_ab(options.min_dist, SPREAD);
    let graph = Graph {
        epochs_per_sample: edges.iter().map(|e| max_weight / e.2).collect(),
        edges: &edges,
        n_epochs,
        a: a as f32,
        b: b as f32,
    };
    macro_rules! optimize_for {
        ($($d:literal)*) => {
            match dim {
                $($d => optimize_layout::<$d>(&mut layout, &graph, &mut rng),)*
                _ => unreachable!("umap checks n_components is 1 to 16"),
            }
        };
    }
    optimize_for!(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16);
    layout
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_umap_learns_a_and_b() {
        // umap-learn's find_ab_params(1.0, 0.1) = (1.5769434, 0.8950609).
        let (a, b) = fit_ab(0.1, 1.0);
        assert!((a - 1.5769).abs() < 2e-3 && (b - 0.8951).abs() < 2e-3, "a = {a}, b = {b}");
    }

    #[test]
    fn curve_tables_match_the_computed_curves() {
        let (a, b) = (1.576_943_5f32, 0.895_060_9f32);
        let repulsion = |d2: f32| 2.0 * b / ((0.001 + d2) * (a * d2.powf(b) + 1.0));
        let table = Curve::new(repulsion);
        let mut x = 1e-14f32;
        while x < 1e9 {
            let (looked_up, computed) = (table.at(x), repulsion(x));
            assert!(((looked_up - computed) / computed).abs() < 3e-4, "at {x}: {looked_up} vs {computed}");
            x *= 1.013;
        }
    }

    #[test]
    fn exact_neighbours_put_each_row_first() {
        let m = Matrix::from_rows(&[vec![0.0, 0.0], vec![1.0, 0.0], vec![3.0, 0.0], vec![3.0, 1.0]]);
        let (indexes, distances) = nearest_neighbors(&m, 3);
        assert_eq!(&indexes[0..3], &[0, 1, 2]);
        assert_eq!(&indexes[9..12], &[3, 2, 1]);
        assert!((distances[11] - 5f32.sqrt()).abs() < 1e-6);
    }

    #[test]
    fn separated_groups_stay_separated_and_layouts_repeat() {
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        let rows: Vec<Vec<f32>> = (0..300)
            .map(|i| {
                let offset = if i < 150 { 0.0 } else { 20.0 };
                (0..8).map(|_| offset + rng.random::<f32>()).collect()
            })
            .collect();
        let m = Matrix::from_rows(&rows);
        let options = UmapOptions { n_components: 2, n_neighbors: 10, min_dist: 0.1, seed: 3 };
        let layout = umap(&m, &options);
        assert_eq!(layout, umap(&m, &options), "same seed, same layout");
        let centroid = |range: std::ops::Range<usize>| {
            let n = range.len() as f32;
            range.fold((0f32, 0f32), |(x, y), i| (x + layout[2 * i] / n, y + layout[2 * i + 1] / n))
        };
        let (a, b) = (centroid(0..150), centroid(150..300));
        let gap = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
        let spread = (0..150)
            .map(|i| ((layout[2 * i] - a.0).powi(2) + (layout[2 * i + 1] - a.1).powi(2)).sqrt())
            .fold(0f32, f32::max);
        assert!(gap > 2.0 * spread, "groups overlap: gap {gap}, spread {spread}");
    }
}
