//! Error messages as one clear line: DataFusion's nested "caused by" chains and multi-line
//! messages are folded, and backtraces are dropped.

use datafusion::error::DataFusionError;

/// The error as a single line.
pub fn one_line(err: &DataFusionError) -> String {
    let text = match err {
        DataFusionError::Context(context, inner) => format!("{context}: {}", one_line(inner)),
        DataFusionError::Diagnostic(_, inner) => one_line(inner),
        other => other.to_string(),
    };
    let text = text.split("\n\nbacktrace").next().unwrap_or_default();
    // Messages that fansql wraps with their origin carry DataFusion's category prefix more than
    // once; it says nothing the message does not.
    let text = text.replace("Error during planning: ", "");
    let text = match text.split_once("SQL error: ParserError(\"") {
        Some((before, rest)) => format!("{before}syntax error: {}", rest.trim_end_matches("\")")),
        None => text,
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_lines_and_repeated_prefixes() {
        let inner = DataFusionError::Plan("bad\nthing".into());
        let outer = DataFusionError::Plan(format!("q.sql:3: {inner}"));
        assert_eq!(one_line(&outer), "q.sql:3: bad thing");
    }

    #[test]
    fn parser_errors_read_as_syntax_errors() {
        let err = DataFusionError::SQL(
            Box::new(datafusion::sql::sqlparser::parser::ParserError::ParserError("Expected: x".into())),
            None,
        );
        assert_eq!(one_line(&err), "syntax error: Expected: x");
    }
}
