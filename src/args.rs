//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::print::OutputFormat;

#[derive(Debug, Parser)]
#[command(
    name = "fansql",
    version,
    about = "SQL for fan-conversation analytics (Apache DataFusion)",
    after_help = "With no -c/-f and a terminal on stdin, fansql opens the interactive shell; \
                  SQL piped on stdin is run in batch."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Run this SQL (repeatable; many statements allowed) and exit.
    #[arg(short = 'c', long = "command", value_name = "SQL")]
    pub commands: Vec<String>,

    /// Run the statements in this file (repeatable) and exit.
    #[arg(short = 'f', long = "file", value_name = "FILE.sql")]
    pub files: Vec<PathBuf>,

    #[command(flatten)]
    pub session: SessionArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Args)]
pub struct SessionArgs {
    /// Memory for query execution, e.g. 512m, 8g, or `none` for no cap; sorts and aggregations
    /// spill to disk beyond it. Default: $FANSQL_MEMORY_LIMIT, else 2g.
    #[arg(long, value_name = "SIZE", global = true, value_parser = parse_memory_limit)]
    pub memory_limit: Option<MemoryLimit>,

    /// Conversation logs to load as `raw_messages`/`messages`: a file, folder or glob of CSV,
    /// Parquet or JSON/NDJSON, local or s3://, gs://, http(s):// (repeatable).
    /// Default: $FANSQL_DATA, else data/sample/ when it exists.
    #[arg(long, value_name = "PATH_OR_URL", global = true)]
    pub data: Vec<String>,

    /// Set a setting before anything runs, like SET (repeatable), e.g.
    /// --set fansql.experiment.start=2025-04-16; SHOW ALL lists the settings.
    #[arg(long, value_name = "NAME=VALUE", global = true, value_parser = parse_setting)]
    pub set: Vec<(String, String)>,

    /// Run every query on the Ballista cluster whose scheduler is at this URL (df://HOST:PORT);
    /// start one with fansql-scheduler and fansql-executor.
    #[arg(long, value_name = "df://HOST:PORT", global = true)]
    pub cluster: Option<String>,

    /// With --cluster: the folder every cluster machine sees, or object-store URL, where
    /// CREATE TABLE ... AS tables are written (default: <temp dir>/fansql-tables, which only
    /// works when the cluster runs on this machine).
    #[arg(long, value_name = "DIR_OR_URL", global = true, requires = "cluster")]
    pub cluster_tables: Option<String>,

    /// Threads the whole-partition functions (kmeans, silhouette, pca, umap) use; the same as
    /// --set fansql.threads=N (default: every core).
    #[arg(long, value_name = "N", global = true)]
    pub threads: Option<usize>,
}

impl SessionArgs {
    /// Every setting the arguments ask for, in order (--threads last).
    pub fn settings(&self) -> Vec<(String, String)> {
        let mut settings = self.set.clone();
        settings.extend(self.threads.map(|n| ("fansql.threads".to_string(), n.to_string())));
        settings
    }
}

fn parse_setting(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => Ok((name.trim().to_string(), value.trim().to_string())),
        _ => Err(format!("'{text}' is not NAME=VALUE like fansql.experiment.start=2025-04-16")),
    }
}

#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    /// Result format: table, csv, tsv, json, ndjson or markdown
    /// (default: table on a terminal, csv otherwise).
    #[arg(long, value_name = "FORMAT", global = true)]
    pub format: Option<OutputFormat>,

    /// No banner, no timing footers, no progress lines.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Rows shown by the table format (the rest are counted).
    #[arg(long, value_name = "N", default_value_t = 40, global = true)]
    pub max_rows: usize,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run saved .sql files; a folder runs its .sql files in name order.
    Run {
        /// Files or folders of saved queries.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,

        /// Folder where relative paths of COPY ... TO and CREATE EXTERNAL TABLE land.
        #[arg(long, value_name = "DIR", default_value = "outputs")]
        out: PathBuf,
    },
    /// Serve the session over the PostgreSQL wire protocol (psql, DBeaver, Metabase, Grafana),
    /// after running the saved queries given, if any.
    Serve {
        /// Saved queries to run first (their tables and views are served).
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,

        /// Address to listen on; loopback unless told otherwise.
        #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:5432")]
        listen: std::net::SocketAddr,

        /// Folder where the saved queries' outputs land.
        #[arg(long, value_name = "DIR", default_value = "outputs")]
        out: PathBuf,

        /// Let clients run statements that write (COPY, INSERT, CREATE, DROP, ...) and plot
        /// functions; read-only otherwise.
        #[arg(long)]
        allow_writes: bool,
    },
    /// Write synthetic conversation logs in the seed schema, plus a labels file.
    Generate(crate::generate::GenerateArgs),
    /// Inspect or empty the persistent API answer cache.
    #[command(subcommand)]
    Cache(crate::cache_command::CacheCommand),
}

/// A cap on execution memory, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemoryLimit {
    Bytes(usize),
    Unlimited,
}

/// `none` (or `unlimited`, `0`) or a size like 512m.
pub fn parse_memory_limit(text: &str) -> Result<MemoryLimit, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "none" | "unlimited" | "0" => Ok(MemoryLimit::Unlimited),
        _ => parse_size(text).map(MemoryLimit::Bytes),
    }
}

/// Parses a size such as `512m`, `1.5g`, `2GB` or a plain number of bytes.
pub fn parse_size(text: &str) -> Result<usize, String> {
    let lower = text.trim().to_ascii_lowercase();
    let digits_end = lower.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(lower.len());
    let (number, unit) = lower.split_at(digits_end);
    let number: f64 = number.parse().map_err(|_| format!("'{text}' is not a size like 512m or 2g"))?;
    let scale = match unit.trim().trim_end_matches('b').trim_end_matches('i') {
        "" => 1.0,
        "k" => 1024.0,
        "m" => 1024.0 * 1024.0,
        "g" => 1024.0 * 1024.0 * 1024.0,
        "t" => 1024.0 * 1024.0 * 1024.0 * 1024.0,
        _ => return Err(format!("'{text}' is not a size like 512m or 2g")),
    };
    let bytes = number * scale;
    if bytes < 1024.0 * 1024.0 {
        return Err(format!("'{text}' is too small (at least 1m)"));
    }
    Ok(bytes as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("512m"), Ok(512 << 20));
        assert_eq!(parse_size("1.5g"), Ok(3 << 29));
        assert_eq!(parse_size("2GiB"), Ok(2 << 30));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("10").is_err());
        assert_eq!(parse_memory_limit("none"), Ok(MemoryLimit::Unlimited));
        assert_eq!(parse_memory_limit("0"), Ok(MemoryLimit::Unlimited));
        assert_eq!(parse_memory_limit("4g"), Ok(MemoryLimit::Bytes(4 << 30)));
    }
}
