//! Backslash commands of the REPL, psql-style. `ALL` is the single source for `\?` and for
//! Tab completion.

use std::path::PathBuf;
use std::str::FromStr;

use datafusion::execution::context::SessionState;

use crate::print::OutputFormat;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetaCommand {
    Help,
    Quit,
    ListTables,
    Describe(String),
    ListFunctions(Option<String>),
    Include(PathBuf),
    Output(Option<PathBuf>),
    Timing(Option<bool>),
    Format(OutputFormat),
    Cache,
    Estimate(String),
}

/// Every command with its usage and what it does.
pub const ALL: &[(&str, &str, &str)] = &[
    ("\\?", "\\?", "show this help"),
    ("\\q", "\\q", "quit (Ctrl-D works too)"),
    ("\\dt", "\\dt", "list tables and views"),
    ("\\d", "\\d NAME", "describe the columns of a table or view"),
    ("\\df", "\\df [PATTERN]", "list functions matching PATTERN (* and % are wildcards); \\df NAME explains one"),
    ("\\i", "\\i FILE", "run the statements in FILE"),
    ("\\o", "\\o [FILE]", "send query results to FILE, or back to the screen"),
    ("\\timing", "\\timing [on|off]", "toggle or set the row-count and elapsed-time line"),
    ("\\format", "\\format FMT", "set the result format: table, csv, tsv, json, ndjson, markdown"),
    ("\\cache", "\\cache", "show the API answer cache: folder, entries and size per function"),
    (
        "\\estimate",
        "\\estimate SQL",
        "show what SQL would send to APIs (items, requests, tokens, cost, cache hits) without sending",
    ),
];

impl FromStr for MetaCommand {
    type Err = String;

    fn from_str(line: &str) -> Result<Self, Self::Err> {
        let mut parts = line.trim().trim_end_matches(';').splitn(2, char::is_whitespace);
        let name = parts.next().unwrap_or_default();
        let arg = parts.next().map(str::trim).filter(|a| !a.is_empty());
        let need = |what: &str| arg.map(str::to_string).ok_or_else(|| format!("{name} needs {what}"));
        match name {
            "\\?" | "\\h" | "\\help" => Ok(Self::Help),
            "\\q" | "\\quit" => Ok(Self::Quit),
            "\\dt" | "\\d" if arg.is_none() => Ok(Self::ListTables),
            "\\d" => Ok(Self::Describe(need("a table name")?)),
            "\\df" => Ok(Self::ListFunctions(arg.map(str::to_string))),
            "\\i" => Ok(Self::Include(PathBuf::from(need("a file name")?))),
            "\\o" => Ok(Self::Output(arg.map(PathBuf::from))),
            "\\timing" => match arg.map(str::to_ascii_lowercase).as_deref() {
                None => Ok(Self::Timing(None)),
                Some("on") => Ok(Self::Timing(Some(true))),
                Some("off") => Ok(Self::Timing(Some(false))),
                Some(other) => Err(format!("\\timing takes on or off, not '{other}'")),
            },
            "\\format" | "\\pset" => Ok(Self::Format(need("a format name")?.parse()?)),
            "\\cache" => Ok(Self::Cache),
            "\\estimate" => Ok(Self::Estimate(need("a SQL statement")?)),
            other => {
                let suggestion = ALL
                    .iter()
                    .map(|(n, _, _)| *n)
                    .find(|n| n.starts_with(other) || other.starts_with(n))
                    .map(|n| format!(" (did you mean {n}?)"))
                    .unwrap_or_default();
                Err(format!("unknown command {other}{suggestion}; \\? lists the commands"))
            }
        }
    }
}

/// The `\?` text.
pub fn help_text() -> String {
    let mut text = String::from("Meta-commands (SQL statements end with ;):\n");
    for (_, usage, what) in ALL {
        text.push_str(&format!("  {usage:<18} {what}\n"));
    }
    text
}

/// SQL listing functions whose names match a psql-style pattern, with their descriptions.
/// Async functions, whose documentation DataFusion's wrapper hides, get theirs from fansql.
pub fn functions_sql(pattern: Option<&str>) -> String {
    let like = match pattern {
        None => "%".to_string(),
        Some(p) if p.contains(['*', '%']) => p.replace('*', "%"),
        Some(p) => format!("%{p}%"),
    };
    let quote = |s: &str| format!("'{}'", s.replace('\'', "''"));
    let hidden_docs: Vec<String> = fansql_udfs::async_function_docs()
        .iter()
        .map(|(name, doc)| format!("({}, {}, {})", quote(name), quote(&doc.syntax_example), quote(&doc.description)))
        .collect();
    format!(
        "WITH hidden(name, syntax, description) AS (VALUES {}) \
         SELECT function, kind, coalesce(r.syntax, h.syntax) AS syntax, coalesce(r.description, h.description) AS description \
         FROM (SELECT routine_name AS function, lower(function_type) AS kind, \
                      max(syntax_example) AS syntax, max(description) AS description \
               FROM information_schema.routines WHERE routine_name LIKE {} \
               GROUP BY routine_name, function_type) r \
         LEFT JOIN hidden h ON h.name = r.function \
         ORDER BY coalesce(r.description, h.description) IS NULL, function",
        hidden_docs.join(", "),
        quote(&like)
    )
}

/// The full documentation of the function named exactly `name`, as `\\df NAME` prints it:
/// kind, syntax, description, arguments, example and related functions.
pub fn function_help(state: &SessionState, name: &str) -> Option<String> {
    let hidden = fansql_udfs::async_function_docs().into_iter().find(|(n, _)| *n == name).map(|(_, doc)| doc);
    let (kind, doc) = if let Some(f) = state.scalar_functions().get(name) {
        ("scalar function", f.documentation().or(hidden))
    } else if let Some(f) = state.aggregate_functions().get(name) {
        ("aggregate function", f.documentation())
    } else if let Some(f) = state.window_functions().get(name) {
        ("window function", f.documentation())
    } else {
        return None;
    };
    let Some(doc) = doc else {
        return Some(format!("{name}: {kind} (no documentation)\n"));
    };
    let mut text = format!("{name}: {kind}\n\n  {}\n\n", doc.syntax_example);
    text.push_str(&wrap(&doc.description, 96, "  "));
    if let Some(arguments) = &doc.arguments {
        text.push_str("\nArguments:\n");
        for (argument, about) in arguments {
            text.push_str(&format!("  {argument:<12} {}\n", about));
        }
    }
    if let Some(example) = &doc.sql_example {
        text.push_str("\nExample:\n");
        for line in example.lines().filter(|l| !l.starts_with("```")) {
            text.push_str(&format!("  {line}\n"));
        }
    }
    if let Some(related) = &doc.related_udfs {
        text.push_str(&format!("\nSee also: {}\n", related.join(", ")));
    }
    Some(text)
}

/// Wraps `text` at `width` columns, each line starting with `indent`.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::from(indent);
    for word in text.split_whitespace() {
        if line.len() > indent.len() && line.len() + 1 + word.len() > width {
            out.push_str(&line);
            out.push('\n');
            line = String::from(indent);
        }
        if line.len() > indent.len() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// SQL describing the columns of a table.
pub fn describe_sql(table: &str) -> String {
    format!(
        "SELECT column_name, data_type, is_nullable FROM information_schema.columns \
         WHERE table_name = '{}' ORDER BY ordinal_position",
        table.replace('\'', "''")
    )
}

/// SQL listing the tables and views.
pub const TABLES_SQL: &str = "SELECT table_name, lower(table_type) AS kind FROM information_schema.tables \
     WHERE table_schema = 'public' ORDER BY table_name";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_commands_and_suggests() {
        assert_eq!("\\d messages".parse::<MetaCommand>(), Ok(MetaCommand::Describe("messages".into())));
        assert_eq!("\\d".parse::<MetaCommand>(), Ok(MetaCommand::ListTables));
        assert_eq!("\\format csv".parse::<MetaCommand>(), Ok(MetaCommand::Format(OutputFormat::Csv)));
        let err = "\\tim".parse::<MetaCommand>().unwrap_err();
        assert!(err.contains("did you mean \\timing"), "{err}");
    }

    #[test]
    fn explains_one_function() {
        let ctx = crate::session::new_context().unwrap();
        let text = function_help(&ctx.state(), "stage").unwrap();
        assert!(text.starts_with("stage: window function"), "{text}");
        assert!(text.contains("Arguments:\n  ts ") && text.contains("Example:"), "{text}");
        assert!(function_help(&ctx.state(), "no_such_function").is_none());
        let text = function_help(&ctx.state(), "profile_llm").unwrap();
        assert!(text.contains("age_indicators"), "{text}");
    }
}
