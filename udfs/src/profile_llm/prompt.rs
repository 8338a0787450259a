//! What profile_llm asks the model. `PROMPT_VERSION` is part of every cache key: change it
//! whenever the prompt or the answer schema changes, so old answers are not reused.

use serde_json::{json, Value};

use super::profile::FIELDS;

pub const PROMPT_VERSION: &str = "fan-profile-v1";

pub const SYSTEM: &str = "You build short profiles of fans of a content creator from the messages each fan wrote. \
The user message is a JSON array of items {\"id\", \"text\"}; each text is one fan's messages, one per line. \
Return {\"profiles\": [...]} with exactly one entry per item, in any order, each carrying the item's id unchanged, \
an \"echo\" with the first five words of that item's text copied exactly, and these fields, each a list of short \
strings: age_indicators (stated ages or age hints), job_or_career, location_hints, relationship_status, \
personality_traits, emotional_needs, purchase_motivations, communication_style, life_events. \
Use only what the text supports; use an empty list when it says nothing about a field. Never merge or split items.";

/// The JSON schema the answer must follow (OpenAI structured outputs, strict mode).
pub fn answer_schema() -> Value {
    let mut properties = serde_json::Map::new();
    properties.insert("id".into(), json!({"type": "string"}));
    properties.insert("echo".into(), json!({"type": "string"}));
    for field in FIELDS {
        properties.insert(field.into(), json!({"type": "array", "items": {"type": "string"}}));
    }
    let mut required = vec![json!("id"), json!("echo")];
    required.extend(FIELDS.iter().map(|f| json!(f)));
    json!({
        "type": "object",
        "properties": {
            "profiles": {
                "type": "array",
                "items": {"type": "object", "properties": properties, "required": required, "additionalProperties": false}
            }
        },
        "required": ["profiles"],
        "additionalProperties": false
    })
}

/// Letters and digits only, lowercased: how echoes are compared, so quoting, spacing and emoji
/// differences do not count as a mismatch.
fn squash(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Whether an answer's echo belongs to `text`: its letters and digits start the text's (the
/// first 20 are enough). Texts without letters or digits match any echo.
pub fn echo_matches(echo: &str, text: &str) -> bool {
    let expected = squash(text);
    if expected.is_empty() {
        return true;
    }
    let got: String = squash(echo).chars().take(20).collect();
    !got.is_empty() && expected.starts_with(&got)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn echo_of(text: &str, n: usize) -> String {
        text.split_whitespace().take(n).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn echoes_tolerate_punctuation_and_reject_other_texts() {
        let text = "Hey there!! I'm 34 and\nI live in Austin";
        assert!(echo_matches(&echo_of(text, 5), text));
        assert!(echo_matches("hey there i'm 34 and", text));
        assert!(!echo_matches("I live in Austin", text));
        assert!(!echo_matches("", text));
        assert!(echo_matches("", "🔥🔥"));
    }
}
