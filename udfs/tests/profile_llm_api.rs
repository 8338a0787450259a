//! profile_llm against a real OpenAI-compatible HTTP server on 127.0.0.1: batching, the cache,
//! every kind of bad answer, and replay of recorded gpt-4o answers.

mod common;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use common::mock_openai::{recorded_answerer, tag_answerer, Fault, MockOpenAi};
use common::{api_context, sql, texts, ENV_LOCK};
use datafusion::arrow::array::{Array, AsArray, Int64Array, RecordBatch, StringArray};
use datafusion::arrow::datatypes::{DataType, Field, Schema};
use datafusion::datasource::MemTable;
use datafusion::prelude::SessionContext;
use fansql_udfs::api::spend::LLM;
use fansql_udfs::profile_llm::profile::{Profile, FIELDS};

const KEY: &str = "sk-test-0123456789abcdefSECRET";

fn use_server(url: &str) {
    common::use_server("OPENAI", KEY, url);
}

async fn openai_context(cache: &std::path::Path, settings: &str) -> SessionContext {
    api_context(cache, &format!("SET fansql.llm.provider = 'openai'; {settings}")).await
}

/// (rows, rows whose profile is their own, NULL profiles)
async fn check_alignment(ctx: &SessionContext) -> (i64, i64, i64) {
    let batches = sql(
        ctx,
        "WITH p AS (SELECT text, profile_llm(text) AS p FROM t) \
         SELECT count(*) AS rows, \
                sum(CASE WHEN p['job_or_career'][1] = 'job of ' || split_part(text, ' ', 1) THEN 1 ELSE 0 END) AS own, \
                sum(CASE WHEN p IS NULL THEN 1 ELSE 0 END) AS nulls FROM p",
    )
    .await;
    let value = |name: &str| {
        batches[0].column_by_name(name).unwrap().as_primitive::<datafusion::arrow::datatypes::Int64Type>().value(0)
    };
    (value("rows"), value("own"), value("nulls"))
}

#[tokio::test]
async fn batches_of_twenty_then_nothing_on_rerun() {
    let _env = ENV_LOCK.lock().await;
    let server = MockOpenAi::start(Fault::None, Duration::ZERO, tag_answerer());
    use_server(&server.url);
    let cache = tempfile::tempdir().unwrap();
    let ctx = openai_context(cache.path(), "").await;
    texts(&ctx, 1000, "").await;
    assert_eq!(check_alignment(&ctx).await, (1000, 1000, 0));
    assert_eq!(server.requests(), 50, "1,000 texts at batch 20");

    // Another session (and so another query plan) finds everything cached.
    let again = openai_context(cache.path(), "").await;
    texts(&again, 1000, "").await;
    assert_eq!(check_alignment(&again).await, (1000, 1000, 0));
    assert_eq!(server.requests(), 50, "a rerun sends nothing");

    // The key travels only in the Authorization header and is stored nowhere.
    assert!(server.auth_headers().iter().all(|h| h == &format!("Bearer {KEY}")));
    for entry in std::fs::read_dir(cache.path()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(!bytes.windows(KEY.len()).any(|w| w == KEY.as_bytes()), "the key is in a cache file");
    }
}

#[tokio::test]
async fn every_fault_ends_with_all_rows_answered_and_aligned() {
    let _env = ENV_LOCK.lock().await;
    for fault in [
        Fault::RateLimited,
        Fault::ServerError,
        Fault::Slow,
        Fault::Truncated,
        Fault::Fenced,
        Fault::MissingItem,
        Fault::ExtraItem,
        Fault::SwappedIds,
    ] {
        let server = MockOpenAi::start(fault, Duration::ZERO, tag_answerer());
        use_server(&server.url);
        let cache = tempfile::tempdir().unwrap();
        // One request at a time, so "the first request" is the one that misbehaves.
        let ctx = openai_context(cache.path(), "SET fansql.llm.timeout = 1; SET fansql.llm.concurrency = 1").await;
        texts(&ctx, 60, "").await;
        assert_eq!(check_alignment(&ctx).await, (60, 60, 0), "fault {fault:?}");
        assert!(server.requests() >= 3, "fault {fault:?}: {} requests", server.requests());
    }
}

#[tokio::test]
async fn an_item_that_fails_alone_is_null_and_counted() {
    let _env = ENV_LOCK.lock().await;
    let server = MockOpenAi::start(Fault::None, Duration::ZERO, tag_answerer());
    server.poison.lock().unwrap().push("fan-00007 says hello there friend".into());
    use_server(&server.url);
    let cache = tempfile::tempdir().unwrap();
    let ctx = openai_context(cache.path(), "").await;
    texts(&ctx, 20, "").await;
    let failed_before = LLM.snapshot().items_failed;
    assert_eq!(check_alignment(&ctx).await, (20, 19, 1));
    assert_eq!(LLM.snapshot().items_failed - failed_before, 1);
    let batches = sql(&ctx, "SELECT n FROM (SELECT n, profile_llm(text) AS p FROM t) WHERE p IS NULL").await;
    assert_eq!(batches[0].column(0).as_any().downcast_ref::<Int64Array>().unwrap().value(0), 7);
}

#[tokio::test]
async fn errors_name_the_problem_but_never_the_key() {
    let _env = ENV_LOCK.lock().await;
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    use_server(&format!("http://127.0.0.1:{closed}/v1"));
    let cache = tempfile::tempdir().unwrap();
    let ctx = openai_context(cache.path(), "SET fansql.llm.max_retries = 1").await;
    let err = ctx.sql("SELECT profile_llm('hello there')").await.unwrap().collect().await.unwrap_err().to_string();
    assert!(err.contains("cannot reach") && err.contains("gave up after 2 attempt(s)"), "{err}");
    assert!(!err.contains(KEY), "{err}");

    std::env::remove_var("OPENAI_API_KEY");
    let err = ctx.sql("SELECT profile_llm('hello there')").await.unwrap().collect().await.unwrap_err().to_string();
    assert!(err.contains("OPENAI_API_KEY is not set"), "{err}");
}

#[tokio::test]
async fn dry_run_and_budget_send_nothing() {
    let _env = ENV_LOCK.lock().await;
    let server = MockOpenAi::start(Fault::None, Duration::ZERO, tag_answerer());
    use_server(&server.url);
    let cache = tempfile::tempdir().unwrap();
    let ctx = openai_context(cache.path(), "SET fansql.llm.dry_run = true").await;
    texts(&ctx, 45, "").await;
    let before = LLM.snapshot();
    assert_eq!(check_alignment(&ctx).await, (45, 0, 45));
    let planned = LLM.snapshot().since(&before);
    assert_eq!((planned.dry_run_items, planned.dry_run_requests), (45, 3));
    assert!(planned.dry_run_cost_micro_usd > 0 && planned.dry_run_tokens > 0);
    assert_eq!(server.requests(), 0);

    let ctx = openai_context(cache.path(), "SET fansql.llm.max_cost_usd = 0.000001").await;
    texts(&ctx, 45, "").await;
    let err = ctx.sql("SELECT profile_llm(text) FROM t").await.unwrap().collect().await.unwrap_err().to_string();
    assert!(err.contains("above fansql.llm.max_cost_usd"), "{err}");
    assert_eq!(server.requests(), 0);
}

fn lists(batch: &RecordBatch, column: usize) -> Vec<Option<Profile>> {
    let profiles = batch.column(column).as_struct();
    (0..profiles.len())
        .map(|row| {
            profiles.is_valid(row).then(|| {
                let mut fields: [Vec<String>; 9] = Default::default();
                for (i, field) in fields.iter_mut().enumerate() {
                    let list = profiles.column(i).as_list::<i32>().value(row);
                    *field = list.as_string::<i32>().iter().flatten().map(str::to_string).collect();
                }
                Profile { fields }
            })
        })
        .collect()
}

#[tokio::test]
async fn replays_recorded_gpt4o_answers() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seed-data/recorded/gpt4o_profiles.jsonl");
    let Ok(recorded) = std::fs::read_to_string(&path) else {
        println!("skipping replays_recorded_gpt4o_answers: ../shared/seed-data is absent");
        return;
    };
    let rows: Vec<serde_json::Value> = recorded.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    assert_eq!(rows.len(), 202);
    let by_text: HashMap<String, serde_json::Value> =
        rows.iter().map(|r| (r["fan_text"].as_str().unwrap().to_string(), r["profile"].clone())).collect();

    let _env = ENV_LOCK.lock().await;
    let server = MockOpenAi::start(Fault::None, Duration::ZERO, recorded_answerer(by_text));
    use_server(&server.url);
    let cache = tempfile::tempdir().unwrap();
    let ctx = openai_context(cache.path(), "").await;
    let schema =
        Arc::new(Schema::new(vec![Field::new("i", DataType::Int64, false), Field::new("text", DataType::Utf8, false)]));
    let batch = RecordBatch::try_new(
        schema.clone(),
        vec![
            Arc::new(Int64Array::from_iter_values(0..rows.len() as i64)),
            Arc::new(StringArray::from_iter_values(rows.iter().map(|r| r["fan_text"].as_str().unwrap()))),
        ],
    )
    .unwrap();
    ctx.register_table("recorded", Arc::new(MemTable::try_new(schema, vec![vec![batch]]).unwrap())).unwrap();
    let batches = sql(&ctx, "SELECT i, profile_llm(text) AS p FROM recorded ORDER BY i").await;
    let got: Vec<Option<Profile>> = batches.iter().flat_map(|b| lists(b, 1)).collect();
    assert_eq!(got.len(), 202);
    let distinct_texts =
        rows.iter().map(|r| r["fan_text"].as_str().unwrap()).collect::<std::collections::HashSet<_>>().len();
    assert_eq!(server.requests(), distinct_texts.div_ceil(20));
    for (row, answer) in rows.iter().zip(&got) {
        let expected = Profile::from_json(row["profile"].as_object().unwrap());
        assert_eq!(answer.as_ref(), Some(&expected), "{}", row["fan_model_id"]);
    }
    // A hand-checked normalization: key variants and scalars land in the right fields.
    let fields_filled = got.iter().flatten().filter(|p| !p.fields[7].is_empty()).count();
    assert!(fields_filled > 150, "communication_style found for {fields_filled} fans");
    assert_eq!(FIELDS[7], "communication_style");
}
