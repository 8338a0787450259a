//! The A/B cohorts and experiment readouts through the real binary: cohorts on the bundled
//! sample (isolated, stable arms, the check printed), and readouts that find a treatment effect
//! planted in generated data and find none where none was planted.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::*;
use datafusion::arrow::array::{Array, AsArray};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::{DataType, Float64Type};
use datafusion::prelude::{CsvReadOptions, SessionContext};

const EXPERIMENTS: [&str; 5] =
    ["emotional_hook", "premium_bundle", "drifter_nudge", "reactivation_timing", "profile_scripts"];

/// What the cohorts need: the pipeline up to the stage texts, behaviour personas, the cohorts.
const COHORT_INPUTS: [&str; 8] = [
    "queries/pipeline/01_staged_conversations.sql",
    "queries/pipeline/02_conversation_features.sql",
    "queries/pipeline/03_fan_summary.sql",
    "queries/pipeline/04_fan_profiles.sql",
    "queries/pipeline/05_stage_texts.sql",
    "queries/reports/behaviour_clusters.sql",
    "queries/reports/personas.sql",
    "queries/cohorts",
];

fn fansql(args: &[&str]) -> Output {
    let output = Command::new(binary())
        .args(args)
        .current_dir(project_root())
        .env_remove("FANSQL_DATA")
        .env_remove("OPENAI_API_KEY")
        .env_remove("VOYAGE_API_KEY")
        .output()
        .expect("run fansql");
    assert!(output.status.success(), "fansql {args:?} failed: {}", stderr(&output));
    output
}

fn run_files(files: &[&str], data: Option<&Path>, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["run"];
    args.extend_from_slice(files);
    let data_text = data.map(|d| d.to_string_lossy().into_owned());
    if let Some(data) = &data_text {
        args.extend(["--data", data]);
    }
    let out_text = out.to_string_lossy().into_owned();
    args.extend(["--out", &out_text]);
    args.extend_from_slice(extra);
    fansql(&args)
}

/// Rows of a query as text cells.
async fn rows(ctx: &SessionContext, query: &str) -> Vec<Vec<Option<String>>> {
    let batches = ctx.sql(query).await.expect(query).collect().await.expect(query);
    let mut rows = Vec::new();
    for batch in batches {
        let columns: Vec<_> = batch.columns().iter().map(|c| cast(c, &DataType::Utf8).expect("text")).collect();
        for row in 0..batch.num_rows() {
            rows.push(
                columns.iter().map(|c| c.is_valid(row).then(|| c.as_string::<i32>().value(row).to_string())).collect(),
            );
        }
    }
    rows
}

#[tokio::test]
async fn cohorts_and_readouts_on_the_bundled_sample() {
    let out = tempfile::tempdir().expect("tempdir");
    let cohorts = run_files(&COHORT_INPUTS, None, out.path(), &[]);
    let printed = stdout(&cohorts);
    assert!(printed.contains("experiment,arm,eligible,minimum,meets_minimum"), "{printed}");
    for experiment in EXPERIMENTS {
        assert!(printed.contains(&format!("{experiment},A,")) && printed.contains(&format!("{experiment},B,")));
        for ext in ["csv", "parquet"] {
            assert!(out.path().join(format!("cohorts/{experiment}.{ext}")).is_file(), "{experiment}.{ext}");
        }
    }

    let ctx = SessionContext::new_with_config(fansql_udfs::session_config());
    fansql_udfs::register_all(&ctx).expect("register");
    let dir = out.path().join("cohorts/");
    ctx.register_parquet("c", dir.to_str().expect("path"), Default::default()).await.expect("cohorts");
    // Isolation: a pair is in one experiment at most; arms are ab_bucket's, recomputed here.
    let checks = rows(
        &ctx,
        "SELECT count(*), count(DISTINCT fan_model_id), count(DISTINCT experiment), \
                sum(CASE WHEN arm = ab_bucket(fan_model_id, experiment) THEN 1 ELSE 0 END), \
                sum(CASE WHEN experiment = 'premium_bundle' AND persona <> 'Whales' THEN 1 ELSE 0 END), \
                sum(CASE WHEN experiment = 'emotional_hook' AND (hours_inactive < 48 OR stage_reached <> 'stage_1') THEN 1 ELSE 0 END) \
         FROM c",
    )
    .await;
    let [pairs, distinct, experiments, right_arm, wrong_persona, wrong_hook] =
        <[Option<String>; 6]>::try_from(checks[0].clone()).expect("six numbers");
    assert_eq!(pairs, distinct, "a pair in two experiments");
    assert_eq!(experiments.as_deref(), Some("5"));
    assert_eq!(right_arm, pairs, "arms differ from ab_bucket");
    assert_eq!((wrong_persona.as_deref(), wrong_hook.as_deref()), (Some("0"), Some("0")));
    let total: usize = pairs.and_then(|p| p.parse().ok()).expect("count");
    assert!(total > 200, "only {total} pairs in cohorts");

    // Readouts of the same data: nothing after the start, so every arm keeps its pairs at zero.
    let readout = run_files(&["queries/experiments"], None, out.path(), &[]);
    let printed = stdout(&readout);
    assert!(printed.contains("days_running,ran_14_days,pairs_a,pairs_b,srm_p_value,split_ok"), "{printed}");
    for experiment in EXPERIMENTS {
        let csv = out.path().join(format!("experiments/{experiment}.csv"));
        let text = std::fs::read_to_string(&csv).expect("readout csv");
        assert_eq!(text.lines().count(), 3, "{experiment}: two metrics expected\n{text}");
        assert!(
            text.lines().skip(1).all(|l| l.ends_with(",false")),
            "{experiment}: nothing can be significant\n{text}"
        );
    }
}

/// Generates 17 days of logs with an effect (or none) planted in profile_scripts' arm B from
/// day 3, draws the cohorts from the first 2 days, reads out over all 17, and returns the
/// readout's (metric -> (difference, p_value, significant)) and the status line.
async fn planted_readout(dir: &Path, lift: &str) -> (Vec<(String, f64, Option<f64>, bool)>, String) {
    let full = dir.join("full.parquet");
    let pre = dir.join("pre.parquet");
    let out = dir.join("out");
    let full_text = full.to_string_lossy().into_owned();
    let labels = dir.join("labels.parquet").to_string_lossy().into_owned();
    let mut generate = vec!["generate", "--fans", "3000", "--days", "17", "--start", "2025-04-01", "--seed", "42"];
    generate.extend(["--effect-start", "2025-04-03", "--out", &full_text, "--labels", &labels]);
    let effect = format!("profile_scripts:{lift}");
    generate.extend(["--effect", &effect]);
    fansql(&generate);
    let cut = format!(
        "COPY (SELECT * FROM raw_messages WHERE datetime < TIMESTAMP '2025-04-03') TO '{}' STORED AS PARQUET",
        pre.display()
    );
    fansql(&["--data", &full_text, "-c", &cut]);
    run_files(&COHORT_INPUTS, Some(&pre), &out, &[]);
    let readout = run_files(
        &["queries/experiments/00_readouts.sql", "queries/experiments/05_profile_scripts.sql"],
        Some(&full),
        &out,
        &["--set", "fansql.experiment.start=2025-04-03"],
    );
    let ctx = SessionContext::new();
    let csv = out.join("experiments/profile_scripts.csv");
    ctx.register_csv("r", csv.to_str().expect("path"), CsvReadOptions::new()).await.expect("readout");
    let batches = ctx
        .sql("SELECT metric, CAST(difference AS DOUBLE), CAST(p_value AS DOUBLE), significant FROM r ORDER BY metric")
        .await
        .expect("query")
        .collect()
        .await
        .expect("rows");
    let mut metrics = Vec::new();
    for batch in batches {
        for row in 0..batch.num_rows() {
            let number = |c: usize| batch.column(c).as_primitive::<Float64Type>();
            metrics.push((
                batch.column(0).as_string::<i32>().value(row).to_string(),
                number(1).value(row),
                number(2).is_valid(row).then(|| number(2).value(row)),
                batch.column(3).as_boolean().value(row),
            ));
        }
    }
    let status = stdout(&readout).lines().find(|l| l.starts_with("profile_scripts,")).unwrap_or_default().to_string();
    (metrics, status)
}

#[tokio::test]
async fn readouts_detect_a_planted_effect_and_not_a_missing_one() {
    let with = tempfile::tempdir().expect("tempdir");
    let (metrics, status) = planted_readout(with.path(), "1.0").await;
    // started 2025-04-03, data until 2025-04-17 23:51: 15 days, split fine
    assert!(status.contains(",15.0,true,") && status.ends_with(",true"), "{status}");
    let revenue = metrics.iter().find(|m| m.0 == "revenue per conversation").expect("metric");
    assert!(revenue.3 && revenue.1 > 0.0 && revenue.2.is_some_and(|p| p < 0.01), "effect missed: {revenue:?}");

    let without = tempfile::tempdir().expect("tempdir");
    let (metrics, _) = planted_readout(without.path(), "0").await;
    let revenue = metrics.iter().find(|m| m.0 == "revenue per conversation").expect("metric");
    assert!(!revenue.3 && revenue.2.is_some_and(|p| p > 0.2), "effect found where none was planted: {revenue:?}");
    assert!(metrics.iter().all(|m| !m.3), "{metrics:?}");
}

#[tokio::test]
async fn chatter_performance_on_the_sample() {
    let out = tempfile::tempdir().expect("tempdir");
    let files = ["queries/pipeline/01_staged_conversations.sql", "queries/reports/chatter_performance.sql"];
    let printed = stdout(&run_files(&files, None, out.path(), &[]));
    assert!(
        printed.starts_with("chatter_id,conversations,fans,chatter_messages,revenue,purchase_conversion"),
        "{printed}"
    );

    let ctx = SessionContext::new();
    let report = out.path().join("chatter_performance.csv");
    ctx.register_csv("report", report.to_str().expect("path"), CsvReadOptions::new()).await.expect("report");
    let staged = out.path().join("staged_conversations.parquet");
    ctx.register_parquet("staged", staged.to_str().expect("path"), Default::default()).await.expect("staged");
    // Every chatter once, all money accounted for, shares within [0, 1].
    let totals = rows(
        &ctx,
        "SELECT (SELECT count(*) FROM report) = (SELECT count(DISTINCT chatter_id) FROM staged), \
                abs((SELECT sum(revenue) FROM report) - (SELECT sum(revenue) FROM staged)) < 0.01, \
                (SELECT bool_and(purchase_conversion BETWEEN 0 AND 1 AND reached_stage_2_share BETWEEN 0 AND 1 \
                                 AND reached_stage_3_share BETWEEN 0 AND 1) FROM report)",
    )
    .await;
    assert_eq!(totals[0], vec![Some("true".to_string()); 3]);

    // The top chatter, recomputed by hand from the staged rows.
    let top = rows(&ctx, "SELECT chatter_id, conversations, fans, median_fan_reply_minutes FROM report ORDER BY revenue DESC, chatter_id LIMIT 1").await;
    let chatter = top[0][0].clone().expect("chatter");
    let handled = rows(
        &ctx,
        &format!(
            "SELECT conversation_id, fan_id, \
                    chatter_message IS NOT NULL AND next_fan_message_ts - ts <= INTERVAL '4 hours', \
                    CAST(date_part('epoch', next_fan_message_ts) - date_part('epoch', ts) AS DOUBLE) \
             FROM staged WHERE chatter_id = '{chatter}'"
        ),
    )
    .await;
    let conversations: std::collections::BTreeSet<_> = handled.iter().map(|r| r[0].clone()).collect();
    let fans: std::collections::BTreeSet<_> = handled.iter().map(|r| r[1].clone()).collect();
    let mut replies: Vec<f64> = handled
        .iter()
        .filter(|r| r[2].as_deref() == Some("true"))
        .map(|r| r[3].as_deref().and_then(|s| s.parse::<f64>().ok()).expect("seconds") / 60.0)
        .collect();
    replies.sort_by(f64::total_cmp);
    let middle = replies.len() / 2;
    let median =
        if replies.len().is_multiple_of(2) { (replies[middle - 1] + replies[middle]) / 2.0 } else { replies[middle] };
    assert_eq!(top[0][1].as_deref(), Some(conversations.len().to_string().as_str()));
    assert_eq!(top[0][2].as_deref(), Some(fans.len().to_string().as_str()));
    let reported: f64 = top[0][3].as_deref().and_then(|s| s.parse().ok()).expect("median");
    assert!((reported - (median * 100.0).round() / 100.0).abs() < 1e-9, "median {reported} vs {median}");
}
