//! Sign-up asks for the personal-information consent in force and mails a
//! link that confirms the address; staff see who has not confirmed.

use madang_tests::{
    Backend, DEMO_PASSWORD, Options, on_both_databases, session_cookie, spawn_app, spawn_app_with,
};
use reqwest::Method;
use serde_json::{Value, json};

async fn consent_is_versioned_and_the_address_confirmed_by_mail(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;

    // The consent in force, in the reader's language.
    let terms: Value = reqwest::Client::new()
        .get(app.url("/api/v1/auth/consent"))
        .header("accept-language", "ko")
        .send()
        .await
        .expect("consent")
        .json()
        .await
        .expect("json");
    assert_eq!(terms["title"], "개인정보 수집·이용 동의", "{terms}");
    for part in ["수집 항목", "이용 목적", "보유 기간"] {
        assert!(
            terms["text"].as_str().is_some_and(|t| t.contains(part)),
            "{terms}"
        );
    }
    let version = terms["version"].as_str().expect("version").to_owned();

    // An outdated version is refused on its field; nothing is created.
    let outdated = app
        .post_json(
            "/api/v1/auth/signup",
            &json!({"email": "late@example.com", "password": "a long enough password",
                    "display_name": "Late", "consent": "1999-01-01"}),
        )
        .await;
    assert_eq!(outdated.status().as_u16(), 422);
    let problem: Value = outdated.json().await.expect("problem");
    assert!(problem["errors"]["consent"].is_string(), "{problem}");
    let (_, found) = app
        .call(&admin, Method::GET, "/api/v1/admin/outbox", None)
        .await;
    assert!(!found.to_string().contains("late@example.com"), "{found}");

    // The version in force is stored with the time.
    let response = app
        .post_json(
            "/api/v1/auth/signup",
            &json!({"email": "minseo@example.com", "password": "a long enough password",
                    "display_name": "Minseo Oh", "consent": version}),
        )
        .await;
    assert_eq!(response.status().as_u16(), 201);
    let customer = session_cookie(&response).expect("cookie");
    let stored = app
        .scalar(&format!(
            "SELECT COUNT(*) FROM users WHERE email = 'minseo@example.com' \
             AND consent_version = '{version}' AND consented_at IS NOT NULL"
        ))
        .await;
    assert_eq!(stored, 1);
    let (_, me) = app.call(&customer, Method::GET, "/api/v1/me", None).await;
    assert_eq!(me["user"]["email_verified"], false, "{me}");

    // Staff see the author has not confirmed; the author does not get the flag.
    let (code, ticket) = app
        .call(
            &customer,
            Method::POST,
            "/api/v1/tickets",
            Some(json!({"kind": "inquiry", "title": "Roaming in Japan", "body": "Does my plan cover it?"})),
        )
        .await;
    assert_eq!(code, 201, "{ticket}");
    let path = format!(
        "/api/v1/tickets/{}",
        ticket["number"].as_str().expect("number")
    );
    let (_, seen) = app.call(&staff, Method::GET, &path, None).await;
    assert_eq!(seen["author_unconfirmed"], true, "{seen}");
    let (_, own) = app.call(&customer, Method::GET, &path, None).await;
    assert!(own.get("author_unconfirmed").is_none(), "{own}");

    // The mailed link confirms the address, once.
    let tokens = app
        .mailed_tokens(&admin, "minseo@example.com", "/verify?")
        .await;
    assert_eq!(tokens.len(), 1, "one confirmation mail");
    let wrong = app
        .post_json("/api/v1/auth/verify", &json!({"token": "0".repeat(64)}))
        .await;
    assert_eq!(wrong.status().as_u16(), 422);
    let done = app
        .post_json("/api/v1/auth/verify", &json!({"token": tokens[0]}))
        .await;
    assert_eq!(done.status().as_u16(), 204);
    let again = app
        .post_json("/api/v1/auth/verify", &json!({"token": tokens[0]}))
        .await;
    assert_eq!(again.status().as_u16(), 422, "a link works once");
    let (_, me) = app.call(&customer, Method::GET, "/api/v1/me", None).await;
    assert_eq!(me["user"]["email_verified"], true, "{me}");
    let (_, seen) = app.call(&staff, Method::GET, &path, None).await;
    assert_eq!(seen["author_unconfirmed"], false, "{seen}");

    // Once confirmed, asking again sends nothing.
    let (code, _) = app
        .call(&customer, Method::POST, "/api/v1/me/verification", None)
        .await;
    assert_eq!(code, 202);
    let tokens = app
        .mailed_tokens(&admin, "minseo@example.com", "/verify?")
        .await;
    assert_eq!(tokens.len(), 1);

    // An unconfirmed member may ask for a new link, a few times an hour.
    let other = app.sign_up("jisoo@example.com", "Jisoo Bae").await;
    let mut codes = Vec::new();
    for _ in 0..4 {
        codes.push(
            app.call(&other, Method::POST, "/api/v1/me/verification", None)
                .await
                .0,
        );
    }
    assert_eq!(codes, [202, 202, 202, 429]);
    assert_eq!(
        app.mailed_tokens(&admin, "jisoo@example.com", "/verify?")
            .await
            .len(),
        4,
        "the sign-up mail and three more"
    );
    app.stop().await;
}

/// With `--hold-unconfirmed-posts`, what an unconfirmed member posts waits
/// for their confirmation: they see it marked as waiting, nobody else sees
/// it (page, board, count, search), and the mailed link makes it public.
async fn posts_of_unconfirmed_members_wait_for_the_confirmation(backend: Backend) {
    let app = spawn_app_with(
        backend,
        Options {
            hold_unconfirmed_posts: true,
            ..Options::default()
        },
    )
    .await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let other = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let newcomer = app.sign_up("newcomer@example.com", "New Comer").await;
    let (code, idea) = app
        .call(
            &newcomer,
            Method::POST,
            "/api/v1/ideas",
            Some(json!({"title": "Family data sharing across plans", "body": "Let us pool data across two plans."})),
        )
        .await;
    assert_eq!(code, 201, "{idea}");
    assert_eq!(idea["held_for_review"], true, "{idea}");
    assert_eq!(idea["awaiting_confirmation"], true, "{idea}");
    let number = idea["number"].as_i64().expect("number");
    let path = format!("/api/v1/ideas/{number}");
    let (code, _) = app.call(&other, Method::GET, &path, None).await;
    assert_eq!(code, 404, "nobody else reaches it");
    let (code, own) = app.call(&newcomer, Method::GET, &path, None).await;
    assert_eq!(code, 200);
    assert_eq!(own["awaiting_confirmation"], true);

    // A comment on somebody else's idea waits too and is not counted.
    let (_, board) = app
        .call("", Method::GET, "/api/v1/ideas?sort=top", None)
        .await;
    let target = board["items"][0]["number"].as_i64().expect("an idea");
    let comments_before = board["items"][0]["comments"].as_i64().expect("count");
    let (code, comment) = app
        .call(
            &newcomer,
            Method::POST,
            &format!("/api/v1/ideas/{target}/comments"),
            Some(json!({"body": "Yes please, my parents need this."})),
        )
        .await;
    assert_eq!(code, 201, "{comment}");
    assert_eq!(comment["awaiting_confirmation"], true, "{comment}");
    let (_, seen) = app
        .call(
            &other,
            Method::GET,
            &format!("/api/v1/ideas/{target}"),
            None,
        )
        .await;
    assert_eq!(
        seen["comments_count"].as_i64(),
        Some(comments_before),
        "{seen}"
    );
    assert!(
        !seen["comments"]
            .to_string()
            .contains("my parents need this"),
        "hidden from others"
    );
    let (_, found) = app
        .call(
            "",
            Method::GET,
            "/api/v1/search?q=Family%20data%20sharing",
            None,
        )
        .await;
    assert!(
        !found
            .to_string()
            .contains("Family data sharing across plans"),
        "{found}"
    );

    // Confirming shows both, counted.
    let tokens = app
        .mailed_tokens(&admin, "newcomer@example.com", "/verify?")
        .await;
    let done = app
        .post_json("/api/v1/auth/verify", &json!({"token": tokens[0]}))
        .await;
    assert_eq!(done.status().as_u16(), 204);
    let (code, public) = app.call(&other, Method::GET, &path, None).await;
    assert_eq!(code, 200, "{public}");
    assert_eq!(public["held_for_review"], false);
    let (_, seen) = app
        .call(
            &other,
            Method::GET,
            &format!("/api/v1/ideas/{target}"),
            None,
        )
        .await;
    assert_eq!(seen["comments_count"].as_i64(), Some(comments_before + 1));
    let (_, found) = app
        .call(
            "",
            Method::GET,
            "/api/v1/search?q=Family%20data%20sharing",
            None,
        )
        .await;
    assert!(
        found
            .to_string()
            .contains("Family data sharing across plans"),
        "{found}"
    );
    assert!(
        seen["comments"]
            .to_string()
            .contains("my parents need this")
    );

    // A confirmed member's next post is public at once.
    let (_, next) = app
        .call(
            &newcomer,
            Method::POST,
            "/api/v1/ideas",
            Some(json!({"title": "Roaming pass for weekends", "body": "A cheaper two-day roaming pass."})),
        )
        .await;
    assert_eq!(next["held_for_review"], false, "{next}");
    app.stop().await;
}

on_both_databases!(
    consent_is_versioned_and_the_address_confirmed_by_mail,
    posts_of_unconfirmed_members_wait_for_the_confirmation,
);
