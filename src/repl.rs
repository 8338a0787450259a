//! The interactive shell: rustyline editing with history, multi-line statements, Tab
//! completion, backslash commands, and Ctrl-C that cancels the running query but keeps the
//! session.

use std::fs::File;
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use datafusion::error::{DataFusionError, Result};
use datafusion::sql::sqlparser::keywords::ALL_KEYWORDS;
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{Config, Editor};

use crate::error::one_line;
use crate::exec::Executor;
use crate::helper::{ReplHelper, Vocabulary};
use crate::meta_command::{self, MetaCommand};

pub struct Repl {
    executor: Executor,
    /// Where results go: the screen, or a file after `\o FILE`.
    output: Box<dyn Write>,
    vocabulary: Arc<RwLock<Vocabulary>>,
}

fn report(result: Result<()>) {
    if let Err(e) = result {
        eprintln!("error: {}", one_line(&e));
    }
}

/// `$XDG_STATE_HOME/fansql/history` (or the platform's equivalent), not the working directory.
fn history_path() -> Option<PathBuf> {
    let dir = dirs::state_dir().or_else(dirs::data_local_dir)?.join("fansql");
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir.join("history"))
}

impl Repl {
    pub fn new(executor: Executor) -> Self {
        Self { executor, output: Box::new(std::io::stdout()), vocabulary: Arc::new(RwLock::new(Vocabulary::default())) }
    }

    /// Reads and runs statements until `\q` or Ctrl-D.
    pub async fn run(mut self) -> Result<()> {
        let config = Config::builder().auto_add_history(true).build();
        let mut editor: Editor<ReplHelper, DefaultHistory> =
            Editor::with_config(config).map_err(|e| DataFusionError::External(Box::new(e)))?;
        editor.set_helper(Some(ReplHelper { vocabulary: Arc::clone(&self.vocabulary) }));
        let history = history_path();
        if let Some(path) = &history {
            let _ = editor.load_history(path);
        }
        self.refresh_vocabulary().await;
        loop {
            match editor.readline("fansql> ") {
                Ok(line) if line.trim().is_empty() => {}
                Ok(line) if line.trim_start().starts_with('\\') => match line.parse::<MetaCommand>() {
                    Ok(MetaCommand::Quit) => break,
                    Ok(command) => report(self.meta(command).await),
                    Err(message) => eprintln!("error: {message}"),
                },
                Ok(sql) => {
                    report(self.run_cancellable(&sql, "input").await);
                    self.refresh_vocabulary().await;
                }
                Err(ReadlineError::Interrupted) => {}
                Err(ReadlineError::Eof) => break,
                Err(e) => {
                    eprintln!("error: {e}");
                    break;
                }
            }
        }
        if let Some(path) = &history {
            let _ = editor.save_history(path);
        }
        Ok(())
    }

    /// Runs SQL until it finishes or Ctrl-C is pressed; dropping the query future cancels it.
    async fn run_cancellable(&mut self, sql: &str, origin: &str) -> Result<()> {
        let (executor, out) = (&self.executor, &mut *self.output);
        let mut ignore = |_: &str, _: &crate::exec::Outcome| Ok(());
        tokio::select! {
            result = executor.run_script(sql, origin, out, &mut ignore) => result,
            _ = tokio::signal::ctrl_c() => {
                eprintln!("query cancelled");
                Ok(())
            }
        }
    }

    async fn meta(&mut self, command: MetaCommand) -> Result<()> {
        let Some(command) = self.executor.run_meta(command, &mut *self.output).await? else {
            return Ok(());
        };
        match command {
            MetaCommand::Include(path) => {
                let sql = std::fs::read_to_string(&path)
                    .map_err(|e| DataFusionError::Plan(format!("{}: {e}", path.display())))?;
                self.run_cancellable(&sql, &path.display().to_string()).await?;
                self.refresh_vocabulary().await;
            }
            MetaCommand::Output(None) => self.output = Box::new(std::io::stdout()),
            MetaCommand::Output(Some(path)) => {
                let file =
                    File::create(&path).map_err(|e| DataFusionError::Plan(format!("{}: {e}", path.display())))?;
                self.output = Box::new(file);
            }
            MetaCommand::Timing(setting) => {
                let print = &mut self.executor.print;
                print.timing = setting.unwrap_or(!print.timing);
                println!("timing is {}", if print.timing { "on" } else { "off" });
            }
            MetaCommand::Format(format) => self.executor.print.format = format,
            MetaCommand::Help
            | MetaCommand::Quit
            | MetaCommand::ListTables
            | MetaCommand::Describe(_)
            | MetaCommand::ListFunctions(_)
            | MetaCommand::Cache
            | MetaCommand::Estimate(_) => {}
        }
        Ok(())
    }

    /// Collects table, column and function names for completion.
    async fn refresh_vocabulary(&self) {
        let ctx = &self.executor.ctx;
        let mut names = crate::session::table_names(ctx);
        let columns =
            ctx.sql("SELECT DISTINCT column_name FROM information_schema.columns WHERE table_schema = 'public'").await;
        if let Ok(frame) = columns {
            if let Ok(batches) = frame.collect().await {
                for batch in &batches {
                    if let Some(values) =
                        batch.column(0).as_any().downcast_ref::<datafusion::arrow::array::StringArray>()
                    {
                        names.extend(values.iter().flatten().map(str::to_string));
                    }
                }
            }
        }
        let state = ctx.state();
        names.extend(state.scalar_functions().keys().cloned());
        names.extend(state.aggregate_functions().keys().cloned());
        names.extend(state.window_functions().keys().cloned());
        let vocabulary = Vocabulary {
            keywords: ALL_KEYWORDS.iter().map(|k| k.to_string()).collect(),
            names,
            commands: meta_command::ALL.iter().map(|(name, _, _)| name.to_string()).collect(),
        };
        if let Ok(mut current) = self.vocabulary.write() {
            *current = vocabulary;
        }
    }
}
