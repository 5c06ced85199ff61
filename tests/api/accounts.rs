//! Accounts over the API: sign-up, sign-in, sessions, tokens, the CSRF rule,
//! rate limits, and that no secret ever appears in an answer.

use madang_tests::{Backend, DEMO_PASSWORD, TestApp, on_both_databases, session_cookie, spawn_app};
use serde_json::json;

async fn me_with_cookie(app: &TestApp, cookie: &str) -> reqwest::Response {
    app.client
        .get(app.url("/api/v1/me"))
        .header("cookie", cookie)
        .send()
        .await
        .expect("request")
}

fn assert_no_secrets(text: &str) {
    for needle in [
        "argon2",
        "password_hash",
        "a long enough password",
        DEMO_PASSWORD,
    ] {
        assert!(!text.contains(needle), "`{needle}` leaked in: {text}");
    }
}

async fn sign_up_signs_in_with_an_http_only_session(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app
        .post_json("/api/v1/auth/signup", &json!({"email": "  New.Member@Example.COM ", "password": "a long enough password", "display_name": "New Member"}))
        .await;
    assert_eq!(response.status().as_u16(), 201);
    let set_cookie = response.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"),
        "{set_cookie}"
    );
    let cookie = session_cookie(&response).expect("cookie");
    let text = response.text().await.expect("body");
    assert_no_secrets(&text);
    let body: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(body["user"]["email"], "new.member@example.com");
    assert_eq!(body["user"]["role"], "customer");

    let me = me_with_cookie(&app, &cookie).await;
    assert_eq!(me.status().as_u16(), 200);
    let me: serde_json::Value = me.json().await.expect("json");
    assert_eq!(me["user"]["display_name"], "New Member");
    assert_eq!(me["user"]["initials"], "N.M.");
    let stored = app.scalar("SELECT COUNT(*) FROM users WHERE email = 'new.member@example.com' AND password_hash LIKE '$argon2id$%'").await;
    assert_eq!(stored, 1, "password not stored as an argon2id hash");
    app.stop().await;
}

async fn sign_up_rejects_bad_fields_and_taken_emails(backend: Backend) {
    let app = spawn_app(backend).await;
    let bad = app
        .post_json(
            "/api/v1/auth/signup",
            &json!({"email": "not-an-email", "password": "long enough pw", "display_name": "X"}),
        )
        .await;
    assert_eq!(bad.status().as_u16(), 422);
    let body: serde_json::Value = bad.json().await.expect("json");
    assert!(
        body["errors"]["email"]
            .as_str()
            .is_some_and(|m| m.contains("e-mail")),
        "{body}"
    );
    let short = app
        .post_json(
            "/api/v1/auth/signup",
            &json!({"email": "a@example.com", "password": "short", "display_name": "A"}),
        )
        .await;
    let body: serde_json::Value = short.json().await.expect("json");
    assert_eq!(body["errors"]["password"], "must be at least 10 characters");
    let taken = app.post_json("/api/v1/auth/signup", &json!({"email": "CUSTOMER@hanbit.example", "password": "long enough pw", "display_name": "Dup"})).await;
    assert_eq!(taken.status().as_u16(), 409);
    let missing = app
        .post_json("/api/v1/auth/signup", &json!({"email": "b@example.com"}))
        .await;
    assert_eq!(missing.status().as_u16(), 422);
    let malformed = app
        .client
        .post(app.url("/api/v1/auth/signup"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .expect("request");
    assert_eq!(malformed.status().as_u16(), 400);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM users WHERE email IN ('not-an-email', 'a@example.com', 'b@example.com')").await, 0);
    app.stop().await;
}

async fn wrong_password_and_unknown_email_get_the_same_401(backend: Backend) {
    let app = spawn_app(backend).await;
    let wrong = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "customer@hanbit.example", "password": "wrong password!"}),
        )
        .await;
    let unknown = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "nobody@hanbit.example", "password": "wrong password!"}),
        )
        .await;
    assert_eq!(wrong.status().as_u16(), 401);
    assert_eq!(unknown.status().as_u16(), 401);
    assert!(session_cookie(&wrong).is_none());
    let wrong: serde_json::Value = wrong.json().await.expect("json");
    let unknown: serde_json::Value = unknown.json().await.expect("json");
    assert_eq!(wrong["detail"], unknown["detail"]);
    let cookie = app.sign_in("Customer@Hanbit.example", DEMO_PASSWORD).await;
    let me: serde_json::Value = me_with_cookie(&app, &cookie)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(me["user"]["email"], "customer@hanbit.example");
    app.stop().await;
}

async fn repeated_failed_sign_ins_are_rate_limited(backend: Backend) {
    let app = spawn_app(backend).await;
    for attempt in 1..=5 {
        let response = app.post_json("/api/v1/auth/login", &json!({"email": "billing@hanbit.example", "password": format!("guess number {attempt}")})).await;
        assert_eq!(response.status().as_u16(), 401, "attempt {attempt}");
    }
    let limited = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "billing@hanbit.example", "password": DEMO_PASSWORD}),
        )
        .await;
    assert_eq!(
        limited.status().as_u16(),
        429,
        "even the right password waits"
    );
    let retry_after: u64 = limited.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=30).contains(&retry_after), "{retry_after}");
    let body: serde_json::Value = limited.json().await.expect("json");
    assert_eq!(body["status"], 429);
    // Other accounts are not affected by one account's lock.
    app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    app.stop().await;
}

async fn account_endpoints_need_a_session(backend: Backend) {
    let app = spawn_app(backend).await;
    assert_eq!(app.get("/api/v1/me").await.status().as_u16(), 401);
    let body: serde_json::Value = app.get("/api/v1/me").await.json().await.expect("json");
    assert_eq!(body["type"], "https://madang.dev/problems/unauthorized");
    assert_eq!(app.get("/api/v1/me/tokens").await.status().as_u16(), 401);
    let token = app
        .post_json("/api/v1/me/tokens", &json!({"name": "x"}))
        .await;
    assert_eq!(token.status().as_u16(), 401);
    let bogus = app
        .client
        .get(app.url("/api/v1/me"))
        .header("cookie", "madang_session=forged")
        .send()
        .await
        .expect("request");
    assert_eq!(bogus.status().as_u16(), 401);
    app.stop().await;
}

async fn cookie_writes_need_this_sites_origin(backend: Backend) {
    let app = spawn_app(backend).await;
    let cookie = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let post = |origin: Option<&str>| {
        let mut request = app
            .client
            .post(app.url("/api/v1/me/tokens"))
            .header("cookie", &cookie)
            .json(&json!({"name": "csrf check"}));
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        request.send()
    };
    let without = post(None).await.expect("request");
    assert_eq!(without.status().as_u16(), 403);
    let body: serde_json::Value = without.json().await.expect("json");
    assert!(
        body["detail"]
            .as_str()
            .is_some_and(|d| d.contains("Origin"))
    );
    assert_eq!(
        post(Some("https://evil.example"))
            .await
            .expect("request")
            .status()
            .as_u16(),
        403
    );
    assert_eq!(
        post(Some(app.origin()))
            .await
            .expect("request")
            .status()
            .as_u16(),
        201
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM api_tokens WHERE name = 'csrf check'")
            .await,
        1
    );
    app.stop().await;
}

async fn api_tokens_work_as_bearer_until_revoked(backend: Backend) {
    let app = spawn_app(backend).await;
    let cookie = app.sign_in("billing@hanbit.example", DEMO_PASSWORD).await;
    let created = app
        .client
        .post(app.url("/api/v1/me/tokens"))
        .header("cookie", &cookie)
        .header("origin", app.origin())
        .json(&json!({"name": "CRM sync"}))
        .send()
        .await
        .expect("request");
    assert_eq!(created.status().as_u16(), 201);
    let created: serde_json::Value = created.json().await.expect("json");
    let token = created["token"].as_str().expect("token").to_owned();
    let id = created["info"]["id"].as_i64().expect("id");

    let (code, me) = app
        .call_with_token(&token, reqwest::Method::GET, "/api/v1/me", None)
        .await;
    assert_eq!(code, 200);
    assert_eq!(me["user"]["role"], "employee");
    assert_eq!(me["user"]["department"]["slug"], "billing");
    // Bearer writes need no Origin.
    let (second, _) = app
        .call_with_token(
            &token,
            reqwest::Method::POST,
            "/api/v1/me/tokens",
            Some(json!({"name": "second"})),
        )
        .await;
    assert_eq!(second, 201);

    let listed = app
        .client
        .get(app.url("/api/v1/me/tokens"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("body");
    assert!(!listed.contains(&token), "the secret is listed");
    assert!(listed.contains("CRM sync"));
    assert_eq!(
        app.scalar(&format!(
            "SELECT COUNT(*) FROM api_tokens WHERE token_hash = '{token}'"
        ))
        .await,
        0,
        "token stored in clear"
    );

    // Another member cannot revoke it: 404, not 403.
    let other = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let foreign = app
        .client
        .delete(app.url(&format!("/api/v1/me/tokens/{id}")))
        .header("cookie", &other)
        .header("origin", app.origin())
        .send()
        .await
        .expect("request");
    assert_eq!(foreign.status().as_u16(), 404);

    let revoked = app
        .client
        .delete(app.url(&format!("/api/v1/me/tokens/{id}")))
        .bearer_auth(&token)
        .send()
        .await
        .expect("request");
    assert_eq!(revoked.status().as_u16(), 204);
    let (after, _) = app
        .call_with_token(&token, reqwest::Method::GET, "/api/v1/me", None)
        .await;
    assert_eq!(after, 401);
    app.stop().await;
}

async fn sign_out_revokes_the_session_on_the_server(backend: Backend) {
    let app = spawn_app(backend).await;
    let first = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let second = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let sessions: serde_json::Value = app
        .client
        .get(app.url("/api/v1/me/sessions"))
        .header("cookie", &first)
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let items = sessions["items"].as_array().expect("items");
    assert!(items.len() >= 2);
    assert_eq!(items.iter().filter(|s| s["current"] == true).count(), 1);

    let out = app
        .client
        .post(app.url("/api/v1/auth/logout"))
        .header("cookie", &first)
        .header("origin", app.origin())
        .send()
        .await
        .expect("request");
    assert_eq!(out.status().as_u16(), 204);
    assert!(
        out.headers()["set-cookie"]
            .to_str()
            .expect("ascii")
            .contains("Max-Age=0")
    );
    assert_eq!(
        me_with_cookie(&app, &first).await.status().as_u16(),
        401,
        "old cookie still works"
    );
    assert_eq!(me_with_cookie(&app, &second).await.status().as_u16(), 200);

    let third = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let everywhere = app
        .client
        .delete(app.url("/api/v1/me/sessions"))
        .header("cookie", &third)
        .header("origin", app.origin())
        .send()
        .await
        .expect("request");
    assert_eq!(everywhere.status().as_u16(), 204);
    assert_eq!(me_with_cookie(&app, &second).await.status().as_u16(), 401);
    assert_eq!(me_with_cookie(&app, &third).await.status().as_u16(), 401);
    app.stop().await;
}

async fn no_answer_reveals_a_secret_or_another_members_email(backend: Backend) {
    let app = spawn_app(backend).await;
    let cookie = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    for path in [
        "/",
        "/roadmap",
        "/support",
        "/me",
        "/api/v1/ideas?limit=100",
        "/api/v1/departments",
        "/api/v1/me",
        "/api/v1/me/sessions",
    ] {
        let text = app
            .send_as(&cookie, reqwest::Method::GET, path, None)
            .await
            .text()
            .await
            .expect("body");
        assert_no_secrets(&text);
        assert!(
            !text.contains(&cookie["madang_session=".len()..]),
            "{path} shows the session token"
        );
        for other in [
            "admin@hanbit.example",
            "billing@hanbit.example",
            "member01@customers.example",
        ] {
            assert!(!text.contains(other), "{path} shows {other}");
        }
    }
    app.stop().await;
}

on_both_databases!(
    sign_up_signs_in_with_an_http_only_session,
    sign_up_rejects_bad_fields_and_taken_emails,
    wrong_password_and_unknown_email_get_the_same_401,
    repeated_failed_sign_ins_are_rate_limited,
    account_endpoints_need_a_session,
    cookie_writes_need_this_sites_origin,
    api_tokens_work_as_bearer_until_revoked,
    sign_out_revokes_the_session_on_the_server,
    no_answer_reveals_a_secret_or_another_members_email,
);
