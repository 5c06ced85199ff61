//! Mail delivery over SMTP to a real listener the test starts: a minimal
//! SMTP server on a random port that records what it receives.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use madang_tests::{Backend, DEMO_PASSWORD, Options, TestApp, on_both_databases, spawn_app_with};
use reqwest::Method;
use serde_json::json;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// One received message: envelope recipients and the raw data.
#[derive(Clone, Debug, Default)]
struct Received {
    rcpt: Vec<String>,
    data: String,
}

/// Speaks enough SMTP (RFC 5321) for one client at a time.
async fn smtp_listener() -> (String, Arc<Mutex<Vec<Received>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind smtp");
    let url = format!("smtp://{}", listener.local_addr().expect("addr"));
    let inbox = Arc::new(Mutex::new(Vec::new()));
    let store = inbox.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let store = store.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 test.smtp ESMTP\r\n").await;
                let mut current = Received::default();
                let mut in_data = false;
                while let Ok(Some(line)) = lines.next_line().await {
                    if in_data {
                        if line == "." {
                            in_data = false;
                            store
                                .lock()
                                .expect("lock")
                                .push(std::mem::take(&mut current));
                            let _ = write.write_all(b"250 2.0.0 queued\r\n").await;
                        } else {
                            current.data.push_str(&line);
                            current.data.push('\n');
                        }
                        continue;
                    }
                    let upper = line.to_ascii_uppercase();
                    let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                        b"250-test.smtp\r\n250 8BITMIME\r\n"
                    } else if upper.starts_with("RCPT TO:") {
                        current
                            .rcpt
                            .push(line[8..].trim().trim_matches(['<', '>']).to_owned());
                        b"250 2.1.5 ok\r\n"
                    } else if upper.starts_with("DATA") {
                        in_data = true;
                        b"354 end with .\r\n"
                    } else if upper.starts_with("QUIT") {
                        let _ = write.write_all(b"221 bye\r\n").await;
                        break;
                    } else {
                        b"250 ok\r\n"
                    };
                    let _ = write.write_all(reply).await;
                }
            });
        }
    });
    (url, inbox)
}

/// The server with its mail going to a fresh SMTP listener.
async fn app_with_smtp(backend: Backend) -> (TestApp, Arc<Mutex<Vec<Received>>>) {
    let (smtp_url, inbox) = smtp_listener().await;
    let app = spawn_app_with(
        backend,
        Options {
            smtp_url: Some(smtp_url),
            ..Options::default()
        },
    )
    .await;
    (app, inbox)
}

async fn reset_mail_is_delivered_over_smtp_and_marked_sent(backend: Backend) {
    let (app, inbox) = app_with_smtp(backend).await;
    let asked = app
        .post_json(
            "/api/v1/auth/password-reset",
            &json!({"email": "customer@hanbit.example"}),
        )
        .await;
    assert_eq!(asked.status().as_u16(), 202);

    let deadline = Instant::now() + Duration::from_secs(20);
    let mail = loop {
        if let Some(mail) = inbox.lock().expect("lock").first().cloned() {
            break mail;
        }
        assert!(
            Instant::now() < deadline,
            "no mail reached the SMTP listener"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(mail.rcpt, vec!["customer@hanbit.example".to_owned()]);
    assert!(
        mail.data.contains("Subject: Reset your Madang password"),
        "{}",
        mail.data
    );
    assert!(mail.data.contains("/reset?token="), "{}", mail.data);

    let deadline = Instant::now() + Duration::from_secs(10);
    while app
        .scalar("SELECT COUNT(*) FROM outbox_mails WHERE sent_at IS NOT NULL")
        .await
        == 0
    {
        assert!(
            Instant::now() < deadline,
            "the outbox row was not marked sent"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        inbox.lock().expect("lock").len(),
        1,
        "the mail was sent more than once"
    );
    app.stop().await;
}

/// The text of a received message: headers unfolded, the body decoded
/// from quoted-printable or base64 (lettre picks whichever is shorter).
fn decoded(raw: &str) -> (String, String) {
    let (head, body) = raw.split_once("\n\n").unwrap_or((raw, ""));
    let head = head.replace("\n ", " ").replace("\n\t", " ");
    let encoding = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Transfer-Encoding:"))
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let text = match encoding.as_str() {
        "base64" => {
            use base64::Engine;
            let joined: String = body.split_whitespace().collect();
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(joined)
                .expect("base64 body");
            String::from_utf8(bytes).expect("UTF-8 body")
        }
        "quoted-printable" => {
            let joined = body.replace("=\n", "");
            let mut bytes = Vec::new();
            let raw = joined.as_bytes();
            let mut i = 0;
            while i < raw.len() {
                if raw[i] == b'='
                    && i + 3 <= raw.len()
                    && let Ok(byte) = u8::from_str_radix(&joined[i + 1..i + 3], 16)
                {
                    bytes.push(byte);
                    i += 3;
                    continue;
                }
                bytes.push(raw[i]);
                i += 1;
            }
            String::from_utf8(bytes).expect("UTF-8 body")
        }
        _ => body.to_owned(),
    };
    (head, text.replace("\r\n", "\n"))
}

/// Waits until `count` mails reached `address`, not counting the address
/// confirmation every sign-up gets.
async fn mails_to(
    inbox: &Arc<Mutex<Vec<Received>>>,
    address: &str,
    count: usize,
) -> Vec<(String, String)> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let mails: Vec<(String, String)> = inbox
            .lock()
            .expect("lock")
            .iter()
            .filter(|m| m.rcpt.iter().any(|r| r == address))
            .map(|m| decoded(&m.data))
            .filter(|(_, body)| !body.contains("/verify?token="))
            .collect();
        if mails.len() >= count {
            return mails;
        }
        assert!(
            Instant::now() < deadline,
            "{address} got {} of {count} mails",
            mails.len()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn a_follower_gets_the_status_mail_and_unsubscribes_with_one_click(backend: Backend) {
    let (app, inbox) = app_with_smtp(backend).await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let follower = app
        .sign_up("follower@example.com", "Faithful Follower")
        .await;
    let (code, settings) = app
        .call(
            &follower,
            Method::GET,
            "/api/v1/me/notification-settings",
            None,
        )
        .await;
    assert_eq!(
        (code, settings),
        (200, json!({"email": "instant"})),
        "instant mail by default"
    );
    let (code, _) = app
        .call(&follower, Method::PUT, "/api/v1/ideas/12/follow", None)
        .await;
    assert_eq!(code, 200);

    let explanation = "We are building it this quarter; the beta opens in March.";
    let (code, _) = app
        .call(
            &staff,
            Method::PUT,
            "/api/v1/ideas/12/status",
            Some(json!({"status": "planned", "explanation": explanation})),
        )
        .await;
    assert_eq!(code, 200);
    let mails = mails_to(&inbox, "follower@example.com", 1).await;
    let (head, body) = &mails[0];
    assert!(body.contains(explanation), "{body}");
    assert!(body.contains(&app.url("/ideas/12")), "{body}");
    let link = body
        .lines()
        .skip_while(|l| !l.starts_with("Unsubscribe with one click"))
        .nth(1)
        .expect("an unsubscribe link in the mail")
        .trim()
        .to_owned();
    assert!(link.starts_with(&app.url("/unsubscribe/")), "{link}");
    assert!(
        head.contains(&format!("List-Unsubscribe: <{link}>")),
        "{head}"
    );
    assert!(
        head.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
        "{head}"
    );

    // The link works without signing in: the page says so, and the
    // setting is off.
    let page = app.get(link.trim_start_matches(&app.url(""))).await;
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.expect("page");
    assert!(
        html.contains("follower@example.com"),
        "the page names the address"
    );
    let (_, settings) = app
        .call(
            &follower,
            Method::GET,
            "/api/v1/me/notification-settings",
            None,
        )
        .await;
    assert_eq!(settings, json!({"email": "off"}));

    // No more mail; the notification centre still lists what happens.
    let (code, _) = app
        .call(
            &staff,
            Method::PUT,
            "/api/v1/ideas/12/status",
            Some(json!({"status": "in_progress", "explanation": "Work has started."})),
        )
        .await;
    assert_eq!(code, 200);
    let (_, list) = app
        .call(&follower, Method::GET, "/api/v1/me/notifications", None)
        .await;
    assert_eq!(list["items"].as_array().expect("items").len(), 2);
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    assert_eq!(mails_to(&inbox, "follower@example.com", 1).await.len(), 1);

    // Mail programs' one-click button POSTs to the API; a wrong token is 404.
    let token = link.rsplit('/').next().expect("token");
    let posted = app
        .post_json(&format!("/api/v1/unsubscribe/{token}"), &json!({}))
        .await;
    assert_eq!(posted.status().as_u16(), 200);
    let wrong = app
        .post_json(
            &format!("/api/v1/unsubscribe/{}", "0".repeat(64)),
            &json!({}),
        )
        .await;
    assert_eq!(wrong.status().as_u16(), 404);
    app.stop().await;
}

async fn a_daily_digest_collects_a_days_notifications_in_one_mail(backend: Backend) {
    let (app, inbox) = app_with_smtp(backend).await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let reader = app.sign_up("digest@example.com", "Digest Reader").await;
    let (code, problem) = app
        .call(
            &reader,
            Method::PUT,
            "/api/v1/me/notification-settings",
            Some(json!({"email": "weekly"})),
        )
        .await;
    assert_eq!(code, 422, "{problem}");
    let (code, _) = app
        .call(
            &reader,
            Method::PUT,
            "/api/v1/me/notification-settings",
            Some(json!({"email": "daily"})),
        )
        .await;
    assert_eq!(code, 200);
    for idea in [14, 15] {
        let (code, _) = app
            .call(
                &reader,
                Method::PUT,
                &format!("/api/v1/ideas/{idea}/follow"),
                None,
            )
            .await;
        assert_eq!(code, 200);
        let (code, _) = app
            .call(
                &staff,
                Method::PUT,
                &format!("/api/v1/ideas/{idea}/status"),
                Some(json!({"status": "under_review", "explanation": format!("Looking into idea {idea} now.")})),
            )
            .await;
        assert_eq!(code, 200);
    }
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    assert!(
        mails_to(&inbox, "digest@example.com", 0).await.is_empty(),
        "nothing before the day is over"
    );
    app.advance_clock(chrono::Duration::hours(25));
    let mails = mails_to(&inbox, "digest@example.com", 1).await;
    let (_, body) = &mails[0];
    assert!(body.contains("Looking into idea 14 now."), "{body}");
    assert!(body.contains("Looking into idea 15 now."), "{body}");
    assert!(body.contains("/unsubscribe/"), "{body}");
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    assert_eq!(
        mails_to(&inbox, "digest@example.com", 1).await.len(),
        1,
        "one digest"
    );
    app.stop().await;
}

on_both_databases!(
    reset_mail_is_delivered_over_smtp_and_marked_sent,
    a_follower_gets_the_status_mail_and_unsubscribes_with_one_click,
    a_daily_digest_collects_a_days_notifications_in_one_mail,
);
