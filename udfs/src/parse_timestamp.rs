//! `parse_timestamp(value [, label [, required]])`: reads text, dates, timestamps of any unit or
//! time zone and Unix seconds as `TIMESTAMP` (nanoseconds, no time zone), and fails with an error
//! that names the column (`label`) and the offending value instead of yielding NULL.

use std::sync::{Arc, LazyLock};

use datafusion::arrow::array::{Array, ArrayRef, AsArray, TimestampNanosecondBuilder};
use datafusion::arrow::compute::cast;
use datafusion::arrow::compute::kernels::cast_utils::string_to_timestamp_nanos;
use datafusion::arrow::datatypes::{DataType, Int64Type, TimeUnit};
use datafusion::common::{exec_err, plan_err, Result};
use datafusion::logical_expr::{
    ColumnarValue, Documentation, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility,
};

use crate::args::{check_arity, coerce_parser_options, excerpt, parser_options};
use crate::doc_sections::PARSING;
use crate::macros::user_defined_function;

const NAME: &str = "parse_timestamp";
const SYNTAX: &str = "parse_timestamp(value [, label [, required]])";
const NANOS_PER_SECOND: i64 = 1_000_000_000;
const TARGET: DataType = DataType::Timestamp(TimeUnit::Nanosecond, None);

static UDF: LazyLock<Arc<ScalarUDF>> = LazyLock::new(|| Arc::new(ScalarUDF::from(ParseTimestamp::new())));

static DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        PARSING,
        "Reads a value as TIMESTAMP (UTC wall time, nanoseconds). Text may be RFC 3339 or \
         'YYYY-MM-DD[ HH:MM:SS[.fff]][offset]'; offsets are converted to UTC. Dates, timestamps of \
         any unit or zone, and integers (Unix seconds) are accepted too. Unreadable text is an \
         error naming `label` and the value, never a silent NULL; blank text is NULL, or an \
         error when `required` is true.",
        SYNTAX,
    )
    .with_argument("value", "Text, DATE, TIMESTAMP or integer Unix seconds.")
    .with_argument("label", "Optional constant text naming the source column in errors.")
    .with_argument("required", "Optional constant BOOLEAN: a NULL or blank value is an error.")
    .with_sql_example("```sql\nSELECT parse_timestamp('2025-04-09 10:29:46', 'messages.csv column datetime');\n```")
    .build()
});

/// The shared `parse_timestamp` scalar function.
pub fn udf() -> Arc<ScalarUDF> {
    Arc::clone(&UDF)
}

user_defined_function!(ParseTimestamp, Volatility::Immutable);

impl ScalarUDFImpl for ParseTimestamp {
    fn name(&self) -> &str {
        NAME
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(TARGET)
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        check_arity(NAME, SYNTAX, arg_types.len(), 1, 3)?;
        let value = match &arg_types[0] {
            DataType::Utf8View | DataType::LargeUtf8 | DataType::Null => DataType::Utf8,
            t @ (DataType::Utf8 | DataType::Timestamp(_, _) | DataType::Date32 | DataType::Date64) => t.clone(),
            t if t.is_integer() => DataType::Int64,
            other => {
                return plan_err!(
                    "{NAME}: argument 1 (value) must be text, a date, a timestamp or an integer, got {other}"
                )
            }
        };
        let mut coerced = vec![value];
        coerced.extend(coerce_parser_options(NAME, arg_types)?);
        Ok(coerced)
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let (label, required) = parser_options(NAME, &args.args)?;
        let values = args.args[0].to_array(args.number_rows)?;
        let parsed = parse(&values, &label)?;
        if required && parsed.null_count() > 0 {
            return exec_err!("{label}: {} row(s) have no time; a time is required", parsed.null_count());
        }
        Ok(ColumnarValue::Array(parsed))
    }

    fn documentation(&self) -> Option<&Documentation> {
        Some(&DOC)
    }
}

fn parse(values: &ArrayRef, label: &str) -> Result<ArrayRef> {
    match values.data_type() {
        DataType::Utf8 => {
            let text = values.as_string::<i32>();
            let mut out = TimestampNanosecondBuilder::with_capacity(text.len());
            for value in text.iter() {
                match value.map(str::trim) {
                    None | Some("") => out.append_null(),
                    Some(v) => match string_to_timestamp_nanos(v) {
                        Ok(nanos) => out.append_value(nanos),
                        Err(_) => {
                            return exec_err!(
                                "{label}: cannot read '{}' as a timestamp (expected e.g. '2025-04-09 10:29:46' or RFC 3339)",
                                excerpt(v)
                            )
                        }
                    },
                }
            }
            Ok(Arc::new(out.finish()))
        }
        DataType::Int64 => {
            let seconds = values.as_primitive::<Int64Type>();
            let mut out = TimestampNanosecondBuilder::with_capacity(seconds.len());
            for value in seconds.iter() {
                match value.map(|s| s.checked_mul(NANOS_PER_SECOND)) {
                    None => out.append_null(),
                    Some(Some(nanos)) => out.append_value(nanos),
                    Some(None) => {
                        return exec_err!("{label}: {} is out of range for Unix seconds", value.unwrap_or_default())
                    }
                }
            }
            Ok(Arc::new(out.finish()))
        }
        _ => Ok(cast(values, &TARGET)?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use datafusion::arrow::array::{StringArray, TimestampNanosecondArray};

    #[test]
    fn reads_common_forms_and_blank_as_null() {
        let input: ArrayRef = Arc::new(StringArray::from(vec![
            Some("2025-04-09 10:29:46"),
            Some("2025-04-09T10:29:46Z"),
            Some("2025-04-09T12:29:46+02:00"),
            Some("  "),
            None,
        ]));
        let out = parse(&input, "c").unwrap();
        let out = out.as_any().downcast_ref::<TimestampNanosecondArray>().unwrap();
        assert_eq!(out.value(0), out.value(1));
        assert_eq!(out.value(1), out.value(2));
        assert!(out.is_null(3) && out.is_null(4));
    }

    #[test]
    fn bad_text_names_label_and_value() {
        let input: ArrayRef = Arc::new(StringArray::from(vec!["yesterday"]));
        let err = parse(&input, "messages.csv column datetime").unwrap_err().to_string();
        assert!(err.contains("messages.csv column datetime") && err.contains("'yesterday'"), "{err}");
    }
}
