//! Personal data stays private (PIPA): phone numbers, resident registration
//! numbers, card numbers, e-mail addresses and account numbers typed into a
//! public field are refused with a field error naming what was found, in
//! every spelling people use; the private details take them; and ticket
//! numbers, dates, prices and idea numbers pass.

use madang_tests::{Backend, DEMO_PASSWORD, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::json;

async fn public_fields_refuse_personal_data_and_private_details_take_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_up("minseo@example.com", "Minseo Oh").await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let file = |title: &str, body: &str, private: Option<&str>| json!({"kind": "complaint", "title": title, "body": body, "private_details": private});
    let before = app.scalar("SELECT COUNT(*) FROM tickets").await;
    for (body, what) in [
        ("내 전화번호는 010-1234-5678", "mobile phone number"),
        ("call 010 1234 5678 please", "mobile phone number"),
        ("010.1234.5678", "mobile phone number"),
        ("+82 10-1234-5678", "mobile phone number"),
        ("사무실 02-123-4567", "phone number"),
        ("주민번호 900101-1234567", "resident registration number"),
        ("card 4111 1111 1111 1111 was charged", "card number"),
        ("4111-1111-1111-1111", "card number"),
        ("write to minseo.oh@example.co.kr", "e-mail address"),
        ("refund to 110-123-456789", "account number"),
    ] {
        let (code, problem) = app
            .call(
                &customer,
                Method::POST,
                "/api/v1/tickets",
                Some(file("Charged twice this month", body, None)),
            )
            .await;
        assert_eq!(code, 422, "{body}: {problem}");
        let error = problem["errors"]["body"].as_str().unwrap_or_default();
        assert!(error.contains(what), "{body}: {error}");
        assert!(error.contains("private details"), "{error}");
        assert!(
            !error.contains("1234"),
            "the error never repeats the data: {error}"
        );
    }
    let (code, problem) = app
        .call(
            &customer,
            Method::POST,
            "/api/v1/tickets",
            Some(file("Call me at 010-9876-5432", "The line drops.", None)),
        )
        .await;
    assert_eq!(code, 422);
    assert!(problem["errors"]["title"].is_string(), "{problem}");
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM tickets").await,
        before,
        "nothing written"
    );

    // What a support thread is full of passes, and the private details
    // take the number.
    let (code, filed) = app
        .call(
            &customer,
            Method::POST,
            "/api/v1/tickets",
            Some(file(
                "Charged twice this month",
                "Same as VOC-000123 and idea #12: on 2026-11-29 at 10:12 I paid 55,000원 twice.",
                Some("010-1234-5678, card 4111 1111 1111 1111"),
            )),
        )
        .await;
    assert_eq!(code, 201, "{filed}");
    let number = filed["number"].as_str().expect("number").to_owned();
    let (_, public) = app
        .call("", Method::GET, &format!("/api/v1/tickets/{number}"), None)
        .await;
    assert!(!public.to_string().contains("010-1234-5678"));

    // Replies and notes in public are checked; internal notes are not.
    let replies = format!("/api/v1/tickets/{number}/replies");
    let (code, problem) = app
        .call(
            &customer,
            Method::POST,
            &replies,
            Some(json!({"body": "my number is 01012345678"})),
        )
        .await;
    assert_eq!(code, 422);
    assert!(
        problem["errors"]["body"]
            .as_str()
            .is_some_and(|e| e.contains("mobile phone"))
    );
    let (code, _) = app
        .call(
            &staff,
            Method::POST,
            &replies,
            Some(json!({"body": "Customer confirmed 010-1234-5678 by phone.", "internal": true})),
        )
        .await;
    assert_eq!(code, 201, "internal notes are private");
    let (code, _) = app
        .call(
            &staff,
            Method::PUT,
            &format!("/api/v1/tickets/{number}/status"),
            Some(json!({"status": "resolved", "note": "Refunded to 110-123-456789."})),
        )
        .await;
    assert_eq!(code, 422, "a public closing note is public");

    // Ideas and comments are public through and through.
    let (code, problem) = app
        .call(
            &customer,
            Method::POST,
            "/api/v1/ideas",
            Some(json!({"title": "Family plan for four phones", "body": "Text me: 010-2222-3333"})),
        )
        .await;
    assert_eq!(code, 422, "{problem}");
    assert!(
        problem["errors"]["body"]
            .as_str()
            .is_some_and(|e| e.contains("remove it"))
    );
    let (code, problem) = app
        .call(
            &customer,
            Method::POST,
            "/api/v1/ideas/2/comments",
            Some(json!({"body": "mail me at someone@example.com"})),
        )
        .await;
    assert_eq!(code, 422, "{problem}");
    let (code, _) = app
        .call(
            &customer,
            Method::POST,
            "/api/v1/ideas/2/comments",
            Some(json!({"body": "@Minseo Oh same here since 2026-11-29, ticket VOC-000123"})),
        )
        .await;
    assert_eq!(code, 201);
    app.stop().await;
}

async fn authors_correct_their_ticket_and_replies_for_fifteen_minutes(backend: Backend) {
    let app = spawn_app(backend).await;
    let author = app.sign_up("minseo@example.com", "Minseo Oh").await;
    let other = app.sign_up("jisoo@example.com", "Jisoo Bae").await;
    let (code, filed) = app
        .call(
            &author,
            Method::POST,
            "/api/v1/tickets",
            Some(
                json!({"kind": "complaint", "title": "Wrong bill amont", "body": "Charged twice."}),
            ),
        )
        .await;
    assert_eq!(code, 201);
    assert_eq!(filed["can"]["edit"], true);
    let number = filed["number"].as_str().expect("number").to_owned();
    let path = format!("/api/v1/tickets/{number}");
    let (code, _) = app
        .call(
            &other,
            Method::PATCH,
            &path,
            Some(json!({"title": "Not yours to change"})),
        )
        .await;
    assert_eq!(code, 403);
    let (code, problem) = app
        .call(
            &author,
            Method::PATCH,
            &path,
            Some(json!({"body": "Charged twice; call 010-1234-5678"})),
        )
        .await;
    assert_eq!(code, 422, "the same rule as filing: {problem}");
    let (code, fixed) = app
        .call(
            &author,
            Method::PATCH,
            &path,
            Some(json!({"title": "Wrong bill amount"})),
        )
        .await;
    assert_eq!(code, 200, "{fixed}");
    assert_eq!(fixed["title"], "Wrong bill amount");

    let (_, replied) = app
        .call(
            &author,
            Method::POST,
            &format!("{path}/replies"),
            Some(json!({"body": "It was in Octobr."})),
        )
        .await;
    let post = replied["posts"]
        .as_array()
        .expect("posts")
        .last()
        .cloned()
        .expect("post");
    assert_eq!(post["editable"], true);
    let (_, seen) = app.call(&other, Method::GET, &path, None).await;
    assert_eq!(
        seen["posts"]
            .as_array()
            .expect("posts")
            .last()
            .expect("post")["editable"],
        false
    );
    let post_path = format!("{path}/posts/{}", post["id"]);
    let (code, fixed) = app
        .call(
            &author,
            Method::PATCH,
            &post_path,
            Some(json!({"body": "It was in October."})),
        )
        .await;
    assert_eq!(code, 200, "{fixed}");
    assert!(fixed.to_string().contains("It was in October."));

    app.advance_clock(chrono::Duration::minutes(16));
    let (code, problem) = app
        .call(
            &author,
            Method::PATCH,
            &post_path,
            Some(json!({"body": "Too late now."})),
        )
        .await;
    assert_eq!(code, 409, "{problem}");
    assert!(
        problem["detail"]
            .as_str()
            .is_some_and(|d| d.contains("redact"))
    );
    let (code, _) = app
        .call(
            &author,
            Method::PATCH,
            &path,
            Some(json!({"title": "Too late for this"})),
        )
        .await;
    assert_eq!(code, 409);
    app.stop().await;
}

on_both_databases!(
    public_fields_refuse_personal_data_and_private_details_take_it,
    authors_correct_their_ticket_and_replies_for_fifteen_minutes,
);
