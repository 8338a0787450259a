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
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.contains("async functions should not be called directly") {
        // DataFusion runs async functions (embed, embed_voyage, profile_llm) only as their own
        // projection; nested in a window or aggregate's arguments its message blames itself.
        let origin = text.split("Internal error").next().unwrap_or_default();
        return format!(
            "{origin}embed(), embed_voyage() and profile_llm() cannot be used inside a window or \
             aggregate function's arguments: compute them in a subquery or WITH clause first"
        );
    }
    if text.contains("Resources exhausted") && !text.contains("--memory-limit") {
        return format!(
            "{text} (execution memory is capped by --memory-limit, default 2g: raise it, or set \
             FANSQL_MEMORY_LIMIT; 'none' removes the cap)"
        );
    }
    text
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
    fn memory_errors_say_how_to_raise_the_cap() {
        let err = DataFusionError::ResourcesExhausted("Failed to allocate additional 1.0 GB".into());
        assert!(one_line(&err).contains("--memory-limit"), "{}", one_line(&err));
    }

    #[test]
    fn nested_async_functions_get_a_way_out() {
        let err = DataFusionError::Internal("async functions should not be called directly".into());
        let wrapped = DataFusionError::Plan(format!("-c #1:1: {err}"));
        assert_eq!(
            one_line(&wrapped),
            "-c #1:1: embed(), embed_voyage() and profile_llm() cannot be used inside a window or aggregate \
             function's arguments: compute them in a subquery or WITH clause first"
        );
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
