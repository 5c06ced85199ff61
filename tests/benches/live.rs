//! How many live (server-sent-event) clients one instance holds, and how
//! long a vote takes to reach all of them (issue: "a benchmark, not a
//! test"). The real server runs in this process on `SQLite` (or on
//! `PostgreSQL` with `MADANG_BENCH_BACKEND=postgres` and
//! `MADANG_TEST_POSTGRES_URL`, where LISTEN/NOTIFY wakes the hub); every
//! client is its own HTTP connection subscribed to the idea's topic.
//!
//! `ulimit -n 65536; cargo bench -p madang-tests --bench live` (each client
//! is a file descriptor on both ends). `MADANG_BENCH_CLIENTS=100,1000,4000`
//! changes the sizes.

use std::sync::Arc;
use std::time::{Duration, Instant};

use madang_tests::percentile::percentile;
use madang_tests::{Backend, spawn_app};
use reqwest::Method;

/// Resident memory of this process (server and clients together), in MiB.
fn rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kib / 1024.0
}

#[tokio::main]
async fn main() {
    let sizes: Vec<usize> = std::env::var("MADANG_BENCH_CLIENTS").ok().map_or_else(
        || vec![100, 1_000, 2_000],
        |v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect(),
    );
    let backend = match std::env::var("MADANG_BENCH_BACKEND").as_deref() {
        Ok("postgres") => Backend::Postgres,
        _ => Backend::Sqlite,
    };
    println!("backend: {backend:?}");
    let app = spawn_app(backend).await;
    let voter = app.sign_up("bench-voter@example.com", "Bench Voter").await;
    println!(
        "clients  open(s)  RSS before→after (MiB)  vote→all delivered: p50 / p95 / max  (received)"
    );
    // Every round changes the vote: voting twice in a row changes nothing
    // and sends no event.
    let mut voted = false;
    for clients in sizes {
        let before = rss_mib();
        let opened = Instant::now();
        let mut streams = Vec::with_capacity(clients);
        for _ in 0..clients {
            streams.push(app.events("", "idea:5", None).await);
        }
        let open_secs = opened.elapsed().as_secs_f64();
        let after = rss_mib();
        for _ in 0..3 {
            voted = !voted;
            let method = if voted { Method::PUT } else { Method::DELETE };
            let start = Arc::new(Instant::now());
            let mut waiting = tokio::task::JoinSet::new();
            for mut stream in streams.drain(..) {
                let start = Arc::clone(&start);
                waiting.spawn(async move {
                    let got = stream.next(Duration::from_secs(30)).await;
                    (stream, got.map(|_| start.elapsed()))
                });
            }
            let (code, _) = app.call(&voter, method, "/api/v1/ideas/5/vote", None).await;
            assert_eq!(code, 200);
            let mut delays = Vec::with_capacity(clients);
            while let Some(done) = waiting.join_next().await {
                let (stream, delay) = done.expect("client task");
                if let Some(delay) = delay {
                    delays.push(delay);
                }
                streams.push(stream);
            }
            delays.sort_unstable();
            println!(
                "{clients:>7}  {open_secs:>7.2}  {before:>7.0} → {after:<7.0}        {:>8.1?} / {:>8.1?} / {:>8.1?}  ({}/{clients})",
                percentile(&delays, 0.5),
                percentile(&delays, 0.95),
                delays.last().copied().unwrap_or_default(),
                delays.len()
            );
        }
        drop(streams);
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    app.stop().await;
}
