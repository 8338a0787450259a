//! `fansql-scheduler`: a Ballista scheduler that plans with fansql's functions and settings.
//! It takes every option of the stock `ballista-scheduler` (`--help` lists them).

use std::process::ExitCode;
use std::sync::Arc;

use ballista_scheduler::cluster::BallistaCluster;
use ballista_scheduler::config::{Config, SchedulerConfig};
use ballista_scheduler::scheduler_process::start_server;
use clap::Parser as _;

use fansql::cluster::{self, logging};

fn main() -> ExitCode {
    cluster::run_process(serve(Config::parse()))
}

async fn serve(options: Config) -> Result<(), String> {
    logging::init(logging::LogOptions {
        level: &options.log_level_setting,
        dir: options.log_dir.as_deref(),
        file_prefix: format!("scheduler_{}_{}_{}", options.namespace, options.external_host, options.bind_port),
        rotation: options.log_rotation_policy,
        thread_info: options.print_thread_info,
    });
    let address = format!("{}:{}", options.bind_host, options.bind_port);
    let address = address.parse().map_err(|e| format!("--bind-host/--bind-port {address}: {e}"))?;
    let config: SchedulerConfig = options.try_into().map_err(|e| format!("{e}"))?;
    let mut config = config
        .with_override_config_producer(Arc::new(cluster::config))
        .with_override_session_builder(Arc::new(cluster::session_state));
    config.override_physical_codec = Some(Arc::new(cluster::settings_codec::SettingsCodec::default()));
    let ballista = BallistaCluster::new_from_config(&config).await.map_err(|e| e.to_string())?;
    start_server(ballista, address, Arc::new(config)).await.map_err(|e| format!("{address}: {e}"))
}
