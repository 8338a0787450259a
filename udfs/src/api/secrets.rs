//! API keys and base URLs come only from the environment or a `.env` file in the working
//! directory, and never appear in messages: every error text that could carry a key goes
//! through [`redact`].

use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

static DOTENV: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    dotenvy::from_filename_iter(".env").map(|entries| entries.filter_map(Result::ok).collect()).unwrap_or_default()
});

/// A setting from the environment, else from `./.env`; blank counts as unset.
pub fn env_setting(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .or_else(|| DOTENV.get(name).cloned())
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// An API key. Its `Debug` and `Display` never show it.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    pub fn from_env(name: &str) -> Option<ApiKey> {
        env_setting(name).map(ApiKey)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(<redacted>)")
    }
}

impl fmt::Display for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Removes the key, and anything shaped like a provider key, from a text.
pub fn redact(text: &str, key: Option<&ApiKey>) -> String {
    static KEY_SHAPED: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"(sk|pa)-[A-Za-z0-9_\-*]{8,}").expect("valid key pattern"));
    let text = match key {
        Some(key) if !key.0.is_empty() => text.replace(&key.0, "<redacted>"),
        _ => text.to_string(),
    };
    KEY_SHAPED.replace_all(&text, "<redacted>").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_never_print() {
        let key = ApiKey("sk-test-1234567890abcdef".into());
        assert_eq!(format!("{key} {key:?}"), "<redacted> ApiKey(<redacted>)");
        let text = "Incorrect API key provided: sk-test-1234567890abcdef and sk-proj-abcd****wxyz";
        let clean = redact(text, Some(&key));
        assert!(!clean.contains("sk-"), "{clean}");
    }
}
