//! `COPY ... TO` Parquet and Arrow IPC files that other tools read: pyarrow reads both, DuckDB
//! reads the Parquet file (skipped with a reason when Python lacks them).

mod common;

use common::*;
use std::process::Command;

fn python_has(module: &str) -> bool {
    Command::new("python3").args(["-c", &format!("import {module}")]).output().is_ok_and(|o| o.status.success())
}

fn python(script: &str, args: &[&str]) -> String {
    let out = Command::new("python3").arg("-c").arg(script).args(args).output().expect("python3 runs");
    assert!(out.status.success(), "python failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn parquet_and_arrow_exports_are_readable_by_other_tools() {
    let dir = temp_dir();
    let parquet = dir.path().join("features.parquet");
    let arrow = dir.path().join("features.arrow");
    let sql = |target: &std::path::Path, format: &str| {
        format!(
            "COPY (SELECT fan_model_id, count(*) AS messages, sum(revenue) AS revenue, max(ts) AS last_seen, \
                   bool_or(purchased) AS purchased FROM messages GROUP BY 1 ORDER BY 1) TO '{}' STORED AS {format}",
            target.display()
        )
    };
    let out = run(&["-c", &sql(&parquet, "PARQUET"), "-c", &sql(&arrow, "ARROW")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let expected = run(&["-c", "SELECT count(DISTINCT fan_model_id) AS n, sum(revenue) AS r FROM messages"]);
    let expected = stdout(&expected);
    let expected_counts: Vec<&str> = expected.lines().nth(1).unwrap().split(',').collect();

    if !python_has("pyarrow") {
        println!("skipping the pyarrow and DuckDB checks: python3 with pyarrow is not installed (pip install pyarrow duckdb)");
        return;
    }
    let pyarrow = "import sys, pyarrow.parquet as pq, pyarrow.ipc as ipc\n\
                   t = pq.read_table(sys.argv[1]); a = ipc.open_file(sys.argv[2]).read_all()\n\
                   assert t.schema.names == a.schema.names == ['fan_model_id','messages','revenue','last_seen','purchased'], t.schema\n\
                   assert str(t.schema.field('last_seen').type).startswith('timestamp')\n\
                   print(t.num_rows, a.num_rows, round(sum(t.column('revenue').to_pylist()), 6))";
    let got = python(pyarrow, &[parquet.to_str().unwrap(), arrow.to_str().unwrap()]);
    let parts: Vec<&str> = got.split(' ').collect();
    assert_eq!(parts[0], expected_counts[0], "parquet rows");
    assert_eq!(parts[1], expected_counts[0], "arrow rows");
    assert!((parts[2].parse::<f64>().unwrap() - expected_counts[1].parse::<f64>().unwrap()).abs() < 1e-6);

    if !python_has("duckdb") {
        println!("skipping the DuckDB check: python3 with duckdb is not installed (pip install duckdb)");
        return;
    }
    let duck = "import sys, duckdb\nprint(duckdb.sql(f\"SELECT count(*) FROM read_parquet('{sys.argv[1]}')\").fetchall()[0][0])";
    assert_eq!(python(duck, &[parquet.to_str().unwrap()]), expected_counts[0]);
}
