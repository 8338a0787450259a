//! The `fansql` binary: parses arguments and dispatches to the REPL, batch runs, saved-query
//! runs or the generator. Errors end the process with one line on stderr and exit code 1.

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser as _;
use datafusion::error::{DataFusionError, Result};

use fansql::args::{Cli, Command};
use fansql::error::one_line;
use fansql::exec::{Executor, PrintOptions};
use fansql::meta_command::MetaCommand;
use fansql::print::OutputFormat;
use fansql::repl::Repl;
use std::sync::Arc;

use datafusion::prelude::SessionContext;
use fansql::cluster::{self, tables::ClusterTables};
use fansql::{generate, saved_queries, session};

/// mimalloc rather than glibc's malloc: see the note on the dependency in Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in the enum of the mimalloc (v3) that libmimalloc-sys 0.1.49 bundles.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// By default mimalloc returns memory that stayed free for a second to the OS and faults it back
/// in, zeroing huge pages, when the next batches need it: in the 10M-message pipeline that churn
/// took 14 % of the CPU time and about 2 s of the wall time (BENCHMARKS.md). Freed memory stays
/// mapped for reuse instead; the execution memory cap bounds what queries hold either way.
/// `MIMALLOC_PURGE_DELAY` in the environment still decides when it is set.
fn keep_freed_memory_for_reuse() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: mi_option_set is not thread safe; this runs first in main, before any thread.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
    }
}

fn main() -> ExitCode {
    keep_freed_memory_for_reuse();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            let _ = e.print(); // --help and --version
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            // clap adds usage hints over several lines; keep the one that says what is wrong.
            let rendered = e.render().to_string();
            eprintln!("{}", rendered.lines().next().unwrap_or("error: bad arguments"));
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", one_line(&e));
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<()> {
    if let Some(Command::Generate(args)) = &cli.command {
        let generated = generate::run(args)?;
        if !cli.output.quiet {
            eprintln!(
                "wrote {} messages of {} fan+model pairs to {} (labels: {})",
                generated.messages,
                generated.pairs,
                args.out.display(),
                generated.labels.display()
            );
        }
        return Ok(());
    }

    if let Some(Command::Cache(command)) = &cli.command {
        print!("{}", fansql::cache_command::run(command)?);
        return Ok(());
    }

    let interactive =
        cli.command.is_none() && cli.commands.is_empty() && cli.files.is_empty() && std::io::stdin().is_terminal();
    let format = cli.output.format.unwrap_or(if std::io::stdout().is_terminal() {
        OutputFormat::Table
    } else {
        OutputFormat::Csv
    });
    let (ctx, cluster_tables) = match &cli.session.cluster {
        Some(_) if matches!(cli.command, Some(Command::Serve { .. })) => {
            return Err(DataFusionError::Plan("fansql serve runs its queries on this machine; drop --cluster".into()))
        }
        Some(url) => {
            let (ctx, tables) = cluster::open_session(url, cli.session.cluster_tables.as_deref()).await?;
            (ctx, Some(tables))
        }
        None => (session::new_context_with_memory(session::memory_limit(cli.session.memory_limit)?)?, None),
    };
    let result = run_session(cli, ctx.clone(), cluster_tables.clone(), interactive, format).await;
    // A cluster session's tables are files on shared storage: remove them, whatever happened.
    if let Some(tables) = cluster_tables {
        tables.remove_all(&ctx).await?;
    }
    result
}

/// Loads the data into `ctx` and does what the command line asks.
async fn run_session(
    cli: Cli,
    ctx: SessionContext,
    cluster_tables: Option<Arc<ClusterTables>>,
    interactive: bool,
    format: OutputFormat,
) -> Result<()> {
    session::apply_settings(&ctx, &cli.session.settings()).await?;
    let provider_line = session::resolve_providers(&ctx).await?;
    let data = session::data_arguments(&cli.session.data);
    if !data.is_empty() {
        session::load_messages(&ctx, &data, cluster_tables.as_deref()).await?;
    }
    let mut executor = Executor {
        ctx,
        print: PrintOptions {
            format,
            max_rows: cli.output.max_rows,
            timing: interactive && !cli.output.quiet,
            report_spend: !cli.output.quiet,
        },
        out_dir: None,
        sources: data.clone(),
        cluster_tables,
    };
    if executor.cluster_tables.is_some() {
        // Executors resolve relative paths against their own working folder: send absolute ones.
        let here = std::env::current_dir().map_err(|e| DataFusionError::Plan(format!("working folder: {e}")))?;
        use_output_dir(&mut executor, here).await?;
    }
    let mut stdout = std::io::stdout().lock();

    match cli.command {
        Some(Command::Run { paths, out }) => {
            let files = saved_queries::expand(&paths)?;
            use_output_dir(&mut executor, out).await?;
            let mut status: Box<dyn Write> =
                if cli.output.quiet { Box::new(std::io::sink()) } else { Box::new(std::io::stderr()) };
            saved_queries::run(&executor, &files, &mut stdout, &mut status).await
        }
        Some(Command::Serve { paths, listen, out, allow_writes }) => {
            let files = saved_queries::expand(&paths)?;
            use_output_dir(&mut executor, out).await?;
            saved_queries::run(&executor, &files, &mut std::io::sink(), &mut std::io::stderr()).await?;
            // Fail on a taken or forbidden address before announcing anything.
            std::net::TcpListener::bind(listen)
                .map_err(|e| DataFusionError::Plan(format!("--listen {listen}: {e}")))?;
            let login = fansql::serve::login_from_env();
            if !cli.output.quiet {
                let access = if allow_writes { "read-write" } else { "read-only" };
                let auth = if login.is_some() { "password from FANSQL_PG_PASSWORD" } else { "no password" };
                eprintln!(
                    "fansql serving PostgreSQL on {listen} ({access}, {auth}); psql -h {} -p {}",
                    listen.ip(),
                    listen.port()
                );
            }
            let config = fansql::serve::ServeConfig { listen, allow_writes, login };
            fansql::serve::serve(executor.ctx, config).await
        }
        Some(Command::Generate(_) | Command::Cache(_)) => Ok(()),
        None if interactive => {
            if !cli.output.quiet {
                print_banner(&executor, &data, &provider_line);
            }
            drop(stdout);
            Repl::new(executor).run().await
        }
        None => {
            let mut ignore = |_: &str, _: &fansql::exec::Outcome| Ok(());
            for (i, sql) in cli.commands.iter().enumerate() {
                if sql.trim_start().starts_with('\\') {
                    let command: MetaCommand = sql.parse().map_err(DataFusionError::Plan)?;
                    if let Some(command) = executor.run_meta(command, &mut stdout).await? {
                        return Err(DataFusionError::Plan(format!("{command:?} works only in the interactive shell")));
                    }
                    continue;
                }
                executor.run_script(sql, &format!("-c #{}", i + 1), &mut stdout, &mut ignore).await?;
            }
            for file in &cli.files {
                let sql = std::fs::read_to_string(file)
                    .map_err(|e| DataFusionError::Plan(format!("{}: {e}", file.display())))?;
                executor.run_script(&sql, &file.display().to_string(), &mut stdout, &mut ignore).await?;
            }
            if cli.commands.is_empty() && cli.files.is_empty() {
                let mut sql = String::new();
                std::io::stdin().read_to_string(&mut sql).map_err(|e| DataFusionError::Plan(format!("stdin: {e}")))?;
                executor.run_script(&sql, "stdin", &mut stdout, &mut ignore).await?;
            }
            Ok(())
        }
    }
}

fn print_banner(executor: &Executor, data: &[String], provider_line: &str) {
    let tables = session::table_names(&executor.ctx);
    println!("fansql {} on DataFusion {}", env!("CARGO_PKG_VERSION"), datafusion::DATAFUSION_VERSION);
    if data.is_empty() {
        println!("{}", session::NO_DATA_HINT);
    } else {
        println!("data: {}", data.join(", "));
        println!("tables: {}", tables.join(", "));
    }
    println!("{provider_line}");
    println!("Type \\? for help, \\df for functions, \\q to quit. Statements end with ;");
}

/// Makes `out` the folder relative COPY targets and function outputs (plots) land in.
async fn use_output_dir(executor: &mut Executor, out: PathBuf) -> Result<()> {
    std::fs::create_dir_all(&out).map_err(|e| DataFusionError::Plan(format!("{}: {e}", out.display())))?;
    let out = match executor.cluster_tables {
        // Cluster processes write plots and COPY targets relative to their own working folder.
        Some(_) => std::path::absolute(&out).map_err(|e| DataFusionError::Plan(format!("{}: {e}", out.display())))?,
        None => out,
    };
    let dir = out.to_string_lossy().replace('\'', "''");
    session::run_set(&executor.ctx, &format!("SET fansql.output_dir = '{dir}'")).await?;
    executor.out_dir = Some(out);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index names the purge delay: its default in this mimalloc is 1000 ms (the only option
    /// with that default), unless the environment sets it.
    #[test]
    fn purge_delay_option_index_names_the_purge_delay() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return println!("skipped: MIMALLOC_PURGE_DELAY is set in the environment");
        }
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) }, 1000);
    }
}
