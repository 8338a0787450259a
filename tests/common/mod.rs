//! Helpers shared by the integration tests: running the real `fansql` binary, temporary
//! folders, and finding `../shared/seed-data` (tests that need it skip when it is absent).

#![allow(dead_code)] // each test binary uses a different subset

pub mod cluster;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_fansql")
}

pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs fansql in `cwd` with `args` and optional stdin text; never inherits FANSQL_DATA.
pub fn run_in(cwd: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(binary())
        .args(args)
        .current_dir(cwd)
        .env_remove("FANSQL_DATA")
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start fansql");
    if let Some(text) = stdin {
        child.stdin.take().expect("stdin").write_all(text.as_bytes()).expect("write stdin");
    }
    child.wait_with_output().expect("fansql finished")
}

/// Runs fansql from the project root (where data/sample/ is the default data).
pub fn run(args: &[&str]) -> Output {
    run_in(&project_root(), args, None)
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts a failure with exactly one non-empty stderr line that contains every `needle`.
pub fn assert_one_line_error(output: &Output, needles: &[&str]) {
    let err = stderr(output);
    assert!(!output.status.success(), "expected failure, got success; stderr: {err}");
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "expected one error line, got: {err}");
    assert!(!err.contains("panicked"), "panic: {err}");
    for needle in needles {
        assert!(lines[0].contains(needle), "error line lacks '{needle}': {}", lines[0]);
    }
}

/// `../shared/seed-data`, or None after printing why the calling test skips.
pub fn seed_data(test: &str) -> Option<PathBuf> {
    let dir = project_root().join("../shared/seed-data");
    if dir.join("messages.parquet").is_file() {
        Some(dir.canonicalize().unwrap_or(dir))
    } else {
        println!("skipping {test}: ../shared/seed-data is absent (a fresh clone has no shared data)");
        None
    }
}

/// A fresh temporary folder, removed when dropped.
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// A port free on 127.0.0.1 now and not handed out before in this test process: tests run in
/// parallel, and the system may give a port just released by one test to the next, so two
/// servers would race for it.
pub fn free_port() -> u16 {
    static HANDED_OUT: std::sync::Mutex<Vec<u16>> = std::sync::Mutex::new(Vec::new());
    let mut handed_out = HANDED_OUT.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        if !handed_out.contains(&port) {
            handed_out.push(port);
            return port;
        }
    }
}
