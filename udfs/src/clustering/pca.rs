//! Principal components of a partition's vectors by subspace iteration: a few more directions
//! than asked are multiplied by the covariance (as Xᵀ(X q), never forming the d × d matrix),
//! re-orthonormalized, and finally rotated to the eigenvectors of the small projected problem
//! (Rayleigh–Ritz). Cost per iteration: 2 · rows · dim · (components + oversampling).
//!
//! Hand-written because linfa's PCA needs LAPACK (ndarray-linalg), which would need a system
//! BLAS in the build, and a full SVD of 100,000 × 1,024 is far more work than three components.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::matrix::{axpy, dot, Matrix};
use super::parallel::{chunk_ranges, map_chunks};

const OVERSAMPLING: usize = 6;
const ITERATIONS: usize = 25;

/// Column means of the rows (f64).
pub fn column_means(m: &Matrix) -> Vec<f64> {
    let partials = map_chunks(chunk_ranges(m.rows), |_, range| {
        let mut sums = vec![0f64; m.dim];
        for i in range {
            sums.iter_mut().zip(m.row(i)).for_each(|(s, &x)| *s += f64::from(x));
        }
        sums
    });
    let mut means = vec![0f64; m.dim];
    for partial in partials {
        means.iter_mut().zip(partial).for_each(|(s, p)| *s += p);
    }
    means.iter_mut().for_each(|s| *s /= m.rows.max(1) as f64);
    means
}

/// Orthonormalizes the columns of `q` in place: modified Gram-Schmidt, twice ("twice is
/// enough" for round-off). A column that is (numerically) in the span of the earlier ones, as
/// happens when the data has fewer dimensions than directions asked, becomes zero.
fn orthonormalize(q: &mut [Vec<f64>]) {
    for i in 0..q.len() {
        let original = q[i].iter().map(|a| a * a).sum::<f64>().sqrt();
        for _ in 0..2 {
            for j in 0..i {
                let (head, tail) = q.split_at_mut(i);
                let projection: f64 = tail[0].iter().zip(&head[j]).map(|(a, b)| a * b).sum();
                tail[0].iter_mut().zip(&head[j]).for_each(|(a, b)| *a -= projection * b);
            }
        }
        let norm = q[i].iter().map(|a| a * a).sum::<f64>().sqrt();
        let scale = if norm > 1e-9 * original.max(1e-300) { 1.0 / norm } else { 0.0 };
        q[i].iter_mut().for_each(|a| *a *= scale);
    }
}

/// Scores Y = (X − mean) Q: rows × p, row-major.
fn project(m: &Matrix, means: &[f64], q: &[Vec<f64>]) -> Vec<f64> {
    let p = q.len();
    let q32: Vec<Vec<f32>> = q.iter().map(|c| c.iter().map(|&x| x as f32).collect()).collect();
    let offsets: Vec<f64> = q.iter().map(|c| c.iter().zip(means).map(|(a, b)| a * b).sum()).collect();
    map_chunks(chunk_ranges(m.rows), |_, range| {
        let mut out = Vec::with_capacity(range.len() * p);
        for i in range {
            let x = m.row(i);
            out.extend(q32.iter().zip(&offsets).map(|(c, o)| f64::from(dot(x, c)) - o));
        }
        out
    })
    .concat()
}

/// Z = (X − mean)ᵀ Y: p columns of length dim. Each chunk of rows sums in f32 (vector
/// instructions, half the memory of f64), the chunks' sums are added in f64.
fn back_project(m: &Matrix, means: &[f64], y: &[f64], p: usize) -> Vec<Vec<f64>> {
    let partials = map_chunks(chunk_ranges(m.rows), |_, range| {
        let mut z = vec![0f32; p * m.dim];
        let mut y_sums = vec![0f64; p];
        for i in range {
            let x = m.row(i);
            for (c, column) in z.chunks_exact_mut(m.dim.max(1)).enumerate() {
                let w = y[i * p + c];
                y_sums[c] += w;
                axpy(w as f32, x, column);
            }
        }
        (z, y_sums)
    });
    let mut z = vec![vec![0f64; m.dim]; p];
    let mut y_sums = vec![0f64; p];
    for (partial, sums) in partials {
        for (column, part) in z.iter_mut().zip(partial.chunks_exact(m.dim.max(1))) {
            column.iter_mut().zip(part).for_each(|(s, &v)| *s += f64::from(v));
        }
        y_sums.iter_mut().zip(sums).for_each(|(s, v)| *s += v);
    }
    for (column, sum) in z.iter_mut().zip(y_sums) {
        column.iter_mut().zip(means).for_each(|(s, mean)| *s -= sum * mean);
    }
    z
}

/// Eigenvalues and eigenvectors (columns of `vectors`, row-major p × p) of a symmetric matrix,
/// by cyclic Jacobi rotations; sorted by eigenvalue, largest first.
fn symmetric_eigen(mut a: Vec<f64>, p: usize) -> (Vec<f64>, Vec<f64>) {
    let mut v: Vec<f64> = (0..p * p).map(|i| if i / p == i % p { 1.0 } else { 0.0 }).collect();
    for _ in 0..100 {
        let off: f64 = (0..p)
            .flat_map(|i| (0..p).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i * p + j].powi(2))
            .sum();
        if off < 1e-22 {
            break;
        }
        for i in 0..p {
            for j in i + 1..p {
                if a[i * p + j].abs() < 1e-300 {
                    continue;
                }
                let theta = (a[j * p + j] - a[i * p + i]) / (2.0 * a[i * p + j]);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..p {
                    let (aki, akj) = (a[k * p + i], a[k * p + j]);
                    a[k * p + i] = c * aki - s * akj;
                    a[k * p + j] = s * aki + c * akj;
                }
                for k in 0..p {
                    let (aik, ajk) = (a[i * p + k], a[j * p + k]);
                    a[i * p + k] = c * aik - s * ajk;
                    a[j * p + k] = s * aik + c * ajk;
                }
                for k in 0..p {
                    let (vki, vkj) = (v[k * p + i], v[k * p + j]);
                    v[k * p + i] = c * vki - s * vkj;
                    v[k * p + j] = s * vki + c * vkj;
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..p).collect();
    order.sort_by(|&x, &y| a[y * p + y].total_cmp(&a[x * p + x]));
    let values = order.iter().map(|&i| a[i * p + i]).collect();
    let vectors =
        (0..p).flat_map(|row| order.iter().map(move |&col| (row, col))).map(|(row, col)| v[row * p + col]).collect();
    (values, vectors)
}

/// The first `components` principal-component scores of each row (rows × components,
/// row-major). Each component's sign makes its largest loading positive, so results do not
/// flip between runs.
pub fn principal_components(m: &Matrix, components: usize, seed: u64) -> Vec<f32> {
    let p = (components + OVERSAMPLING).min(m.dim).min(m.rows.max(1)).max(components.min(m.dim));
    let means = column_means(m);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut q: Vec<Vec<f64>> = (0..p).map(|_| (0..m.dim).map(|_| rng.random::<f64>() - 0.5).collect()).collect();
    orthonormalize(&mut q);
    for _ in 0..ITERATIONS {
        let y = project(m, &means, &q);
        q = back_project(m, &means, &y, p);
        orthonormalize(&mut q);
    }
    // Rayleigh–Ritz: rotate Q to the eigenvectors of Qᵀ C Q.
    let y = project(m, &means, &q);
    let mut small = vec![0f64; p * p];
    for row in y.chunks(p) {
        for i in 0..p {
            for j in 0..p {
                small[i * p + j] += row[i] * row[j];
            }
        }
    }
    let (_, vectors) = symmetric_eigen(small, p);
    let kept = components.min(p);
    let mut signs = vec![1f64; kept];
    for (c, sign) in signs.iter_mut().enumerate() {
        let loading: Vec<f64> = (0..m.dim).map(|d| (0..p).map(|j| q[j][d] * vectors[j * p + c]).sum()).collect();
        let largest = loading.iter().copied().fold(0f64, |best, x| if x.abs() > best.abs() { x } else { best });
        *sign = if largest < 0.0 { -1.0 } else { 1.0 };
    }
    y.chunks(p)
        .flat_map(|row| {
            (0..kept)
                .map(|c| (signs[c] * (0..p).map(|j| row[j] * vectors[j * p + c]).sum::<f64>()) as f32)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_direction_of_most_variance() {
        // Points along (1, 1, 0) with a little noise in z: the first component is that line.
        let rows: Vec<Vec<f32>> = (0..200)
            .map(|i| {
                let t = i as f32 / 10.0 - 10.0;
                vec![t + 5.0, t + 5.0, ((i * 7919) % 13) as f32 * 0.01]
            })
            .collect();
        let m = Matrix::from_rows(&rows);
        let scores = principal_components(&m, 2, 0);
        assert_eq!(scores.len(), 400);
        // The first score is t * sqrt(2) (up to sign, fixed by the largest loading being positive).
        for (i, row) in scores.chunks(2).enumerate() {
            let centered = i as f32 / 10.0 - 10.0 + 0.05; // t minus its mean, -0.05
            assert!((row[0].abs() - centered.abs() * std::f32::consts::SQRT_2).abs() < 1e-2, "{row:?}");
        }
        let variance = |c: usize| scores.chunks(2).map(|r| f64::from(r[c]).powi(2)).sum::<f64>();
        assert!(variance(0) > 100.0 * variance(1));
    }

    #[test]
    fn jacobi_diagonalizes() {
        let (values, _) = symmetric_eigen(vec![2.0, 1.0, 1.0, 2.0], 2);
        assert!((values[0] - 3.0).abs() < 1e-12 && (values[1] - 1.0).abs() < 1e-12);
    }
}
