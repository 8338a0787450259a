//! Cluster mode on Ballista. An in-process cluster (a scheduler and two executors built the
//! way fansql-scheduler and fansql-executor build theirs, so settings travel) runs the whole
//! saved pipeline and the reports, driven by the real `fansql --cluster` binary, and must write
//! what a local run writes. The shipped scheduler and executor binaries run a query too.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::cluster::{cluster_runtime, in_process_cluster};
use common::{assert_one_line_error, free_port, run, stderr, stdout, temp_dir};
use datafusion::arrow::util::pretty::pretty_format_batches;
use datafusion::prelude::{CsvReadOptions, ParquetReadOptions, SessionContext};

/// Runs the fansql binary off the async runtime, which keeps serving the cluster meanwhile.
async fn fansql(args: Vec<String>) -> Output {
    tokio::task::spawn_blocking(move || run(&args.iter().map(String::as_str).collect::<Vec<_>>()))
        .await
        .expect("fansql ran")
}

/// Every output file's content, independent of row order: sorted CSV lines, sorted rows of a
/// Parquet file, the bytes of anything else (plots).
async fn outputs(dir: &Path) -> BTreeMap<String, Vec<String>> {
    let ctx = SessionContext::new();
    let mut found = BTreeMap::new();
    for entry in std::fs::read_dir(dir).expect("output folder") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let location = path.to_string_lossy().into_owned();
        let mut content: Vec<String> = match path.extension().and_then(|e| e.to_str()) {
            Some("parquet") => {
                let batches =
                    ctx.read_parquet(&location, ParquetReadOptions::default()).await.unwrap().collect().await.unwrap();
                pretty_format_batches(&batches).unwrap().to_string().lines().map(str::to_string).collect()
            }
            Some("csv") => {
                // Read back as a check that the file is well-formed CSV, then compare its lines.
                ctx.read_csv(&location, CsvReadOptions::new()).await.unwrap().count().await.unwrap();
                std::fs::read_to_string(&path).unwrap().lines().map(str::to_string).collect()
            }
            _ => vec![format!("{:?}", std::fs::read(&path).unwrap())],
        };
        content.sort();
        found.insert(name, content);
    }
    found
}

#[test]
fn saved_pipeline_and_reports_on_a_cluster_write_what_a_local_run_writes() {
    cluster_runtime().block_on(pipeline_and_reports_match());
}

async fn pipeline_and_reports_match() {
    let url = in_process_cluster().await;
    let local = temp_dir();
    let remote = temp_dir();
    let shared_tables = temp_dir();
    let saved = ["queries/pipeline", "queries/reports"];

    let mut local_args: Vec<String> = ["run"].iter().chain(&saved).map(|s| s.to_string()).collect();
    local_args.extend(["--out".into(), local.path().display().to_string(), "-q".into()]);
    let local_run = fansql(local_args.clone()).await;
    assert!(local_run.status.success(), "local run: {}", stderr(&local_run));

    let mut cluster_args = local_args.clone();
    let out_at = cluster_args.iter().position(|a| a == "--out").unwrap() + 1;
    cluster_args[out_at] = remote.path().display().to_string();
    cluster_args.extend([
        "--cluster".into(),
        url.clone(),
        "--cluster-tables".into(),
        shared_tables.path().display().to_string(),
    ]);
    let cluster_run = fansql(cluster_args).await;
    assert!(cluster_run.status.success(), "cluster run: {}", stderr(&cluster_run));

    // The reports print the same rows (plot functions return the path they wrote).
    let printed = |output: &Output, dir: &Path| {
        let mut lines: Vec<String> =
            stdout(output).replace(&dir.display().to_string(), "OUT").lines().map(str::to_string).collect();
        lines.sort();
        lines
    };
    assert_eq!(printed(&cluster_run, remote.path()), printed(&local_run, local.path()));
    assert!(printed(&local_run, local.path()).iter().any(|l| l.contains("Whales")), "personas printed");

    let expected = outputs(local.path()).await;
    let written = outputs(remote.path()).await;
    assert_eq!(written.keys().collect::<Vec<_>>(), expected.keys().collect::<Vec<_>>());
    for (name, content) in &expected {
        assert!(written[name] == *content, "{name} differs between the cluster and the local run");
    }
    for plot in ["cluster_umap_method_A.png", "cluster_3d_method_B.html", "clustered_method_A.parquet", "personas.csv"]
    {
        assert!(expected.contains_key(plot), "{plot} written");
    }
    // CREATE TABLE ... AS tables lived in the shared folder only while the session ran.
    let left: Vec<_> = std::fs::read_dir(shared_tables.path()).unwrap().collect();
    assert!(left.is_empty(), "cluster tables left behind: {left:?}");
}

#[test]
fn settings_reach_the_executors() {
    cluster_runtime().block_on(async {
        embed_dimension_set_on_the_client().await;
        plot_size_set_on_the_client().await;
    });
}

async fn embed_dimension_set_on_the_client() {
    let url = in_process_cluster().await;
    // embed() runs on an executor and checks the dimension it was planned for against the
    // setting it sees: without the SET reaching the executor this query fails.
    let sql = "SELECT count(*) AS n, min(arrow_typeof(e)) AS t \
               FROM (SELECT embed(fan_message) AS e FROM messages WHERE fan_message IS NOT NULL LIMIT 30)";
    let output = fansql(
        ["--cluster", &url, "--format", "csv", "-c", "SET fansql.embed.output_dimension = 64", "-c", sql]
            .iter()
            .map(|s| s.to_string())
            .collect(),
    )
    .await;
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("30,"), "{text}");
    assert!(text.contains("FixedSizeList") && text.contains("64"), "{text}");
}

/// Plot functions carry their settings to the executor that draws (no process-wide setting
/// exists to fall back on: the executors here share the test's process): a PNG of the size
/// set on the client, not the default 1200 × 900.
async fn plot_size_set_on_the_client() {
    let url = in_process_cluster().await;
    let dir = temp_dir();
    let path = dir.path().join("small.png");
    let sql = format!(
        "SELECT plot_scatter(x, y, label, '{}') AS path \
         FROM (SELECT length(fan_message) * 1.0 AS x, price AS y, model_id AS label FROM messages LIMIT 50)",
        path.display()
    );
    let output = fansql(
        [
            "--cluster",
            &url,
            "-c",
            "SET fansql.plot.width = 320",
            "-c",
            "SET fansql.plot.height = 240",
            "-c",
            "SET fansql.threads = 1",
            "-c",
            &sql,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
    )
    .await;
    assert!(output.status.success(), "{}", stderr(&output));
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&path).expect("plot written")));
    let info = decoder.read_info().expect("a PNG").info().clone();
    assert_eq!((info.width, info.height), (320, 240));
}

#[test]
fn an_unreachable_scheduler_is_a_one_line_error() {
    let port = free_port();
    let url = format!("df://127.0.0.1:{port}");
    let output = run(&["--cluster", &url, "-c", "SELECT 1"]);
    assert_one_line_error(&output, &[&format!("--cluster {url}"), "cannot reach the scheduler"]);
    let output = run(&["--cluster", "scheduler:50050", "-c", "SELECT 1"]);
    assert_one_line_error(&output, &["--cluster scheduler:50050", "df://HOST:PORT"]);
}

/// Kills the cluster processes when the test ends, passing or not.
struct Processes(Vec<Child>);

impl Drop for Processes {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Starts a shipped cluster binary, its output in `log`, and waits until it accepts
/// connections on `port`. `None` when it exits first: a port chosen free was taken before the
/// process bound it (other tests open connections meanwhile), so the caller picks new ports.
fn start_listening(binary: &str, args: &[String], port: u16, log: &Path) -> Option<Child> {
    let log = std::fs::File::create(log).expect("log file");
    let mut child = Command::new(binary)
        .args(args)
        .stdout(Stdio::from(log.try_clone().expect("log file")))
        .stderr(Stdio::from(log))
        .spawn()
        .expect("start cluster process");
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(30) {
        if child.try_wait().expect("cluster process status").is_some() {
            return None;
        }
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Some(child);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

/// Starts one shipped process on fresh ports, up to three times; `ports` makes the arguments
/// from fresh ports per call and returns them with the port to wait on, which is returned too.
fn start_on_free_ports(binary: &str, log: &Path, ports: impl Fn() -> (Vec<String>, u16)) -> (Child, u16) {
    for _ in 0..3 {
        let (args, port) = ports();
        if let Some(child) = start_listening(binary, &args, port, log) {
            return (child, port);
        }
    }
    panic!("{binary} did not start; its log:\n{}", std::fs::read_to_string(log).unwrap_or_default());
}

/// Runs fansql, killed after `limit`: a cluster that lost its executors queues a job forever.
fn run_at_most(args: &[&str], limit: Duration) -> Output {
    let mut child = Command::new(common::binary())
        .args(args)
        .current_dir(common::project_root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start fansql");
    let started = Instant::now();
    while child.try_wait().expect("fansql status").is_none() && started.elapsed() < limit {
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    child.wait_with_output().expect("fansql finished")
}

#[test]
fn the_shipped_scheduler_and_executors_run_fansql_functions() {
    let logs = temp_dir();
    let (scheduler, scheduler_port) =
        start_on_free_ports(env!("CARGO_BIN_EXE_fansql-scheduler"), &logs.path().join("scheduler.log"), || {
            let port = free_port();
            (vec!["--bind-port".into(), port.to_string()], port)
        });
    let mut processes = Processes(vec![scheduler]);
    let executor_logs = [logs.path().join("executor-1.log"), logs.path().join("executor-2.log")];
    for log in &executor_logs {
        let (executor, _) = start_on_free_ports(env!("CARGO_BIN_EXE_fansql-executor"), log, || {
            let grpc_port = free_port();
            let args = vec![
                "--scheduler-port".into(),
                scheduler_port.to_string(),
                "--bind-port".into(),
                free_port().to_string(),
                "--bind-grpc-port".into(),
                grpc_port.to_string(),
                "--bind-health-port".into(),
                free_port().to_string(),
                "--vcores".into(),
                "1".into(),
            ];
            (args, grpc_port)
        });
        processes.0.push(executor);
    }
    let url = format!("df://127.0.0.1:{scheduler_port}");
    let sql = "SELECT stage, count(*) AS messages, sum(revenue) AS revenue FROM \
               (SELECT stage(ts, purchased) OVER (PARTITION BY fan_id, model_id ORDER BY ts) AS stage, revenue FROM messages) \
               GROUP BY stage ORDER BY stage";
    let expected = run(&["--format", "csv", "-c", sql]);
    assert!(expected.status.success(), "{}", stderr(&expected));
    // The executors register a moment after they listen: retry until they have.
    let started = Instant::now();
    let output = loop {
        let output = run_at_most(&["--cluster", &url, "--format", "csv", "-c", sql], Duration::from_secs(120));
        if output.status.success() || started.elapsed() > Duration::from_secs(60) {
            break output;
        }
        std::thread::sleep(Duration::from_millis(500));
    };
    let logs_read =
        || executor_logs.iter().map(|l| std::fs::read_to_string(l).unwrap_or_default()).collect::<Vec<_>>().join("\n");
    assert!(output.status.success(), "{}\nexecutor logs:\n{}", stderr(&output), logs_read());
    assert_eq!(stdout(&output), stdout(&expected));
    assert!(stdout(&output).contains("stage_3"), "{}", stdout(&output));
    drop(processes);
}
