//! `current_setting(name)`: a session setting's value as text, as in PostgreSQL, so saved
//! queries can take parameters from `SET` (e.g. `fansql.experiment.start`).

use std::sync::{Arc, LazyLock};

use datafusion::arrow::datatypes::DataType;
use datafusion::common::{exec_err, Result, ScalarValue};
use datafusion::logical_expr::{
    ColumnarValue, Documentation, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility,
};

use crate::args::{check_arity, coerce_text, scalar_literal};
use crate::doc_sections::SETTINGS;
use crate::macros::user_defined_function;

const NAME: &str = "current_setting";
const SYNTAX: &str = "current_setting(name)";

static UDF: LazyLock<Arc<ScalarUDF>> = LazyLock::new(|| Arc::new(ScalarUDF::from(CurrentSetting::new())));

static DOC: LazyLock<Documentation> = LazyLock::new(|| {
    Documentation::builder(
        SETTINGS,
        "The value of a session setting as text ('' when it has none), as SHOW prints it; an \
         unknown name is an error. Lets saved queries take parameters set with SET.",
        SYNTAX,
    )
    .with_argument("name", "Constant setting name, e.g. 'fansql.experiment.start'.")
    .with_sql_example(
        "```sql\nSET fansql.experiment.start = '2025-04-12';\n\
         SELECT CAST(current_setting('fansql.experiment.start') AS TIMESTAMP);\n```",
    )
    .build()
});

/// The shared `current_setting` function.
pub fn udf() -> Arc<ScalarUDF> {
    Arc::clone(&UDF)
}

user_defined_function!(CurrentSetting, Volatility::Stable);

impl ScalarUDFImpl for CurrentSetting {
    fn name(&self) -> &str {
        NAME
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(DataType::Utf8)
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        check_arity(NAME, SYNTAX, arg_types.len(), 1, 1)?;
        Ok(vec![coerce_text(NAME, 1, "name", &arg_types[0])?])
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let name = match scalar_literal(NAME, "name", &args.args, 1)? {
            Some(ScalarValue::Utf8(Some(name))) => name.trim().to_ascii_lowercase(),
            _ => return Ok(ColumnarValue::Scalar(ScalarValue::Utf8(None))),
        };
        match args.config_options.entries().into_iter().find(|e| e.key.eq_ignore_ascii_case(&name)) {
            Some(entry) => Ok(ColumnarValue::Scalar(ScalarValue::Utf8(Some(entry.value.unwrap_or_default())))),
            None => exec_err!("{NAME}: unknown setting '{name}'; SHOW ALL lists them"),
        }
    }

    fn documentation(&self) -> Option<&Documentation> {
        Some(&DOC)
    }
}
