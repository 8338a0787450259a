//! `fansql run PATH...`: runs saved `.sql` files (a folder's files in name order) in one session,
//! printing a status line per statement and stopping at the first error with file and line.

use std::io::Write;
use std::path::PathBuf;

use datafusion::error::{DataFusionError, Result};

use crate::exec::{Executor, Outcome};

/// The `.sql` files named by `paths`, folders expanded to their files in name order.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries =
                std::fs::read_dir(path).map_err(|e| DataFusionError::Plan(format!("{}: {e}", path.display())))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "sql"))
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(DataFusionError::Plan(format!("{}: no .sql files in this folder", path.display())));
            }
            files.extend(found);
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            return Err(DataFusionError::Plan(format!("{}: no such file or folder", path.display())));
        }
    }
    Ok(files)
}

/// Runs the files in order; `status` receives one line per statement.
pub async fn run(executor: &Executor, files: &[PathBuf], out: &mut dyn Write, status: &mut dyn Write) -> Result<()> {
    for file in files {
        let sql =
            std::fs::read_to_string(file).map_err(|e| DataFusionError::Plan(format!("{}: {e}", file.display())))?;
        let mut report = |place: &str, outcome: &Outcome| {
            writeln!(
                status,
                "{place:<40} {:<44} {:>9} rows {:>8.3} s",
                outcome.label,
                outcome.rows,
                outcome.elapsed.as_secs_f64()
            )
        };
        executor.run_script(&sql, &file.display().to_string(), out, &mut report).await?;
    }
    Ok(())
}
