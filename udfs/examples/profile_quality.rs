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

/// Which half of the recorded fans a row belongs to. The soft-field lexicons were revised on the
/// fans with an even id (session 23); the odd ones stay held out. Split by fan, not by row, so
/// one fan's messages to several models never sit in both halves.
fn is_development_fan(fan_model_id: &str) -> Option<bool> {
    let fan: u64 = fan_model_id.split('_').nth(1)?.parse().ok()?;
    Some(fan.is_multiple_of(2))
}

fn seed_agreement(path: &Path) {
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("skipping the gpt-4o comparison: {} is absent", path.display());
        return;
    };
    let rows: Vec<serde_json::Value> = text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let pairs: Vec<(Option<bool>, Profile, Profile)> = rows
        .iter()
        .filter_map(|r| {
            let gpt = Profile::from_json(r["profile"].as_object()?);
            let half = is_development_fan(r["fan_model_id"].as_str()?);
            Some((half, gpt, local_profile(r["fan_text"].as_str()?)))
        })
        .collect();
    let halves = [
        (None, "all"),
        (Some(false), "held out (odd fan ids): not read while the soft-field lexicons were revised"),
        (Some(true), "development (even fan ids): read while the soft-field lexicons were revised"),
    ];
    for (half, name) in halves {
        let chosen: Vec<(&Profile, &Profile)> =
            pairs.iter().filter(|(h, _, _)| half.is_none() || *h == half).map(|(_, g, l)| (g, l)).collect();
        agreement_table(&chosen, name);
    }
}

/// Per field, for fan pairs (gpt-4o, local): fan-level presence agreement, value overlap,
/// precision and recall (a fan counts as right when some value overlaps), then value-level
/// numbers, so that answering with more values is not mistaken for agreeing better: values per
/// fan of each, and the share of local values matching one of gpt-4o's and of gpt-4o's matched.
fn agreement_table(pairs: &[(&Profile, &Profile)], name: &str) {
    println!("\nlocal profiler vs recorded gpt-4o answers, {name}: {} real fans\n", pairs.len());
    println!("| field | presence agreement | value overlap | precision | recall | values per fan (local / gpt-4o) | value precision | value recall |");
    println!("| --- | --- | --- | --- | --- | --- | --- | --- |");
    let n = pairs.len().max(1) as f64;
    for (i, field) in FIELDS.iter().enumerate() {
        let presence =
            pairs.iter().filter(|(g, l)| g.fields[i].is_empty() == l.fields[i].is_empty()).count() as f64 / n;
        let both = pairs.iter().filter(|(g, l)| !g.fields[i].is_empty() && !l.fields[i].is_empty()).count();
        let correct = pairs.iter().filter(|(g, l)| overlaps(&g.fields[i], &l.fields[i])).count() as f64;
        let said_local = pairs.iter().filter(|(_, l)| !l.fields[i].is_empty()).count() as f64;
        let said_gpt = pairs.iter().filter(|(g, _)| !g.fields[i].is_empty()).count() as f64;
        let local_values: usize = pairs.iter().map(|(_, l)| l.fields[i].len()).sum();
        let gpt_values: usize = pairs.iter().map(|(g, _)| g.fields[i].len()).sum();
        let local_matched: usize = pairs
            .iter()
            .map(|(g, l)| l.fields[i].iter().filter(|v| overlaps(&g.fields[i], std::slice::from_ref(v))).count())
            .sum();
        let gpt_matched: usize = pairs
            .iter()
            .map(|(g, l)| g.fields[i].iter().filter(|v| overlaps(&l.fields[i], std::slice::from_ref(v))).count())
            .sum();
        println!(
            "| {field} | {presence:.2} | {:.2} (of {both}) | {:.2} | {:.2} | {:.1} / {:.1} | {:.2} | {:.2} |",
            correct / both.max(1) as f64,
            correct / said_local.max(1.0),
            correct / said_gpt.max(1.0),
            local_values as f64 / n,
            gpt_values as f64 / n,
            local_matched as f64 / local_values.max(1) as f64,
            gpt_matched as f64 / gpt_values.max(1) as f64,
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
