//! The experiment functions against scipy's and statsmodels' answers on committed cases
//! (`fixtures/ab/make_reference.py` wrote them): every number within 1e-6, NULL exactly where
//! the reference is undefined.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use datafusion::arrow::array::{Array, ArrayRef, AsArray};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::{DataType, Field, Float64Type, Schema};
use datafusion::prelude::CsvReadOptions;

use common::{context, sql};

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ab"))
}

/// (case, function, option) -> [(field, expected)]
type Expected = BTreeMap<(String, String, String), Vec<(String, Option<f64>)>>;

fn expected() -> Expected {
    let text = std::fs::read_to_string(fixtures().join("expected.csv")).expect("expected.csv");
    let mut expected = Expected::new();
    for line in text.lines().skip(1) {
        // the option may hold commas inside double quotes
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => fields.push(std::mem::take(&mut field)),
                c => field.push(c),
            }
        }
        fields.push(field);
        let [case, function, option, name, value] = <[String; 5]>::try_from(fields).expect("five fields");
        let value = (!value.is_empty()).then(|| value.parse::<f64>().expect("number"));
        expected.entry((case, function, option)).or_default().push((name, value));
    }
    expected
}

fn field_value(result: &ArrayRef, field: &str) -> Option<f64> {
    let column = match result.data_type() {
        DataType::Struct(_) => {
            result.as_struct().column_by_name(field).unwrap_or_else(|| panic!("no field {field}")).clone()
        }
        _ => result.clone(),
    };
    let column = cast(&column, &DataType::Float64).expect("number");
    let column = column.as_primitive::<Float64Type>();
    column.is_valid(0).then(|| column.value(0))
}

#[tokio::test]
async fn experiment_functions_match_scipy_and_statsmodels() {
    let ctx = context();
    let rows = fixtures().join("rows.csv");
    let schema = Schema::new(vec![
        Field::new("case", DataType::Utf8, false),
        Field::new("arm", DataType::Utf8, false),
        Field::new("value", DataType::Float64, false),
    ]);
    ctx.register_csv("ab_rows", rows.to_str().expect("path"), CsvReadOptions::new().schema(&schema))
        .await
        .expect("rows.csv");
    let cases = expected();
    assert!(cases.len() >= 20, "{} cases", cases.len());
    for ((case, function, option), fields) in &cases {
        let extra = if option.is_empty() { String::new() } else { format!(", {option}") };
        let query = match function.as_str() {
            "ab_proportion_test" => {
                format!("SELECT {function}(value > 0.5, arm{extra}) AS r FROM ab_rows WHERE \"case\" = '{case}'")
            }
            "ab_mean_test" => {
                format!("SELECT {function}(value, arm{extra}) AS r FROM ab_rows WHERE \"case\" = '{case}'")
            }
            "ab_srm" => format!("SELECT {function}(arm{extra}) AS r FROM ab_rows WHERE \"case\" = '{case}'"),
            _ => format!("SELECT {function}({option}) AS r"),
        };
        let batches = sql(&ctx, &query).await;
        let result = batches[0].column(0);
        for (field, want) in fields {
            let got = field_value(result, field);
            match (got, want) {
                (Some(g), Some(w)) => {
                    assert!(
                        (g - w).abs() <= 1e-6 * w.abs().max(1.0),
                        "{case} {function}.{field}: got {g}, scipy/statsmodels {w}"
                    )
                }
                (None, None) => {}
                _ => panic!("{case} {function}.{field}: got {got:?}, scipy/statsmodels {want:?}"),
            }
        }
    }
}
