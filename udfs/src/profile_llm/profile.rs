//! A fan profile: nine lists of short strings, read tolerantly from whatever JSON a model
//! returned (key variants such as `Age indicators`, `AgeIndicators` or `job_career`, scalars where
//! lists belong, numbers, nulls) and normalized so that equal answers compare equal.

use std::sync::Arc;

use datafusion::arrow::array::{ArrayRef, ListBuilder, StringBuilder, StructArray};
use datafusion::arrow::buffer::NullBuffer;
use datafusion::arrow::datatypes::{DataType, Field, Fields};
use serde_json::Value;

/// The profile fields, in the order of the returned STRUCT.
pub const FIELDS: [&str; 9] = [
    "age_indicators",
    "job_or_career",
    "location_hints",
    "relationship_status",
    "personality_traits",
    "emotional_needs",
    "purchase_motivations",
    "communication_style",
    "life_events",
];

/// Fields whose values are categories (lowercased, split on commas); the others are free text.
const IS_CATEGORY: [bool; 9] = [false, false, false, true, true, true, true, true, false];

/// Values that mean "nothing found".
const PLACEHOLDERS: &[&str] = &[
    "",
    "none",
    "n/a",
    "na",
    "null",
    "unknown",
    "not specified",
    "not mentioned",
    "not applicable",
    "not provided",
    "not indicated",
    "no information",
    "-",
    "nothing",
];

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Profile {
    pub fields: [Vec<String>; 9],
}

/// The field a (possibly misspelled) key names, or None for other keys (ids, echoes).
pub fn field_index(key: &str) -> Option<usize> {
    let squashed: String = key.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
    let index = match squashed.as_str() {
        "ageindicators" | "ageindicator" | "age" | "ageindications" | "agehints" => 0,
        "joborcareer" | "jobcareer" | "career" | "job" | "jobs" | "occupation" | "work" | "profession" => 1,
        "locationhints" | "locationhint" | "location" | "locations" => 2,
        "relationshipstatus" | "relationship" | "relationships" => 3,
        "personalitytraits" | "personalitytrait" | "personality" | "traits" => 4,
        "emotionalneeds" | "emotionalneed" | "needs" => 5,
        "purchasemotivations" | "purchasemotivation" | "motivations" => 6,
        "communicationstyle" | "communicationstyles" | "style" => 7,
        "lifeevents" | "lifeevent" | "events" => 8,
        _ => return None,
    };
    Some(index)
}

fn clean(value: &str, category: bool) -> Option<String> {
    let collapsed = value.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = collapsed.trim_matches(|c: char| c == '.' || c == '"' || c == '\'' || c.is_whitespace());
    let text = if category { trimmed.to_lowercase() } else { trimmed.to_string() };
    (!PLACEHOLDERS.contains(&text.to_lowercase().as_str())).then_some(text)
}

fn collect_values(value: &Value, category: bool, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_values(v, category, out)),
        Value::String(s) if category => {
            s.split([',', ';']).filter_map(|part| clean(part, true)).for_each(|v| out.push(v))
        }
        Value::String(s) => out.extend(clean(s, false)),
        Value::Number(n) => out.extend(clean(&n.to_string(), category)),
        Value::Null | Value::Bool(_) | Value::Object(_) => {}
    }
}

fn dedup(values: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    values.into_iter().filter(|v| seen.insert(v.to_lowercase())).collect()
}

impl Profile {
    /// Reads a profile from one JSON object of a model's answer; unknown keys are ignored.
    pub fn from_json(object: &serde_json::Map<String, Value>) -> Profile {
        let mut raw: [Vec<String>; 9] = Default::default();
        for (key, value) in object {
            if let Some(index) = field_index(key) {
                collect_values(value, IS_CATEGORY[index], &mut raw[index]);
            }
        }
        Profile { fields: raw.map(dedup) }
    }

    /// Builds a profile from lists already extracted (the local profiler), normalizing them.
    pub fn from_lists(lists: [Vec<String>; 9]) -> Profile {
        let mut fields: [Vec<String>; 9] = Default::default();
        for (index, values) in lists.into_iter().enumerate() {
            fields[index] = dedup(values.iter().filter_map(|v| clean(v, IS_CATEGORY[index])).collect());
        }
        Profile { fields }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<Profile> {
        serde_json::from_slice(bytes).ok()
    }
}

fn item_field() -> Arc<Field> {
    Arc::new(Field::new_list_field(DataType::Utf8, true))
}

/// `STRUCT<age_indicators LIST<VARCHAR>, ...>`: the type `profile_llm` returns.
pub fn struct_fields() -> Fields {
    FIELDS.iter().map(|name| Field::new(*name, DataType::List(item_field()), true)).collect()
}

/// One STRUCT row per input row; `None` rows are NULL.
pub fn to_struct_array(rows: &[Option<&Profile>]) -> StructArray {
    let columns: Vec<ArrayRef> = (0..FIELDS.len())
        .map(|index| {
            let mut builder = ListBuilder::new(StringBuilder::new()).with_field(item_field());
            for row in rows {
                match row {
                    Some(profile) => {
                        for value in &profile.fields[index] {
                            builder.values().append_value(value);
                        }
                        builder.append(true);
                    }
                    None => builder.append(false),
                }
            }
            Arc::new(builder.finish()) as ArrayRef
        })
        .collect();
    let nulls = NullBuffer::from(rows.iter().map(Option::is_some).collect::<Vec<_>>());
    let nulls = (nulls.null_count() > 0).then_some(nulls);
    StructArray::new(struct_fields(), columns, nulls)
}

#[cfg(test)]
mod tests {
    use super::*;
    use datafusion::arrow::array::Array;
    use serde_json::json;

    #[test]
    fn reads_key_variants_scalars_and_placeholders() {
        let answer = json!({
            "Fan": 16, "AgeIndicators": [25, "25"], "job_career": "Nurse ", "Location hints": null,
            "RelationshipStatus": "Single", "CommunicationStyle": "Direct, playful; direct",
            "emotional_needs": ["Validation", "validation", "N/A"], "life_events": "none"
        });
        let profile = Profile::from_json(answer.as_object().unwrap());
        assert_eq!(profile.fields[0], vec!["25"]);
        assert_eq!(profile.fields[1], vec!["Nurse"]);
        assert!(profile.fields[2].is_empty());
        assert_eq!(profile.fields[3], vec!["single"]);
        assert_eq!(profile.fields[5], vec!["validation"]);
        assert_eq!(profile.fields[7], vec!["direct", "playful"]);
        assert!(profile.fields[8].is_empty());
    }

    #[test]
    fn struct_rows_keep_nulls_and_empty_lists_apart() {
        let profile = Profile::default();
        let array = to_struct_array(&[Some(&profile), None]);
        assert_eq!(array.len(), 2);
        assert!(array.is_valid(0) && array.is_null(1));
        assert_eq!(array.column(0).len(), 2);
    }
}
