//! The `messages` view: one normalized schema over whatever column names and types the input
//! logs use, so every function and saved query can rely on it.

use datafusion::arrow::datatypes::{DataType, Schema, TimeUnit};
use datafusion::error::{DataFusionError, Result};

/// Which input columns can fill each normalized column, in order of preference.
const ROW_ID: &[&str] = &["row_id", "message_id"];
const FAN: &[&str] = &["fan_id"];
const MODEL: &[&str] = &["model_id", "model_name"];
const CHATTER: &[&str] = &["chatter_id", "chatter_name"];
const TIME: &[&str] = &["ts", "datetime", "timestamp"];
const FAN_MESSAGE: &[&str] = &["fan_message"];
const CHATTER_MESSAGE: &[&str] = &["chatter_message"];
const PRICE: &[&str] = &["price"];
const PURCHASED: &[&str] = &["purchased", "purchase"];
const TIPS: &[&str] = &["tips"];
const REVENUE: &[&str] = &["revenue"];

/// The columns of `messages`, in order, with their SQL types (for docs and `\d messages`).
pub const COLUMNS: &[(&str, &str)] = &[
    ("row_id", "BIGINT"),
    ("fan_id", "VARCHAR"),
    ("model_id", "VARCHAR"),
    ("chatter_id", "VARCHAR"),
    ("fan_model_id", "VARCHAR"),
    ("ts", "TIMESTAMP"),
    ("fan_message", "VARCHAR"),
    ("chatter_message", "VARCHAR"),
    ("price", "DOUBLE"),
    ("purchased", "BOOLEAN"),
    ("tips", "DOUBLE"),
    ("revenue", "DOUBLE"),
];

/// Finds the input column for one of `candidates`, ignoring case.
fn find<'a>(schema: &'a Schema, candidates: &[&str]) -> Option<&'a str> {
    candidates
        .iter()
        .find_map(|c| schema.fields().iter().map(|f| f.name().as_str()).find(|name| name.eq_ignore_ascii_case(c)))
}

/// Whether the input has its own row ids (else rows are numbered in file order).
pub fn has_row_id(schema: &Schema) -> bool {
    find(schema, ROW_ID).is_some()
}

fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn quote_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Fails with one message listing the required columns that `schema` lacks and what it has.
pub fn check_required(schema: &Schema, source: &str) -> Result<()> {
    let missing: Vec<&str> =
        [(FAN, "fan_id"), (MODEL, "model (model_id or model_name)"), (TIME, "time (ts, datetime or timestamp)")]
            .iter()
            .filter(|(candidates, _)| find(schema, candidates).is_none())
            .map(|(_, what)| *what)
            .collect();
    if !missing.is_empty() {
        let found: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        return Err(DataFusionError::Plan(format!(
            "{source}: missing required column(s): {}; found: {}",
            missing.join(", "),
            found.join(", ")
        )));
    }
    Ok(())
}

/// `CREATE VIEW messages AS ...` over `raw_messages` with the given schema. `source` names the
/// input in error messages of the strict parsers.
pub fn create_view_sql(schema: &Schema, source: &str) -> Result<String> {
    check_required(schema, source)?;
    let col = |candidates: &[&str]| find(schema, candidates).map(quote_ident);
    let type_of = |candidates: &[&str]| {
        find(schema, candidates).and_then(|n| schema.field_with_name(n).ok()).map(|f| f.data_type().clone())
    };
    let label = |candidates: &[&str]| {
        quote_literal(&format!("{source}: column {}", find(schema, candidates).unwrap_or_default()))
    };
    let text = |c: String| format!("CAST({c} AS VARCHAR)");
    let blank_to_null = |candidates: &[&str]| match col(candidates) {
        Some(c) => format!("CASE WHEN trim({t}) = '' THEN NULL ELSE {t} END", t = text(c)),
        None => "CAST(NULL AS VARCHAR)".into(),
    };
    let number = |candidates: &[&str]| match (col(candidates), type_of(candidates)) {
        (Some(c), Some(DataType::Utf8 | DataType::Utf8View | DataType::LargeUtf8)) => {
            format!("CAST(nullif(trim({c}), '') AS DOUBLE)")
        }
        (Some(c), _) => format!("CAST({c} AS DOUBLE)"),
        (None, _) => "CAST(NULL AS DOUBLE)".into(),
    };

    let fan = text(col(FAN).unwrap_or_default());
    let model = text(col(MODEL).unwrap_or_default());
    let time_col = col(TIME).unwrap_or_default();
    let ts = match type_of(TIME) {
        Some(DataType::Timestamp(TimeUnit::Nanosecond, None)) => time_col,
        _ => format!("parse_timestamp({time_col}, {}, true)", label(TIME)),
    };
    let purchased = match (col(PURCHASED), type_of(PURCHASED)) {
        (Some(c), Some(DataType::Boolean)) => format!("coalesce({c}, false)"),
        (Some(c), _) => format!("coalesce(parse_bool({c}, {}), false)", label(PURCHASED)),
        (None, _) => "false".into(),
    };
    let price = format!("coalesce({}, 0.0)", number(PRICE));
    let tips = format!("coalesce({}, 0.0)", number(TIPS));
    let computed_revenue = format!("(CASE WHEN {purchased} THEN {price} ELSE 0.0 END + {tips})");
    let revenue = match col(REVENUE) {
        Some(_) => format!("coalesce({}, {computed_revenue})", number(REVENUE)),
        None => computed_revenue,
    };
    let row_id = format!("CAST({} AS BIGINT)", col(ROW_ID).unwrap_or_else(|| "row_id".into()));
    let exprs = [
        row_id,
        fan.clone(),
        model.clone(),
        blank_to_null(CHATTER),
        format!("{fan} || '_' || {model}"),
        ts,
        blank_to_null(FAN_MESSAGE),
        blank_to_null(CHATTER_MESSAGE),
        price,
        purchased,
        tips,
        revenue,
    ];
    let select: Vec<String> = exprs.iter().zip(COLUMNS).map(|(e, (name, _))| format!("  {e} AS {name}")).collect();
    Ok(format!("CREATE OR REPLACE VIEW messages AS SELECT\n{}\nFROM raw_messages", select.join(",\n")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use datafusion::arrow::datatypes::Field;

    fn schema(names: &[&str]) -> Schema {
        Schema::new(names.iter().map(|n| Field::new(*n, DataType::Utf8, true)).collect::<Vec<_>>())
    }

    #[test]
    fn missing_columns_are_listed_with_what_was_found() {
        let err = create_view_sql(&schema(&["fan_id", "body"]), "x.csv").unwrap_err().to_string();
        assert!(err.contains("model (model_id or model_name)") && err.contains("time (ts"), "{err}");
        assert!(err.contains("found: fan_id, body"), "{err}");
    }

    #[test]
    fn seed_names_are_recognized_case_insensitively() {
        let sql = create_view_sql(&schema(&["Fan_ID", "model_name", "DateTime", "purchased"]), "x.csv").unwrap();
        assert!(sql.contains("\"model_name\"") && sql.contains("parse_timestamp(\"DateTime\""), "{sql}");
        assert!(sql.contains("parse_bool(\"purchased\""), "{sql}");
    }
}
