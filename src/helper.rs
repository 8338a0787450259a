//! Everything rustyline-specific for the REPL: statements continue over lines until `;`
//! (decided by the SQL tokenizer), and Tab completes SQL keywords, table, column and function
//! names and backslash commands.

use std::borrow::Cow;
use std::sync::{Arc, RwLock};

use rustyline::completion::{Completer, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Context, Helper};

use crate::sql_split::is_complete;

/// The words Tab can complete, refreshed after each statement (tables come and go).
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    pub keywords: Vec<String>,
    pub names: Vec<String>,
    pub commands: Vec<String>,
}

#[derive(Default)]
pub struct ReplHelper {
    pub vocabulary: Arc<RwLock<Vocabulary>>,
}

impl Helper for ReplHelper {}
impl Hinter for ReplHelper {
    type Hint = String;
}
impl Highlighter for ReplHelper {
    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(&'s self, prompt: &'p str, _default: bool) -> Cow<'b, str> {
        Cow::Borrowed(prompt)
    }
}

impl Validator for ReplHelper {
    fn validate(&self, ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        let input = ctx.input().trim();
        if input.is_empty() || input.starts_with('\\') || is_complete(input) {
            Ok(ValidationResult::Valid(None))
        } else {
            Ok(ValidationResult::Incomplete)
        }
    }
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '\\'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &before[start..];
        if word.is_empty() {
            return Ok((pos, Vec::new()));
        }
        let Ok(vocabulary) = self.vocabulary.read() else {
            return Ok((pos, Vec::new()));
        };
        Ok((start, candidates(&vocabulary, word)))
    }
}

/// Completions for `word`: backslash commands after `\`, else names and keywords that start
/// with it (ignoring case; keywords follow the case the user typed).
fn candidates(vocabulary: &Vocabulary, word: &str) -> Vec<Pair> {
    let pair = |s: String| Pair { display: s.clone(), replacement: s };
    if word.starts_with('\\') {
        return vocabulary.commands.iter().filter(|c| c.starts_with(word)).cloned().map(pair).collect();
    }
    let lower = word.to_lowercase();
    let typed_upper = word.chars().next().is_some_and(char::is_uppercase);
    let mut found: Vec<String> =
        vocabulary.names.iter().filter(|n| n.to_lowercase().starts_with(&lower)).cloned().collect();
    found.extend(vocabulary.keywords.iter().filter(|k| k.to_lowercase().starts_with(&lower)).map(|k| {
        if typed_upper {
            k.to_uppercase()
        } else {
            k.to_lowercase()
        }
    }));
    found.sort();
    found.dedup();
    found.into_iter().map(pair).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completes_names_keywords_and_commands() {
        let vocabulary = Vocabulary {
            keywords: vec!["SELECT".into(), "SET".into()],
            names: vec!["messages".into(), "stage".into()],
            commands: vec!["\\dt".into(), "\\df".into()],
        };
        let words = |w: &str| candidates(&vocabulary, w).into_iter().map(|p| p.replacement).collect::<Vec<_>>();
        assert_eq!(words("st"), vec!["stage"]);
        assert_eq!(words("se"), vec!["select", "set"]);
        assert_eq!(words("SE"), vec!["SELECT", "SET"]);
        assert_eq!(words("\\d"), vec!["\\dt", "\\df"]);
    }
}
