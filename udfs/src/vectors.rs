//! Reading vector arguments (embeddings) of any float list type as rows of `f64`, shared by the
//! vector functions.

use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, AsArray, ListArray};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::{DataType, Field, Float64Type};
use datafusion::common::{plan_err, Result};

/// The list type every vector is read as.
fn float64_list() -> DataType {
    DataType::List(Arc::new(Field::new_list_field(DataType::Float64, true)))
}

/// Accepts List, LargeList or FixedSizeList of numbers (or NULL) as a vector argument.
pub fn check_vector(function: &str, position: usize, name: &str, given: &DataType) -> Result<DataType> {
    match given {
        DataType::List(item) | DataType::LargeList(item) | DataType::FixedSizeList(item, _)
            if item.data_type().is_numeric() =>
        {
            Ok(given.clone())
        }
        DataType::Null => Ok(float64_list()),
        other => {
            plan_err!("{function}: argument {position} ({name}) must be a list of numbers (an embedding), got {other}")
        }
    }
}

/// The vectors of a column: `None` for NULL rows; a NULL element makes the whole vector `None`.
pub fn rows(values: &ArrayRef) -> Result<Vec<Option<Vec<f64>>>> {
    let lists = cast(values, &float64_list())?;
    let lists: &ListArray = lists.as_list::<i32>();
    Ok((0..lists.len())
        .map(|row| {
            if lists.is_null(row) {
                return None;
            }
            let items = lists.value(row);
            let items = items.as_primitive::<Float64Type>();
            (items.null_count() == 0).then(|| items.values().to_vec())
        })
        .collect())
}

pub fn norm(v: &[f64]) -> f64 {
    v.iter().map(|x| x * x).sum::<f64>().sqrt()
}
