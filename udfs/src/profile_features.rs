//! `profile_features(profile [, min_rows [, max_values]]) OVER (PARTITION BY ...)`: a profile
//! (a STRUCT of text lists, such as `profile_llm`'s) as a standardized multi-hot vector over the
//! partition's vocabulary, and `profile_feature_names(...)`, the name of each position.
//!
//! Per field, in the struct's order: values are normalized (lowercased, whitespace collapsed,
//! surrounding punctuation and "unknown"-like answers dropped); a value held by at least
//! `min_rows` rows (default 2) is a column of its own, the `max_values` (default 20) most common
//! first (ties by name); every rarer or later value is pooled into one `field=(other)` column,
//! present only when something was pooled. Each column is then standardized over the
//! partition's non-NULL rows, (x - mean) / standard deviation (population), as scikit-learn's
//! StandardScaler does; a column that is the same on every row becomes 0.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, LazyLock};

use datafusion::arrow::array::{Array, ArrayRef, AsArray, Float32Builder, ListBuilder, StringBuilder, StructArray};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::{DataType, Field, FieldRef};
use datafusion::common::{plan_err, Result, ScalarValue};
use datafusion::logical_expr::function::{PartitionEvaluatorArgs, WindowUDFFieldArgs};
use datafusion::logical_expr::{Documentation, PartitionEvaluator, Signature, Volatility, WindowUDF, WindowUDFImpl};

use crate::args::{check_arity, window_literal};
use crate::doc_sections::PROFILES;

const DEFAULT_MIN_ROWS: usize = 2;
const DEFAULT_MAX_VALUES: usize = 20;
/// Answers that say nothing about the fan.
const NON_ANSWERS: [&str; 9] =
    ["unknown", "none", "n/a", "na", "null", "not mentioned", "not specified", "not stated", "unclear"];

static FEATURES: LazyLock<Arc<WindowUDF>> =
    LazyLock::new(|| Arc::new(WindowUDF::from(ProfileFeatures::new("profile_features"))));
static NAMES: LazyLock<Arc<WindowUDF>> =
    LazyLock::new(|| Arc::new(WindowUDF::from(ProfileFeatures::new("profile_feature_names"))));

const ARGUMENTS: [(&str, &str); 3] = [
    ("profile", "A STRUCT whose fields are text lists or text, e.g. profile_llm(text)."),
    ("min_rows", "Rows a value must appear in to get its own column (constant, default 2); rarer values are pooled."),
    ("max_values", "Most columns per field before pooling (constant, default 20)."),
];

static FEATURES_DOC: LazyLock<Documentation> = LazyLock::new(|| {
    let builder = Documentation::builder(
        PROFILES,
        "Method B profile features: for each row, a LIST<FLOAT> with one position per (field, \
         value) of the partition's vocabulary: 1 when the row's profile holds the value, else 0, \
         then standardized per position over the partition ((x - mean) / std, population std; \
         constant positions are 0). Values are normalized (lowercase, collapsed whitespace, no \
         surrounding punctuation; 'unknown', 'none', 'n/a' and the like dropped). A value in fewer \
         than min_rows rows, or beyond the max_values most common of its field, is pooled into \
         the field's '(other)' position. NULL profiles give NULL and do not count. \
         profile_feature_names(...) OVER the same window names the positions.",
        "profile_features(profile [, min_rows [, max_values]]) OVER (PARTITION BY ...)",
    );
    ARGUMENTS
        .iter()
        .fold(builder, |b, (name, text)| b.with_argument(*name, *text))
        .with_sql_example(
            "```sql\nSELECT fan_model_id,\n       profile_features(p) OVER () AS features,\n       profile_feature_names(p) OVER () AS names\nFROM (SELECT fan_model_id, profile_llm(text) AS p FROM texts);\n```",
        )
        .with_related_udf("hybrid_vector")
        .with_related_udf("profile_feature_names")
        .build()
});

static NAMES_DOC: LazyLock<Documentation> = LazyLock::new(|| {
    let builder = Documentation::builder(
        PROFILES,
        "The names of the positions profile_features(...) gives over the same window, as \
         'field=value' or 'field=(other)': the same LIST<VARCHAR> on every row of a partition.",
        "profile_feature_names(profile [, min_rows [, max_values]]) OVER (PARTITION BY ...)",
    );
    ARGUMENTS
        .iter()
        .fold(builder, |b, (name, text)| b.with_argument(*name, *text))
        .with_sql_example("```sql\nSELECT DISTINCT profile_feature_names(p) OVER () FROM profiles;\n```")
        .with_related_udf("profile_features")
        .build()
});

/// The shared `profile_features` window function.
pub fn udwf() -> Arc<WindowUDF> {
    Arc::clone(&FEATURES)
}

/// The shared `profile_feature_names` window function.
pub fn names_udwf() -> Arc<WindowUDF> {
    Arc::clone(&NAMES)
}

#[derive(Debug, PartialEq, Eq, Hash)]
pub struct ProfileFeatures {
    name: &'static str,
    signature: Signature,
}

impl ProfileFeatures {
    fn new(name: &'static str) -> Self {
        Self { name, signature: Signature::user_defined(Volatility::Immutable) }
    }

    fn names_only(&self) -> bool {
        self.name == "profile_feature_names"
    }

    fn syntax(&self) -> String {
        format!("{}(profile [, min_rows [, max_values]]) OVER (...)", self.name)
    }
}

fn is_text(data_type: &DataType) -> bool {
    matches!(data_type, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View)
}

impl WindowUDFImpl for ProfileFeatures {
    fn name(&self) -> &str {
        self.name
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        check_arity(self.name, &self.syntax(), arg_types.len(), 1, 3)?;
        let DataType::Struct(fields) = &arg_types[0] else {
            return plan_err!(
                "{}: argument 1 (profile) must be a STRUCT of text lists, got {}",
                self.name,
                arg_types[0]
            );
        };
        for field in fields {
            let ok = match field.data_type() {
                DataType::List(item) | DataType::LargeList(item) => is_text(item.data_type()),
                other => is_text(other) || other == &DataType::Null,
            };
            if !ok {
                return plan_err!(
                    "{}: profile field {} must be a list of text or text, got {}",
                    self.name,
                    field.name(),
                    field.data_type()
                );
            }
        }
        let mut coerced = vec![arg_types[0].clone()];
        for (position, given) in arg_types.iter().enumerate().skip(1) {
            if !given.is_integer() {
                let name = ARGUMENTS[position].0;
                return plan_err!(
                    "{}: argument {} ({name}) must be an integer constant, got {given}",
                    self.name,
                    position + 1
                );
            }
            coerced.push(DataType::Int64);
        }
        Ok(coerced)
    }

    fn partition_evaluator(&self, args: PartitionEvaluatorArgs) -> Result<Box<dyn PartitionEvaluator>> {
        let constant = |position: usize, default: usize| -> Result<usize> {
            let name = ARGUMENTS[position - 1].0;
            match window_literal(self.name, name, args.input_exprs(), position)? {
                None | Some(ScalarValue::Int64(None)) => Ok(default),
                Some(ScalarValue::Int64(Some(n))) if *n >= 1 => Ok(*n as usize),
                Some(other) => plan_err!("{}: argument {position} ({name}) must be at least 1, got {other}", self.name),
            }
        };
        Ok(Box::new(FeaturesEvaluator {
            min_rows: constant(2, DEFAULT_MIN_ROWS)?,
            max_values: constant(3, DEFAULT_MAX_VALUES)?,
            names_only: self.names_only(),
        }))
    }

    fn field(&self, field_args: WindowUDFFieldArgs) -> Result<FieldRef> {
        let item = if self.names_only() { DataType::Utf8 } else { DataType::Float32 };
        Ok(Arc::new(Field::new(field_args.name(), DataType::List(Arc::new(Field::new_list_field(item, true))), true)))
    }

    fn documentation(&self) -> Option<&Documentation> {
        Some(if self.names_only() { &NAMES_DOC } else { &FEATURES_DOC })
    }
}

#[derive(Debug)]
struct FeaturesEvaluator {
    min_rows: usize,
    max_values: usize,
    names_only: bool,
}

/// A value as it is compared: lowercase, collapsed whitespace, no surrounding punctuation;
/// None for an empty or non-answer.
pub fn normalize(value: &str) -> Option<String> {
    let lower = value.to_lowercase();
    let collapsed = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = collapsed.trim_matches(|c: char| !c.is_alphanumeric());
    (!trimmed.is_empty() && !NON_ANSWERS.contains(&trimmed)).then(|| trimmed.to_string())
}

/// Each row's normalized, distinct values of one field (empty for a NULL row).
fn field_values(column: &ArrayRef) -> Result<Vec<Vec<String>>> {
    let rows = |values: Vec<Vec<String>>| {
        values
            .into_iter()
            .map(|mut v| {
                v.sort();
                v.dedup();
                v
            })
            .collect()
    };
    if let DataType::List(_) | DataType::LargeList(_) = column.data_type() {
        let lists = cast(column, &DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true))))?;
        let lists = lists.as_list::<i32>();
        return Ok(rows(
            (0..lists.len())
                .map(|row| {
                    if lists.is_null(row) {
                        return Vec::new();
                    }
                    let items = lists.value(row);
                    items.as_string::<i32>().iter().flatten().filter_map(normalize).collect()
                })
                .collect(),
        ));
    }
    let texts = cast(column, &DataType::Utf8)?;
    Ok(rows(texts.as_string::<i32>().iter().map(|t| t.and_then(normalize).into_iter().collect()).collect()))
}

/// One field's columns: its kept values in order, and whether an `(other)` column follows.
struct FieldVocabulary {
    values: Vec<String>,
    other: bool,
}

fn vocabulary(rows: &[Vec<String>], valid: &[bool], min_rows: usize, max_values: usize) -> FieldVocabulary {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (values, _) in rows.iter().zip(valid).filter(|(_, v)| **v) {
        for value in values {
            *counts.entry(value).or_default() += 1;
        }
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let kept: Vec<String> =
        ranked.iter().filter(|(_, n)| *n >= min_rows).take(max_values).map(|(v, _)| v.to_string()).collect();
    FieldVocabulary { other: ranked.len() > kept.len(), values: kept }
}

impl PartitionEvaluator for FeaturesEvaluator {
    fn evaluate_all(&mut self, values: &[ArrayRef], num_rows: usize) -> Result<ArrayRef> {
        let profile: &StructArray = values[0].as_struct();
        let valid: Vec<bool> = (0..num_rows).map(|row| profile.is_valid(row)).collect();
        let mut names: Vec<String> = Vec::new();
        // Multi-hot columns, one per (field, value) and pooled `(other)`.
        let mut columns: Vec<Vec<f32>> = Vec::new();
        for (field, column) in profile.fields().iter().zip(profile.columns()) {
            let rows = field_values(column)?;
            let vocabulary = vocabulary(&rows, &valid, self.min_rows, self.max_values);
            let index: BTreeMap<&str, usize> =
                vocabulary.values.iter().enumerate().map(|(i, v)| (v.as_str(), i)).collect();
            names.extend(vocabulary.values.iter().map(|v| format!("{}={v}", field.name())));
            let width = vocabulary.values.len() + usize::from(vocabulary.other);
            let mut field_columns = vec![vec![0f32; num_rows]; width];
            for (row, row_values) in rows.iter().enumerate() {
                for value in row_values {
                    let position = index.get(value.as_str()).copied().unwrap_or(vocabulary.values.len());
                    field_columns[position][row] = 1.0;
                }
            }
            if vocabulary.other {
                names.push(format!("{}=(other)", field.name()));
            }
            columns.extend(field_columns);
        }

        if self.names_only {
            let mut builder = ListBuilder::new(StringBuilder::new());
            for _ in 0..num_rows {
                names.iter().for_each(|n| builder.values().append_value(n));
                builder.append(true);
            }
            return Ok(Arc::new(builder.finish()));
        }

        let rows_counted = valid.iter().filter(|v| **v).count().max(1) as f64;
        for column in &mut columns {
            let values = column.iter().zip(&valid).filter(|(_, v)| **v).map(|(x, _)| f64::from(*x));
            let mean = values.clone().sum::<f64>() / rows_counted;
            let variance = values.map(|x| (x - mean) * (x - mean)).sum::<f64>() / rows_counted;
            let std = variance.sqrt();
            for x in column.iter_mut() {
                *x = if std > 1e-12 { ((f64::from(*x) - mean) / std) as f32 } else { 0.0 };
            }
        }
        let mut builder = ListBuilder::with_capacity(Float32Builder::with_capacity(num_rows * columns.len()), num_rows);
        for (row, is_valid) in valid.iter().enumerate() {
            if *is_valid {
                columns.iter().for_each(|c| builder.values().append_value(c[row]));
            }
            builder.append(*is_valid);
        }
        Ok(Arc::new(builder.finish()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_and_drops_non_answers() {
        assert_eq!(normalize("  Truck   Driver. ").as_deref(), Some("truck driver"));
        assert_eq!(normalize("N/A"), None);
        assert_eq!(normalize("Unknown"), None);
        assert_eq!(normalize("!!"), None);
    }

    #[test]
    fn rare_and_excess_values_are_pooled() {
        let rows: Vec<Vec<String>> = [vec!["a", "b"], vec!["a"], vec!["b", "c"], vec!["a", "d"]]
            .iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect();
        let all = vec![true; 4];
        let v = vocabulary(&rows, &all, 2, 20);
        assert_eq!((v.values.clone(), v.other), (vec!["a".to_string(), "b".to_string()], true));
        let capped = vocabulary(&rows, &all, 1, 1);
        assert_eq!((capped.values, capped.other), (vec!["a".to_string()], true));
        let none_pooled = vocabulary(&rows[..2], &all[..2], 1, 20);
        assert!(!none_pooled.other);
    }
}
