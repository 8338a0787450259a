//! The arms of an experiment, as `ab_bucket` and `ab_srm` take them: a list of names (equal
//! shares), or names with weights as a struct (`{'control': 0.9, 'treat': 0.1}`) or a map
//! (`MAP {'control': 0.9, 'treat': 0.1}`). Weights are relative; they are scaled to sum to 1.

use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, AsArray};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::{DataType, Field, Float64Type};
use datafusion::common::{exec_err, plan_err, Result, ScalarValue};

/// Arm names in the order given, with their shares (summing to 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Arms {
    pub names: Vec<String>,
    pub shares: Vec<f64>,
}

/// Accepts the types an arms argument may have (checked again, with values, when it is read).
pub fn coerce_arms(function: &str, position: usize, given: &DataType) -> Result<DataType> {
    match given {
        DataType::List(item) | DataType::LargeList(item) | DataType::FixedSizeList(item, _)
            if matches!(item.data_type(), DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View) =>
        {
            Ok(given.clone())
        }
        DataType::Struct(fields) if fields.iter().all(|f| f.data_type().is_numeric()) => Ok(given.clone()),
        DataType::Map(entries, _) => match entries.data_type() {
            DataType::Struct(kv) if kv.len() == 2 && kv[1].data_type().is_numeric() => Ok(given.clone()),
            _ => plan_err!("{function}: argument {position} (arms) must map arm names to weights"),
        },
        other => plan_err!(
            "{function}: argument {position} (arms) must be a list of arm names like ['control', 'treat'] \
             or names with weights like {{'control': 0.5, 'treat': 0.5}}, got {other}"
        ),
    }
}

impl Arms {
    /// Two arms, 'A' and 'B', half each.
    pub fn a_b() -> Self {
        Self { names: vec!["A".into(), "B".into()], shares: vec![0.5, 0.5] }
    }

    /// Reads a constant arms argument.
    pub fn from_scalar(function: &str, value: &ScalarValue) -> Result<Self> {
        let (names, weights): (Vec<Option<String>>, Vec<Option<f64>>) = match value {
            ScalarValue::List(_) | ScalarValue::LargeList(_) | ScalarValue::FixedSizeList(_) if !value.is_null() => {
                let text_list = DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true)));
                let list = cast(&value.to_array()?, &text_list)?;
                let names = texts(&list.as_list::<i32>().value(0))?;
                let weights = vec![Some(1.0); names.len()];
                (names, weights)
            }
            ScalarValue::Struct(array) if array.len() == 1 && !array.is_null(0) => {
                let names = array.fields().iter().map(|f| Some(f.name().clone())).collect();
                let weights = array.columns().iter().map(|c| numbers(c).map(|w| w[0])).collect::<Result<_>>()?;
                (names, weights)
            }
            ScalarValue::Map(map) if map.len() == 1 && !map.is_null(0) => {
                let entries = map.value(0);
                (texts(entries.column(0))?, numbers(entries.column(1))?)
            }
            other => return exec_err!("{function}: the arms must be a constant list or map, got {other}"),
        };
        Self::new(function, names, weights)
    }

    fn new(function: &str, names: Vec<Option<String>>, weights: Vec<Option<f64>>) -> Result<Self> {
        if names.len() < 2 {
            return exec_err!("{function}: an experiment needs at least two arms, got {}", names.len());
        }
        let mut checked = Vec::with_capacity(names.len());
        for (name, weight) in names.into_iter().zip(weights) {
            let Some(name) = name.filter(|n| !n.trim().is_empty()) else {
                return exec_err!("{function}: arm names must not be empty or NULL");
            };
            if checked.iter().any(|(n, _)| n == &name) {
                return exec_err!("{function}: arm '{name}' is given twice");
            }
            match weight {
                Some(w) if w.is_finite() && w >= 0.0 => checked.push((name, w)),
                _ => return exec_err!("{function}: the weight of arm '{name}' must be a number of at least 0"),
            }
        }
        let total: f64 = checked.iter().map(|(_, w)| w).sum();
        if total <= 0.0 {
            return exec_err!("{function}: the arm weights must not all be 0");
        }
        Ok(Self {
            shares: checked.iter().map(|(_, w)| w / total).collect(),
            names: checked.into_iter().map(|(n, _)| n).collect(),
        })
    }

    /// The arm a point `x` in [0, 1) falls in, cutting [0, 1) into consecutive shares.
    pub fn pick(&self, x: f64) -> &str {
        let mut upper = 0.0;
        for (name, share) in self.names.iter().zip(&self.shares) {
            upper += share;
            if x < upper {
                return name;
            }
        }
        // x is below 1 and the shares sum to 1 up to rounding: the last arm with a share.
        let last = self.shares.iter().rposition(|s| *s > 0.0).unwrap_or(self.names.len() - 1);
        &self.names[last]
    }
}

fn texts(array: &ArrayRef) -> Result<Vec<Option<String>>> {
    let array = cast(array, &DataType::Utf8)?;
    Ok(array.as_string::<i32>().iter().map(|v| v.map(str::to_string)).collect())
}

fn numbers(array: &ArrayRef) -> Result<Vec<Option<f64>>> {
    let array = cast(array, &DataType::Float64)?;
    Ok(array.as_primitive::<Float64Type>().iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arms(names: &[&str], weights: &[f64]) -> Result<Arms> {
        Arms::new("f", names.iter().map(|n| Some(n.to_string())).collect(), weights.iter().map(|w| Some(*w)).collect())
    }

    #[test]
    fn shares_are_scaled_and_cut_in_order() {
        let a = arms(&["control", "treat"], &[3.0, 1.0]).unwrap();
        assert_eq!(a.shares, vec![0.75, 0.25]);
        assert_eq!(a.pick(0.0), "control");
        assert_eq!(a.pick(0.7499), "control");
        assert_eq!(a.pick(0.75), "treat");
        assert_eq!(a.pick(0.999_999_999), "treat");
        let with_zero = arms(&["a", "b", "c"], &[1.0, 1.0, 0.0]).unwrap();
        assert_eq!(with_zero.pick(1.0 - 1e-17), "b");
    }

    #[test]
    fn bad_arms_are_refused_by_name() {
        assert!(arms(&["only"], &[1.0]).unwrap_err().to_string().contains("at least two arms"));
        assert!(arms(&["a", "a"], &[1.0, 1.0]).unwrap_err().to_string().contains("'a' is given twice"));
        assert!(arms(&["a", "b"], &[1.0, -1.0]).unwrap_err().to_string().contains("weight of arm 'b'"));
        assert!(arms(&["a", "b"], &[0.0, 0.0]).unwrap_err().to_string().contains("not all be 0"));
        assert!(arms(&["a", " "], &[1.0, 1.0]).is_err());
    }
}
