//! Running SQL: parse one statement, resolve relative output paths, plan, execute and print.
//! Scripts (`-c`, `-f`, stdin, saved queries) stop at the first failing statement and report
//! its origin and line.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use datafusion::arrow::array::{AsArray, RecordBatch};
use datafusion::arrow::datatypes::UInt64Type;
use datafusion::error::{DataFusionError, Result};
use datafusion::logical_expr::{LogicalPlan, Statement as PlanStatement};
use datafusion::prelude::SessionContext;
use datafusion::sql::parser::{DFParser, Statement};
use datafusion::sql::sqlparser::ast::Statement as SqlStatement;
use datafusion::sql::sqlparser::dialect::GenericDialect;
use futures::StreamExt;

use crate::cluster::csv_copy;
use crate::cluster::tables::ClusterTables;
use crate::error::one_line;
use crate::meta_command::{self, MetaCommand};
use crate::print::{OutputFormat, ResultWriter};
use crate::progress::Progress;
use crate::sql_split;
use fansql_udfs::api::spend;

/// The API-backed function families, named as the spend report names them.
const SPEND_FAMILIES: [(&str, &spend::Counters); 2] = [("profile_llm", &spend::LLM), ("embed", &spend::EMBED)];

fn spend_snapshots() -> Vec<spend::Snapshot> {
    SPEND_FAMILIES.iter().map(|(_, counters)| counters.snapshot()).collect()
}

/// How results are shown.
#[derive(Debug, Clone)]
pub struct PrintOptions {
    pub format: OutputFormat,
    pub max_rows: usize,
    /// Print a row-count and elapsed-time line after each statement (to stderr).
    pub timing: bool,
    /// Print what API-backed functions did (requests, cache hits, tokens, cost) and draw a
    /// progress bar while they work (to stderr, on a terminal).
    pub report_spend: bool,
}

/// What one statement did.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// A short description: `SELECT`, `CREATE VIEW staged`, `COPY -> outputs/x.parquet`.
    pub label: String,
    /// Rows returned, or rows written by COPY.
    pub rows: usize,
    pub elapsed: Duration,
}

pub struct Executor {
    pub ctx: SessionContext,
    pub print: PrintOptions,
    /// Where relative paths of `COPY ... TO` and `CREATE EXTERNAL TABLE` land (saved-query runs).
    pub out_dir: Option<PathBuf>,
    /// The `--data` sources, named in errors raised while reading them.
    pub sources: Vec<String>,
    /// In cluster mode, where `CREATE TABLE ... AS` tables are written.
    pub cluster_tables: Option<Arc<ClusterTables>>,
}

impl Executor {
    /// Runs every statement of `sql` and hands each outcome, with its `origin:line`, to `report`;
    /// stops at the first error, reported as `origin:line: error`.
    pub async fn run_script(
        &self,
        sql: &str,
        origin: &str,
        out: &mut dyn Write,
        report: &mut dyn FnMut(&str, &Outcome) -> std::io::Result<()>,
    ) -> Result<()> {
        let statements =
            sql_split::split(sql).map_err(|e| DataFusionError::Plan(format!("{origin}: {}", one_line(&e))))?;
        for statement in statements {
            let place = format!("{origin}:{}", statement.line);
            let outcome = self
                .run_statement(&statement.text, out)
                .await
                .map_err(|e| DataFusionError::Plan(format!("{place}: {}", one_line(&e))))?;
            report(&place, &outcome)?;
        }
        Ok(())
    }

    /// Runs a backslash command that needs no shell state (`\?`, `\dt`, `\d`, `\df`); returns
    /// the command back when it belongs to the interactive shell.
    pub async fn run_meta(&self, command: MetaCommand, out: &mut dyn Write) -> Result<Option<MetaCommand>> {
        let sql = match &command {
            MetaCommand::Help => {
                out.write_all(meta_command::help_text().as_bytes())?;
                return Ok(None);
            }
            MetaCommand::ListTables => meta_command::TABLES_SQL.to_string(),
            MetaCommand::Describe(table) => {
                if !crate::session::table_names(&self.ctx).contains(table) {
                    return Err(DataFusionError::Plan(format!("no table or view named '{table}' (\\dt lists them)")));
                }
                meta_command::describe_sql(table)
            }
            MetaCommand::Cache => {
                let options = fansql_udfs::config::FansqlConfig::from_options(self.ctx.state().config_options());
                out.write_all(crate::cache_command::report(&options.cache.dir)?.as_bytes())?;
                return Ok(None);
            }
            MetaCommand::Estimate(sql) => {
                self.estimate(sql).await?;
                return Ok(None);
            }
            MetaCommand::ListFunctions(pattern) => {
                if let Some(help) =
                    pattern.as_deref().and_then(|name| meta_command::function_help(&self.ctx.state(), name))
                {
                    out.write_all(help.as_bytes())?;
                    return Ok(None);
                }
                meta_command::functions_sql(pattern.as_deref())
            }
            _ => return Ok(Some(command)),
        };
        self.run_statement(&sql, out).await?;
        Ok(None)
    }

    /// Runs `sql` with the dry-run settings of every API family on, discarding its rows: the
    /// spend report says what it would send. The settings are restored afterwards, whatever
    /// happens.
    async fn estimate(&self, sql: &str) -> Result<()> {
        let options = fansql_udfs::config::FansqlConfig::from_options(self.ctx.state().config_options());
        let previous = [("fansql.llm.dry_run", options.llm.dry_run), ("fansql.embed.dry_run", options.embed.dry_run)];
        for (setting, _) in previous {
            self.run_statement(&format!("SET {setting} = true"), &mut std::io::sink()).await?;
        }
        let before = spend_snapshots();
        let result = self.run_statement(sql.trim_end_matches(';'), &mut std::io::sink()).await;
        for (setting, value) in previous {
            self.run_statement(&format!("SET {setting} = {value}"), &mut std::io::sink()).await?;
        }
        let sent_nothing = spend_snapshots().iter().zip(&before).all(|(after, before)| after.since(before).is_empty());
        if result.is_ok() && sent_nothing {
            eprintln!("estimate: this statement sends nothing to an API");
        }
        result.map(|_| ())
    }

    /// Parses, plans, executes and prints one statement.
    pub async fn run_statement(&self, sql: &str, out: &mut dyn Write) -> Result<Outcome> {
        spend::begin_query();
        let spend_before = spend_snapshots();
        let _progress = Progress::start(self.print.report_spend && std::io::stderr().is_terminal());
        let outcome = self.execute(sql, out).await;
        for (((family, _), after), before) in SPEND_FAMILIES.iter().zip(spend_snapshots()).zip(&spend_before) {
            let spent = after.since(before);
            // After a failure, report only what was paid for; the error says the rest.
            let paid = spent.items_sent > 0 || spent.cost_micro_usd > 0;
            if self.print.report_spend && !spent.is_empty() && (outcome.is_ok() || paid) {
                eprintln!("{family}: {spent}");
            }
        }
        outcome
    }

    async fn execute(&self, sql: &str, out: &mut dyn Write) -> Result<Outcome> {
        let started = Instant::now();
        let mut parsed = DFParser::parse_sql_with_dialect(sql, &GenericDialect {})?;
        let (Some(mut statement), true) = (parsed.pop_front(), parsed.is_empty()) else {
            return Err(DataFusionError::Plan("expected exactly one SQL statement".into()));
        };
        self.resolve_paths(&mut statement);
        if let Some(listing) = show_functions_query(&statement) {
            statement = DFParser::parse_sql_with_dialect(&listing, &GenericDialect {})?
                .pop_front()
                .ok_or_else(|| DataFusionError::Internal("SHOW FUNCTIONS rewrite".into()))?;
        }
        let label = label(&statement);
        let done_the_cluster_way = match &self.cluster_tables {
            Some(tables) => match tables.create_table_as(&self.ctx, &statement).await.map_err(|e| self.annotate(e))? {
                Some(rows) => Some(rows),
                None => csv_copy::copy_to_csv(&self.ctx, &statement).await.map_err(|e| self.annotate(e))?,
            },
            None => None,
        };
        let rows = match done_the_cluster_way {
            Some(rows) => rows,
            None => self.run_plan(statement, out).await?,
        };
        let outcome = Outcome { label, rows, elapsed: started.elapsed() };
        if self.print.timing {
            eprintln!("{} row(s) in {:.3} s", outcome.rows, outcome.elapsed.as_secs_f64());
        }
        Ok(outcome)
    }

    /// Plans and runs one statement, printing the rows of those that show rows; returns the
    /// rows shown or written.
    async fn run_plan(&self, statement: Statement, out: &mut dyn Write) -> Result<usize> {
        let shows_rows = shows_rows(&statement);
        let state = self.ctx.state();
        let plan = state.statement_to_plan(statement).await.map_err(|e| self.hint_missing_data(e))?;
        let changes_settings =
            matches!(plan, LogicalPlan::Statement(PlanStatement::SetVariable(_) | PlanStatement::ResetVariable(_)));
        let frame = self.ctx.execute_logical_plan(plan).await?;
        if changes_settings {
            fansql_udfs::apply_settings(&self.ctx)?;
        }
        let schema = frame.schema().inner().clone();
        let mut stream = frame.execute_stream().await.map_err(|e| self.annotate(e))?;

        let mut rows = 0usize;
        let mut printer = shows_rows.then(|| ResultWriter::new(out, self.print.format, schema, self.print.max_rows));
        while let Some(batch) = stream.next().await {
            let batch = batch.map_err(|e| self.annotate(e))?;
            match printer.as_mut() {
                Some(printer) => {
                    rows += batch.num_rows();
                    printer.write(&batch)?;
                }
                None => rows += copied_rows(&batch).unwrap_or(batch.num_rows()),
            }
        }
        if let Some(printer) = printer {
            printer.finish()?;
        }
        Ok(rows)
    }

    /// Makes relative file targets of COPY and CREATE EXTERNAL TABLE land in `out_dir`.
    fn resolve_paths(&self, statement: &mut Statement) {
        let Some(dir) = &self.out_dir else { return };
        let resolve = |path: &mut String| {
            if is_relative_local(path) {
                *path = dir.join(&*path).to_string_lossy().into_owned();
            }
        };
        match statement {
            Statement::CopyTo(copy) => resolve(&mut copy.target),
            Statement::CreateExternalTable(create) => create.locations.iter_mut().for_each(resolve),
            _ => {}
        }
    }

    /// Adds how to load logs to "table not found" errors of a session that has none.
    fn hint_missing_data(&self, err: DataFusionError) -> DataFusionError {
        let text = one_line(&err);
        if self.sources.is_empty() && text.contains("messages' not found") {
            DataFusionError::Plan(format!("{text}; {}", crate::session::NO_DATA_HINT))
        } else {
            err
        }
    }

    /// Names the data sources in errors raised while reading them.
    fn annotate(&self, err: DataFusionError) -> DataFusionError {
        let reading = matches!(
            err.find_root(),
            DataFusionError::ArrowError(..) | DataFusionError::ParquetError(..) | DataFusionError::ObjectStore(..)
        );
        if reading && !self.sources.is_empty() {
            DataFusionError::Plan(format!("reading {}: {}", self.sources.join(", "), one_line(&err)))
        } else {
            err
        }
    }
}

fn is_relative_local(path: &str) -> bool {
    !path.contains("://") && Path::new(path).is_relative()
}

/// COPY reports the rows it wrote as a single `count` value.
pub(crate) fn copied_rows(batch: &RecordBatch) -> Option<usize> {
    let column = batch.column_by_name("count")?;
    let counts = column.as_primitive_opt::<UInt64Type>()?;
    Some(counts.iter().flatten().sum::<u64>() as usize)
}

/// Statements whose result is data to show (queries, SHOW, EXPLAIN, DESCRIBE) rather than an
/// acknowledgement (DDL, COPY, SET).
/// `SHOW FUNCTIONS [LIKE 'pattern']` as a query over `information_schema.routines`: DataFusion's
/// own version lists only functions with enumerable argument types, which leaves out every
/// function that checks its arguments itself (most of fansql's).
fn show_functions_query(statement: &Statement) -> Option<String> {
    let Statement::Statement(s) = statement else { return None };
    let SqlStatement::ShowFunctions { filter } = s.as_ref() else { return None };
    let filter = match filter {
        Some(filter) => format!("WHERE routine_name {filter}"),
        None => String::new(),
    };
    Some(format!(
        "SELECT routine_name AS function_name, function_type, first_value(description) AS description, \
                first_value(syntax_example) AS syntax_example \
         FROM information_schema.routines {filter} GROUP BY routine_name, function_type ORDER BY function_name"
    ))
}

fn shows_rows(statement: &Statement) -> bool {
    match statement {
        Statement::Statement(s) => !matches!(
            s.as_ref(),
            SqlStatement::CreateView { .. }
                | SqlStatement::CreateTable { .. }
                | SqlStatement::CreateSchema { .. }
                | SqlStatement::Drop { .. }
                | SqlStatement::Set(..)
                | SqlStatement::Insert(..)
        ),
        Statement::Explain(_) => true,
        Statement::CopyTo(_) | Statement::CreateExternalTable(_) | Statement::Reset(_) => false,
    }
}

fn label(statement: &Statement) -> String {
    match statement {
        Statement::CopyTo(copy) => format!("COPY -> {}", copy.target),
        Statement::CreateExternalTable(create) => format!("CREATE EXTERNAL TABLE {}", create.name),
        Statement::Explain(_) => "EXPLAIN".into(),
        Statement::Reset(_) => "RESET".into(),
        Statement::Statement(s) => match s.as_ref() {
            SqlStatement::CreateView(view) => format!("CREATE VIEW {}", view.name),
            SqlStatement::CreateTable(table) => format!("CREATE TABLE {}", table.name),
            other => other.to_string().split_whitespace().next().unwrap_or("SQL").to_ascii_uppercase(),
        },
    }
}
