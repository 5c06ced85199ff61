//! Mail delivery over SMTP to a real listener the test starts: a minimal
//! SMTP server on a random port that records what it receives.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use madang_tests::{Backend, Options, on_both_databases, spawn_app_with};
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

async fn reset_mail_is_delivered_over_smtp_and_marked_sent(backend: Backend) {
    let (smtp_url, inbox) = smtp_listener().await;
    let app = spawn_app_with(
        backend,
        Options {
            smtp_url: Some(smtp_url),
            ..Options::default()
        },
    )
    .await;
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

on_both_databases!(reset_mail_is_delivered_over_smtp_and_marked_sent);
