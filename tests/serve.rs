//! `fansql serve` with the real `psql` client: tables listed, a saved report's table and fansql
//! functions queried, bad SQL answered with a Postgres error while the server keeps serving,
//! read-only refusals, per-connection settings with two clients at once, and a password.

mod common;

use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// A running `fansql serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn psql_available() -> bool {
    let found = Command::new("psql").arg("--version").output().is_ok_and(|o| o.status.success());
    if !found {
        println!("skipped: psql not installed (Debian: apt-get install postgresql-client; .ci/run installs it)");
    }
    found
}

/// Starts the server after running `files`, and waits until it accepts connections. A server
/// that exits before listening is started again on another port, a few times: another test may
/// have bound the free port first.
fn start(files: &[&str], out: &Path, env: &[(&str, &str)]) -> Server {
    const ATTEMPTS: usize = 3;
    for _ in 1..ATTEMPTS {
        match try_start(files, out, env) {
            Ok(server) => return server,
            Err(exited) => eprintln!("{exited}; starting again on another port"),
        }
    }
    try_start(files, out, env).unwrap_or_else(|exited| panic!("{exited}, {ATTEMPTS} times"))
}

/// One start of the server on a free port: the server once it listens, or how it exited before.
fn try_start(files: &[&str], out: &Path, env: &[(&str, &str)]) -> Result<Server, String> {
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let mut command = Command::new(binary());
    command.arg("serve").args(files).args(["--listen", &listen, "--out"]).arg(out);
    command
        .current_dir(project_root())
        .env_remove("FANSQL_DATA")
        .env_remove("OPENAI_API_KEY")
        .env_remove("VOYAGE_API_KEY");
    command.env_remove("FANSQL_PG_PASSWORD").env_remove("FANSQL_PG_USER");
    for (key, value) in env {
        command.env(key, value);
    }
    let child = command.stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("start fansql serve");
    let mut server = Server { child, port };
    let started = Instant::now();
    loop {
        // a connect to a port nothing listens on can reach the connecting socket itself (TCP
        // self-connect in the ephemeral range): only another peer is the server
        if let Ok(stream) = TcpStream::connect(("127.0.0.1", port)) {
            if stream.local_addr().ok() != stream.peer_addr().ok() {
                return Ok(server);
            }
        }
        if let Ok(Some(status)) = server.child.try_wait() {
            return Err(format!("fansql serve exited ({status}) before listening on {listen}"));
        }
        assert!(started.elapsed() < Duration::from_secs(120), "fansql serve did not listen on {listen}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// psql with unaligned, tuples-only output; each `-c` in one connection.
fn psql_command(server: &Server, commands: &[&str], env: &[(&str, &str)]) -> Command {
    let mut command = Command::new("psql");
    command.args(["-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-d", "datafusion"]);
    command.args(["-p", &server.port.to_string(), "-U", "analyst"]);
    for sql in commands {
        command.args(["-c", sql]);
    }
    command.env("PGCONNECT_TIMEOUT", "10").env_remove("PGPASSWORD");
    for (key, value) in env {
        command.env(key, value);
    }
    command
}

fn psql(server: &Server, commands: &[&str]) -> Output {
    psql_command(server, commands, &[]).output().expect("run psql")
}

fn ok(output: &Output) -> String {
    assert!(output.status.success(), "psql failed: {}", stderr(output));
    stdout(output)
}

#[test]
fn psql_queries_the_served_session() {
    if !psql_available() {
        return;
    }
    let out = tempfile::tempdir().expect("tempdir");
    let server = start(
        &["queries/pipeline/01_staged_conversations.sql", "queries/reports/chatter_performance.sql"],
        out.path(),
        &[],
    );

    // Tables, including what the saved queries made; a saved report's rows.
    let tables = ok(&psql(&server, &["\\dt"]));
    assert!(tables.contains("chatter_performance") && tables.contains("raw_messages"), "{tables}");
    let chatters = ok(&psql(&server, &["SELECT count(*) FROM chatter_performance"]));
    assert_eq!(chatters.trim(), "234");
    let stages = ok(&psql(&server, &["SELECT count(DISTINCT stage) FROM staged_conversations"]));
    assert_eq!(stages.trim(), "3");

    // fansql functions over the wire.
    let functions = ok(&psql(&server, &["SELECT ab_sample_size(0.1, 0.02), ab_bucket('fan1', 'pinned')"]));
    assert_eq!(functions.trim(), "3841|A");

    // Bad SQL: a Postgres error, and the server keeps serving.
    let bad = psql(&server, &["SELEC 1"]);
    assert!(!bad.status.success() && stderr(&bad).contains("ERROR:"), "{}", stderr(&bad));
    let missing = psql(&server, &["SELECT nope FROM chatter_performance"]);
    assert!(stderr(&missing).contains("ERROR:") && stderr(&missing).contains("nope"), "{}", stderr(&missing));
    assert_eq!(ok(&psql(&server, &["SELECT 1"])).trim(), "1");

    // Read-only: no files written, no tables made by a remote client.
    for write in
        ["COPY (SELECT 1) TO 'x.csv'", "CREATE TABLE t AS SELECT 1", "SELECT plot_scatter(1.0, 2.0, 'a', 'p.png')"]
    {
        let refused = psql(&server, &[write]);
        assert!(stderr(&refused).contains("read-only"), "{write}: {}", stderr(&refused));
    }
    assert!(!out.path().join("x.csv").exists() && !out.path().join("p.png").exists());

    // Two clients at once, each with its own setting; a third sees the default.
    let mut clients: Vec<Child> = ["2025-04-10", "2025-04-12"]
        .iter()
        .map(|day| {
            let set = format!("SET fansql.experiment.start = '{day}'");
            psql_command(
                &server,
                &[&set, "SELECT current_setting('fansql.experiment.start'), count(*) FROM chatter_performance"],
                &[],
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("psql")
        })
        .collect();
    let answers: Vec<String> = clients.drain(..).map(|c| ok(&c.wait_with_output().expect("psql"))).collect();
    assert!(answers[0].contains("2025-04-10|234") && answers[1].contains("2025-04-12|234"), "{answers:?}");
    let third = ok(&psql(&server, &["SELECT current_setting('fansql.experiment.start') = ''"]));
    assert_eq!(third.trim(), "t");
}

/// A Rust client speaks the extended protocol with binary results: parameters bind, rows decode,
/// and a SET made by simple query holds for the extended queries of the same connection.
#[tokio::test]
async fn extended_protocol_with_binary_results_in_one_session() {
    let out = tempfile::tempdir().expect("tempdir");
    let files = ["queries/pipeline/01_staged_conversations.sql", "queries/reports/chatter_performance.sql"];
    let server = start(&files, out.path(), &[]);
    let config = format!("host=127.0.0.1 port={} user=analyst dbname=datafusion", server.port);
    let (client, connection) = tokio_postgres::connect(&config, tokio_postgres::NoTls).await.expect("connect");
    tokio::spawn(connection);
    client.simple_query("SET fansql.experiment.start = '2025-04-12'").await.expect("set");
    let row = client
        .query_one(
            "SELECT current_setting('fansql.experiment.start') AS start, count(*) AS chatters, max(revenue) AS best \
             FROM chatter_performance WHERE revenue > $1",
            &[&0.0f64],
        )
        .await
        .expect("extended query");
    assert_eq!(row.get::<_, String>("start"), "2025-04-12");
    assert!(row.get::<_, i64>("chatters") > 150);
    assert!(row.get::<_, f64>("best") > 0.0);
    let bad = client.simple_query("SET fansql.experiment.start = 'someday'").await;
    let message = bad.err().and_then(|e| e.as_db_error().map(|db| db.message().to_string()));
    assert!(message.as_deref().is_some_and(|m| m.contains("'someday' is not a date")), "{message:?}");
}

#[test]
fn a_password_from_the_environment_is_required() {
    if !psql_available() {
        return;
    }
    let out = tempfile::tempdir().expect("tempdir");
    let server = start(&[], out.path(), &[("FANSQL_PG_USER", "analyst"), ("FANSQL_PG_PASSWORD", "s3cret")]);
    let wrong = psql_command(&server, &["SELECT 1"], &[("PGPASSWORD", "guess")]).output().expect("psql");
    assert!(!wrong.status.success(), "a wrong password was let in");
    let right = psql_command(&server, &["SELECT 1"], &[("PGPASSWORD", "s3cret")]).output().expect("psql");
    assert_eq!(ok(&right).trim(), "1");
}

#[test]
fn a_taken_address_is_a_one_line_error() {
    let out = tempfile::tempdir().expect("tempdir");
    let server = start(&[], out.path(), &[]);
    let listen = format!("127.0.0.1:{}", server.port);
    let second = run(&["serve", "--listen", &listen, "--out", out.path().to_str().expect("path")]);
    assert_one_line_error(&second, &["--listen", &listen]);
}
