//! Splits SQL text into statements with the line each starts on, using the SQL tokenizer so that
//! semicolons inside strings, quoted names and comments do not split (datafusion-cli's naive
//! quote toggling gets `--` comments wrong).

use datafusion::error::{DataFusionError, Result};
use datafusion::sql::sqlparser::dialect::GenericDialect;
use datafusion::sql::sqlparser::tokenizer::{Location, Token, Tokenizer};

/// One statement of a script: its text without the closing `;` and its first line (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub line: usize,
    pub text: String,
}

/// Splits `sql` into statements; a last statement without `;` is kept.
pub fn split(sql: &str) -> Result<Vec<Statement>> {
    let tokens = Tokenizer::new(&GenericDialect {}, sql)
        .with_unescape(false)
        .tokenize_with_location()
        .map_err(|e| DataFusionError::Plan(format!("SQL syntax: {e}")))?;
    let offsets = LineOffsets::new(sql);
    let mut statements = Vec::new();
    let mut start: Option<(usize, usize)> = None; // (byte offset, line) of the statement's first token
    for token in &tokens {
        match &token.token {
            Token::Whitespace(_) | Token::EOF => {}
            Token::SemiColon => {
                if let Some((from, line)) = start.take() {
                    let to = offsets.byte(token.span.start);
                    statements.push(Statement { line, text: sql[from..to].trim_end().to_string() });
                }
            }
            _ => {
                if start.is_none() {
                    start = Some((offsets.byte(token.span.start), token.span.start.line as usize));
                }
            }
        }
    }
    if let Some((from, line)) = start {
        statements.push(Statement { line, text: sql[from..].trim_end().to_string() });
    }
    Ok(statements)
}

/// Whether `sql` ends a statement: its last token (not counting blanks and comments) is `;`.
/// Text that does not tokenize yet (an open quote or comment) is not complete.
pub fn is_complete(sql: &str) -> bool {
    let Ok(tokens) = Tokenizer::new(&GenericDialect {}, sql).tokenize() else {
        return false;
    };
    tokens
        .iter()
        .rev()
        .find(|t| !matches!(t, Token::Whitespace(_) | Token::EOF))
        .is_some_and(|t| matches!(t, Token::SemiColon))
}

/// Maps tokenizer locations (line and character column, from 1) to byte offsets.
struct LineOffsets<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineOffsets<'a> {
    fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Self { text, line_starts }
    }

    fn byte(&self, location: Location) -> usize {
        let line_start =
            self.line_starts.get((location.line as usize).saturating_sub(1)).copied().unwrap_or(self.text.len());
        let column = (location.column as usize).saturating_sub(1);
        self.text[line_start..].char_indices().nth(column).map_or(self.text.len(), |(i, _)| line_start + i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_semicolons_outside_strings_and_comments() {
        let sql = "SELECT 'a;b';\n-- note; here\nSELECT 2 /* ; */ ;\n\nSELECT 3";
        let got = split(sql).unwrap();
        assert_eq!(
            got,
            vec![
                Statement { line: 1, text: "SELECT 'a;b'".into() },
                Statement { line: 3, text: "SELECT 2 /* ; */".into() },
                Statement { line: 5, text: "SELECT 3".into() },
            ]
        );
    }

    #[test]
    fn completeness_ignores_trailing_comments_and_open_quotes() {
        assert!(is_complete("SELECT 1; -- done"));
        assert!(!is_complete("SELECT 'a;"));
        assert!(!is_complete("SELECT 1"));
    }

    #[test]
    fn multibyte_text_keeps_char_columns() {
        let got = split("SELECT '🥹'; SELECT 2;").unwrap();
        assert_eq!(got[1].text, "SELECT 2");
    }
}
