//! What monitoring reads: `/metrics` behind its token, with requests by
//! route template, latency histograms, open streams, the event log's lag,
//! queues, late promises and pool use moving as the service is used.

#![allow(
    clippy::float_cmp,
    reason = "counts and gauges are whole numbers, written and read back exactly"
)]

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use madang_tests::{Backend, Options, TestApp, on_both_databases, spawn_app, spawn_app_with};
use reqwest::Method;
use serde_json::json;

const TOKEN: &str = "metrics-scraper-token-0123";

/// One scrape: every sample by its name and labels as written
/// (`name{a="1"}`), after checking each family is announced before use.
struct Scrape(BTreeMap<String, f64>);

impl Scrape {
    fn parse(text: &str) -> Scrape {
        let mut samples = BTreeMap::new();
        let mut announced: Vec<String> = Vec::new();
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix("# TYPE ") {
                let name = rest.split(' ').next().expect("family name");
                announced.push(name.to_owned());
                continue;
            }
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let (series, value) = line.rsplit_once(' ').expect("series and value");
            let name = series.split('{').next().expect("name");
            assert!(
                announced
                    .iter()
                    .any(|family| name.starts_with(family.as_str())),
                "{name} has no # TYPE line before it"
            );
            let value: f64 = value.parse().unwrap_or_else(|_| panic!("value of {line}"));
            assert!(
                samples.insert(series.to_owned(), value).is_none(),
                "{series} twice"
            );
        }
        Scrape(samples)
    }

    fn get(&self, series: &str) -> f64 {
        *self
            .0
            .get(series)
            .unwrap_or_else(|| panic!("{series} missing from {:#?}", self.0.keys()))
    }

    fn or_zero(&self, series: &str) -> f64 {
        self.0.get(series).copied().unwrap_or(0.0)
    }
}

async fn scrape(app: &TestApp) -> Scrape {
    let response = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .expect("scrape");
    assert_eq!(response.status().as_u16(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap_or_default()
            .starts_with("text/plain; version=0.0.4")
    );
    Scrape::parse(&response.text().await.expect("body"))
}

/// Scrapes until `done` holds (the event log and the outbox are read by
/// background tasks), for at most 15 seconds.
async fn scrape_until(app: &TestApp, what: &str, done: impl Fn(&Scrape) -> bool) -> Scrape {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let scrape = scrape(app).await;
        if done(&scrape) {
            return scrape;
        }
        assert!(Instant::now() < deadline, "never: {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn metrics_need_their_token_and_are_absent_without_one(backend: Backend) {
    let without = spawn_app(backend).await;
    let response = without.get("/metrics").await;
    assert_eq!(response.status().as_u16(), 404);
    without.stop().await;

    let app = spawn_app_with(
        backend,
        Options {
            metrics_token: Some(TOKEN),
            ..Options::default()
        },
    )
    .await;
    for offered in [None, Some("metrics-scraper-token-0124"), Some("")] {
        let mut request = app.client.get(app.url("/metrics"));
        if let Some(token) = offered {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("scrape");
        assert_eq!(response.status().as_u16(), 401, "token {offered:?}");
        assert_eq!(
            response.headers()["content-type"]
                .to_str()
                .unwrap_or_default(),
            "application/problem+json"
        );
    }
    // A member's session does not open it either.
    let admin = app
        .sign_in("admin@hanbit.example", madang_tests::DEMO_PASSWORD)
        .await;
    let (status, _) = app.call(&admin, Method::GET, "/metrics", None).await;
    assert_eq!(status, 401);
    app.stop().await;
}

async fn metrics_follow_requests_streams_queues_and_late_promises(backend: Backend) {
    let app = spawn_app_with(
        backend,
        Options {
            metrics_token: Some(TOKEN),
            ..Options::default()
        },
    )
    .await;
    // Every demo promise is long past its deadline a month on, so the
    // figures below move only with this test's ticket.
    app.advance_clock(chrono::Duration::days(30));
    let admin = app
        .sign_in("admin@hanbit.example", madang_tests::DEMO_PASSWORD)
        .await;
    let before = scrape(&app).await;

    // Requests, by route template (never the raw path) and status.
    for _ in 0..3 {
        assert_eq!(app.get("/api/v1/ideas").await.status().as_u16(), 200);
    }
    assert_eq!(app.get("/ideas/999999").await.status().as_u16(), 404);
    let ideas = r#"method="GET",route="/api/v1/ideas",status="200""#;
    let after = scrape(&app).await;
    assert_eq!(
        after.get(&format!("madang_http_requests_total{{{ideas}}}"))
            - before.or_zero(&format!("madang_http_requests_total{{{ideas}}}")),
        3.0
    );
    assert_eq!(
        after.get(
            r#"madang_http_requests_total{method="GET",route="/ideas/{number}",status="404"}"#
        ),
        1.0
    );
    assert!(
        !after.0.keys().any(|series| series.contains("999999")),
        "a raw path became a label"
    );
    // The histogram: cumulative buckets ending in +Inf = count, a sum.
    let count = after.get(&format!(
        "madang_http_request_duration_seconds_count{{{ideas}}}"
    ));
    assert_eq!(
        after.get(&format!(
            "madang_http_request_duration_seconds_bucket{{{ideas},le=\"+Inf\"}}"
        )),
        count
    );
    let mut previous = 0.0;
    for le in ["0.001", "0.005", "0.05", "0.5", "10"] {
        let bucket = after.get(&format!(
            "madang_http_request_duration_seconds_bucket{{{ideas},le=\"{le}\"}}"
        ));
        assert!(
            bucket >= previous && bucket <= count,
            "bucket {le}: {bucket}"
        );
        previous = bucket;
    }
    let sum = after.get(&format!(
        "madang_http_request_duration_seconds_sum{{{ideas}}}"
    ));
    assert!(sum > 0.0 && sum < 30.0, "sum {sum}");

    // Open event streams.
    assert_eq!(after.get("madang_sse_streams_open"), 0.0);
    let stream = app.events("", "board", None).await;
    scrape_until(&app, "one stream open", |s| {
        s.get("madang_sse_streams_open") == 1.0
    })
    .await;
    drop(stream);
    scrape_until(&app, "the stream closed", |s| {
        s.get("madang_sse_streams_open") == 0.0
    })
    .await;

    // A webhook whose receiver is gone, and a new ticket with a promise.
    let gone = std::net::TcpListener::bind("127.0.0.1:0").expect("port");
    let gone_url = format!("http://{}/hook", gone.local_addr().expect("addr"));
    drop(gone);
    let (status, hook) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/webhooks",
            Some(json!({"url": gone_url, "events": ["ticket.opened"]})),
        )
        .await;
    assert_eq!(status, 201, "{hook}");
    let mails_before = scrape(&app)
        .await
        .get(r#"madang_outbox_mails{state="waiting"}"#);
    let customer = app.sign_up("watched@example.com", "Watched Customer").await;
    let (status, ticket) = app
        .call(
            &customer,
            Method::POST,
            "/api/v1/tickets",
            Some(json!({
                "kind": "complaint",
                "title": "The line drops every evening",
                "body": "Since Monday, after 8 pm.",
                "department": "customer-care",
            })),
        )
        .await;
    assert_eq!(status, 201, "{ticket}");
    let first_overdue = r#"madang_response_promises_overdue{kind="first"}"#;
    let first_broken = r#"madang_response_promises_broken{kind="first"}"#;
    let queued = scrape_until(&app, "the delivery queued", |s| {
        s.get(r#"madang_webhook_deliveries{state="pending"}"#) >= 1.0
    })
    .await;
    // The confirmation mail waits in the outbox (no SMTP here).
    assert!(queued.get(r#"madang_outbox_mails{state="waiting"}"#) > mails_before);
    assert_eq!(queued.get(r#"madang_outbox_mails{state="given_up"}"#), 0.0);
    // Not late yet: Customer Care promises 15 minutes.
    assert_eq!(queued.get(first_overdue), before.get(first_overdue));
    assert_eq!(queued.get(first_broken), before.get(first_broken));
    app.advance_clock(chrono::Duration::minutes(16));
    let late = scrape(&app).await;
    assert_eq!(late.get(first_overdue), before.get(first_overdue) + 1.0);
    assert_eq!(late.get(first_broken), before.get(first_broken) + 1.0);
    assert_eq!(
        late.get(r#"madang_response_promises_overdue{kind="next_reply"}"#),
        0.0
    );

    // The event log: this instance catches up with the newest event.
    let caught_up = scrape_until(&app, "no lag", |s| {
        s.get("madang_event_log_lag_events") == 0.0
            && s.get("madang_event_log_newest") > before.get("madang_event_log_newest")
    })
    .await;
    assert_eq!(
        caught_up.get("madang_event_log_position"),
        caught_up.get("madang_event_log_newest")
    );

    // Pools: what is lent out never exceeds the maximum.
    let main_max = caught_up.get(r#"madang_db_pool_max_connections{pool="main"}"#);
    assert!(main_max >= 1.0);
    let in_use = caught_up.get(r#"madang_db_pool_connections{pool="main",state="in_use"}"#);
    let idle = caught_up.get(r#"madang_db_pool_connections{pool="main",state="idle"}"#);
    assert!(
        in_use + idle <= main_max && in_use + idle >= 1.0,
        "{in_use} + {idle}"
    );
    let writer = caught_up
        .0
        .contains_key(r#"madang_db_pool_max_connections{pool="writer"}"#);
    assert_eq!(
        writer,
        backend == Backend::Sqlite,
        "SQLite alone queues writes on one connection"
    );
    let build = format!(
        "madang_build_info{{version=\"{}\"}}",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(caught_up.get(&build), 1.0);
    app.stop().await;
}

on_both_databases!(
    metrics_need_their_token_and_are_absent_without_one,
    metrics_follow_requests_streams_queues_and_late_promises,
);
