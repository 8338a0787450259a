//! Logs of `fansql-scheduler` and `fansql-executor`, as the stock Ballista binaries write them:
//! the level from `RUST_LOG`, else `--log-level-setting`; to stdout, or to rolling files under
//! `--log-dir`.

use ballista_core::config::LogRotationPolicy;
use tracing_appender::rolling;
use tracing_subscriber::EnvFilter;

/// Where and how much one cluster process logs.
pub struct LogOptions<'a> {
    pub level: &'a str,
    pub dir: Option<&'a str>,
    /// File names start with this (e.g. `scheduler_localhost_50050`).
    pub file_prefix: String,
    pub rotation: LogRotationPolicy,
    pub thread_info: bool,
}

/// Installs the process's logger.
pub fn init(options: LogOptions) {
    let filter = EnvFilter::new(std::env::var(EnvFilter::DEFAULT_ENV).unwrap_or_else(|_| options.level.to_string()));
    let logger = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_thread_names(options.thread_info)
        .with_thread_ids(options.thread_info)
        .with_env_filter(filter);
    let Some(dir) = options.dir else {
        logger.init();
        return;
    };
    let prefix = options.file_prefix;
    let file = match options.rotation {
        LogRotationPolicy::Minutely => rolling::minutely(dir, prefix),
        LogRotationPolicy::Hourly => rolling::hourly(dir, prefix),
        LogRotationPolicy::Daily => rolling::daily(dir, prefix),
        LogRotationPolicy::Never => rolling::never(dir, prefix),
    };
    logger.with_writer(file).init();
}
