//! `fansql-executor`: a Ballista executor that runs fansql's functions. It takes every option
//! of the stock `ballista-executor` (`--help` lists them). API-backed functions read their keys
//! and `FANSQL_CACHE_DIR` from this process's environment (or a `.env` file).

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

use ballista_executor::config::Config;
use ballista_executor::executor_process::{start_executor_process, ExecutorProcessConfig};
use ballista_executor::health::spawn_health_server;
use clap::Parser as _;

use fansql::cluster::{self, logging};

fn main() -> ExitCode {
    cluster::run_process(serve(Config::parse()))
}

async fn serve(options: Config) -> Result<(), String> {
    let health_address = format!("{}:{}", options.bind_host, options.bind_health_port);
    let health_address: SocketAddr =
        health_address.parse().map_err(|e| format!("--bind-host/--bind-health-port {health_address}: {e}"))?;
    let mut config: ExecutorProcessConfig = options.try_into().map_err(|e| format!("{e}"))?;
    logging::init(logging::LogOptions {
        level: &config.special_mod_log_level,
        dir: config.log_dir.as_deref(),
        file_prefix: config.log_file_name_prefix(),
        rotation: config.log_rotation_policy,
        thread_info: config.print_thread_info,
    });
    config.override_config_producer = Some(Arc::new(cluster::config));
    config.override_runtime_producer = Some(Arc::new(|_| cluster::runtime()));
    config.override_function_registry = Some(Arc::new(cluster::function_registry().map_err(|e| e.to_string())?));
    config.override_physical_codec = Some(Arc::new(cluster::settings_codec::SettingsCodec::default()));

    let (stop_health, health_stopped) = tokio::sync::oneshot::channel();
    let health = spawn_health_server(health_address, config.health.clone(), health_stopped);
    let result = start_executor_process(Arc::new(config)).await.map_err(|e| e.to_string());
    let _ = stop_health.send(());
    if let Ok(Err(e)) = health.await {
        log::warn!("health server: {e}");
    }
    result
}
