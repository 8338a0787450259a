//! What the experiment aggregates share: per-arm tallies (count, sum, mean and sum of squared
//! deviations, one pass by Welford's update, partial tallies merged by Chan's formula), the
//! aggregate that collects them, and the choice of the two arms a test compares.

use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock};

use datafusion::arrow::array::{Array, ArrayRef, AsArray, Float64Array, ListArray, StructArray};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::{DataType, Field, FieldRef, Float64Type};
use datafusion::common::{exec_err, plan_err, Result, ScalarValue};
use datafusion::logical_expr::function::{AccumulatorArgs, StateFieldsArgs};
use datafusion::logical_expr::{Accumulator, AggregateUDFImpl, Documentation, Signature, Volatility};
use datafusion::physical_expr::expressions::Literal;

use crate::args::check_arity;

/// One arm's values so far.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ArmStats {
    pub n: f64,
    pub sum: f64,
    pub mean: f64,
    /// Sum of squared deviations from the mean.
    pub m2: f64,
}

impl ArmStats {
    fn add(&mut self, x: f64) {
        self.n += 1.0;
        self.sum += x;
        let delta = x - self.mean;
        self.mean += delta / self.n;
        self.m2 += delta * (x - self.mean);
    }

    fn merge(&mut self, other: &ArmStats) {
        if other.n == 0.0 {
            return;
        }
        let n = self.n + other.n;
        let delta = other.mean - self.mean;
        self.mean += delta * other.n / n;
        self.m2 += other.m2 + delta * delta * self.n * other.n / n;
        self.sum += other.sum;
        self.n = n;
    }

    /// The sample variance (n - 1 in the denominator); None below two values.
    pub fn variance(&self) -> Option<f64> {
        (self.n >= 2.0).then(|| self.m2 / (self.n - 1.0))
    }

    /// The mean; None without values.
    pub fn mean(&self) -> Option<f64> {
        (self.n > 0.0).then_some(self.mean)
    }
}

/// Tallies by arm name, in name order.
pub type Tallies = BTreeMap<String, ArmStats>;

/// The two arms a test compares: `a` (the control) and `b`. An arm without rows has n = 0.
#[derive(Debug)]
pub struct ArmPair {
    pub a_name: Option<String>,
    pub a: ArmStats,
    pub b_name: Option<String>,
    pub b: ArmStats,
}

/// Picks the two arms: `a` is `control` when given, else the first arm by name; `b` the other.
pub fn arm_pair(function: &str, tallies: &Tallies, control: Option<&str>) -> Result<ArmPair> {
    if tallies.len() > 2 {
        let names: Vec<&str> = tallies.keys().map(String::as_str).collect();
        return exec_err!(
            "{function}: found {} arms ({}); a test compares two, e.g. WHERE arm IN ('{}', '{}')",
            names.len(),
            names.join(", "),
            names[0],
            names[1]
        );
    }
    let mut names: Vec<String> = tallies.keys().cloned().collect();
    if let Some(control) = control {
        names.retain(|n| n != control);
        if names.len() > 1 {
            return exec_err!("{function}: the control arm '{control}' is not among the arms {}", names.join(", "));
        }
        names.insert(0, control.to_string());
    }
    let stats = |name: Option<&String>| name.and_then(|n| tallies.get(n)).copied().unwrap_or_default();
    Ok(ArmPair {
        a: stats(names.first()),
        b: stats(names.get(1)),
        a_name: names.first().cloned(),
        b_name: names.get(1).cloned(),
    })
}

/// What a test aggregate takes before the arm: a value of some kind, or nothing (`ab_srm`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueKind {
    Boolean,
    Number,
    Nothing,
}

/// Turns the tallies and the optional constant last argument into the result.
pub type Readout = fn(&Tallies, Option<&ScalarValue>) -> Result<ScalarValue>;

/// Checks the optional constant last argument's type at planning time.
pub type CoerceOption = fn(&DataType) -> Result<DataType>;

/// An experiment test as an aggregate over (value, arm [, option]) rows.
#[derive(Debug)]
pub struct ArmTest {
    pub name: &'static str,
    pub syntax: &'static str,
    pub value: ValueKind,
    pub return_type: fn() -> DataType,
    pub coerce_option: CoerceOption,
    pub readout: Readout,
    pub doc: &'static LazyLock<Documentation>,
    signature: Signature,
}

impl ArmTest {
    pub fn new(
        name: &'static str,
        syntax: &'static str,
        value: ValueKind,
        return_type: fn() -> DataType,
        coerce_option: CoerceOption,
        readout: Readout,
        doc: &'static LazyLock<Documentation>,
    ) -> Self {
        Self {
            name,
            syntax,
            value,
            return_type,
            coerce_option,
            readout,
            doc,
            signature: Signature::user_defined(Volatility::Immutable),
        }
    }

    fn arm_position(&self) -> usize {
        usize::from(self.value != ValueKind::Nothing)
    }
}

// Tests are told apart by name (everything else follows from it).
impl PartialEq for ArmTest {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for ArmTest {}

impl std::hash::Hash for ArmTest {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name.hash(state);
    }
}

impl AggregateUDFImpl for ArmTest {
    fn name(&self) -> &str {
        self.name
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        let arm_at = self.arm_position();
        check_arity(self.name, self.syntax, arg_types.len(), arm_at + 1, arm_at + 2)?;
        let mut coerced = Vec::with_capacity(arg_types.len());
        match (self.value, &arg_types[0]) {
            (ValueKind::Nothing, _) => {}
            (ValueKind::Boolean, DataType::Boolean | DataType::Null) => coerced.push(DataType::Boolean),
            (ValueKind::Number, t) if t.is_numeric() || t == &DataType::Null => coerced.push(DataType::Float64),
            (ValueKind::Boolean, other) => {
                return plan_err!(
                    "{}: argument 1 (success) must be a BOOLEAN, got {other}; e.g. revenue > 0",
                    self.name
                )
            }
            (ValueKind::Number, other) => {
                return plan_err!("{}: argument 1 (value) must be a number, got {other}", self.name)
            }
        }
        coerced.push(match &arg_types[arm_at] {
            t if t.is_nested() => {
                return plan_err!("{}: argument {} (arm) must be text, got {t}", self.name, arm_at + 1)
            }
            _ => DataType::Utf8,
        });
        if let Some(option) = arg_types.get(arm_at + 1) {
            coerced.push((self.coerce_option)(option)?);
        }
        Ok(coerced)
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok((self.return_type)())
    }

    fn accumulator(&self, args: AccumulatorArgs) -> Result<Box<dyn Accumulator>> {
        let option = match args.exprs.get(self.arm_position() + 1) {
            None => None,
            Some(expr) => match expr.downcast_ref::<Literal>() {
                Some(literal) => Some(literal.value().clone()).filter(|v| !v.is_null()),
                None => return plan_err!("{}: argument {} must be a constant", self.name, self.arm_position() + 2),
            },
        };
        Ok(Box::new(TallyAccumulator { value: self.value, readout: self.readout, option, tallies: Tallies::new() }))
    }

    fn state_fields(&self, _args: StateFieldsArgs) -> Result<Vec<FieldRef>> {
        let list = |name: &str, item: DataType| -> FieldRef {
            Arc::new(Field::new(name, DataType::List(Arc::new(Field::new_list_field(item, true))), true))
        };
        Ok(vec![
            list("arms", DataType::Utf8),
            list("n", DataType::Float64),
            list("sum", DataType::Float64),
            list("mean", DataType::Float64),
            list("m2", DataType::Float64),
        ])
    }

    fn documentation(&self) -> Option<&Documentation> {
        Some(self.doc)
    }
}

#[derive(Debug)]
struct TallyAccumulator {
    value: ValueKind,
    readout: Readout,
    option: Option<ScalarValue>,
    tallies: Tallies,
}

impl TallyAccumulator {
    fn add(&mut self, arm: &str, x: f64) {
        match self.tallies.get_mut(arm) {
            Some(stats) => stats.add(x),
            None => {
                let mut stats = ArmStats::default();
                stats.add(x);
                self.tallies.insert(arm.to_string(), stats);
            }
        }
    }
}

impl Accumulator for TallyAccumulator {
    fn update_batch(&mut self, values: &[ArrayRef]) -> Result<()> {
        let arm_at = usize::from(self.value != ValueKind::Nothing);
        let arms = cast(&values[arm_at], &DataType::Utf8)?;
        let arms = arms.as_string::<i32>();
        let numbers: Option<Float64Array> = match self.value {
            ValueKind::Nothing => None,
            _ => Some(cast(&values[0], &DataType::Float64)?.as_primitive::<Float64Type>().clone()),
        };
        for row in 0..arms.len() {
            if arms.is_null(row) {
                continue;
            }
            match &numbers {
                None => self.add(arms.value(row), 0.0),
                Some(numbers) if numbers.is_valid(row) && numbers.value(row).is_finite() => {
                    self.add(arms.value(row), numbers.value(row))
                }
                Some(_) => {}
            }
        }
        Ok(())
    }

    fn evaluate(&mut self) -> Result<ScalarValue> {
        (self.readout)(&self.tallies, self.option.as_ref())
    }

    fn size(&self) -> usize {
        std::mem::size_of_val(self) + self.tallies.keys().map(|k| k.len() + 64).sum::<usize>()
    }

    fn state(&mut self) -> Result<Vec<ScalarValue>> {
        let floats = |get: fn(&ArmStats) -> f64| {
            let values: Vec<ScalarValue> = self.tallies.values().map(|s| ScalarValue::Float64(Some(get(s)))).collect();
            ScalarValue::List(ScalarValue::new_list_nullable(&values, &DataType::Float64))
        };
        let names: Vec<ScalarValue> = self.tallies.keys().map(|k| ScalarValue::Utf8(Some(k.clone()))).collect();
        Ok(vec![
            ScalarValue::List(ScalarValue::new_list_nullable(&names, &DataType::Utf8)),
            floats(|s| s.n),
            floats(|s| s.sum),
            floats(|s| s.mean),
            floats(|s| s.m2),
        ])
    }

    fn merge_batch(&mut self, states: &[ArrayRef]) -> Result<()> {
        let lists: Vec<&ListArray> = states.iter().map(|s| s.as_list::<i32>()).collect();
        for row in 0..states[0].len() {
            if lists[0].is_null(row) {
                continue;
            }
            let names = lists[0].value(row);
            let columns: Vec<ArrayRef> = lists[1..].iter().map(|l| l.value(row)).collect();
            let column = |i: usize| columns[i].as_primitive::<Float64Type>();
            for (i, name) in names.as_string::<i32>().iter().enumerate() {
                let Some(name) = name else { continue };
                let other = ArmStats {
                    n: column(0).value(i),
                    sum: column(1).value(i),
                    mean: column(2).value(i),
                    m2: column(3).value(i),
                };
                self.tallies.entry(name.to_string()).or_default().merge(&other);
            }
        }
        Ok(())
    }
}

/// The STRUCT a two-arm test returns: n_a, n_b, its numbers, arm_a, arm_b.
pub fn test_result_type(numbers: &[&str]) -> DataType {
    let mut fields = vec![("n_a", DataType::Int64), ("n_b", DataType::Int64)];
    fields.extend(numbers.iter().map(|n| (*n, DataType::Float64)));
    fields.extend([("arm_a", DataType::Utf8), ("arm_b", DataType::Utf8)]);
    DataType::Struct(fields.iter().map(|(name, t)| Field::new(*name, t.clone(), true)).collect())
}

/// A two-arm test's result: picks the arms (`control` first), computes the numbers from them.
pub fn test_result<const N: usize>(
    function: &str,
    tallies: &Tallies,
    control: Option<&ScalarValue>,
    names: &[&str; N],
    numbers: fn(&ArmStats, &ArmStats) -> [Option<f64>; N],
) -> Result<ScalarValue> {
    let control = control.map(|c| c.to_string());
    let pair = arm_pair(function, tallies, control.as_deref())?;
    let mut fields =
        vec![("n_a", ScalarValue::Int64(Some(pair.a.n as i64))), ("n_b", ScalarValue::Int64(Some(pair.b.n as i64)))];
    fields.extend(names.iter().zip(numbers(&pair.a, &pair.b)).map(|(name, v)| (*name, ScalarValue::Float64(v))));
    fields.extend([("arm_a", ScalarValue::Utf8(pair.a_name)), ("arm_b", ScalarValue::Utf8(pair.b_name))]);
    struct_value(fields)
}

/// Builds a STRUCT value from named values, all fields nullable.
fn struct_value(fields: Vec<(&str, ScalarValue)>) -> Result<ScalarValue> {
    let mut columns = Vec::with_capacity(fields.len());
    let mut types = Vec::with_capacity(fields.len());
    for (name, value) in fields {
        types.push(Field::new(name, value.data_type(), true));
        columns.push(value.to_array()?);
    }
    Ok(ScalarValue::Struct(Arc::new(StructArray::new(types.into(), columns, None))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_tallies_equal_one_pass() {
        let values = [3.0, 1.5, 8.25, -2.0, 4.0, 4.0, 10.5];
        let mut whole = ArmStats::default();
        values.iter().for_each(|x| whole.add(*x));
        let (mut left, mut right) = (ArmStats::default(), ArmStats::default());
        values[..3].iter().for_each(|x| left.add(*x));
        values[3..].iter().for_each(|x| right.add(*x));
        left.merge(&right);
        assert_eq!(left.n, whole.n);
        assert!((left.mean - whole.mean).abs() < 1e-12 && (left.m2 - whole.m2).abs() < 1e-9);
        let mean = values.iter().sum::<f64>() / 7.0;
        let variance = values.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / 6.0;
        assert!((whole.variance().unwrap() - variance).abs() < 1e-12);
    }

    #[test]
    fn pairs_follow_the_control_or_the_name_order() {
        let mut tallies = Tallies::new();
        tallies.insert("treat".into(), ArmStats { n: 2.0, ..Default::default() });
        tallies.insert("control".into(), ArmStats { n: 3.0, ..Default::default() });
        let by_name = arm_pair("t", &tallies, None).unwrap();
        assert_eq!((by_name.a_name.as_deref(), by_name.a.n), (Some("control"), 3.0));
        let flipped = arm_pair("t", &tallies, Some("treat")).unwrap();
        assert_eq!((flipped.a_name.as_deref(), flipped.b_name.as_deref()), (Some("treat"), Some("control")));
        let absent = arm_pair("t", &tallies, Some("other"));
        assert!(absent.unwrap_err().to_string().contains("'other' is not among"));
        tallies.insert("third".into(), ArmStats::default());
        assert!(arm_pair("t", &tallies, None).unwrap_err().to_string().contains("found 3 arms"));
    }
}
