//! The command-line interface, through the real binary: batch flags, formats, `run`, exit codes
//! and one-line errors for bad input.

mod common;

use common::*;
use std::fs;

const SEED_HEADER: &str =
    "row_id,chatter_name,model_name,fan_message,chatter_message,price,purchased,fan_id,datetime,tips,revenue\n";

fn write(dir: &std::path::Path, name: &str, text: &[u8]) -> String {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn batch_command_prints_csv_when_piped() {
    let out = run(&["-c", "SELECT 1 AS x, 'a' AS y"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "x,y\n1,a\n");
}

#[test]
fn every_output_format() {
    let sql = "SELECT * FROM (VALUES (1, 'a|b'), (2, NULL)) AS t(n, s) ORDER BY n";
    let cases = [
        ("csv", "n,s\n1,a|b\n2,\n"),
        ("tsv", "n\ts\n1\ta|b\n2\t\n"),
        ("json", "[{\"n\":1,\"s\":\"a|b\"},{\"n\":2}]\n"),
        ("ndjson", "{\"n\":1,\"s\":\"a|b\"}\n{\"n\":2}\n"),
        ("markdown", "| n | s |\n| --- | --- |\n| 1 | a\\|b |\n| 2 | NULL |\n"),
    ];
    for (format, expected) in cases {
        let out = run(&["--format", format, "-c", sql]);
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        assert_eq!(stdout(&out), expected, "format {format}");
    }
    let table = run(&["--format", "table", "--max-rows", "1", "-c", sql]);
    let text = stdout(&table);
    assert!(
        text.contains("| 1 | a|b |") && !text.contains("| 2 ") && text.contains("(2 rows, first 1 shown"),
        "{text}"
    );
}

#[test]
fn empty_results_still_print_headers() {
    let out = run(&["--format", "csv", "-c", "SELECT 1 AS x WHERE false"]);
    assert_eq!(stdout(&out), "x\n");
    let out = run(&["--format", "json", "-c", "SELECT 1 AS x WHERE false"]);
    assert_eq!(stdout(&out), "[]\n");
}

#[test]
fn repeated_commands_files_and_stdin() {
    let dir = temp_dir();
    let file = write(dir.path(), "q.sql", b"SELECT 2 AS b;\n-- comment; with semicolon\nSELECT 3 AS c;");
    let out = run(&["-c", "SELECT 1 AS a; SELECT 10 AS a2", "-f", &file]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "a\n1\na2\n10\nb\n2\nc\n3\n");

    let piped = run_in(&project_root(), &[], Some("SELECT 4 AS d;\nSELECT 5 AS e;\n"));
    assert!(piped.status.success(), "{}", stderr(&piped));
    assert_eq!(stdout(&piped), "d\n4\ne\n5\n");
}

#[test]
fn a_failing_statement_stops_the_script_with_its_line() {
    let dir = temp_dir();
    let file =
        write(dir.path(), "bad.sql", b"SELECT 1 AS ok;\n\nSELECT no_such_column FROM messages;\nSELECT 2 AS never;");
    let out = run(&["-f", &file]);
    assert_one_line_error(&out, &["bad.sql:3", "no_such_column"]);
    assert_eq!(stdout(&out), "ok\n1\n");
}

#[test]
fn syntax_errors_are_one_line() {
    let out = run(&["-c", "SELEC 1"]);
    assert_one_line_error(&out, &["syntax error"]);
}

#[test]
fn meta_commands_in_batch() {
    let out = run(&["-c", "\\dt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("messages,view") && text.contains("raw_messages,"), "{text}");
    let out = run(&["-c", "\\df stage"]);
    let text = stdout(&out);
    assert!(text.starts_with("stage: window function") && text.contains("Purchase-milestone stage"), "{text}");
    let out = run(&["-c", "\\df conversation*"]);
    assert!(stdout(&out).contains("conversation_index,window,"), "{}", stderr(&out));
    let out = run(&["-c", "\\df profile*"]);
    assert!(stdout(&out).contains("profile_llm,scalar,profile_llm(text),\"A profile of the fan"), "{}", stderr(&out));
    let out = run(&["-c", "\\d nope"]);
    assert_one_line_error(&out, &["no table or view named 'nope'"]);
    // SHOW FUNCTIONS lists the functions that check their own arguments too, with their docs.
    let out = run(&["-c", "SHOW FUNCTIONS LIKE 'k%'"]);
    let text = stdout(&out);
    assert!(text.contains("kmeans,WINDOW,") && text.contains("kmeans_assign,WINDOW,"), "{text}{}", stderr(&out));
    let out = run(&["-c", "SHOW FUNCTIONS"]);
    assert!(stdout(&out).contains("ab_proportion_test,AGGREGATE,\"Two-proportion z-test"), "{}", stderr(&out));
}

#[test]
fn messages_view_normalizes_seed_style_csv() {
    let dir = temp_dir();
    let csv = format!(
        "{SEED_HEADER}7,Chatter1,Model1,hi there,  ,10.0,TRUE,fan_1,2025-04-09 10:00:00,2.5,\n8,,Model1,,hello,0,no,fan_1,2025-04-09T11:00:00Z,,\n"
    );
    let data = write(dir.path(), "m.csv", csv.as_bytes());
    let sql = "SELECT row_id, fan_id, model_id, chatter_id, fan_model_id, ts, fan_message, chatter_message, price, purchased, tips, revenue FROM messages ORDER BY row_id";
    let out = run(&["--data", &data, "-c", sql]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "row_id,fan_id,model_id,chatter_id,fan_model_id,ts,fan_message,chatter_message,price,purchased,tips,revenue\n\
         7,fan_1,Model1,Chatter1,fan_1_Model1,2025-04-09T10:00:00,hi there,,10.0,true,2.5,12.5\n\
         8,fan_1,Model1,,fan_1_Model1,2025-04-09T11:00:00,,hello,0.0,false,0.0,0.0\n"
    );
}

#[test]
fn rows_without_ids_are_numbered_in_file_order_and_json_is_read() {
    let dir = temp_dir();
    let json = b"[{\"fan_id\": \"f\", \"model_id\": \"m\", \"ts\": \"2025-04-09 10:00:00\", \"purchase\": \"1\", \"price\": 5},\n {\"fan_id\": \"f\", \"model_id\": \"m\", \"ts\": \"2025-04-09 09:00:00\"}]";
    let data = write(dir.path(), "m.json", json);
    let out = run(&["--data", &data, "-c", "SELECT row_id, ts, purchased, revenue FROM messages ORDER BY row_id"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "row_id,ts,purchased,revenue\n1,2025-04-09T10:00:00,true,5.0\n2,2025-04-09T09:00:00,false,0.0\n"
    );
}

#[test]
fn bad_inputs_give_one_line_errors() {
    let dir = temp_dir();
    let missing = dir.path().join("nope.csv").to_string_lossy().into_owned();
    assert_one_line_error(&run(&["--data", &missing, "-c", "SELECT 1"]), &["nope.csv", "no such file"]);

    let columns = write(dir.path(), "cols.csv", b"fan,body\n1,hi\n");
    assert_one_line_error(
        &run(&["--data", &columns, "-c", "SELECT 1"]),
        &[
            "cols.csv",
            "missing required column(s): fan_id, model (model_id or model_name), time (ts, datetime or timestamp)",
            "found: fan, body",
        ],
    );

    let bad_time =
        write(dir.path(), "time.csv", format!("{SEED_HEADER}1,c,m,hi,yo,0,false,f,not a time,0,0\n").as_bytes());
    assert_one_line_error(
        &run(&["--data", &bad_time, "-c", "SELECT min(ts) FROM messages"]),
        &["time.csv: column datetime", "'not a time'"],
    );

    let bad_bool = write(
        dir.path(),
        "bool.csv",
        format!("{SEED_HEADER}1,c,m,hi,yo,0,perhaps,f,2025-04-09 10:00:00,0,0\n").as_bytes(),
    );
    assert_one_line_error(
        &run(&["--data", &bad_bool, "-c", "SELECT sum(revenue) FROM messages"]),
        &["bool.csv: column purchased", "'perhaps'"],
    );

    let empty = write(dir.path(), "empty.csv", b"");
    assert_one_line_error(&run(&["--data", &empty, "-c", "SELECT 1"]), &["empty.csv"]);

    let latin1 = write(
        dir.path(),
        "latin1.csv",
        &[SEED_HEADER.as_bytes(), b"1,c,m,caf\xe9,yo,0,false,f,2025-04-09 10:00:00,0,0\n"].concat(),
    );
    assert_one_line_error(&run(&["--data", &latin1, "-c", "SELECT count(*) FROM messages"]), &["latin1.csv"]);

    let unknown = write(dir.path(), "notes.txt", b"hello");
    assert_one_line_error(&run(&["--data", &unknown, "-c", "SELECT 1"]), &["notes.txt", "no .csv, .parquet or .json"]);

    assert_one_line_error(&run(&["--format", "xml", "-c", "SELECT 1"]), &["xml"]);
}

#[test]
fn default_data_and_hint() {
    let dir = temp_dir();
    let out = run_in(dir.path(), &["-c", "SELECT count(*) AS n FROM messages"], None);
    assert_one_line_error(&out, &["messages", "no conversation logs loaded: pass --data PATH"]);
    let out = run(&["-c", "SELECT count(*) > 0 AS loaded FROM messages"]);
    assert_eq!(stdout(&out), "loaded\ntrue\n", "{}", stderr(&out));
}

/// A relative `--out` (the main job's default, `outputs`) holds exports and plots once, not in
/// `outputs/outputs` (found by running the pipeline in Docker).
#[test]
fn a_relative_out_folder_holds_exports_and_plots_once() {
    let dir = temp_dir();
    write(
        dir.path(),
        "plot.sql",
        b"SELECT plot_scatter(x, x * x, x % 3, 'p.png') FROM (VALUES (1), (2), (3)) AS t(x);\nCOPY (SELECT 1 AS n) TO 'n.csv' STORED AS CSV;",
    );
    let out = run_in(dir.path(), &["run", "plot.sql", "--out", "out", "--quiet"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("out/p.png").is_file(), "the plot is in out/");
    assert!(dir.path().join("out/n.csv").is_file(), "the export is in out/");
    assert!(!dir.path().join("out/out").exists(), "outputs nested in themselves");
}

#[test]
fn run_executes_a_folder_in_name_order_into_out() {
    let dir = temp_dir();
    let queries = dir.path().join("queries");
    fs::create_dir(&queries).unwrap();
    write(&queries, "02_export.sql", b"COPY (SELECT * FROM counts) TO 'counts.csv' STORED AS CSV OPTIONS ('format.has_header' 'true');\nSELECT n FROM counts;");
    write(&queries, "01_make.sql", b"CREATE VIEW counts AS SELECT count(*) AS n FROM messages;");
    write(&queries, "notes.md", b"not sql");
    let out_dir = dir.path().join("out");
    let out = run(&["run", queries.to_str().unwrap(), "--out", out_dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let status = stderr(&out);
    assert!(status.contains("01_make.sql:1") && status.contains("CREATE VIEW counts"), "{status}");
    assert!(status.contains("02_export.sql:1") && status.contains("COPY ->"), "{status}");
    let written = fs::read_to_string(out_dir.join("counts.csv")).unwrap();
    assert!(written.starts_with("n\n"), "{written}");
    assert_eq!(stdout(&out), written, "the SELECT prints what was exported");

    write(&queries, "03_fail.sql", b"SELECT 1;\nSELECT nope FROM counts;");
    let out = run(&["run", queries.to_str().unwrap(), "--out", out_dir.to_str().unwrap(), "--quiet"]);
    assert_one_line_error(&out, &["03_fail.sql:2", "nope"]);
    assert_one_line_error(
        &run(&["run", dir.path().join("missing").to_str().unwrap()]),
        &["missing", "no such file or folder"],
    );
}

#[test]
fn generate_is_deterministic_per_seed() {
    let dir = temp_dir();
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    for name in ["a.csv", "b.csv"] {
        let out = run(&["generate", "--fans", "30", "--seed", "5", "--out", &path(name)]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let other = run(&["generate", "--fans", "30", "--seed", "6", "--out", &path("c.csv"), "--quiet"]);
    assert!(other.status.success());
    let a = fs::read(path("a.csv")).unwrap();
    assert_eq!(a, fs::read(path("b.csv")).unwrap());
    assert_ne!(a, fs::read(path("c.csv")).unwrap());
    assert_eq!(fs::read(path("a_labels.csv")).unwrap(), fs::read(path("b_labels.csv")).unwrap());
    let out = run(&["--data", &path("a.csv"), "-c", "SELECT count(DISTINCT fan_id) AS fans FROM messages"]);
    assert_eq!(stdout(&out), "fans\n30\n", "{}", stderr(&out));
    assert_one_line_error(&run(&["generate", "--fans", "3", "--out", &path("x.txt")]), &["x.txt", ".parquet or .csv"]);
}

/// The README's main job: the whole saved pipeline on the bundled sample, offline (no API key),
/// writes every output, and the same twice (the local providers are deterministic).
#[test]
fn the_bundled_pipeline_runs_offline_and_deterministically() {
    let (first, second) = (temp_dir(), temp_dir());
    for out in [&first, &second] {
        let output = std::process::Command::new(binary())
            .args(["run", "queries/pipeline", "--out", out.path().to_str().unwrap(), "--quiet"])
            .current_dir(project_root())
            .env_remove("FANSQL_DATA")
            .env_remove("OPENAI_API_KEY")
            .env_remove("VOYAGE_API_KEY")
            .env("FANSQL_CACHE_DIR", out.path().join("cache"))
            .output()
            .expect("run fansql");
        assert!(output.status.success(), "pipeline failed: {}", stderr(&output));
    }
    for name in [
        "staged_conversations.parquet",
        "conversation_features.csv",
        "conversation_features.parquet",
        "fan_summary.csv",
        "fan_profiles.parquet",
        "stage_texts.parquet",
        "embeddings_without_profile.parquet",
        "embeddings_with_profile.parquet",
        "profile_feature_names.csv",
        "clustered_method_A.parquet",
        "clustered_method_B.parquet",
        "cluster_umap_method_A.png",
        "cluster_3d_method_B.html",
    ] {
        let path = first.path().join(name);
        assert!(path.metadata().map(|m| m.len() > 0).unwrap_or(false), "{name} missing or empty");
        if name.starts_with("embeddings") || name.starts_with("clustered") {
            let ours = std::fs::read(&path).unwrap();
            let again = std::fs::read(second.path().join(name)).unwrap();
            assert!(ours == again, "{name} differs between two runs");
        }
    }
    let check = run(&[
        "-c",
        &format!(
            "SELECT (SELECT count(*) FROM '{0}/stage_texts.parquet' WHERE text IS NOT NULL) AS texts, \
                    (SELECT count(*) FROM '{0}/embeddings_without_profile.parquet' WHERE embedding IS NOT NULL) AS a, \
                    (SELECT count(*) FROM '{0}/embeddings_with_profile.parquet' WHERE embedding IS NOT NULL) AS b",
            first.path().display()
        ),
    ]);
    let text = stdout(&check);
    let counts: Vec<&str> = text.lines().nth(1).unwrap_or_default().split(',').collect();
    assert_eq!(counts.len(), 3, "{text} {}", stderr(&check));
    assert!(counts[0] != "0" && counts.iter().all(|c| *c == counts[0]), "one vector per stage text: {text}");
}

/// Exports keep the order their queries promise even when a table holds many batches: with
/// small batches the features and summary tables span both partitions, which read back
/// interleaved unless the export itself sorts.
#[test]
fn pipeline_exports_are_sorted_whatever_the_batching() {
    let out = temp_dir();
    let small_batches = write(out.path(), "00_small_batches.sql", b"SET datafusion.execution.batch_size = 50;");
    let output = run(&[
        "run",
        &small_batches,
        "queries/pipeline/01_staged_conversations.sql",
        "queries/pipeline/02_conversation_features.sql",
        "queries/pipeline/03_fan_summary.sql",
        "--out",
        out.path().to_str().unwrap(),
        "--quiet",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = |name: &str| -> Vec<Vec<String>> {
        let text = fs::read_to_string(out.path().join(name)).unwrap();
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        let column = |c: &str| header.iter().position(|h| *h == c).unwrap();
        let wanted = match name {
            "conversation_features.csv" => [column("fan_model_id"), column("started_at")],
            _ => [column("revenue"), column("fan_model_id")],
        };
        lines
            .map(|l| l.split(',').collect::<Vec<_>>())
            .map(|r| wanted.iter().map(|&i| r[i].to_string()).collect())
            .collect()
    };
    let features = csv("conversation_features.csv");
    assert!(features.len() > 500, "{} conversations", features.len());
    assert!(
        features.windows(2).all(|w| w[0] <= w[1]),
        "conversation_features.csv not in (fan_model_id, started_at) order"
    );
    let summary = csv("fan_summary.csv");
    let by_revenue = |r: &Vec<String>| (-r[0].parse::<f64>().unwrap(), r[1].clone());
    assert!(
        summary
            .windows(2)
            .all(|w| by_revenue(&w[0]).partial_cmp(&by_revenue(&w[1])) != Some(std::cmp::Ordering::Greater)),
        "fan_summary.csv not in (revenue DESC, fan_model_id) order"
    );
}

#[test]
fn memory_limit_caps_execution_and_says_how_to_raise_it() {
    let bad = run(&["--memory-limit", "lots", "-c", "SELECT 1"]);
    assert_one_line_error(&bad, &["--memory-limit", "lots"]);
    // A hash join's build side cannot spill: past a 1 MiB cap the query fails, saying how to
    // raise the cap, once.
    let join = "SELECT count(*) FROM generate_series(1, 300000) a(x) JOIN generate_series(1, 300000) b(y) ON x = y";
    let capped = run(&["--memory-limit", "1m", "-c", join]);
    assert_one_line_error(&capped, &["Resources exhausted", "--memory-limit"]);
    assert_eq!(stderr(&capped).matches("--memory-limit").count(), 1, "{}", stderr(&capped));
    let uncapped = run(&["--memory-limit", "none", "-c", join]);
    assert!(uncapped.status.success(), "{}", stderr(&uncapped));
    assert!(stdout(&uncapped).contains("300000"), "{}", stdout(&uncapped));
}

#[test]
fn async_functions_nested_in_a_window_get_a_clear_error() {
    let nested = run(&["-c", "SELECT count(c) FROM (SELECT kmeans(embed(fan_message), 2) OVER () AS c FROM messages)"]);
    assert_one_line_error(&nested, &["embed()", "subquery or WITH clause"]);
}
