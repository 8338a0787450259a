//! profile_llm through the real `fansql` binary and a loopback OpenAI-compatible server: the
//! spend report, dry-run estimates, a SIGKILL mid-run that loses at most the batches in flight,
//! and an API key that appears nowhere.

mod common;
#[path = "../udfs/tests/common/mock_http.rs"]
mod mock_http;
#[path = "../udfs/tests/common/mock_openai.rs"]
mod mock_openai;

use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::*;
use fansql_udfs::api::cache::AnswerCache;
use mock_openai::{tag_answerer, Fault, MockOpenAi};

const KEY: &str = "sk-cli-test-ABCDEF0123456789secret";

fn texts_sql(n: usize) -> String {
    format!(
        "CREATE TABLE t AS SELECT 'fan-' || lpad(CAST(value AS VARCHAR), 5, '0') || ' says hello there friend' AS text \
         FROM generate_series(1, {n})"
    )
}

fn fansql(server: &MockOpenAi, cache: &std::path::Path, args: &[&str]) -> Command {
    let mut command = Command::new(binary());
    command
        .args(["--data", project_root().join("data/sample").to_str().unwrap()])
        .args(args)
        .env("OPENAI_API_KEY", KEY)
        .env("OPENAI_BASE_URL", &server.url)
        .env("FANSQL_CACHE_DIR", cache)
        .current_dir(cache)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

const PROFILE_COUNT: &str = "SET datafusion.execution.target_partitions = 1; SELECT count(p) AS profiled FROM (SELECT profile_llm(text) AS p FROM t)";

fn assert_no_key(output: &Output) {
    for text in [stdout(output), stderr(output)] {
        assert!(!text.contains(KEY) && !text.contains("sk-cli"), "the key leaked: {text}");
    }
}

#[test]
fn spend_report_estimate_and_cache_across_processes() {
    let server = MockOpenAi::start(Fault::None, Duration::ZERO, tag_answerer());
    let dir = temp_dir();
    let sql = format!("{}; {PROFILE_COUNT}", texts_sql(100));

    let estimate =
        fansql(&server, dir.path(), &["-c", &texts_sql(100), "-c", "\\estimate SELECT profile_llm(text) FROM t"])
            .output()
            .unwrap();
    assert!(estimate.status.success(), "{}", stderr(&estimate));
    assert!(stderr(&estimate).contains("dry run: would send 100 item(s) in 5 request(s)"), "{}", stderr(&estimate));
    assert_eq!(server.requests(), 0);

    let first = fansql(&server, dir.path(), &["-c", &sql]).output().unwrap();
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(stdout(&first), "profiled\n100\n");
    assert!(stderr(&first).contains("profile_llm: 5 request(s)"), "{}", stderr(&first));
    assert_eq!(server.requests(), 5);

    let second = fansql(&server, dir.path(), &["-c", &sql]).output().unwrap();
    assert!(stderr(&second).contains("0 request(s) (0 retried), 100 cache hit(s)"), "{}", stderr(&second));
    assert_eq!(server.requests(), 5, "another process reuses the cache");
    for output in [&estimate, &first, &second] {
        assert_no_key(output);
    }

    let stats = Command::new(binary()).args(["cache", "stats"]).env("FANSQL_CACHE_DIR", dir.path()).output().unwrap();
    assert!(stdout(&stats).contains("profile_llm") && stdout(&stats).contains("100 answers"), "{}", stdout(&stats));
    let clear = Command::new(binary())
        .args(["cache", "clear", "--function", "profile_llm"])
        .env("FANSQL_CACHE_DIR", dir.path())
        .output()
        .unwrap();
    assert!(stdout(&clear).contains("removed 100 cached answer(s)"), "{}", stdout(&clear));
}

#[test]
fn a_refused_key_is_reported_without_the_key() {
    let server = MockOpenAi::start(Fault::Unauthorized, Duration::ZERO, tag_answerer());
    let dir = temp_dir();
    let output = fansql(&server, dir.path(), &["-c", &format!("{}; {PROFILE_COUNT}", texts_sql(3))]).output().unwrap();
    assert_one_line_error(&output, &["401"]);
    assert_no_key(&output);
    assert!(server.auth_headers().iter().all(|h| h.contains(KEY)), "the key was sent in the header");
}

#[test]
fn sigkill_mid_run_loses_only_batches_in_flight() {
    // 400 texts = 20 batches, two at a time, each answered after 300 ms.
    let server = MockOpenAi::start(Fault::None, Duration::from_millis(300), tag_answerer());
    let dir = temp_dir();
    let sql = format!("{}; SET fansql.llm.concurrency = 2; {PROFILE_COUNT}", texts_sql(400));
    let mut child = fansql(&server, dir.path(), &["-c", &sql]).spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while server.requests() < 8 {
        assert!(Instant::now() < deadline, "the run never got going");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let sent_before_kill = server.requests();
    let cache = AnswerCache::open(dir.path()).unwrap();
    let cached: u64 = cache.stats().unwrap().iter().map(|k| k.entries).sum();
    assert!(cached > 0 && cached.is_multiple_of(20), "whole batches are cached: {cached}");
    assert!(cached < 400);

    let rerun = fansql(&server, dir.path(), &["-c", &sql]).output().unwrap();
    assert!(rerun.status.success(), "{}", stderr(&rerun));
    assert_eq!(stdout(&rerun), "profiled\n400\n");
    let resent = server.requests() - sent_before_kill;
    let unfinished = 20 - (cached / 20) as usize;
    assert!(resent <= unfinished, "rerun sent {resent} requests for {unfinished} unfinished batches");
    assert_no_key(&rerun);
}
