//! The holes an attacker found, each kept closed: escaping and the
//! Content-Security-Policy, redirects, rate limits under parallel load,
//! lock-outs, tokens and reset links, NUL bytes, held posts, soft 404s,
//! webhooks into the private network, streams after demotion, silent
//! connections and server-function status codes.

use std::time::Duration;

use madang_tests::{
    Backend, DEMO_PASSWORD, Options, TestApp, on_both_databases, spawn_app, spawn_app_with,
};
use reqwest::Method;
use serde_json::json;

/// Sends the same request `n` times at once and returns the statuses.
async fn in_parallel<F, Fut>(n: usize, make: F) -> Vec<u16>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = reqwest::Result<reqwest::Response>> + Send + 'static,
{
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..n {
        let request = make();
        set.spawn(async move { request.await.expect("request").status().as_u16() });
    }
    let mut codes = Vec::new();
    while let Some(code) = set.join_next().await {
        codes.push(code.expect("task"));
    }
    codes
}

fn count(codes: &[u16], code: u16) -> usize {
    codes.iter().filter(|c| **c == code).count()
}

async fn login_from(app: &TestApp, email: &str, password: &str, address: &str) -> u16 {
    app.client
        .post(app.url("/api/v1/auth/login"))
        .header("x-forwarded-for", address)
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
        .expect("login")
        .status()
        .as_u16()
}

async fn html(
    app: &TestApp,
    cookie: &str,
    path: &str,
) -> (u16, reqwest::header::HeaderMap, String) {
    let response = app.send_as(cookie, Method::GET, path, None).await;
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, headers, response.text().await.expect("body"))
}

async fn pages_carry_a_content_security_policy_with_their_nonce(backend: Backend) {
    let app = spawn_app(backend).await;
    for path in ["/", "/ideas/1", "/no/such/page"] {
        let (_, headers, body) = html(&app, "", path).await;
        let csp = headers["content-security-policy"]
            .to_str()
            .expect("ascii")
            .to_owned();
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .unwrap_or_else(|| panic!("{path}: no nonce in {csp}"));
        assert!(nonce.len() >= 16, "{csp}");
        assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
        assert!(!csp.contains("script-src 'self' 'unsafe-inline'"), "{csp}");
        for directive in [
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "img-src 'self' data:",
        ] {
            assert!(
                csp.contains(directive),
                "{path}: {directive} missing in {csp}"
            );
        }
        // Every inline script the page carries has the nonce; no other runs.
        let scripts = body.matches("<script").count();
        assert!(scripts > 0, "{path}");
        let with_nonce = body.matches(&format!("nonce=\"{nonce}\"")).count();
        assert!(
            with_nonce >= scripts,
            "{path}: {scripts} scripts, {with_nonce} with the nonce"
        );
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(
            headers["referrer-policy"],
            "strict-origin-when-cross-origin"
        );
        assert!(
            headers.get("strict-transport-security").is_none(),
            "HSTS over http"
        );
    }
    let api = app.get("/api/v1/ideas").await;
    assert_eq!(api.headers()["x-content-type-options"], "nosniff");
    app.stop().await;
}

async fn user_text_in_a_textarea_cannot_close_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let moderator = app.sign_in("moderator@hanbit.example", DEMO_PASSWORD).await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let payload = "</textarea><svg onload=alert(1)>";
    let (code, _) = app
        .call(
            &moderator,
            Method::PUT,
            "/api/v1/moderation/word-list",
            Some(json!({"words": [payload]})),
        )
        .await;
    assert_eq!(code, 200);
    let (status, _, body) = html(&app, &admin, "/moderation").await;
    assert_eq!(status, 200);
    assert!(
        body.contains("&lt;/textarea&gt;&lt;svg onload=alert(1)&gt;"),
        "word list not shown escaped"
    );
    assert!(!body.contains("<svg onload"), "the payload became markup");

    // The comment editor shows the author's own Markdown source.
    let customer = app.sign_up("editor@example.com", "Editor").await;
    let (code, _) = app
        .call(
            &customer,
            Method::POST,
            "/api/v1/ideas/1/comments",
            Some(json!({"body": "</textarea><img src=x onerror=alert(2)>"})),
        )
        .await;
    assert_eq!(code, 201);
    let (_, _, body) = html(&app, &customer, "/ideas/1").await;
    assert!(
        body.contains("&lt;/textarea&gt;&lt;img src=x onerror=alert(2)&gt;"),
        "comment source not in its editor"
    );
    // (The hydration data carries the source too, with `<` as \u003c.)
    if let Some(at) = body.find("<img src=x onerror") {
        panic!(
            "the payload became markup: …{}…",
            &body[at.saturating_sub(300)..at + 20]
        );
    }
    app.stop().await;
}

async fn a_next_parameter_cannot_leave_the_site(backend: Backend) {
    let app = spawn_app(backend).await;
    for (next, expected) in [
        ("/%0a/x", "/"),
        ("/%09/evil.example/x", "/"),
        ("/%5Cevil.example", "/"),
        ("//evil.example", "/"),
        ("/ideas/3", "/ideas/3"),
    ] {
        let response = app.get(&format!("/lang/ko?next={next}")).await;
        assert!(
            response.status().is_redirection(),
            "{next}: {}",
            response.status()
        );
        assert_eq!(response.headers()["location"], expected, "{next}");
    }
    app.stop().await;
}

async fn parallel_wrong_passwords_get_only_the_free_attempts(backend: Backend) {
    let app = spawn_app(backend).await;
    let codes = in_parallel(40, || {
        app.client
            .post(app.url("/api/v1/auth/login"))
            .json(&json!({"email": "customer@hanbit.example", "password": "wrong password!"}))
            .send()
    })
    .await;
    let codes: Vec<u16> = codes;
    assert!(
        count(&codes, 401) <= 5,
        "{} wrong passwords were tried: {codes:?}",
        count(&codes, 401)
    );
    assert_eq!(count(&codes, 401) + count(&codes, 429), 40, "{codes:?}");
    // Sign-ups race the same way.
    let mut set = tokio::task::JoinSet::new();
    for i in 0..20 {
        let request = app
            .client
            .post(app.url("/api/v1/auth/signup"))
            .json(&json!({"email": format!("racer{i}@example.com"), "password": "a long enough password", "display_name": "Racer"}))
            .send();
        set.spawn(async move { request.await.expect("signup").status().as_u16() });
    }
    let mut created = 0;
    while let Some(code) = set.join_next().await {
        if code.expect("task") == 201 {
            created += 1;
        }
    }
    assert!(
        created <= 10,
        "{created} sign-ups from one address in an hour"
    );
    app.stop().await;
}

async fn someone_elses_failures_do_not_lock_the_owner_out(backend: Backend) {
    let app = spawn_app_with(
        backend,
        Options {
            trusted_proxies: vec!["127.0.0.1/32"],
            ..Options::default()
        },
    )
    .await;
    let owner = "customer@hanbit.example";
    for _ in 0..5 {
        assert_eq!(
            login_from(&app, owner, "guess guess guess", "203.0.113.9").await,
            401
        );
    }
    assert_eq!(
        login_from(&app, owner, "guess guess guess", "203.0.113.9").await,
        429
    );
    // The attacker's address stays locked, even with the right password…
    assert_eq!(
        login_from(&app, owner, DEMO_PASSWORD, "203.0.113.9").await,
        429
    );
    // …but the owner, elsewhere, signs in.
    assert_eq!(
        login_from(&app, owner, DEMO_PASSWORD, "198.51.100.7").await,
        200
    );
    // One address guessing at many accounts meets the address limit.
    let mut last = 0;
    for i in 0..21 {
        last = login_from(
            &app,
            &format!("someone{i}@example.com"),
            "guess guess guess",
            "192.0.2.44",
        )
        .await;
    }
    assert_eq!(last, 429);
    assert_eq!(
        login_from(&app, "billing@hanbit.example", DEMO_PASSWORD, "192.0.2.45").await,
        200
    );
    app.stop().await;
}

async fn forwarded_for_is_ignored_from_untrusted_peers(backend: Backend) {
    let app = spawn_app(backend).await;
    for i in 0..5 {
        let code = login_from(
            &app,
            "customer@hanbit.example",
            "guess guess guess",
            &format!("203.0.113.{i}"),
        )
        .await;
        assert_eq!(code, 401);
    }
    // A made-up X-Forwarded-For does not give a fresh bucket.
    assert_eq!(
        login_from(
            &app,
            "customer@hanbit.example",
            DEMO_PASSWORD,
            "198.51.100.99"
        )
        .await,
        429
    );
    app.stop().await;
}

async fn a_reset_link_works_once_and_ends_every_other_way_in(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let customer = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let (code, created) = app
        .call(
            &customer,
            Method::POST,
            "/api/v1/me/tokens",
            Some(json!({"name": "script"})),
        )
        .await;
    assert_eq!(code, 201);
    let token = created["token"].as_str().expect("token").to_owned();
    for _ in 0..2 {
        let asked = app
            .post_json(
                "/api/v1/auth/password-reset",
                &json!({"email": "customer@hanbit.example"}),
            )
            .await;
        assert_eq!(asked.status().as_u16(), 202);
    }
    let links = app
        .mailed_tokens(&admin, "customer@hanbit.example", "/reset?")
        .await;
    assert_eq!(links.len(), 2);
    let codes = in_parallel(10, || {
        app.client
            .post(app.url("/api/v1/auth/password-reset/complete"))
            .json(&json!({"token": links[0], "password": "a brand new password"}))
            .send()
    })
    .await;
    assert_eq!(count(&codes, 204), 1, "{codes:?}");
    assert_eq!(count(&codes, 422), 9, "{codes:?}");
    // The other link is void, the session is over, the token revoked.
    let other = app
        .post_json(
            "/api/v1/auth/password-reset/complete",
            &json!({"token": links[1], "password": "yet another password"}),
        )
        .await;
    assert_eq!(other.status().as_u16(), 422);
    let (code, _) = app.call(&customer, Method::GET, "/api/v1/me", None).await;
    assert_eq!(code, 401);
    let (with_token, _) = app
        .call_with_token(&token, Method::GET, "/api/v1/me", None)
        .await;
    assert_eq!(with_token, 401);
    app.sign_in("customer@hanbit.example", "a brand new password")
        .await;
    app.stop().await;
}

async fn tokens_expire_when_their_creator_said(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let (code, problem) = app
        .call(
            &customer,
            Method::POST,
            "/api/v1/me/tokens",
            Some(json!({"name": "x", "expires_in_days": 0})),
        )
        .await;
    assert_eq!(code, 422);
    assert!(problem["errors"]["expires_in_days"].is_string());
    let (_, short) = app
        .call(
            &customer,
            Method::POST,
            "/api/v1/me/tokens",
            Some(json!({"name": "short", "expires_in_days": 1})),
        )
        .await;
    let (_, usual) = app
        .call(
            &customer,
            Method::POST,
            "/api/v1/me/tokens",
            Some(json!({"name": "usual"})),
        )
        .await;
    let created = chrono::DateTime::parse_from_rfc3339(
        usual["info"]["created_at"].as_str().expect("created"),
    )
    .expect("time");
    let expires = chrono::DateTime::parse_from_rfc3339(
        usual["info"]["expires_at"].as_str().expect("expires"),
    )
    .expect("time");
    assert_eq!((expires - created).num_days(), 90);
    let me_with = |token: String| {
        let app = &app;
        async move {
            app.call_with_token(&token, Method::GET, "/api/v1/me", None)
                .await
                .0
        }
    };
    let short = short["token"].as_str().expect("token").to_owned();
    let usual = usual["token"].as_str().expect("token").to_owned();
    assert_eq!(me_with(short.clone()).await, 200);
    app.advance_clock(chrono::Duration::days(2));
    assert_eq!(me_with(short).await, 401);
    assert_eq!(me_with(usual).await, 200);
    app.stop().await;
}

async fn nul_is_refused_naming_the_field(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let cases = [
        (
            customer.as_str(),
            Method::POST,
            "/api/v1/ideas",
            Some(json!({"title": "Nul \u{0} title", "body": "body text"})),
            "title",
        ),
        (
            "",
            Method::POST,
            "/api/v1/auth/login",
            Some(json!({"email": "a\u{0}@example.com", "password": "x"})),
            "email",
        ),
        (
            "",
            Method::POST,
            "/api/v1/auth/signup",
            Some(
                json!({"email": "n@example.com", "password": "a long enough password", "display_name": "N\u{0}"}),
            ),
            "display_name",
        ),
        (
            "",
            Method::POST,
            "/api/v1/auth/password-reset",
            Some(json!({"email": "\u{0}"})),
            "email",
        ),
        (
            customer.as_str(),
            Method::POST,
            "/api/v1/me/tokens",
            Some(json!({"name": "t\u{0}"})),
            "name",
        ),
        (
            customer.as_str(),
            Method::PATCH,
            "/api/v1/me",
            Some(json!({"display_name": "x\u{0}y"})),
            "display_name",
        ),
        (
            "",
            Method::GET,
            "/api/v1/ideas?category=%00",
            None,
            "category",
        ),
        ("", Method::GET, "/api/v1/ideas?tag=a%00b", None, "tag"),
        (
            "",
            Method::GET,
            "/api/v1/tickets?department=%00",
            None,
            "department",
        ),
    ];
    for (cookie, method, path, body, field) in cases {
        let (code, problem) = app.call(cookie, method.clone(), path, body).await;
        assert_eq!(code, 422, "{method} {path}: {problem}");
        assert!(
            problem["errors"][field]
                .as_str()
                .is_some_and(|m| m.contains("NUL")),
            "{path}: {problem}"
        );
    }
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM users WHERE email = 'n@example.com'")
            .await,
        0
    );
    app.stop().await;
}

async fn held_ideas_cannot_be_reached_through_side_doors(backend: Backend) {
    let app = spawn_app(backend).await;
    let moderator = app.sign_in("moderator@hanbit.example", DEMO_PASSWORD).await;
    let (code, _) = app
        .call(
            &moderator,
            Method::PUT,
            "/api/v1/moderation/word-list",
            Some(json!({"words": ["casino"]})),
        )
        .await;
    assert_eq!(code, 200);
    let author = app.sign_up("held-author@example.com", "Held Author").await;
    let other = app.sign_up("onlooker@example.com", "Onlooker").await;
    let (code, held) = app
        .call(
            &author,
            Method::POST,
            "/api/v1/ideas",
            Some(json!({"title": "Casino nights for all", "body": "Held, surely"})),
        )
        .await;
    assert_eq!(code, 201);
    assert_eq!(held["held_for_review"], true);
    let number = held["number"].as_i64().expect("number");
    let mut board = app.events("", "board", None).await;
    for (method, path, body) in [
        (Method::PUT, format!("/api/v1/ideas/{number}/vote"), None),
        (Method::DELETE, format!("/api/v1/ideas/{number}/vote"), None),
        (Method::PUT, format!("/api/v1/ideas/{number}/follow"), None),
        (
            Method::POST,
            format!("/api/v1/ideas/{number}/comments"),
            Some(json!({"body": "hello"})),
        ),
        (
            Method::POST,
            "/api/v1/reports".to_owned(),
            Some(json!({"target": {"type": "idea", "id": number}, "reason": "spam"})),
        ),
    ] {
        let (code, _) = app.call(&other, method.clone(), &path, body).await;
        assert_eq!(code, 404, "{method} {path}");
    }
    // Its author may vote, but nobody else hears of it.
    let (code, _) = app
        .call(
            &author,
            Method::PUT,
            &format!("/api/v1/ideas/{number}/vote"),
            None,
        )
        .await;
    assert_eq!(code, 200);
    let (code, _) = app
        .call(&other, Method::PUT, "/api/v1/ideas/1/vote", None)
        .await;
    assert_eq!(code, 200);
    let first = board.next(Duration::from_secs(10)).await.expect("an event");
    assert_eq!(first.kind, "vote");
    assert_eq!(first.data["data"]["number"], 1, "{:?}", first.data);
    assert_eq!(
        app.scalar(&format!(
            "SELECT COUNT(*) FROM events WHERE payload LIKE '%\"number\":{number},%'"
        ))
        .await,
        0
    );
    app.stop().await;
}

async fn unknown_things_are_a_real_404(backend: Backend) {
    let app = spawn_app(backend).await;
    for path in [
        "/ideas/-1",
        "/ideas/9999",
        "/tickets/VOC-999999999999",
        "/members/-1",
        "/members/99999",
        "/announcements/99999999999",
        "/no/such/page",
    ] {
        let (status, _, body) = html(&app, "", path).await;
        assert_eq!(status, 404, "{path}");
        assert!(
            body.contains(r#"<meta name="robots" content="noindex""#),
            "{path}: no noindex"
        );
    }
    let (status, _, _) = html(&app, "", "/ideas/1").await;
    assert_eq!(status, 200);
    app.stop().await;
}

async fn webhooks_cannot_probe_the_private_network(backend: Backend) {
    let app = spawn_app_with(
        backend,
        Options {
            allow_private_webhooks: false,
            ..Options::default()
        },
    )
    .await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    for url in [
        "http://127.0.0.1:9/hook",
        "http://localhost:9/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.8/",
        "http://[::1]:9/",
    ] {
        let (code, problem) = app
            .call(
                &admin,
                Method::POST,
                "/api/v1/webhooks",
                Some(json!({"url": url, "events": ["idea.voted"]})),
            )
            .await;
        assert_eq!(code, 422, "{url}");
        assert!(
            problem["errors"]["url"]
                .as_str()
                .is_some_and(|m| m.contains("private")),
            "{url}: {problem}"
        );
    }
    let (code, _) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/webhooks",
            Some(json!({"url": "https://hooks.example.com/madang", "events": ["idea.voted"]})),
        )
        .await;
    assert_eq!(code, 201);
    app.stop().await;
}

async fn event_streams_end_when_the_right_to_them_ends(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let employee = app.sign_in("billing@hanbit.example", DEMO_PASSWORD).await;
    let moderator = app.sign_in("moderator@hanbit.example", DEMO_PASSWORD).await;
    let customer = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let mut demoted = app.events(&employee, "queue", None).await;
    let mut signed_out = app.events(&moderator, "queue", None).await;
    let mut kept = app.events(&admin, "queue", None).await;

    let (_, me) = app.call(&employee, Method::GET, "/api/v1/me", None).await;
    let employee_id = me["user"]["id"].as_i64().expect("id");
    let (code, _) = app
        .call(
            &admin,
            Method::PUT,
            &format!("/api/v1/admin/users/{employee_id}"),
            Some(json!({"role": "customer"})),
        )
        .await;
    assert_eq!(code, 200);
    let (code, _) = app
        .call(&moderator, Method::POST, "/api/v1/auth/logout", None)
        .await;
    assert_eq!(code, 204);
    let (code, _) = app
        .call(&customer, Method::POST, "/api/v1/tickets", Some(json!({"kind": "complaint", "title": "Signal drops at home", "body": "Every night"})))
        .await;
    assert_eq!(code, 201);
    assert!(
        kept.next(Duration::from_secs(10)).await.is_some(),
        "the admin hears of the ticket"
    );
    assert!(
        demoted.ended(Duration::from_secs(10)).await,
        "the demoted employee's stream goes on"
    );
    assert!(
        signed_out.ended(Duration::from_secs(10)).await,
        "the signed-out moderator's stream goes on"
    );
    app.stop().await;
}

async fn silent_connections_are_closed(backend: Backend) {
    use tokio::io::AsyncReadExt;
    let app = spawn_app_with(
        backend,
        Options {
            header_timeout_secs: 1,
            max_connections: Some(8),
            ..Options::default()
        },
    )
    .await;
    let address = app.base.trim_start_matches("http://").to_owned();
    let mut silent = Vec::new();
    for _ in 0..20 {
        silent.push(
            tokio::net::TcpStream::connect(&address)
                .await
                .expect("connect"),
        );
    }
    // With all places taken by silent sockets, a real request waits until
    // the header timeout frees them, then is served.
    let served = tokio::time::timeout(
        Duration::from_secs(15),
        app.client.get(app.url("/healthz")).send(),
    )
    .await
    .expect("served once the silent sockets are gone")
    .expect("healthz");
    assert_eq!(served.status().as_u16(), 200);
    for mut socket in silent {
        let mut buf = [0_u8; 1];
        let read = tokio::time::timeout(Duration::from_secs(10), socket.read(&mut buf))
            .await
            .expect("the server closed the silent socket");
        assert!(matches!(read, Ok(0) | Err(_)), "{read:?}");
    }
    app.stop().await;
}

async fn server_functions_answer_with_the_real_status(backend: Backend) {
    use leptos::server_fn::ServerFn;
    let app = spawn_app(backend).await;
    let path = <app::rpc::CreateToken as ServerFn>::PATH;
    let post = |cookie: &str, body: &str| {
        app.client
            .post(app.url(path))
            .header("cookie", cookie)
            .header("origin", app.origin())
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.to_owned())
            .send()
    };
    let anonymous = post("", "name=x").await.expect("rpc");
    assert_eq!(anonymous.status().as_u16(), 401);
    let customer = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let invalid = post(&customer, "name=").await.expect("rpc");
    assert_eq!(invalid.status().as_u16(), 422);
    // The error is the problem document itself, as on the REST door.
    let problem: shared::ApiError = invalid.json().await.expect("a problem document");
    assert_eq!(problem.status, 422);
    assert!(problem.errors.contains_key("name"), "{problem:?}");
    let garbled = post(&customer, "nothing=here").await.expect("rpc");
    assert_eq!(garbled.status().as_u16(), 400);
    let problem: shared::ApiError = garbled.json().await.expect("a problem document");
    assert_eq!(problem.status, 400);
    let fine = post(&customer, "name=ok").await.expect("rpc");
    assert_eq!(fine.status().as_u16(), 200);
    app.stop().await;
}

async fn signed_out_writes_are_refused_before_validation(backend: Backend) {
    let app = spawn_app(backend).await;
    for (method, path) in [
        (Method::POST, "/api/v1/tickets/VOC-000001/replies"),
        (Method::POST, "/api/v1/ideas"),
        (Method::PUT, "/api/v1/ideas/1/status"),
    ] {
        let (code, _) = app.call("", method.clone(), path, Some(json!({}))).await;
        assert_eq!(code, 401, "{method} {path}");
    }
    app.stop().await;
}

on_both_databases!(
    pages_carry_a_content_security_policy_with_their_nonce,
    user_text_in_a_textarea_cannot_close_it,
    a_next_parameter_cannot_leave_the_site,
    parallel_wrong_passwords_get_only_the_free_attempts,
    someone_elses_failures_do_not_lock_the_owner_out,
    forwarded_for_is_ignored_from_untrusted_peers,
    a_reset_link_works_once_and_ends_every_other_way_in,
    tokens_expire_when_their_creator_said,
    nul_is_refused_naming_the_field,
    held_ideas_cannot_be_reached_through_side_doors,
    unknown_things_are_a_real_404,
    webhooks_cannot_probe_the_private_network,
    event_streams_end_when_the_right_to_them_ends,
    silent_connections_are_closed,
    server_functions_answer_with_the_real_status,
    signed_out_writes_are_refused_before_validation,
);
