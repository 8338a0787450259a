//! `fansql generate`: synthetic conversation logs in the seed schema, for demos, tests and
//! benchmarks, with a labels file of the truth planted in them (persona, language and the
//! profile facts each fan reveals) so profiling and clustering quality can be measured.
//!
//! Each fan+model pair is generated from its own random stream (seeded by the run seed and the
//! pair), so output is deterministic per seed and rows are streamed to the writer in batches:
//! memory stays flat however many messages are asked for.

mod persona;
mod phrases;
mod writer;

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;
use datafusion::error::{DataFusionError, Result};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use persona::{Fan, Persona};

use writer::{LogWriter, MessageRow};

#[derive(Debug, Clone, Args)]
pub struct GenerateArgs {
    /// Number of fans (each talks to one or two models; about 60 messages per fan on average).
    #[arg(long, value_name = "N")]
    pub fans: usize,

    /// Random seed: the same seed gives the same logs.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,

    /// First day of the logs (YYYY-MM-DD).
    #[arg(long, default_value = "2025-04-09", value_parser = parse_date)]
    pub start: NaiveDate,

    /// Days the logs span.
    #[arg(long, default_value_t = 7)]
    pub days: u32,

    /// Output file: .parquet or .csv.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,

    /// Plant a treatment effect, for testing experiment readouts: fan+model pairs that
    /// `ab_bucket(fan_model_id, EXPERIMENT)` puts in arm B get offers, buy them and answer
    /// messages (1 + LIFT) times as often from --effect-start on (e.g. profile_scripts:0.5).
    #[arg(long, value_name = "EXPERIMENT:LIFT", value_parser = parse_effect)]
    pub effect: Option<PlantedEffect>,

    /// When the planted effect begins (YYYY-MM-DD; default: the middle of the logs).
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "effect")]
    pub effect_start: Option<NaiveDate>,

    /// Labels file (persona and revealed facts per fan+model), .parquet or .csv.
    /// Default: <name>_labels.<ext> beside --out; keep it out of a folder you load with --data.
    #[arg(long, value_name = "FILE")]
    pub labels: Option<PathBuf>,
}

fn parse_date(text: &str) -> std::result::Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| format!("'{text}' is not a date like 2025-04-09"))
}

/// A treatment effect planted in arm B of an experiment.
#[derive(Debug, Clone)]
pub struct PlantedEffect {
    pub experiment: String,
    pub lift: f64,
}

fn parse_effect(text: &str) -> std::result::Result<PlantedEffect, String> {
    let usage = || format!("'{text}' is not EXPERIMENT:LIFT like profile_scripts:0.5");
    let (experiment, lift) = text.rsplit_once(':').ok_or_else(usage)?;
    let lift: f64 = lift.trim().parse().map_err(|_| usage())?;
    if experiment.trim().is_empty() || !lift.is_finite() || lift <= -1.0 {
        return Err(usage());
    }
    Ok(PlantedEffect { experiment: experiment.trim().to_string(), lift })
}

/// Whether and from when a pair gets the planted effect.
#[derive(Debug, Clone, Copy)]
struct Treatment {
    from: i64,
    factor: f64,
}

/// Summary of a run, printed by the shell.
pub struct Generated {
    pub messages: usize,
    pub pairs: usize,
    pub labels: PathBuf,
}

pub fn run(args: &GenerateArgs) -> Result<Generated> {
    if args.fans == 0 {
        return Err(DataFusionError::Plan("--fans must be at least 1".into()));
    }
    if args.days == 0 {
        return Err(DataFusionError::Plan("--days must be at least 1".into()));
    }
    let start_nanos = args
        .start
        .and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_utc().timestamp_nanos_opt())
        .ok_or_else(|| DataFusionError::Plan(format!("--start {} is out of range", args.start)))?;
    let span_nanos = i64::from(args.days) * 86_400 * 1_000_000_000;
    let effect_from = match args.effect_start {
        Some(date) => date
            .and_hms_opt(0, 0, 0)
            .and_then(|t| t.and_utc().timestamp_nanos_opt())
            .ok_or_else(|| DataFusionError::Plan(format!("--effect-start {date} is out of range")))?,
        None => start_nanos + span_nanos / 2,
    };
    let arms = fansql_udfs::experiment::Arms::a_b();
    let models = (args.fans / 5).clamp(3, 500);
    let chatters_per_model = 3;

    check_extension(&args.out)?;
    let labels = match &args.labels {
        Some(path) => check_extension(path).map(|()| path.clone())?,
        None => default_labels_path(&args.out),
    };
    let mut writer = LogWriter::create(&args.out, &labels)?;
    let mut pairs = 0;
    for fan_index in 0..args.fans {
        let mut fan_rng = StdRng::seed_from_u64(mix(args.seed, fan_index as u64, u64::MAX));
        let fan = Fan::random(&mut fan_rng, fan_index);
        let model_count = if fan_rng.random_bool(0.2) { 2 } else { 1 };
        let first_model = fan_rng.random_range(0..models);
        for m in 0..model_count {
            let model = (first_model + m * 7) % models;
            let mut rng = StdRng::seed_from_u64(mix(args.seed, fan_index as u64, model as u64));
            let chatter_base = model * chatters_per_model;
            let model_name = format!("Model{}", model + 1);
            let treatment = args.effect.as_ref().and_then(|effect| {
                let unit = format!("{}_{model_name}", fan.fan_id);
                let arm = fansql_udfs::experiment::ab_bucket::arm_of(&arms, &effect.experiment, &unit);
                (arm == "B").then_some(Treatment { from: effect_from, factor: 1.0 + effect.lift })
            });
            let revealed = generate_pair(
                &mut rng,
                &fan,
                &model_name,
                chatter_base,
                chatters_per_model,
                start_nanos,
                span_nanos,
                treatment,
                &mut writer,
            )?;
            writer.label(&fan, &model_name, &revealed);
            pairs += 1;
        }
    }
    let messages = writer.finish()?;
    Ok(Generated { messages, pairs, labels })
}

fn check_extension(path: &std::path::Path) -> Result<()> {
    match path.extension().and_then(|s| s.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("parquet" | "csv") => Ok(()),
        _ => Err(DataFusionError::Plan(format!("{}: the file name must end in .parquet or .csv", path.display()))),
    }
}

/// `<dir>/<stem>_labels.<ext>` beside the output.
fn default_labels_path(out: &std::path::Path) -> PathBuf {
    let stem = out.file_stem().and_then(|s| s.to_str()).unwrap_or("messages");
    let ext = out.extension().and_then(|s| s.to_str()).unwrap_or("parquet");
    out.with_file_name(format!("{stem}_labels.{ext}"))
}

/// A well-spread 64-bit seed from three numbers (SplitMix64 finalizer over a combination).
fn mix(a: u64, b: u64, c: u64) -> u64 {
    let mut z = a ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ c.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

const SECOND: i64 = 1_000_000_000;

/// Writes the messages of one fan+model pair: sessions separated by more than four hours,
/// replies seconds to minutes apart, offers, purchases and tips as the persona behaves, and the
/// fan's facts mentioned along the way; a treated pair is offered more, buys and answers more
/// from the treatment's start.
#[allow(clippy::too_many_arguments)]
fn generate_pair(
    rng: &mut StdRng,
    fan: &Fan,
    model_name: &str,
    chatter_base: usize,
    chatters_per_model: usize,
    start: i64,
    span: i64,
    treatment: Option<Treatment>,
    writer: &mut LogWriter,
) -> Result<Vec<persona::Fact>> {
    let behaviour = fan.persona.behaviour();
    let total = rng.random_range(behaviour.messages.0..=behaviour.messages.1);
    let sessions = rng.random_range(behaviour.sessions.0..=behaviour.sessions.1).min(total).max(1);
    let mut facts = fan.facts_to_reveal(rng);
    let mut t = start + SECOND * rng.random_range(0..span / 2 / SECOND);
    let mut bought_once = false;
    let mut written = 0;
    for session in 0..sessions {
        let chatter = format!("Chatter{}", chatter_base + rng.random_range(0..chatters_per_model) + 1);
        let remaining_sessions = sessions - session;
        let in_session =
            if remaining_sessions == 1 { total - written } else { ((total - written) / remaining_sessions).max(1) };
        for _ in 0..in_session {
            let factor = treatment.filter(|treated| t >= treated.from).map_or(1.0, |treated| treated.factor);
            let mut row = MessageRow::new(&chatter, model_name, &fan.fan_id, t);
            row.chatter_message = Some(phrases::chatter_line(rng, fan.language, fan.persona));
            row.fan_message = if rng.random_bool((behaviour.reply_rate * factor).min(1.0)) {
                Some(match facts.pop_if_due(rng) {
                    Some(fact) => fact,
                    None => phrases::fan_line(rng, fan.language, fan.persona),
                })
            } else {
                None
            };
            let may_buy = !(fan.persona == Persona::Sampler && bought_once);
            if rng.random_bool((behaviour.offer_rate * factor).min(1.0)) {
                row.price = behaviour.prices[rng.random_range(0..behaviour.prices.len())];
                row.chatter_message = Some(phrases::offer_line(rng, fan.language, row.price));
                row.purchased = may_buy && rng.random_bool((behaviour.buy_rate * factor).min(1.0));
                bought_once |= row.purchased;
            }
            if row.fan_message.is_some() && rng.random_bool(behaviour.tip_rate) {
                row.tips = behaviour.tips[rng.random_range(0..behaviour.tips.len())];
            }
            writer.push(row)?;
            written += 1;
            t += SECOND * rng.random_range(5..behaviour.max_reply_seconds);
        }
        t += SECOND * rng.random_range(behaviour.session_gap_hours.0 * 3_600..=behaviour.session_gap_hours.1 * 3_600);
        if written >= total || t > start + span {
            break;
        }
    }
    Ok(facts.revealed)
}
