//! Webhooks against a real receiver the test starts (an HTTP server on a
//! random port): deliveries are signed, a failing receiver is retried with
//! backoff and every try is logged, internal notes never leave, and a
//! receiver that does not answer does not hold up the request that caused
//! the event.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use hmac::{Hmac, Mac};
use madang_tests::{Backend, DEMO_PASSWORD, TestApp, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};
use sha2::Sha256;
use tokio::sync::Notify;

/// One request the receiver got.
#[derive(Clone, Debug)]
struct Received {
    path: String,
    headers: HeaderMap,
    body: Bytes,
}

impl Received {
    fn header(&self, name: &str) -> String {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("JSON body")
    }
}

#[derive(Clone, Default)]
struct Receiver {
    got: Arc<Mutex<Vec<Received>>>,
    /// `/flaky` answers 500 this many times, then 200.
    flaky_failures: Arc<Mutex<u32>>,
    /// `/stuck` holds every request until this is notified.
    release: Arc<Notify>,
}

async fn receive(
    State(receiver): State<Receiver>,
    Path(path): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    receiver.got.lock().expect("lock").push(Received {
        path: path.clone(),
        headers,
        body,
    });
    match path.as_str() {
        "flaky" => {
            let mut left = receiver.flaky_failures.lock().expect("lock");
            if *left > 0 {
                *left -= 1;
                return StatusCode::INTERNAL_SERVER_ERROR;
            }
            StatusCode::OK
        }
        "stuck" => {
            receiver.release.notified().await;
            StatusCode::OK
        }
        _ => StatusCode::NO_CONTENT,
    }
}

/// Starts the receiver; its base URL and what it records.
async fn start_receiver(flaky_failures: u32) -> (String, Receiver) {
    let receiver = Receiver::default();
    *receiver.flaky_failures.lock().expect("lock") = flaky_failures;
    let app = axum::Router::new()
        .route("/{path}", axum::routing::post(receive))
        .with_state(receiver.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind receiver");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (base, receiver)
}

impl Receiver {
    fn at(&self, path: &str) -> Vec<Received> {
        self.got
            .lock()
            .expect("lock")
            .iter()
            .filter(|r| r.path == path)
            .cloned()
            .collect()
    }

    /// Waits until `path` got `count` requests.
    async fn wait_for(&self, path: &str, count: usize) -> Vec<Received> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let got = self.at(path);
            if got.len() >= count {
                return got;
            }
            assert!(
                Instant::now() < deadline,
                "{path} got {} of {count} deliveries",
                got.len()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

fn expected_signature(secret: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("key");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

async fn register(app: &TestApp, admin: &str, url: &str, events: &[&str]) -> (i64, String) {
    let (code, hook) = app
        .call(
            admin,
            Method::POST,
            "/api/v1/webhooks",
            Some(json!({"url": url, "description": "test receiver", "events": events})),
        )
        .await;
    assert_eq!(code, 201, "{hook}");
    let secret = hook["secret"]
        .as_str()
        .expect("the secret is shown once")
        .to_owned();
    assert_eq!(secret.len(), 64);
    (hook["id"].as_i64().expect("id"), secret)
}

async fn deliveries(app: &TestApp, admin: &str, hook: i64) -> Vec<Value> {
    let (code, log) = app
        .call(
            admin,
            Method::GET,
            &format!("/api/v1/webhooks/{hook}/deliveries"),
            None,
        )
        .await;
    assert_eq!(code, 200, "{log}");
    log["items"].as_array().expect("items").clone()
}

/// Waits until the delivery log of `hook` satisfies `done`.
async fn log_until(
    app: &TestApp,
    admin: &str,
    hook: i64,
    done: impl Fn(&[Value]) -> bool,
) -> Vec<Value> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let log = deliveries(app, admin, hook).await;
        if done(&log) {
            return log;
        }
        assert!(
            Instant::now() < deadline,
            "delivery log never got there: {log:#?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn deliveries_are_signed_and_a_failing_receiver_is_retried(backend: Backend) {
    let (receiver_url, receiver) = start_receiver(2).await;
    let app = spawn_app(backend).await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let customer = app.sign_up("hooked@example.com", "Hooked Customer").await;

    // Only admins register, and bad input is refused field by field.
    let (code, _) = app
        .call(
            &customer,
            Method::POST,
            "/api/v1/webhooks",
            Some(json!({"url": format!("{receiver_url}/ok"), "events": ["idea.voted"]})),
        )
        .await;
    assert_eq!(code, 403);
    let (code, problem) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/webhooks",
            Some(json!({"url": "ftp://example.com/x", "events": ["idea.exploded"]})),
        )
        .await;
    assert_eq!(code, 422);
    assert!(
        problem["errors"]["url"]
            .as_str()
            .expect("url error")
            .contains("http")
    );
    assert!(
        problem["errors"]["events"]
            .as_str()
            .expect("events error")
            .contains("idea.exploded")
    );

    let (ok_hook, ok_secret) = register(
        &app,
        &admin,
        &format!("{receiver_url}/ok"),
        &["idea.voted", "idea.status_changed"],
    )
    .await;
    let (flaky_hook, flaky_secret) = register(
        &app,
        &admin,
        &format!("{receiver_url}/flaky"),
        &["idea.voted"],
    )
    .await;
    let (code, listed) = app
        .call(&admin, Method::GET, "/api/v1/webhooks", None)
        .await;
    assert_eq!(code, 200);
    let listed = listed["items"].as_array().expect("items").clone();
    assert_eq!(listed.len(), 2);
    assert!(
        listed.iter().all(|h| h.get("secret").is_none()),
        "secrets are shown only once"
    );

    // A customer votes: both receivers are told, signed with their own secret.
    let (code, vote) = app
        .call(&customer, Method::PUT, "/api/v1/ideas/5/vote", None)
        .await;
    assert_eq!(code, 200);
    let got = receiver.wait_for("ok", 1).await;
    assert_eq!(got.len(), 1, "one vote, one delivery");
    let delivery = &got[0];
    assert_eq!(delivery.header("x-madang-event"), "idea.voted");
    assert_eq!(delivery.header("content-type"), "application/json");
    assert_eq!(
        delivery.header("x-madang-signature-256"),
        expected_signature(&ok_secret, &delivery.body)
    );
    assert_ne!(
        delivery.header("x-madang-signature-256"),
        expected_signature(&flaky_secret, &delivery.body),
        "each webhook signs with its own secret"
    );
    let body = delivery.json();
    assert_eq!(body["event"], "idea.voted");
    assert_eq!(body["data"]["number"], 5);
    assert_eq!(body["data"]["votes"], vote["votes"]);
    assert_eq!(body["data"]["url"], app.url("/ideas/5"));
    // What a chat channel would show: the idea as anybody reads it.
    let idea = app.get_json("/api/v1/ideas/5", 200).await;
    assert_eq!(body["data"]["idea"]["title"], idea["title"]);
    assert_eq!(body["data"]["idea"]["status"], idea["status"]);

    // The flaky receiver answered 500: the try is logged and a retry is
    // scheduled about 10 s later, not sooner.
    receiver.wait_for("flaky", 1).await;
    let log = log_until(&app, &admin, flaky_hook, |log| {
        log.first().is_some_and(|d| d["attempts"] == 1)
    })
    .await;
    assert_eq!(log[0]["status"], "pending");
    assert_eq!(log[0]["last_status_code"], 500);
    assert_eq!(log[0]["tries"][0]["status_code"], 500);
    let next: chrono::DateTime<chrono::Utc> = log[0]["next_attempt_at"]
        .as_str()
        .expect("next try")
        .parse()
        .expect("time");
    let wait = next - app.now();
    assert!(
        wait > chrono::Duration::seconds(5) && wait <= chrono::Duration::seconds(10),
        "the first retry waits 10 s: {wait}"
    );
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(receiver.at("flaky").len(), 1, "no retry before its time");

    // Time passes: the second try fails again, the third (after another
    // minute) is delivered.
    app.advance_clock(chrono::Duration::seconds(11));
    receiver.wait_for("flaky", 2).await;
    // The receiver has answered; wait until the try is recorded (and the
    // next one scheduled from the clock as it was) before moving time on.
    log_until(&app, &admin, flaky_hook, |log| {
        log.first().is_some_and(|d| d["attempts"] == 2)
    })
    .await;
    app.advance_clock(chrono::Duration::seconds(61));
    let tries = receiver.wait_for("flaky", 3).await;
    let log = log_until(&app, &admin, flaky_hook, |log| {
        log.first().is_some_and(|d| d["status"] == "delivered")
    })
    .await;
    let codes: Vec<Value> = log[0]["tries"]
        .as_array()
        .expect("tries")
        .iter()
        .map(|t| t["status_code"].clone())
        .collect();
    assert_eq!(codes, vec![json!(500), json!(500), json!(200)]);
    assert_eq!(log[0]["attempts"], 3);
    // Every try is the same delivery, the same body and the same signature.
    for attempt in &tries {
        assert_eq!(attempt.body, tries[0].body);
        assert_eq!(
            attempt.header("x-madang-delivery"),
            log[0]["id"].to_string()
        );
        assert_eq!(
            attempt.header("x-madang-signature-256"),
            expected_signature(&flaky_secret, &attempt.body)
        );
    }
    let ok_log = deliveries(&app, &admin, ok_hook).await;
    assert_eq!(ok_log.len(), 1);
    assert_eq!(ok_log[0]["status"], "delivered");
    assert_eq!(ok_log[0]["tries"][0]["status_code"], 204);

    // The list counts each webhook's deliveries by where they stand.
    let (_, listed) = app
        .call(&admin, Method::GET, "/api/v1/webhooks", None)
        .await;
    let counts = |id: i64| {
        let hook = listed["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|h| h["id"] == id)
            .expect("listed")
            .clone();
        (
            hook["delivered"].clone(),
            hook["pending"].clone(),
            hook["failed"].clone(),
        )
    };
    assert_eq!(counts(flaky_hook), (json!(1), json!(0), json!(0)));
    assert_eq!(counts(ok_hook), (json!(1), json!(0), json!(0)));

    // A ping reaches the receiver on demand.
    let (code, _) = app
        .call(
            &admin,
            Method::POST,
            &format!("/api/v1/webhooks/{ok_hook}/ping"),
            None,
        )
        .await;
    assert_eq!(code, 202);
    let got = receiver.wait_for("ok", 2).await;
    assert_eq!(got[1].header("x-madang-event"), "ping");

    // Removed: nothing more is sent to it.
    let (code, _) = app
        .call(
            &admin,
            Method::DELETE,
            &format!("/api/v1/webhooks/{flaky_hook}"),
            None,
        )
        .await;
    assert_eq!(code, 204);
    app.call(&customer, Method::DELETE, "/api/v1/ideas/5/vote", None)
        .await;
    receiver.wait_for("ok", 3).await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(receiver.at("flaky").len(), 3);
    app.stop().await;
}

async fn internal_notes_never_reach_integrations(backend: Backend) {
    let (receiver_url, receiver) = start_receiver(0).await;
    let app = spawn_app(backend).await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let customer = app.sign_up("filer@example.com", "Filing Customer").await;
    register(
        &app,
        &admin,
        &format!("{receiver_url}/tickets"),
        &["ticket.opened", "ticket.replied"],
    )
    .await;

    let (code, ticket) = app
        .call(
            &customer,
            Method::POST,
            "/api/v1/tickets",
            Some(json!({"kind": "inquiry", "title": "Where is my router?", "body": "Ordered two weeks ago, nothing arrived.", "private_details": "order 7788, 010-1234-5678"})),
        )
        .await;
    assert_eq!(code, 201, "{ticket}");
    let number = ticket["number"].as_str().expect("number").to_owned();
    let path = format!("/api/v1/tickets/{number}/replies");
    let (code, _) = app
        .call(
            &staff,
            Method::POST,
            &path,
            Some(json!({"body": "SECRET-NOTE courier lost it", "internal": true})),
        )
        .await;
    assert_eq!(code, 201);
    let (code, _) = app
        .call(
            &staff,
            Method::POST,
            &path,
            Some(json!({"body": "We are sending a new one today."})),
        )
        .await;
    assert_eq!(code, 201);

    receiver.wait_for("tickets", 2).await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    let got_all = receiver.at("tickets");
    assert_eq!(
        got_all.len(),
        2,
        "filed and one public reply; no internal note"
    );
    // Deliveries go out in parallel, so their order is not fixed.
    let mut events: Vec<String> = got_all.iter().map(|d| d.header("x-madang-event")).collect();
    events.sort();
    assert_eq!(
        events,
        vec!["ticket.opened".to_owned(), "ticket.replied".to_owned()]
    );
    for delivery in &got_all {
        let data = &delivery.json()["data"];
        assert_eq!(data["number"], number.as_str());
        assert_eq!(data["url"], app.url(&format!("/tickets/{number}")));
        assert_eq!(data["ticket"]["title"], "Where is my router?");
        assert_eq!(data["ticket"]["kind"], "inquiry");
        if delivery.header("x-madang-event") == "ticket.replied" {
            assert_eq!(data["post"]["body"], "We are sending a new one today.");
            assert_eq!(data["post"]["author"], "Sara Park");
        } else {
            assert!(data.get("post").is_none(), "{data}");
        }
    }
    for delivery in &got_all {
        let text = String::from_utf8_lossy(&delivery.body);
        assert!(
            !text.contains("SECRET-NOTE") && !text.contains("7788"),
            "{text}"
        );
    }
    app.stop().await;
}

async fn a_receiver_that_does_not_answer_does_not_hold_up_requests(backend: Backend) {
    let (receiver_url, receiver) = start_receiver(0).await;
    let app = spawn_app(backend).await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let customer = app.sign_up("voter@example.com", "Busy Voter").await;
    register(
        &app,
        &admin,
        &format!("{receiver_url}/stuck"),
        &["idea.voted"],
    )
    .await;

    let (code, _) = app
        .call(&customer, Method::PUT, "/api/v1/ideas/7/vote", None)
        .await;
    assert_eq!(code, 200);
    // The receiver now holds the first delivery open…
    receiver.wait_for("stuck", 1).await;
    // …while more votes are answered at once, and their deliveries go out
    // in parallel instead of queueing behind the stuck one.
    for idea in [8, 9] {
        let (code, _) = app
            .call(
                &customer,
                Method::PUT,
                &format!("/api/v1/ideas/{idea}/vote"),
                None,
            )
            .await;
        assert_eq!(code, 200);
    }
    receiver.wait_for("stuck", 3).await;
    receiver.release.notify_waiters();
    app.stop().await;
}

on_both_databases!(
    deliveries_are_signed_and_a_failing_receiver_is_retried,
    internal_notes_never_reach_integrations,
    a_receiver_that_does_not_answer_does_not_hold_up_requests,
);
