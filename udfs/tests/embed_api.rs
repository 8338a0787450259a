//! embed_voyage / embed against a real Voyage-shaped HTTP server on 127.0.0.1: batching by count
//! and tokens, the cache, every kind of bad answer, keys, and replay of recorded voyage-3.5
//! vectors.

mod common;

use std::collections::HashMap;
use std::time::Duration;

use common::mock_voyage::{hash_answerer, recorded_answerer, text_vector, Fault, MockVoyage, VectorAnswerer};
use common::{api_context, sql, texts, try_sql, ENV_LOCK};
use datafusion::arrow::array::{Array, AsArray, RecordBatch};
use datafusion::arrow::datatypes::{DataType, Float32Type, Int64Type};
use datafusion::prelude::SessionContext;
use fansql_udfs::api::spend::EMBED;
use serde_json::json;

const KEY: &str = "pa-test-0123456789abcdefSECRET";

fn use_server(url: &str) {
    common::use_server("VOYAGE", KEY, url);
}

/// Blank and NULL texts beside the real ones: they must come back NULL and never be sent.
const BLANKS: &str = "UNION ALL SELECT -1, '   ' UNION ALL SELECT -2, NULL";

/// The texts and vectors of `SELECT text, <call>(text) FROM t`, in any order.
async fn embedded(ctx: &SessionContext, call: &str) -> Vec<(Option<String>, Option<Vec<f32>>)> {
    let batches = sql(ctx, &format!("SELECT text, {call}(text) AS v FROM t")).await;
    rows(&batches)
}

fn rows(batches: &[RecordBatch]) -> Vec<(Option<String>, Option<Vec<f32>>)> {
    let mut out = Vec::new();
    for batch in batches {
        let texts = datafusion::arrow::compute::cast(batch.column(0), &DataType::Utf8).unwrap();
        let texts = texts.as_string::<i32>();
        let vectors = batch.column(1).as_fixed_size_list();
        for row in 0..batch.num_rows() {
            let text = texts.is_valid(row).then(|| texts.value(row).to_string());
            let vector =
                vectors.is_valid(row).then(|| vectors.value(row).as_primitive::<Float32Type>().values().to_vec());
            out.push((text, vector));
        }
    }
    out
}

/// Every non-blank text has exactly the server's vector for it; blank and NULL texts are NULL.
fn assert_aligned(rows: &[(Option<String>, Option<Vec<f32>>)], dimension: usize, context: &str) {
    for (text, vector) in rows {
        match text.as_deref().filter(|t| !t.trim().is_empty()) {
            Some(t) => assert_eq!(vector.as_deref(), Some(text_vector(t, dimension).as_slice()), "{context}: row {t}"),
            None => assert!(vector.is_none(), "{context}: a blank or NULL text got a vector"),
        }
    }
}

#[tokio::test]
async fn batches_by_count_and_tokens_then_nothing_on_rerun() {
    let _env = ENV_LOCK.lock().await;
    let server = MockVoyage::start(Fault::None, Duration::ZERO, hash_answerer());
    use_server(&server.url);
    let cache = tempfile::tempdir().unwrap();
    let ctx = api_context(cache.path(), "").await;
    texts(&ctx, 2500, BLANKS).await;
    let got = embedded(&ctx, "embed_voyage").await;
    assert_eq!(got.len(), 2502);
    assert_aligned(&got, 1024, "batch 128");
    let seen = server.seen();
    assert_eq!(seen.len(), 20, "2,500 texts at batch 128: 19 full requests and one of 68");
    assert_eq!(seen.iter().map(|r| r.texts).sum::<usize>(), 2500, "blank and NULL texts are never sent");
    assert!(seen.iter().all(|r| r.texts <= 128 && r.model == "voyage-3.5"));
    assert!(seen.iter().all(|r| r.input_type == json!("document") && r.output_dimension == json!(1024)));

    // Another session finds everything cached: no request at all.
    let again = api_context(cache.path(), "").await;
    texts(&again, 2500, BLANKS).await;
    assert_aligned(&embedded(&again, "embed_voyage").await, 1024, "rerun");
    assert_eq!(server.requests(), 20, "a rerun sends nothing");

    // A token budget splits sooner: each text is estimated at 13 tokens, so 1,300 hold 100.
    let fresh = tempfile::tempdir().unwrap();
    let by_tokens =
        api_context(fresh.path(), "SET fansql.embed.batch_size = 1000; SET fansql.embed.max_tokens_per_request = 1300")
            .await;
    texts(&by_tokens, 2500, BLANKS).await;
    assert_aligned(&embedded(&by_tokens, "embed_voyage").await, 1024, "token budget");
    let by_tokens_seen = &server.seen()[20..];
    assert_eq!(by_tokens_seen.len(), 25, "2,500 texts of ~13 tokens within 1,300 tokens a request");
    assert!(by_tokens_seen.iter().all(|r| r.texts == 100));

    // The key travels only in the Authorization header and is stored nowhere.
    assert!(server.auth_headers().iter().all(|h| h == &format!("Bearer {KEY}")));
    for dir in [cache.path(), fresh.path()] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            assert!(!bytes.windows(KEY.len()).any(|w| w == KEY.as_bytes()), "the key is in a cache file");
        }
    }
}

#[tokio::test]
async fn every_fault_is_recovered_without_misalignment() {
    let _env = ENV_LOCK.lock().await;
    for fault in [
        Fault::RateLimited,
        Fault::ServerError,
        Fault::Slow,
        Fault::Truncated,
        Fault::MissingVector,
        Fault::ShuffledIndices,
    ] {
        let server = MockVoyage::start(fault, Duration::ZERO, hash_answerer());
        use_server(&server.url);
        let cache = tempfile::tempdir().unwrap();
        // One request at a time, so "the first request" is the one that misbehaves.
        let ctx = api_context(cache.path(), "SET fansql.embed.timeout = 1; SET fansql.embed.concurrency = 1").await;
        texts(&ctx, 300, BLANKS).await;
        let got = embedded(&ctx, "embed_voyage").await;
        assert_aligned(&got, 1024, &format!("fault {fault:?}"));
        // 300 texts are 3 requests; every fault but a reordered answer costs at least one more.
        let least = if fault == Fault::ShuffledIndices { 3 } else { 4 };
        assert!(server.requests() >= least, "fault {fault:?}: {} requests", server.requests());
    }
}

#[tokio::test]
async fn a_text_never_answered_is_null_and_counted() {
    let _env = ENV_LOCK.lock().await;
    let lost = "fan-00007 says hello there friend";
    let answerer: VectorAnswerer = std::sync::Arc::new(move |text, d| (text != lost).then(|| text_vector(text, d)));
    let server = MockVoyage::start(Fault::None, Duration::ZERO, answerer);
    use_server(&server.url);
    let cache = tempfile::tempdir().unwrap();
    let ctx = api_context(cache.path(), "").await;
    texts(&ctx, 40, BLANKS).await;
    let failed_before = EMBED.snapshot().items_failed;
    let got = embedded(&ctx, "embed_voyage").await;
    for (text, vector) in &got {
        if text.as_deref() == Some(lost) {
            assert!(vector.is_none());
        } else if let Some(t) = text.as_deref().filter(|t| !t.trim().is_empty()) {
            assert_eq!(vector.as_deref(), Some(text_vector(t, 1024).as_slice()));
        }
    }
    assert_eq!(EMBED.snapshot().items_failed - failed_before, 1);
}

#[tokio::test]
async fn errors_name_the_problem_but_never_the_key() {
    let _env = ENV_LOCK.lock().await;
    let server = MockVoyage::start(Fault::Unauthorized, Duration::ZERO, hash_answerer());
    use_server(&server.url);
    let cache = tempfile::tempdir().unwrap();
    let ctx = api_context(cache.path(), "").await;
    texts(&ctx, 3, BLANKS).await;
    let error = try_sql(&ctx, "SELECT embed_voyage(text) FROM t").await.unwrap_err().to_string();
    assert!(error.contains("401"), "{error}");
    assert!(!error.contains("0123456789abcdef"), "the key leaked: {error}");

    std::env::remove_var("VOYAGE_API_KEY");
    let error = try_sql(&ctx, "SELECT embed_voyage(text) FROM t").await.unwrap_err().to_string();
    assert!(error.contains("VOYAGE_API_KEY is not set") && error.contains("embed(text)"), "{error}");
    // embed() with the default 'auto' provider and no key embeds offline: no request.
    let before = server.requests();
    let got = embedded(&ctx, "embed").await;
    assert!(got.iter().filter(|(t, _)| t.as_deref().is_some_and(|t| !t.trim().is_empty())).all(|(_, v)| v.is_some()));
    assert_eq!(server.requests(), before);
    let forced = api_context(cache.path(), "SET fansql.embed.provider = 'voyage'").await;
    texts(&forced, 3, BLANKS).await;
    let error = try_sql(&forced, "SELECT embed(text) FROM t").await.unwrap_err().to_string();
    assert!(error.contains("fansql.embed.provider = 'local'"), "{error}");
}

#[tokio::test]
async fn output_dimension_is_the_type_and_is_sent() {
    let _env = ENV_LOCK.lock().await;
    let server = MockVoyage::start(Fault::None, Duration::ZERO, hash_answerer());
    use_server(&server.url);
    let cache = tempfile::tempdir().unwrap();
    let ctx =
        api_context(cache.path(), "SET fansql.embed.output_dimension = 256; SET fansql.embed.input_type = 'query'")
            .await;
    texts(&ctx, 10, BLANKS).await;
    let batches = sql(&ctx, "SELECT text, embed_voyage(text) AS v FROM t").await;
    assert_eq!(
        batches[0].schema().field(1).data_type().to_string(),
        "FixedSizeList(256 x Float32)",
        "the vector type follows the setting"
    );
    assert_aligned(&rows(&batches), 256, "256 dimensions");
    assert!(server.seen().iter().all(|r| r.output_dimension == json!(256) && r.input_type == json!("query")));
    let error = try_sql(&ctx, "SET fansql.embed.output_dimension = 300").await.map(|_| ());
    assert!(error.is_ok(), "any dimension is a valid setting; the model check comes at call time");
    let error = try_sql(&ctx, "SELECT embed_voyage(text) FROM t").await.unwrap_err().to_string();
    assert!(error.contains("256, 512, 1024 or 2048"), "{error}");

    // A server that ignores the dimension is a setting to fix, said plainly.
    let fixed: VectorAnswerer = std::sync::Arc::new(|text, _| Some(text_vector(text, 1024)));
    let stubborn = MockVoyage::start(Fault::None, Duration::ZERO, fixed);
    use_server(&stubborn.url);
    let ctx = api_context(cache.path(), "SET fansql.embed.output_dimension = 512").await;
    texts(&ctx, 3, BLANKS).await;
    let error = try_sql(&ctx, "SELECT embed_voyage(text) FROM t").await.unwrap_err().to_string();
    assert!(error.contains("1024-dimensional") && error.contains("output_dimension"), "{error}");
}

#[tokio::test]
async fn replays_recorded_voyage_vectors_in_row_order() {
    let recorded = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/seed-data/recorded/voyage_3_5_stage_texts.parquet");
    if !recorded.exists() {
        println!("skipping replays_recorded_voyage_vectors_in_row_order: ../shared/seed-data is absent");
        return;
    }
    let _env = ENV_LOCK.lock().await;
    let ctx = api_context(tempfile::tempdir().unwrap().path(), "").await;
    ctx.register_parquet("recorded", recorded.to_str().unwrap(), Default::default()).await.unwrap();
    let table = sql(&ctx, "SELECT text, embedding FROM recorded").await;
    let mut vectors: HashMap<String, Vec<f32>> = HashMap::new();
    for (text, vector) in rows(&table) {
        vectors.insert(text.unwrap(), vector.unwrap());
    }
    let server = MockVoyage::start(Fault::ShuffledIndices, Duration::ZERO, recorded_answerer(vectors));
    use_server(&server.url);
    let cache = tempfile::tempdir().unwrap();
    let ctx = api_context(cache.path(), "SET fansql.embed.batch_size = 20").await;
    ctx.register_parquet("recorded", recorded.to_str().unwrap(), Default::default()).await.unwrap();
    // Blank texts between the real ones, as the seed had them: they must not shift any vector.
    sql(
        &ctx,
        "CREATE TABLE t AS SELECT CAST(row_number() OVER (ORDER BY fan_model_id, stage) * 2 AS BIGINT) AS n, text, embedding FROM recorded \
         UNION ALL SELECT CAST(row_number() OVER (ORDER BY fan_model_id, stage) * 2 + 1 AS BIGINT), ' ', NULL FROM recorded",
    )
    .await;
    let batches = sql(&ctx, "SELECT n, embed_voyage(text) AS v, embedding FROM t ORDER BY n").await;
    let (mut matched, mut nulls) = (0, 0);
    for batch in &batches {
        let got = batch.column(1).as_fixed_size_list();
        let want = batch.column(2).as_fixed_size_list();
        let n = batch.column(0).as_primitive::<Int64Type>();
        for row in 0..batch.num_rows() {
            if want.is_null(row) {
                assert!(got.is_null(row), "blank row {} got a vector", n.value(row));
                nulls += 1;
            } else {
                assert_eq!(got.value(row).as_primitive::<Float32Type>(), want.value(row).as_primitive::<Float32Type>());
                matched += 1;
            }
        }
    }
    assert_eq!((matched, nulls), (302, 302));
    assert_eq!(server.seen().len(), 302_usize.div_ceil(20), "302 texts at batch 20");
}
