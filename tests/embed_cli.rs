//! embed / embed_voyage through the real `fansql` binary and a loopback Voyage-shaped server:
//! the `embed:` spend line, dry-run estimates, the cache shared by processes, SET of the vector
//! length, and a key that appears nowhere.

mod common;
#[path = "../udfs/tests/common/mock_http.rs"]
mod mock_http;
#[path = "../udfs/tests/common/mock_voyage.rs"]
mod mock_voyage;

use std::process::{Command, Output, Stdio};
use std::time::Duration;

use common::*;
use mock_voyage::{hash_answerer, Fault, MockVoyage};

const KEY: &str = "pa-cli-test-ABCDEF0123456789secret";

const TEXTS: &str =
    "CREATE TABLE t AS SELECT 'fan-' || lpad(CAST(value AS VARCHAR), 5, '0') || ' says hello there friend' AS text \
                     FROM generate_series(1, 300)";

fn fansql(server: &MockVoyage, cache: &std::path::Path, sql: &[&str]) -> Output {
    let mut command = Command::new(binary());
    command.args(["--data", project_root().join("data/sample").to_str().unwrap()]);
    for statement in sql {
        command.args(["-c", statement]);
    }
    command
        .env("VOYAGE_API_KEY", KEY)
        .env("VOYAGE_BASE_URL", &server.url)
        .env("FANSQL_CACHE_DIR", cache)
        .current_dir(cache)
        .stdin(Stdio::null())
        .output()
        .expect("run fansql")
}

fn assert_no_key(output: &Output) {
    for text in [stdout(output), stderr(output)] {
        assert!(!text.contains(KEY) && !text.contains("pa-cli"), "the key leaked: {text}");
    }
}

#[test]
fn spend_line_estimate_cache_and_dimension_through_the_shell() {
    let server = MockVoyage::start(Fault::None, Duration::ZERO, hash_answerer());
    let dir = temp_dir();
    let one_partition = "SET datafusion.execution.target_partitions = 1";

    let estimate = fansql(&server, dir.path(), &[TEXTS, "\\estimate SELECT embed(text) FROM t"]);
    assert!(estimate.status.success(), "{}", stderr(&estimate));
    assert!(stderr(&estimate).contains("embed: dry run: would send 300 item(s)"), "{}", stderr(&estimate));
    assert_eq!(server.requests(), 0, "an estimate sends nothing");

    let count = "SELECT count(embed(text)) AS embedded FROM t";
    let first = fansql(&server, dir.path(), &[one_partition, TEXTS, count]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(stdout(&first).lines().nth(1), Some("300"));
    assert!(
        stderr(&first).contains("embed: 3 request(s) (0 retried), 0 cache hit(s), 300 item(s) sent"),
        "{}",
        stderr(&first)
    );

    // Another process finds every vector in the cache.
    let again = fansql(&server, dir.path(), &[one_partition, TEXTS, count]);
    assert!(stderr(&again).contains("embed: 0 request(s) (0 retried), 300 cache hit(s)"), "{}", stderr(&again));
    assert_eq!(server.requests(), 3);

    // SET changes the vector type for the following statements; new length, new cache entries.
    let resized = fansql(
        &server,
        dir.path(),
        &[
            one_partition,
            TEXTS,
            "SET fansql.embed.output_dimension = 256",
            "SELECT DISTINCT arrow_typeof(embed(text)) AS t FROM t",
        ],
    );
    assert!(resized.status.success(), "{}", stderr(&resized));
    assert_eq!(stdout(&resized).lines().nth(1), Some("FixedSizeList(256 x Float32)"));
    assert!(server.seen().iter().any(|r| r.output_dimension == serde_json::json!(256)));
    for output in [&estimate, &first, &again, &resized] {
        assert_no_key(output);
    }
}

#[test]
fn without_a_key_embed_voyage_says_what_to_do_and_embed_runs_offline() {
    let dir = temp_dir();
    let run = |sql: &str| {
        Command::new(binary())
            .args(["--data", project_root().join("data/sample").to_str().unwrap(), "-c", sql])
            .env_remove("VOYAGE_API_KEY")
            .env("FANSQL_CACHE_DIR", dir.path())
            .current_dir(dir.path())
            .output()
            .expect("run fansql")
    };
    let refused = run("SELECT embed_voyage('hello')");
    assert_one_line_error(&refused, &["embed_voyage", "VOYAGE_API_KEY is not set", "embed(text)"]);
    let offline = run("SELECT vector_norm(embed('hello')) AS n");
    assert!(offline.status.success(), "{}", stderr(&offline));
    assert!(stdout(&offline).lines().nth(1).is_some_and(|n| n.starts_with("1") || n.starts_with("0.99")));
    assert!(!stderr(&offline).contains("embed:"), "the local embedder costs nothing: {}", stderr(&offline));
}
