//! The `madang` binary as an operator meets it: bad configuration ends with
//! one clear line and a non-zero exit, never a panic; SIGTERM stops it cleanly.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_madang");

fn madang(args: &[&str], dir: &std::path::Path) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "warn")
        .output()
        .expect("run madang")
}

/// Asserts a failed run: exit 1, one `error:` line containing `expected`, no panic.
fn assert_clear_failure(output: &Output, expected: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "expected one error line, got: {stderr}");
    assert!(
        errors[0].contains(expected),
        "`{}` does not mention `{expected}`",
        errors[0]
    );
}

#[test]
fn a_malformed_database_url_is_refused_in_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = madang(&["--database-url", "mysql://nope", "migrate"], dir.path());
    assert_clear_failure(&out, "is not supported");
}

#[test]
fn an_unreachable_database_is_reported_in_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = madang(
        &[
            "--database-url",
            "postgres://madang:secret@127.0.0.1:9/madang",
            "migrate",
        ],
        dir.path(),
    );
    assert_clear_failure(
        &out,
        "cannot open database postgres://madang:***@127.0.0.1:9/madang",
    );
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("secret"),
        "password leaked"
    );
}

#[test]
fn a_port_in_use_is_reported_in_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("addr").to_string();
    let out = madang(&["serve", "--bind", &addr], dir.path());
    assert_clear_failure(&out, &format!("cannot listen on {addr}"));
}

#[test]
fn an_unwritable_data_folder_is_reported_in_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A folder inside a regular file can never be created, even by root.
    std::fs::write(dir.path().join("plain-file"), b"x").expect("write");
    let out = madang(
        &[
            "--data-dir",
            "plain-file/data",
            "serve",
            "--bind",
            "127.0.0.1:0",
        ],
        dir.path(),
    );
    assert_clear_failure(&out, "is not writable");
}

#[test]
fn migrate_then_user_create_makes_an_account_and_refuses_a_duplicate() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = madang(&["migrate"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        dir.path().join("data/madang.db").exists(),
        "default SQLite file not under ./data/"
    );

    let create = |role: &str, department: Option<&str>, email: &str, password: &str| {
        let mut args = vec![
            "user",
            "create",
            "--email",
            email,
            "--name",
            "Sara Park",
            "--role",
            role,
            "--password-stdin",
        ];
        if let Some(slug) = department {
            args.extend(["--department", slug]);
        }
        madang_with_stdin(dir.path(), &args, password)
    };
    // No departments exist without demo data: the slug is refused clearly.
    assert_clear_failure(
        &create(
            "employee",
            Some("none"),
            "Agent@Example.com",
            "a long enough password\n",
        ),
        "no department with slug `none`",
    );
    let out = create(
        "admin",
        None,
        "Agent@Example.com",
        "a long enough password\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("created user"));
    assert_clear_failure(
        &create(
            "customer",
            None,
            "agent@example.com",
            "another long password",
        ),
        "already exists",
    );

    let short = madang_with_stdin(
        dir.path(),
        &[
            "user",
            "create",
            "--email",
            "x@example.com",
            "--name",
            "X",
            "--role",
            "customer",
            "--password-stdin",
        ],
        "short",
    );
    assert_clear_failure(&short, "password: must be at least 10 characters");
    let role = madang(
        &[
            "user",
            "create",
            "--email",
            "y@example.com",
            "--name",
            "Y",
            "--role",
            "boss",
            "--password-stdin",
        ],
        dir.path(),
    );
    assert_eq!(role.status.code(), Some(2), "clap rejects an unknown role");
}

fn madang_with_stdin(dir: &std::path::Path, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    child.wait_with_output().expect("wait")
}

/// Starts `madang serve ARGS` in `dir` and returns it with the first lines it
/// printed (up to `lines`, within a minute).
fn serve_and_read(dir: &std::path::Path, args: &[&str], lines: usize) -> (Child, String) {
    let mut child = Command::new(BIN)
        .arg("serve")
        .args(args)
        .current_dir(dir)
        .env_remove("DATABASE_URL")
        .env_remove("MADANG_DEMO")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut reader = BufReader::new(stdout).lines();
    let started = Instant::now();
    let mut printed = Vec::new();
    while printed.len() < lines && started.elapsed() < Duration::from_mins(1) {
        match reader.next() {
            Some(Ok(line)) => printed.push(line),
            _ => break,
        }
    }
    (child, printed.join("\n"))
}

/// Sends SIGTERM and asserts a clean exit.
fn stop(mut child: Child) {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let exit = child.wait().expect("wait");
    assert_eq!(exit.code(), Some(0), "SIGTERM should end madang cleanly");
}

#[test]
fn serve_prints_the_url_and_demo_sign_ins_then_stops_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (child, text) = serve_and_read(dir.path(), &["--demo", "--bind", "127.0.0.1:0"], 6);
    assert!(
        text.contains("Madang is running at http://127.0.0.1:"),
        "{text}"
    );
    assert!(text.contains("admin@hanbit.example"), "{text}");
    assert!(text.contains("customer@hanbit.example"), "{text}");
    stop(child);
    assert!(
        dir.path().join("data/secret.key").exists(),
        "secret key not generated"
    );
}

/// The production command of the README on an empty database creates no
/// account at all, least of all the demo admin with its public password.
#[test]
fn a_production_start_creates_no_account_with_a_known_password() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (child, text) = serve_and_read(
        dir.path(),
        &[
            "--bind",
            "127.0.0.1:0",
            "--base-url",
            "https://support.example.com",
        ],
        2,
    );
    assert!(
        text.contains("Madang is running at https://support.example.com"),
        "{text}"
    );
    // Its public address is another one: it also says where it listens.
    assert!(
        text.contains("Madang is listening on http://127.0.0.1:"),
        "{text}"
    );
    stop(child);
    // Had the demo company been loaded, its admin's address would be taken.
    let out = madang_with_stdin(
        dir.path(),
        &[
            "user",
            "create",
            "--email",
            "admin@hanbit.example",
            "--name",
            "Real Admin",
            "--role",
            "admin",
            "--password-stdin",
        ],
        "a long enough password",
    );
    assert!(
        out.status.success(),
        "the demo admin exists after a production start: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// One HTTP/1.0 GET over a plain socket: the status line and body.
fn http_get(addr: &str, path: &str) -> String {
    use std::io::Read;
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").expect("send");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("read");
    answer
}

#[test]
fn metrics_are_served_on_their_own_address_and_a_short_token_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let short = madang(&["serve", "--metrics-token", "too-short"], dir.path());
    assert_eq!(short.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&short.stderr).contains("at least 16 characters"),
        "{}",
        String::from_utf8_lossy(&short.stderr)
    );

    let free = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let metrics_addr = free.local_addr().expect("addr").to_string();
    drop(free);
    let (child, text) = serve_and_read(
        dir.path(),
        &["--bind", "127.0.0.1:0", "--metrics-bind", &metrics_addr],
        1,
    );
    let main_addr = text
        .split("http://")
        .nth(1)
        .expect("the address it runs at")
        .trim()
        .to_owned();
    let page = http_get(&main_addr, "/");
    assert!(page.starts_with("HTTP/1.0 200"), "{page}");
    let scrape = http_get(&metrics_addr, "/metrics");
    assert!(scrape.starts_with("HTTP/1.0 200"), "{scrape}");
    assert!(
        scrape.contains(r#"madang_http_requests_total{method="GET",route="/",status="200"} 1"#),
        "{scrape}"
    );
    // Nothing else there, and no /metrics on the main address without a token.
    assert!(http_get(&metrics_addr, "/").starts_with("HTTP/1.0 404"));
    assert!(http_get(&main_addr, "/metrics").starts_with("HTTP/1.0 404"));
    stop(child);
}
