//! `parse_bool(value [, label [, required]])`: reads the many spellings of a flag found in chat
//! exports (true/false, t/f, 1/0, yes/no, y/n, any case) as BOOLEAN, and fails with an error that
//! names the column (`label`) and the offending value instead of yielding NULL.

use std::sync::{Arc, LazyLock};

use datafusion::arrow::array::{Array, ArrayRef, AsArray, BooleanBuilder};
use datafusion::arrow::datatypes::{DataType, Int64Type};
use datafusion::common::{exec_err, plan_err, Result};
use datafusion::logical_expr::{
    ColumnarValue, Documentation, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility,
};

use crate::args::{check_arity, coerce_parser_options, excerpt, parser_options};
use crate::doc_sections::PARSING;
use crate::macros::user_defined_function;

const NAME: &str = "parse_bool";
const SYNTAX: &str = "parse_bool(value [, label [, required]])";

static UDF: LazyLock<Arc<ScalarUDF>> = LazyLock::new(|| Arc::new(ScalarUDF::from(ParseBool::new())));

static DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        PARSING,
        "Reads a value as BOOLEAN. Text true/false, t/f, 1/0, yes/no and y/n (any case, \
         surrounding spaces ignored) and the integers 1/0 are accepted; anything else is an error \
         naming `label` and the value. Blank text is NULL, or an error when `required` is true.",
        SYNTAX,
    )
    .with_argument("value", "Text, BOOLEAN or integer 0/1.")
    .with_argument("label", "Optional constant text naming the source column in errors.")
    .with_argument("required", "Optional constant BOOLEAN: a NULL or blank value is an error.")
    .with_sql_example("```sql\nSELECT parse_bool('Yes'), parse_bool('FALSE'), parse_bool(1);\n```")
    .build()
});

/// The shared `parse_bool` scalar function.
pub fn udf() -> Arc<ScalarUDF> {
    Arc::clone(&UDF)
}

user_defined_function!(ParseBool, Volatility::Immutable);

impl ScalarUDFImpl for ParseBool {
    fn name(&self) -> &str {
        NAME
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(DataType::Boolean)
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        check_arity(NAME, SYNTAX, arg_types.len(), 1, 3)?;
        let value = match &arg_types[0] {
            DataType::Boolean => DataType::Boolean,
            DataType::Utf8 | DataType::Utf8View | DataType::LargeUtf8 | DataType::Null => DataType::Utf8,
            t if t.is_integer() => DataType::Int64,
            other => return plan_err!("{NAME}: argument 1 (value) must be text, BOOLEAN or an integer, got {other}"),
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
            return exec_err!("{label}: {} row(s) have no value; a value is required", parsed.null_count());
        }
        Ok(ColumnarValue::Array(parsed))
    }

    fn documentation(&self) -> Option<&Documentation> {
        Some(&DOC)
    }
}

fn parse_text(value: &str) -> Option<Option<bool>> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" => Some(None),
        "true" | "t" | "1" | "yes" | "y" => Some(Some(true)),
        "false" | "f" | "0" | "no" | "n" => Some(Some(false)),
        _ => None,
    }
}

fn parse(values: &ArrayRef, label: &str) -> Result<ArrayRef> {
    let mut out = BooleanBuilder::with_capacity(values.len());
    match values.data_type() {
        DataType::Boolean => return Ok(Arc::clone(values)),
        DataType::Utf8 => {
            for value in values.as_string::<i32>().iter() {
                match value.map(parse_text) {
                    None => out.append_null(),
                    Some(Some(flag)) => out.append_option(flag),
                    Some(None) => {
                        return exec_err!(
                            "{label}: cannot read '{}' as a boolean (accepted: true/false, 1/0, yes/no)",
                            excerpt(value.unwrap_or_default())
                        )
                    }
                }
            }
        }
        DataType::Int64 => {
            for value in values.as_primitive::<Int64Type>().iter() {
                match value {
                    None => out.append_null(),
                    Some(0) => out.append_value(false),
                    Some(1) => out.append_value(true),
                    Some(other) => return exec_err!("{label}: cannot read {other} as a boolean (accepted: 1/0)"),
                }
            }
        }
        other => return exec_err!("{label}: cannot read values of type {other} as booleans"),
    }
    Ok(Arc::new(out.finish()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use datafusion::arrow::array::{BooleanArray, StringArray};

    #[test]
    fn reads_spellings() {
        let input: ArrayRef = Arc::new(StringArray::from(vec![Some("TRUE"), Some(" no "), Some("1"), Some(""), None]));
        let out = parse(&input, "c").unwrap();
        let out = out.as_any().downcast_ref::<BooleanArray>().unwrap();
        assert_eq!(out.iter().collect::<Vec<_>>(), vec![Some(true), Some(false), Some(true), None, None]);
    }

    #[test]
    fn bad_value_names_label() {
        let input: ArrayRef = Arc::new(StringArray::from(vec!["maybe"]));
        let err = parse(&input, "purchased").unwrap_err().to_string();
        assert!(err.contains("purchased") && err.contains("'maybe'"), "{err}");
    }
}
