//! On a cluster, paid answers are shared through `fansql.cache.shared`: executors with separate
//! local caches (as on separate machines) pay once for each answer. profile_llm runs on the
//! executors of an in-process cluster against a loopback OpenAI-compatible server.

mod common;
#[path = "../udfs/tests/common/mock_http.rs"]
mod mock_http;
#[path = "../udfs/tests/common/mock_openai.rs"]
mod mock_openai;

use std::time::Duration;

use common::cluster::{cluster_runtime, in_process_cluster};
use common::{run, stderr, stdout, temp_dir};
use mock_openai::{tag_answerer, Fault, MockOpenAi};

const KEY: &str = "sk-cluster-test-0123456789secret";

#[test]
fn a_cluster_pays_once_for_each_answer() {
    let server = MockOpenAi::start(Fault::None, Duration::ZERO, tag_answerer());
    // The executors run in this process and take the key and base URL from its environment, as
    // executor processes do (this test binary holds only this test, so nothing else reads them).
    std::env::set_var("OPENAI_API_KEY", KEY);
    std::env::set_var("OPENAI_BASE_URL", &server.url);
    let shared = temp_dir();
    let shared_url = url::Url::from_directory_path(shared.path()).unwrap().to_string();
    let texts =
        "CREATE TABLE t AS SELECT 'fan-' || lpad(CAST(n AS VARCHAR), 5, '0') || ' says hello there friend' AS text \
                 FROM (SELECT unnest(generate_series(1, 60)) AS n)";
    let count = "SELECT count(p) AS profiled FROM (SELECT profile_llm(text) AS p FROM t)";
    cluster_runtime().block_on(async {
        let url = in_process_cluster().await;
        // Two "machines": each run's executors have a local cache of their own.
        for machine in 0..2 {
            let local = temp_dir();
            let args: Vec<String> = [
                "--cluster",
                &url,
                "--format",
                "csv",
                "--set",
                "fansql.llm.provider=openai",
                "--set",
                &format!("fansql.cache.dir={}", local.path().display()),
                "--set",
                &format!("fansql.cache.shared={shared_url}"),
                "-c",
                texts,
                "-c",
                count,
            ]
            .iter()
            .map(|s| s.to_string())
            .collect();
            let output = tokio::task::spawn_blocking(move || run(&args.iter().map(String::as_str).collect::<Vec<_>>()))
                .await
                .unwrap();
            assert!(output.status.success(), "run {machine}: {}", stderr(&output));
            assert_eq!(stdout(&output), "profiled\n60\n");
            assert_eq!(server.requests(), 3, "run {machine}: 60 texts in batches of 20, sent once");
            assert!(!stdout(&output).contains(KEY) && !stderr(&output).contains(KEY));
            // The answers reached this machine's own cache too.
            let local_answers = fansql_udfs::api::cache::AnswerCache::open(local.path()).unwrap().stats().unwrap();
            assert_eq!(local_answers.iter().map(|k| k.entries).sum::<u64>(), 60, "run {machine}");
        }
    });
    let objects = std::fs::read_dir(shared.path().join("profile_llm")).unwrap().count();
    assert_eq!(objects, 60, "one shared object per answer");
}
