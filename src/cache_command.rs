//! `\cache` and `fansql cache stats|clear`: what the persistent API answer cache holds, and
//! emptying it.

use std::path::PathBuf;

use clap::Subcommand;
use datafusion::error::Result;
use fansql_udfs::api::cache::{cache_dir, AnswerCache};

#[derive(Debug, Clone, Subcommand)]
pub enum CacheCommand {
    /// Show the cache folder, and entries and size per function.
    Stats {
        /// Cache folder (default: $FANSQL_CACHE_DIR, else the user's cache folder).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Remove cached answers (all, or one function's). Paid answers are lost for good.
    Clear {
        /// Only this function's answers, e.g. profile_llm.
        #[arg(long)]
        function: Option<String>,
        /// Cache folder (default: $FANSQL_CACHE_DIR, else the user's cache folder).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
}

fn folder(dir: &Option<PathBuf>) -> PathBuf {
    dir.clone().unwrap_or_else(|| cache_dir(""))
}

/// The `\cache` text for the cache folder a session uses (`fansql.cache.dir`).
pub fn report(setting: &str) -> Result<String> {
    let dir = cache_dir(setting);
    if !dir.join("answers.sqlite3").exists() {
        return Ok(format!("answer cache {}: empty (nothing cached yet)\n", dir.display()));
    }
    let cache = AnswerCache::open(&dir)?;
    let mut text = format!("answer cache {}\n", cache.path().display());
    let stats = cache.stats()?;
    if stats.is_empty() {
        text.push_str("  empty\n");
    }
    for kind in stats {
        text.push_str(&format!("  {:<16} {:>9} answers {:>12} bytes\n", kind.kind, kind.entries, kind.bytes));
    }
    Ok(text)
}

pub fn run(command: &CacheCommand) -> Result<String> {
    match command {
        CacheCommand::Stats { dir } => report(&folder(dir).to_string_lossy()),
        CacheCommand::Clear { function, dir } => {
            let dir = folder(dir);
            let removed = AnswerCache::open(&dir)?.clear(function.as_deref())?;
            Ok(format!("removed {removed} cached answer(s) from {}\n", dir.display()))
        }
    }
}
