//! An in-process Ballista cluster built the way fansql-scheduler and fansql-executor build
//! theirs (the builder-based set-up, so client settings reach every task).

use std::sync::Arc;
use std::time::{Duration, Instant};

use ballista_core::serde::protobuf::scheduler_grpc_client::SchedulerGrpcClient;
use fansql::cluster;

/// A runtime for the in-process cluster: the scheduler's planner recurses deeply on the longer
/// saved queries (Ballista's own binaries give their threads 32 MiB stacks too).
pub fn cluster_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_stack_size(32 << 20)
        .enable_all()
        .build()
        .expect("runtime")
}

/// Starts a scheduler and two one-core executors in this process; returns the `--cluster` URL.
pub async fn in_process_cluster() -> String {
    let scheduler = ballista_scheduler::standalone::new_standalone_scheduler_with_builder(
        Arc::new(cluster::session_state),
        Arc::new(cluster::config),
        cluster::codec(),
    )
    .await
    .expect("scheduler");
    let url = format!("http://localhost:{}", scheduler.port());
    for _ in 0..2 {
        let started = Instant::now();
        let client = loop {
            match SchedulerGrpcClient::connect(url.clone()).await {
                Ok(client) => break client,
                Err(e) if started.elapsed() > Duration::from_secs(20) => panic!("scheduler at {url}: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        ballista_executor::new_standalone_executor_from_builder(
            client,
            1,
            Arc::new(cluster::config),
            Arc::new(|_| cluster::runtime()),
            cluster::codec(),
            cluster::function_registry().expect("function registry"),
        )
        .await
        .expect("executor");
    }
    format!("df://localhost:{}", scheduler.port())
}
