//! Reading conversation logs from, and writing results to, a real S3-compatible server on
//! 127.0.0.1 (moto's server, started by the test; skipped with a reason when it is not installed).

mod common;

use common::*;
use object_store::aws::AmazonS3Builder;
use object_store::path::Path as StorePath;
use object_store::{ObjectStoreExt, PutPayload};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct S3Server {
    child: Child,
    endpoint: String,
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_s3() -> Option<S3Server> {
    let has_moto = Command::new("python3")
        .args(["-c", "import moto.server"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !has_moto {
        println!("skipping object-store test: python3 with moto[server] is not installed (pip install 'moto[server]')");
        return None;
    }
    let port = TcpListener::bind("127.0.0.1:0").ok()?.local_addr().ok()?.port();
    let child = Command::new("python3")
        .args(["-m", "moto.server", "-H", "127.0.0.1", "-p", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let server = S3Server { child, endpoint: format!("http://127.0.0.1:{port}") };
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "moto server did not start on port {port}");
        std::thread::sleep(Duration::from_millis(100));
    }
    Some(server)
}

/// Creates a bucket with a plain `PUT /bucket` (moto does not check signatures).
fn create_bucket(endpoint: &str, bucket: &str) {
    let address = endpoint.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).unwrap();
    write!(stream, "PUT /{bucket} HTTP/1.1\r\nHost: {address}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "bucket creation failed: {response}");
}

fn fansql_s3(endpoint: &str, args: &[&str]) -> std::process::Output {
    Command::new(binary())
        .args(args)
        .current_dir(project_root())
        .env("AWS_ENDPOINT_URL", endpoint)
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("AWS_REGION", "us-east-1")
        .env_remove("FANSQL_DATA")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[tokio::test]
async fn reads_and_writes_s3() {
    let Some(server) = start_s3() else { return };
    create_bucket(&server.endpoint, "logs");
    let store = AmazonS3Builder::new()
        .with_endpoint(&server.endpoint)
        .with_bucket_name("logs")
        .with_allow_http(true)
        .with_access_key_id("test")
        .with_secret_access_key("test")
        .with_region("us-east-1")
        .build()
        .unwrap();
    let sample = std::fs::read(project_root().join("data/sample/messages.parquet")).unwrap();
    store.put(&StorePath::from("chat/2025-04/messages.parquet"), PutPayload::from(sample)).await.unwrap();

    let local = run(&["-c", "SELECT count(*) AS n, sum(revenue) AS revenue FROM messages"]);
    assert!(local.status.success(), "{}", stderr(&local));

    let remote = fansql_s3(
        &server.endpoint,
        &["--data", "s3://logs/chat/", "-c", "SELECT count(*) AS n, sum(revenue) AS revenue FROM messages"],
    );
    assert!(remote.status.success(), "{}", stderr(&remote));
    assert_eq!(stdout(&remote), stdout(&local), "the same logs read from S3 and from disk");

    let copy = fansql_s3(
        &server.endpoint,
        &["--data", "s3://logs/chat/2025-04/messages.parquet", "-c",
          "COPY (SELECT fan_model_id, count(*) AS n FROM messages GROUP BY 1) TO 's3://logs/reports/pairs.parquet' STORED AS PARQUET"],
    );
    assert!(copy.status.success(), "{}", stderr(&copy));
    let written = store.head(&StorePath::from("reports/pairs.parquet")).await.unwrap();
    assert!(written.size > 0);

    let missing = fansql_s3(&server.endpoint, &["--data", "s3://logs/nothing-here/", "-c", "SELECT 1"]);
    assert_one_line_error(&missing, &["s3://logs/nothing-here/", "no files found"]);
}
