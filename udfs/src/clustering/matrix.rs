//! A window partition's vectors as one dense row-major `f32` matrix, and the distance kernels the
//! clustering and projection functions share.
//!
//! Embeddings arrive as FixedSizeList<Float32> (or List/LargeList of any float); reading them
//! through `vectors::rows` would make one `Vec<f64>` per row, which at 100,000 × 1,024 is 800 MB
//! and slow. A FixedSizeList<Float32> column without NULLs (what `embed` returns) is used in
//! place, its Arrow buffer shared; other columns are copied once into a flat buffer.

use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, AsArray, FixedSizeListArray};
use datafusion::arrow::buffer::ScalarBuffer;
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::{DataType, Field, Float32Type};
use datafusion::common::{exec_err, Result};

/// The non-NULL vectors of a partition, in row order.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    /// Row-major values; an Arrow buffer, so a column's own values can be used without a copy.
    pub data: ScalarBuffer<f32>,
    pub dim: usize,
    pub rows: usize,
    /// For each input row, its row in the matrix (None for a NULL vector or one with a NULL element).
    pub row_of: Vec<Option<usize>>,
}

impl Matrix {
    pub fn row(&self, i: usize) -> &[f32] {
        &self.data[i * self.dim..(i + 1) * self.dim]
    }

    /// A matrix from rows of equal length (tests and fixtures).
    pub fn from_rows(rows: &[Vec<f32>]) -> Matrix {
        let dim = rows.first().map_or(0, Vec::len);
        Matrix::dense(rows.concat(), dim, rows.len())
    }

    /// A matrix of `rows` rows, every one kept, from row-major values.
    pub fn dense(data: impl Into<ScalarBuffer<f32>>, dim: usize, rows: usize) -> Matrix {
        Matrix { data: data.into(), dim, rows, row_of: (0..rows).map(Some).collect() }
    }
}

/// Reads a vector column; vectors of different lengths are an error naming both lengths.
pub fn read_matrix(function: &str, values: &ArrayRef) -> Result<Matrix> {
    let (list, dim_hint): (FixedSizeListArray, Option<usize>) = match values.data_type() {
        DataType::FixedSizeList(_, size) => {
            let target = DataType::FixedSizeList(Arc::new(Field::new_list_field(DataType::Float32, true)), *size);
            (cast(values, &target)?.as_fixed_size_list().clone(), Some(*size as usize))
        }
        _ => return read_variable(function, values),
    };
    let dim = dim_hint.unwrap_or(0);
    let items = list.values().as_primitive::<Float32Type>();
    if list.null_count() == 0 && items.null_count() == 0 {
        // The values buffer holds exactly the list's rows (slicing a FixedSizeList slices it).
        return Ok(Matrix::dense(items.values().clone(), dim, list.len()));
    }
    let mut data = Vec::with_capacity(list.len() * dim);
    let mut row_of = Vec::with_capacity(list.len());
    for row in 0..list.len() {
        let start = row * dim;
        let complete =
            list.is_valid(row) && (items.null_count() == 0 || (start..start + dim).all(|i| items.is_valid(i)));
        if complete {
            row_of.push(Some(data.len() / dim.max(1)));
            data.extend_from_slice(&items.values()[start..start + dim]);
        } else {
            row_of.push(None);
        }
    }
    let rows = row_of.iter().flatten().count();
    Ok(Matrix { data: data.into(), dim, rows, row_of })
}

fn read_variable(function: &str, values: &ArrayRef) -> Result<Matrix> {
    let lists = cast(values, &DataType::List(Arc::new(Field::new_list_field(DataType::Float32, true))))?;
    let lists = lists.as_list::<i32>();
    let mut dim: Option<usize> = None;
    let mut data = Vec::new();
    let mut row_of = Vec::with_capacity(lists.len());
    let mut rows = 0;
    for row in 0..lists.len() {
        if lists.is_null(row) {
            row_of.push(None);
            continue;
        }
        let items = lists.value(row);
        let items = items.as_primitive::<Float32Type>();
        if items.null_count() > 0 {
            row_of.push(None);
            continue;
        }
        match dim {
            None => dim = Some(items.len()),
            Some(d) if d != items.len() => {
                return exec_err!(
                    "{function}: vectors of different lengths in one partition ({d} and {}); every vector must have the same length",
                    items.len()
                )
            }
            _ => {}
        }
        data.extend_from_slice(items.values());
        row_of.push(Some(rows));
        rows += 1;
    }
    Ok(Matrix { data: data.into(), dim: dim.unwrap_or(0), rows, row_of })
}

/// Lanes of independent partial sums in the kernels: enough for the compiler to keep four
/// 256-bit (or eight 128-bit) registers busy.
const LANES: usize = 32;

/// The kernels' shared body: `combine` per element, summed in `LANES` lanes, then the lanes and
/// the tail in a fixed order. `inline(always)`, so that each caller below compiles it for its
/// own instruction set.
#[inline(always)]
fn lane_sum(a: &[f32], b: &[f32], combine: impl Fn(f32, f32) -> f32) -> f32 {
    let mut sums = [0f32; LANES];
    let (a_chunks, b_chunks) = (a.chunks_exact(LANES), b.chunks_exact(LANES));
    let (a_rest, b_rest) = (a_chunks.remainder(), b_chunks.remainder());
    for (x, y) in a_chunks.zip(b_chunks) {
        for lane in 0..LANES {
            sums[lane] += combine(x[lane], y[lane]);
        }
    }
    let mut total: f32 = sums.iter().sum();
    for (x, y) in a_rest.iter().zip(b_rest) {
        total += combine(*x, *y);
    }
    total
}

fn product(x: f32, y: f32) -> f32 {
    x * y
}

fn squared_difference(x: f32, y: f32) -> f32 {
    (x - y) * (x - y)
}

// The same operations in the same order on every instruction set (no fused multiply-add), so
// results are bit for bit the same with and without AVX2: a seed clusters alike on any machine.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn dot_avx2(a: &[f32], b: &[f32]) -> f32 {
    lane_sum(a, b, product)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn squared_distance_avx2(a: &[f32], b: &[f32]) -> f32 {
    lane_sum(a, b, squared_difference)
}

/// Dot product, vectorized (AVX2 when the processor has it).
#[inline]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor supports AVX2, checked just above.
        return unsafe { dot_avx2(a, b) };
    }
    lane_sum(a, b, product)
}

/// `into += w · x`, element by element (no reordering, so the same bits on every instruction
/// set), vectorized like [`dot`].
#[inline]
pub fn axpy(w: f32, x: &[f32], into: &mut [f32]) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor supports AVX2, checked just above.
        return unsafe { axpy_avx2(w, x, into) };
    }
    axpy_lanes(w, x, into)
}

#[inline(always)]
fn axpy_lanes(w: f32, x: &[f32], into: &mut [f32]) {
    into.iter_mut().zip(x).for_each(|(s, &v)| *s += w * v);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn axpy_avx2(w: f32, x: &[f32], into: &mut [f32]) {
    axpy_lanes(w, x, into)
}

/// Squared Euclidean distance, vectorized like [`dot`].
#[inline]
pub fn squared_distance(a: &[f32], b: &[f32]) -> f32 {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor supports AVX2, checked just above.
        return unsafe { squared_distance_avx2(a, b) };
    }
    lane_sum(a, b, squared_difference)
}

#[cfg(test)]
mod tests {
    use super::*;
    use datafusion::arrow::array::ListArray;
    use datafusion::arrow::datatypes::Float64Type;

    #[test]
    fn reads_lists_with_nulls_and_rejects_ragged_rows() {
        let lists: ArrayRef = Arc::new(ListArray::from_iter_primitive::<Float64Type, _, _>(vec![
            Some(vec![Some(1.0), Some(2.0)]),
            None,
            Some(vec![Some(3.0), None]),
            Some(vec![Some(5.0), Some(6.0)]),
        ]));
        let m = read_matrix("f", &lists).unwrap();
        assert_eq!((m.rows, m.dim), (2, 2));
        assert_eq!(m.row_of, vec![Some(0), None, None, Some(1)]);
        assert_eq!(m.row(1), &[5.0, 6.0]);
        let ragged: ArrayRef = Arc::new(ListArray::from_iter_primitive::<Float64Type, _, _>(vec![
            Some(vec![Some(1.0), Some(2.0)]),
            Some(vec![Some(1.0)]),
        ]));
        assert!(read_matrix("f", &ragged).unwrap_err().to_string().contains("(2 and 1)"));
    }

    #[test]
    fn kernels_give_the_same_bits_on_every_instruction_set() {
        let a: Vec<f32> = (0..1031).map(|i| (i as f32 * 0.37).sin()).collect();
        let b: Vec<f32> = (0..1031).map(|i| (i as f32 * 0.11).cos()).collect();
        assert_eq!(dot(&a, &b).to_bits(), lane_sum(&a, &b, product).to_bits());
        assert_eq!(squared_distance(&a, &b).to_bits(), lane_sum(&a, &b, squared_difference).to_bits());
    }

    #[test]
    fn kernels_match_plain_sums() {
        let a: Vec<f32> = (0..19).map(|i| i as f32 * 0.5).collect();
        let b: Vec<f32> = (0..19).map(|i| 3.0 - i as f32).collect();
        let plain_dot: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
        let plain_dist: f32 = a.iter().zip(&b).map(|(x, y)| (x - y) * (x - y)).sum();
        assert!((dot(&a, &b) - plain_dot).abs() < 1e-3);
        assert!((squared_distance(&a, &b) - plain_dist).abs() < 1e-3);
    }
}
