//! How well the offline `local` profiler agrees with gpt-4o on real chat texts it was not
//! written against (`../shared/seed-data/recorded/gpt4o_profiles.jsonl`), how well it finds the
//! facts stated in hand-labelled chats from another source (`data/eval/spc_explicit_facts*.jsonl`,
//! see `data/eval/README.md`), and how well it finds the facts the generator planted in
//! `data/sample` (labels file).
//!
//! Run: `cargo run --release -p fansql-udfs --example profile_quality` (numbers go to BENCHMARKS.md);
//! add `-- --misses` to list, per labelled speaker, what was missed or found wrongly.
//!
//! Per field: *presence agreement* = share of fans for whom both say something or both say
//! nothing; *value overlap* = among fans where both say something, share where at least one
//! value matches (case-insensitive, either containing the other). For the explicit facts (age,
//! job, location, relationship, life events), precision and recall treat gpt-4o's non-empty
//! answer as the truth: a local answer is correct when it overlaps gpt-4o's.

use std::collections::HashMap;
use std::path::Path;

use datafusion::arrow::array::{Array, AsArray};
use datafusion::prelude::{ParquetReadOptions, SessionContext};
use fansql_udfs::profile_llm::local_profile;
use fansql_udfs::profile_llm::profile::{Profile, FIELDS};

/// Two values name the same thing: case-insensitive, either containing the other.
fn same_value(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    a.contains(&b) || b.contains(&a)
}

fn overlaps(a: &[String], b: &[String]) -> bool {
    a.iter().any(|x| b.iter().any(|y| same_value(x, y)))
}

/// Precision and recall of explicitly stated facts on the hand-labelled chats: precision counts
/// found values that match a labelled one, recall counts labelled values that some found value
/// matches, both summed over all speakers.
/// With `show_misses`, also lists per speaker id the labels not found and the values found
/// wrongly: what a rules revision reads after a blind round is scored.
fn stated_facts(path: &Path, which: &str, show_misses: bool) {
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("\nno labelled chats at {} (data/eval/README.md says how to make a held-out set)", path.display());
        return;
    };
    let rows: Vec<serde_json::Value> = text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let profiles: Vec<Profile> =
        rows.iter().map(|row| local_profile(row["text"].as_str().unwrap_or_default())).collect();
    // label key, field index in the profile
    let facts = [("age", 0), ("job", 1), ("location", 2), ("relationship", 3), ("life_events", 8)];
    println!("\nlocal profiler vs hand-labelled statements in {} chats from another source, {which}\n", rows.len());
    println!("| fact | stated | found | precision | recall |");
    println!("| --- | --- | --- | --- | --- |");
    let mut misses = Vec::new();
    for (key, field) in facts {
        let (mut stated, mut found, mut found_right, mut stated_found) = (0, 0, 0, 0);
        for (row, profile) in rows.iter().zip(&profiles) {
            let labels: Vec<String> =
                row[key].as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_string)).collect();
            let values = &profile.fields[field];
            let missed: Vec<&String> = labels.iter().filter(|l| !values.iter().any(|v| same_value(v, l))).collect();
            let wrong: Vec<&String> = values.iter().filter(|v| !labels.iter().any(|l| same_value(v, l))).collect();
            stated += labels.len();
            found += values.len();
            found_right += values.len() - wrong.len();
            stated_found += labels.len() - missed.len();
            if !missed.is_empty() || !wrong.is_empty() {
                misses.push(format!("{} {key}: missed {missed:?}, wrong {wrong:?}", row["id"]));
            }
        }
        let share = |part: usize, whole: usize| {
            if whole == 0 {
                "n/a".to_string()
            } else {
                format!("{:.2}", part as f64 / whole as f64)
            }
        };
        println!("| {key} | {stated} | {found} | {} | {} |", share(found_right, found), share(stated_found, stated));
    }
    if show_misses {
        println!("\n{}", misses.join("\n"));
    }
}

fn seed_agreement(path: &Path) {
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("skipping the gpt-4o comparison: {} is absent", path.display());
        return;
    };
    let rows: Vec<serde_json::Value> = text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let pairs: Vec<(Profile, Profile)> = rows
        .iter()
        .filter_map(|r| {
            let gpt = Profile::from_json(r["profile"].as_object()?);
            Some((gpt, local_profile(r["fan_text"].as_str()?)))
        })
        .collect();
    println!("local profiler vs recorded gpt-4o answers ({} real fans)\n", pairs.len());
    println!("| field | presence agreement | value overlap | precision | recall |");
    println!("| --- | --- | --- | --- | --- |");
    for (i, field) in FIELDS.iter().enumerate() {
        let n = pairs.len() as f64;
        let presence =
            pairs.iter().filter(|(g, l)| g.fields[i].is_empty() == l.fields[i].is_empty()).count() as f64 / n;
        let both: Vec<_> = pairs.iter().filter(|(g, l)| !g.fields[i].is_empty() && !l.fields[i].is_empty()).collect();
        let overlap =
            both.iter().filter(|(g, l)| overlaps(&g.fields[i], &l.fields[i])).count() as f64 / both.len().max(1) as f64;
        let said_local = pairs.iter().filter(|(_, l)| !l.fields[i].is_empty()).count() as f64;
        let said_gpt = pairs.iter().filter(|(g, _)| !g.fields[i].is_empty()).count() as f64;
        let correct = pairs.iter().filter(|(g, l)| overlaps(&g.fields[i], &l.fields[i])).count() as f64;
        println!(
            "| {field} | {:.2} | {:.2} (of {}) | {:.2} | {:.2} |",
            presence,
            overlap,
            both.len(),
            correct / said_local.max(1.0),
            correct / said_gpt.max(1.0)
        );
    }
}

async fn planted_facts(messages: &Path, labels: &Path) -> datafusion::error::Result<()> {
    if !messages.exists() || !labels.exists() {
        println!("skipping the planted-facts check: {} or {} is absent", messages.display(), labels.display());
        return Ok(());
    }
    let ctx = SessionContext::new();
    ctx.register_parquet("m", messages.to_string_lossy().as_ref(), ParquetReadOptions::default()).await?;
    ctx.register_parquet("labels", labels.to_string_lossy().as_ref(), ParquetReadOptions::default()).await?;
    let batches = ctx
        .sql(
            "SELECT l.fan_model_id, string_agg(m.fan_message, chr(10) ORDER BY m.datetime) AS text, \
                    CAST(l.age AS VARCHAR) AS age, l.job, l.city, l.relationship_status, l.life_event, l.language \
             FROM labels l JOIN m ON m.fan_id || '_' || m.model_name = l.fan_model_id \
             GROUP BY l.fan_model_id, l.age, l.job, l.city, l.relationship_status, l.life_event, l.language",
        )
        .await?
        .collect()
        .await?;
    // field index in the profile, label column
    let facts = [
        (0, 2, "age"),
        (1, 3, "job (English labels; non-English jobs are translated)"),
        (2, 4, "city"),
        (3, 5, "relationship"),
        (8, 6, "life event"),
    ];
    let mut counts: HashMap<&str, (usize, usize, usize)> = HashMap::new(); // (planted, found, found-and-right)
    for batch in &batches {
        let get = |col: usize, row: usize| -> Option<String> {
            let array = batch.column(col);
            if array.is_null(row) {
                return None;
            }
            let text = datafusion::arrow::compute::cast(array, &datafusion::arrow::datatypes::DataType::Utf8).ok()?;
            Some(text.as_string::<i32>().value(row).to_string())
        };
        for row in 0..batch.num_rows() {
            let profile = local_profile(&get(1, row).unwrap_or_default());
            let english = get(7, row).as_deref() == Some("en");
            for (field, column, name) in facts {
                let planted = get(column, row);
                let entry = counts.entry(name).or_default();
                let found = &profile.fields[field];
                if let Some(truth) = planted {
                    // Jobs are labelled in English; only English texts can match them word for word.
                    if field == 1 && !english {
                        continue;
                    }
                    entry.0 += 1;
                    if overlaps(found, &[truth]) {
                        entry.2 += 1;
                    }
                }
                if !found.is_empty() && (field != 1 || english) {
                    entry.1 += 1;
                }
            }
        }
    }
    println!("\nlocal profiler vs facts planted by the generator (data/sample, written against it)\n");
    println!("| fact | planted | found | precision | recall |");
    println!("| --- | --- | --- | --- | --- |");
    for (_, _, name) in facts {
        let (planted, found, right) = counts.get(name).copied().unwrap_or_default();
        println!(
            "| {name} | {planted} | {found} | {:.2} | {:.2} |",
            right as f64 / found.max(1) as f64,
            right as f64 / planted.max(1) as f64
        );
    }
    Ok(())
}

#[tokio::main]
async fn main() -> datafusion::error::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let show_misses = std::env::args().any(|arg| arg == "--misses");
    seed_agreement(&root.join("../shared/seed-data/recorded/gpt4o_profiles.jsonl"));
    stated_facts(
        &root.join("data/eval/spc_explicit_facts_dev.jsonl"),
        "read while the rules were revised",
        show_misses,
    );
    stated_facts(
        &root.join("data/eval/spc_explicit_facts_heldout.jsonl"),
        "held out: labelled after the rules were frozen",
        show_misses,
    );
    planted_facts(&root.join("data/sample/messages.parquet"), &root.join("data/sample_labels.parquet")).await
}
