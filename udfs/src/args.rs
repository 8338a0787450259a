//! Argument checks shared by the functions: type validation at planning time and reading
//! constant (literal) arguments.

use datafusion::arrow::datatypes::{DataType, TimeUnit};
use datafusion::common::{plan_err, Result, ScalarValue};
use datafusion::logical_expr::ColumnarValue;
use datafusion::physical_expr::expressions::Literal;
use datafusion::physical_expr::PhysicalExpr;

/// Checks the number of arguments, naming the function and its expected form.
pub fn check_arity(function: &str, syntax: &str, given: usize, min: usize, max: usize) -> Result<()> {
    if given < min || given > max {
        return plan_err!("{function}: expected {syntax}, got {given} argument(s)");
    }
    Ok(())
}

/// Coerces a time argument to `Timestamp(Nanosecond, tz)`; dates and other time units are
/// widened, anything else is a planning error naming the argument.
pub fn coerce_timestamp(function: &str, position: usize, name: &str, given: &DataType) -> Result<DataType> {
    match given {
        DataType::Timestamp(_, tz) => Ok(DataType::Timestamp(TimeUnit::Nanosecond, tz.clone())),
        DataType::Date32 | DataType::Date64 | DataType::Null => Ok(DataType::Timestamp(TimeUnit::Nanosecond, None)),
        other => plan_err!(
            "{function}: argument {position} ({name}) must be a TIMESTAMP, got {other}; \
             convert it first, e.g. parse_timestamp({name})"
        ),
    }
}

/// Coerces a boolean argument, rejecting anything that is not BOOLEAN.
pub fn coerce_boolean(function: &str, position: usize, name: &str, given: &DataType) -> Result<DataType> {
    match given {
        DataType::Boolean | DataType::Null => Ok(DataType::Boolean),
        other => plan_err!(
            "{function}: argument {position} ({name}) must be a BOOLEAN, got {other}; \
             convert it first, e.g. parse_bool({name})"
        ),
    }
}

/// Coerces an optional text argument that must be given as a string.
pub fn coerce_text(function: &str, position: usize, name: &str, given: &DataType) -> Result<DataType> {
    match given {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View | DataType::Null => Ok(DataType::Utf8),
        other => plan_err!("{function}: argument {position} ({name}) must be text, got {other}"),
    }
}

/// The value of a window function argument that must be a constant.
pub fn window_literal<'a>(
    function: &str,
    name: &str,
    exprs: &'a [std::sync::Arc<dyn PhysicalExpr>],
    position: usize,
) -> Result<Option<&'a ScalarValue>> {
    let Some(expr) = exprs.get(position - 1) else {
        return Ok(None);
    };
    match expr.downcast_ref::<Literal>() {
        Some(literal) => Ok(Some(literal.value())),
        None => plan_err!("{function}: argument {position} ({name}) must be a constant"),
    }
}

/// The value of a scalar function argument that must be a constant, if given.
pub fn scalar_literal<'a>(
    function: &str,
    name: &str,
    args: &'a [ColumnarValue],
    position: usize,
) -> Result<Option<&'a ScalarValue>> {
    match args.get(position - 1) {
        None => Ok(None),
        Some(ColumnarValue::Scalar(value)) => Ok(Some(value)),
        Some(ColumnarValue::Array(_)) => {
            plan_err!("{function}: argument {position} ({name}) must be a constant")
        }
    }
}

/// The one value an argument of a whole-partition window function has on every row of the
/// partition (NULLs ignored; `default` when there is none), so that it may be a constant or a
/// column the query partitions by.
pub fn partition_constant<T>(
    function: &str,
    name: &str,
    values: Option<&datafusion::arrow::array::ArrayRef>,
    default: T::Native,
) -> Result<T::Native>
where
    T: datafusion::arrow::datatypes::ArrowPrimitiveType,
    T::Native: PartialEq + std::fmt::Display,
{
    use datafusion::arrow::array::AsArray;
    let Some(values) = values else { return Ok(default) };
    let mut found: Option<T::Native> = None;
    for value in values.as_primitive::<T>().iter().flatten() {
        match found {
            Some(f) if f != value => {
                return datafusion::common::exec_err!(
                    "{function}: {name} must be the same on every row of a partition, found {f} and {value}; partition by it"
                )
            }
            _ => found = Some(value),
        }
    }
    Ok(found.unwrap_or(default))
}

/// Shortens a user value for an error message, so that a bad cell never floods the terminal.
pub fn excerpt(value: &str) -> String {
    const MAX_CHARS: usize = 40;
    let mut shown: String = value.chars().take(MAX_CHARS).collect();
    if value.chars().count() > MAX_CHARS {
        shown.push('…');
    }
    shown
}

/// The optional `label` (argument 2) and `required` (argument 3) of the strict parsers:
/// the label names the column in errors, `required` turns a missing value into an error.
pub fn parser_options(function: &str, args: &[ColumnarValue]) -> Result<(String, bool)> {
    let label = match scalar_literal(function, "label", args, 2)? {
        Some(ScalarValue::Utf8(Some(label))) => label.clone(),
        _ => function.to_string(),
    };
    let required = matches!(scalar_literal(function, "required", args, 3)?, Some(ScalarValue::Boolean(Some(true))));
    Ok((label, required))
}

/// Coerces the optional `label` and `required` arguments of the strict parsers.
pub fn coerce_parser_options(function: &str, arg_types: &[DataType]) -> Result<Vec<DataType>> {
    let mut coerced = Vec::new();
    if let Some(label) = arg_types.get(1) {
        coerced.push(coerce_text(function, 2, "label", label)?);
    }
    if let Some(required) = arg_types.get(2) {
        coerced.push(coerce_boolean(function, 3, "required", required)?);
    }
    Ok(coerced)
}
