//! The shipped pipeline on the real seed chat logs (`../shared/seed-data`): stages, conversation
//! ids and message counts equal the prototype's reference, and revenue is money, not a count.

mod common;

use common::*;
use datafusion::arrow::array::{AsArray, RecordBatch};
use datafusion::arrow::datatypes::Int64Type;
use datafusion::prelude::{CsvReadOptions, ParquetReadOptions, SessionContext};
use std::path::Path;

async fn one_row(ctx: &SessionContext, sql: &str) -> RecordBatch {
    let batches = ctx.sql(sql).await.unwrap().collect().await.unwrap();
    assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), 1, "{sql}");
    batches.into_iter().find(|b| b.num_rows() == 1).unwrap()
}

fn int(batch: &RecordBatch, column: &str) -> i64 {
    batch.column_by_name(column).unwrap().as_primitive::<Int64Type>().value(0)
}

fn run_pipeline(data: &Path, out: &Path) {
    let output =
        run(&["run", "queries/pipeline", "--data", data.to_str().unwrap(), "--out", out.to_str().unwrap(), "--quiet"]);
    assert!(output.status.success(), "pipeline failed: {}", stderr(&output));
}

async fn check_outputs(seed: &Path, out: &Path) {
    let ctx = SessionContext::new();
    fansql_udfs::register_all(&ctx).unwrap();
    for (name, path) in [
        ("staged", out.join("staged_conversations.parquet")),
        ("features", out.join("conversation_features.parquet")),
        ("ref_stages", seed.join("reference/seed_stages.parquet")),
        ("seed", seed.join("messages.parquet")),
        ("stage_texts", out.join("stage_texts.parquet")),
        ("recorded_texts", seed.join("recorded/voyage_3_5_stage_texts.parquet")),
        ("method_a", out.join("embeddings_without_profile.parquet")),
        ("method_b", out.join("embeddings_with_profile.parquet")),
    ] {
        ctx.register_parquet(name, path.to_str().unwrap(), ParquetReadOptions::default()).await.unwrap();
    }
    ctx.register_csv(
        "ref_features",
        seed.join("reference/seed_conversation_features.csv").to_str().unwrap(),
        CsvReadOptions::new(),
    )
    .await
    .unwrap();

    let stages = one_row(
        &ctx,
        "SELECT count(*) AS total, sum(CASE WHEN s.stage = r.stage THEN 1 ELSE 0 END) AS same \
         FROM staged s JOIN ref_stages r ON s.row_id = r.row_id",
    )
    .await;
    assert_eq!((int(&stages, "total"), int(&stages, "same")), (5880, 5880), "stages per row");

    let conversations = one_row(
        &ctx,
        "SELECT (SELECT count(*) FROM features) AS ours, (SELECT count(*) FROM ref_features) AS reference, \
                count(*) AS matched FROM features f JOIN ref_features r \
                ON f.conversation_id = r.conversation_id AND f.message_count = r.message_count",
    )
    .await;
    assert_eq!(
        (int(&conversations, "ours"), int(&conversations, "reference"), int(&conversations, "matched")),
        (671, 671, 671),
        "conversation ids and message counts"
    );

    let revenue = one_row(
        &ctx,
        "WITH expected AS (SELECT s.conversation_id, sum(m.revenue) AS revenue \
                           FROM staged s JOIN seed m ON s.row_id = m.row_id GROUP BY 1) \
         SELECT count(*) AS compared, \
                sum(CASE WHEN abs(f.revenue - e.revenue) < 1e-9 THEN 1 ELSE 0 END) AS equal, \
                sum(CASE WHEN f.revenue <> f.purchase_count THEN 1 ELSE 0 END) AS not_a_count \
         FROM features f JOIN expected e ON f.conversation_id = e.conversation_id",
    )
    .await;
    assert_eq!(int(&revenue, "compared"), 671);
    assert_eq!(int(&revenue, "equal"), 671, "revenue is the sum of the revenue column");
    assert!(int(&revenue, "not_a_count") > 0, "revenue must not be a purchase count");

    let signals = one_row(
        &ctx,
        "SELECT sum(CASE WHEN unanswered_chatter_at_end > chatter_message_count THEN 1 ELSE 0 END) AS too_many, \
                sum(CASE WHEN fan_message_count = 0 AND unanswered_chatter_at_end <> chatter_message_count THEN 1 ELSE 0 END) AS fanless_wrong, \
                sum(CASE WHEN fan_reply_rate < 0 OR fan_reply_rate > 1 OR fan_message_trend < -1.000001 OR fan_message_trend > 1.000001 THEN 1 ELSE 0 END) AS out_of_range, \
                count(DISTINCT churn_risk) AS risk_levels \
         FROM features",
    )
    .await;
    assert_eq!((int(&signals, "too_many"), int(&signals, "fanless_wrong"), int(&signals, "out_of_range")), (0, 0, 0));
    assert_eq!(int(&signals, "risk_levels"), 3, "low, medium and high all occur");

    // The stage texts are the ones the prototype embedded with voyage-3.5: the same messages in
    // the same order. The prototype also joined the empty fan messages of chatter-only rows,
    // which left runs of spaces; ours skips them, so spaces are compared collapsed.
    let texts = one_row(
        &ctx,
        "SELECT (SELECT count(*) FROM stage_texts WHERE text IS NOT NULL) AS ours, \
                (SELECT count(*) FROM recorded_texts) AS recorded, count(*) AS same \
         FROM stage_texts s JOIN recorded_texts r \
           ON s.fan_model_id = r.fan_model_id AND s.stage = r.stage \
          AND regexp_replace(trim(s.text), '\\s+', ' ', 'g') = regexp_replace(trim(r.text), '\\s+', ' ', 'g')",
    )
    .await;
    assert_eq!((int(&texts, "ours"), int(&texts, "recorded"), int(&texts, "same")), (302, 302, 302), "stage texts");

    // Method A and B: one unit-length (A) or hybrid (B) vector per stage text, in the same rows.
    let vectors = one_row(
        &ctx,
        "SELECT count(*) AS rows, \
                sum(CASE WHEN abs(vector_norm(a.embedding) - 1) < 1e-4 THEN 1 ELSE 0 END) AS unit, \
                sum(CASE WHEN array_length(b.embedding) > 1024 THEN 1 ELSE 0 END) AS hybrid \
         FROM method_a a JOIN method_b b ON a.fan_model_id = b.fan_model_id AND a.stage = b.stage",
    )
    .await;
    assert_eq!((int(&vectors, "rows"), int(&vectors, "unit"), int(&vectors, "hybrid")), (302, 302, 302), "embeddings");
}

#[tokio::test]
async fn pipeline_matches_the_seed_reference_from_parquet() {
    let Some(seed) = seed_data("pipeline_matches_the_seed_reference_from_parquet") else { return };
    let out = temp_dir();
    run_pipeline(&seed.join("messages.parquet"), out.path());
    check_outputs(&seed, out.path()).await;
}

#[tokio::test]
async fn pipeline_matches_the_seed_reference_from_csv() {
    let Some(seed) = seed_data("pipeline_matches_the_seed_reference_from_csv") else { return };
    let out = temp_dir();
    run_pipeline(&seed.join("messages.csv"), out.path());
    check_outputs(&seed, out.path()).await;
}
