//! Cluster mode on Apache Ballista: the client session (`--cluster df://HOST:PORT`) and the
//! pieces fansql's scheduler and executor processes are built from.
//!
//! Three kinds of process share a query: the client plans it logically, the scheduler plans it
//! physically and cuts it into stages, executors decode the stages and run them. All three
//! resolve fansql's functions by name, so each registers the same set, and each config carries
//! the `fansql.*` extension, because the client sends its settings with every query: a
//! `SET fansql.llm.model = ...` on the client reaches every task. Functions that carry their
//! settings (`fansql.threads`, plot folder and size) are made from those settings by the
//! scheduler and shipped with them to the executors by [`settings_codec`]. The stock Ballista
//! binaries know none of this, hence `fansql-scheduler` and `fansql-executor`.

mod constant_leaves;
pub mod csv_copy;
pub mod logging;
pub mod settings_codec;
pub mod tables;

use std::future::Future;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use ballista::prelude::SessionContextExt;
use ballista_core::config::BALLISTA_ADAPTIVE_PLANNER_ENABLED;
use ballista_core::extension::SessionConfigExt;
use ballista_core::registry::BallistaFunctionRegistry;
use ballista_core::serde::{BallistaCodec, BallistaLogicalExtensionCodec};
use datafusion::error::{DataFusionError, Result};
use datafusion::execution::context::SessionConfig;
use datafusion::execution::runtime_env::RuntimeEnv;
use datafusion::execution::session_state::{SessionState, SessionStateBuilder};
use datafusion::prelude::SessionContext;
use url::Url;

use crate::session;
use tables::ClusterTables;

/// The port a `--cluster` URL without one means (Ballista's scheduler default).
const DEFAULT_SCHEDULER_PORT: u16 = 50050;

/// The session config of every cluster process: Ballista's settings plus fansql's, with
/// Ballista's adaptive planner off: it plans with its own fixed rule list, which leaves out
/// the work-around in [`constant_leaves`] (`SET ballista.planner.adaptive.enabled = true`
/// turns it back on).
pub fn config() -> SessionConfig {
    let mut config = session::configure(SessionConfig::new_with_ballista());
    // The key exists in every Ballista config, so this cannot fail.
    let _ = config.options_mut().set(BALLISTA_ADAPTIVE_PLANNER_ENABLED, "false");
    config
}

/// The runtime of the scheduler and executors: object stores from their own environment.
/// (Executors add Ballista's memory pool on top.)
pub fn runtime() -> Result<Arc<RuntimeEnv>> {
    session::runtime(None)
}

/// The scheduler's session for one client session: Ballista's planner rules and built-in
/// functions, fansql's functions, and the client's settings in `config`.
pub fn session_state(config: SessionConfig) -> Result<SessionState> {
    let options = config.options().clone();
    let ballista = ballista_core::utils::default_session_builder(config)?;
    let mut state = SessionStateBuilder::new_from_existing(ballista)
        .with_runtime_env(runtime()?)
        .with_physical_optimizer_rule(Arc::new(constant_leaves::ConstantLeavesAsMemoryScans))
        .build();
    fansql_udfs::register_in(&mut state, &options)?;
    Ok(state)
}

/// The functions an executor decodes stage plans with: the built-ins and fansql's.
pub fn function_registry() -> Result<BallistaFunctionRegistry> {
    Ok(BallistaFunctionRegistry::from(&session_state(config())?))
}

/// The plan codec of the scheduler and executors: Ballista's, with fansql functions' settings
/// shipped along ([`settings_codec`]).
pub fn codec() -> BallistaCodec {
    BallistaCodec::new(
        Arc::new(BallistaLogicalExtensionCodec::default()),
        Arc::new(settings_codec::SettingsCodec::default()),
    )
}

/// A client session that plans here and runs every query on the Ballista cluster whose
/// scheduler is at `url` (`df://HOST[:PORT]`).
pub async fn connect(url: &str) -> Result<SessionContext> {
    let (host, port) = scheduler_address(url)?;
    let reach = tokio::time::timeout(Duration::from_secs(10), tokio::net::TcpStream::connect((host.as_str(), port)));
    match reach.await {
        Ok(Ok(_)) => {}
        Ok(Err(e)) => return Err(cluster_error(url, format!("cannot reach the scheduler: {e}"))),
        Err(_) => return Err(cluster_error(url, "no answer from the scheduler within 10 s".into())),
    }
    let state =
        SessionStateBuilder::new().with_config(config()).with_runtime_env(runtime()?).with_default_features().build();
    let ctx = SessionContext::remote_with_state(url, state).await?.enable_url_table();
    // After connecting: Ballista's upgrade of the state replaces its function lists.
    fansql_udfs::register_all(&ctx)?;
    Ok(ctx)
}

/// A cluster session ([`connect`]) with its tables under `tables_base` (a shared folder or an
/// object-store URL; default: the temp folder, good for a cluster on this machine only).
pub async fn open_session(url: &str, tables_base: Option<&str>) -> Result<(SessionContext, Arc<ClusterTables>)> {
    let ctx = connect(url).await?;
    let base = match tables_base {
        Some(base) if base.contains("://") => base.to_string(),
        Some(base) => std::path::absolute(base)
            .map_err(|e| DataFusionError::Plan(format!("--cluster-tables {base}: {e}")))?
            .to_string_lossy()
            .into_owned(),
        None => std::env::temp_dir().join("fansql-tables").to_string_lossy().into_owned(),
    };
    let tables = Arc::new(ClusterTables::new(&base, &ctx.session_id()));
    Ok((ctx, tables))
}

/// The `main` of `fansql-scheduler` and `fansql-executor`: runs `work` on a runtime with deep
/// stacks (Ballista's planner recurses deeply on long queries; its own binaries use 32 MiB
/// stacks too) and ends with one error line and exit code 1 when it fails.
pub fn run_process(work: impl Future<Output = std::result::Result<(), String>>) -> ExitCode {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().thread_stack_size(32 << 20).build();
    let result = match runtime {
        Ok(runtime) => runtime.block_on(work),
        Err(e) => Err(format!("cannot start the runtime: {e}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The host and port of a `df://HOST[:PORT]` URL.
fn scheduler_address(url: &str) -> Result<(String, u16)> {
    let parsed = Url::parse(url).map_err(|e| cluster_error(url, format!("not a URL like df://HOST:PORT ({e})")))?;
    let host = parsed
        .host_str()
        .filter(|h| !h.is_empty())
        .ok_or_else(|| cluster_error(url, "no scheduler host; use df://HOST:PORT".into()))?;
    Ok((
        host.trim_start_matches('[').trim_end_matches(']').to_string(),
        parsed.port().unwrap_or(DEFAULT_SCHEDULER_PORT),
    ))
}

fn cluster_error(url: &str, why: String) -> DataFusionError {
    DataFusionError::Plan(format!("--cluster {url}: {why}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scheduler_addresses() {
        assert_eq!(scheduler_address("df://scheduler:50051").unwrap(), ("scheduler".to_string(), 50051));
        assert_eq!(scheduler_address("df://10.0.0.7").unwrap(), ("10.0.0.7".to_string(), 50050));
        let err = scheduler_address("scheduler:50050").unwrap_err().to_string();
        assert!(err.contains("--cluster scheduler:50050"), "{err}");
        assert!(scheduler_address("nonsense").is_err());
    }
}
