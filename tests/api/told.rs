//! Nobody is left uninformed: the author hears of every answer, hand-off,
//! status change, promise and remedy; "me too" members of answers and the
//! end; the receiving department of a hand-off; the assignee of a customer's
//! new message; followers of an idea of new comments, grouped. Every notice
//! names who acted, and nobody is told about their own act.

use madang_tests::{Backend, DEMO_PASSWORD, TestApp, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

fn subjects(notices: &[Value]) -> Vec<String> {
    notices
        .iter()
        .map(|n| n["subject"].as_str().expect("subject").to_owned())
        .collect()
}

async fn post(app: &TestApp, cookie: &str, path: &str, body: Value) -> Value {
    let (code, answer) = app.call(cookie, Method::POST, path, Some(body)).await;
    assert!(code == 200 || code == 201, "{path}: {answer}");
    answer
}

async fn everyone_concerned_hears_of_each_step_by_name(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_up("minseo@example.com", "Minseo Oh").await;
    let affected = app.sign_up("jisoo@example.com", "Jisoo Bae").await;
    let care = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let mobile = app.sign_in("hana.choi@hanbit.example", DEMO_PASSWORD).await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let ticket = post(
        &app,
        &customer,
        "/api/v1/tickets",
        json!({"kind": "complaint", "title": "eSIM will not activate", "body": "Since the update.", "department": "customer-care"}),
    )
    .await;
    let number = ticket["number"].as_str().expect("number").to_owned();
    let path = |rest: &str| format!("/api/v1/tickets/{number}{rest}");
    post(&app, &affected, &path("/me-too"), json!(null)).await;

    post(
        &app,
        &care,
        &path("/transfer"),
        json!({"department": "mobile", "note": "eSIM activation is Mobile's."}),
    )
    .await;
    for who in [&customer, &affected] {
        let told = subjects(&app.notifications_of(who, "ticket_handed_off").await);
        assert_eq!(told.len(), 1, "{told:?}");
        assert!(
            told[0].starts_with("Sara Park (Customer Care) handed it to Mobile"),
            "{told:?}"
        );
    }
    let told = subjects(
        &app.notifications_of(&mobile, "ticket_handed_to_department")
            .await,
    );
    assert_eq!(told.len(), 1, "Mobile's staff hear of it: {told:?}");
    assert!(
        app.notifications_of(&care, "ticket_handed_to_department")
            .await
            .is_empty(),
        "not the one who handed it on"
    );

    post(
        &app,
        &mobile,
        &path("/replies"),
        json!({"body": "Your eSIM profile is re-issued; restart the phone."}),
    )
    .await;
    for who in [&customer, &affected] {
        let told = subjects(&app.notifications_of(who, "ticket_answered").await);
        assert!(
            told.iter().any(|s| s.contains("(Mobile) answered")),
            "{told:?}"
        );
    }

    // The assignee hears when the customer writes again.
    let (code, _) = app
        .call(
            &mobile,
            Method::PUT,
            &path("/assignee"),
            Some(json!({"assignee": null})),
        )
        .await;
    assert_eq!(code, 200);
    let (_, me) = app.call(&mobile, Method::GET, "/api/v1/me", None).await;
    let hana = me["user"]["id"].as_i64().expect("id");
    let (code, _) = app
        .call(
            &mobile,
            Method::PUT,
            &path("/assignee"),
            Some(json!({"assignee": hana})),
        )
        .await;
    assert_eq!(code, 200);
    post(
        &app,
        &customer,
        &path("/replies"),
        json!({"body": "Still no signal."}),
    )
    .await;
    let told = subjects(&app.notifications_of(&mobile, "customer_replied").await);
    assert!(told[0].starts_with("Minseo Oh wrote again"), "{told:?}");

    // Promises and remedies, granted and decided.
    let due = (chrono::Utc::now() + chrono::Duration::days(3))
        .format("%Y-%m-%d")
        .to_string();
    post(
        &app,
        &mobile,
        &path("/replies"),
        json!({"body": "We will send a new SIM card.", "commitment": {"text": "Send a new SIM card", "due_on": due},
               "remedy": {"kind": "credit", "amount": 10_000}}),
    )
    .await;
    assert_eq!(
        app.notifications_of(&customer, "commitment_made")
            .await
            .len(),
        1
    );
    let granted = subjects(&app.notifications_of(&customer, "remedy_granted").await);
    assert!(granted[0].contains("(Mobile) granted"), "{granted:?}");
    let view = post(
        &app,
        &mobile,
        &path("/replies"),
        json!({"body": "And a free month.", "remedy": {"kind": "month_free", "amount": 55_000}}),
    )
    .await;
    let waiting = view["remedies"][1]["id"].as_i64().expect("id");
    assert_eq!(view["remedies"][1]["status"], "pending_approval");
    post(
        &app,
        &admin,
        &format!("/api/v1/remedies/{waiting}/reject"),
        json!(null),
    )
    .await;
    let rejected = subjects(&app.notifications_of(&customer, "remedy_rejected").await);
    assert!(
        rejected[0].contains("(Customer Care) did not approve"),
        "{rejected:?}"
    );

    // The end: the author and the "me too" members hear it.
    let (code, _) = app
        .call(
            &mobile,
            Method::PUT,
            &path("/status"),
            Some(json!({"status": "resolved", "note": "New SIM delivered and active.", "open_promises": "keep"})),
        )
        .await;
    assert_eq!(code, 200);
    for who in [&customer, &affected] {
        let told = subjects(&app.notifications_of(who, "ticket_status_changed").await);
        assert!(
            told.iter()
                .any(|s| s.contains("(Mobile) marked it resolved")),
            "{told:?}"
        );
    }
    assert!(
        app.notifications_of(&mobile, "ticket_status_changed")
            .await
            .is_empty()
    );
    app.stop().await;
}

async fn idea_followers_hear_of_new_comments_grouped_while_unread(backend: Backend) {
    let app = spawn_app(backend).await;
    let follower = app.sign_up("follower@example.com", "Follower").await;
    let first = app.sign_up("first@example.com", "First Commenter").await;
    let second = app.sign_up("second@example.com", "Second Commenter").await;
    let (code, _) = app
        .call(&follower, Method::PUT, "/api/v1/ideas/2/follow", None)
        .await;
    assert!(code == 200 || code == 204, "{code}");
    post(
        &app,
        &first,
        "/api/v1/ideas/2/comments",
        json!({"body": "Same here."}),
    )
    .await;
    let told = subjects(&app.notifications_of(&follower, "idea_comments").await);
    assert_eq!(told.len(), 1);
    assert!(
        told[0].starts_with("First Commenter commented on #2"),
        "{told:?}"
    );
    post(
        &app,
        &second,
        "/api/v1/ideas/2/comments",
        json!({"body": "Me as well."}),
    )
    .await;
    post(
        &app,
        &first,
        "/api/v1/ideas/2/comments",
        json!({"body": "Any news?"}),
    )
    .await;
    let told = subjects(&app.notifications_of(&follower, "idea_comments").await);
    assert_eq!(told.len(), 1, "grouped: {told:?}");
    assert!(told[0].starts_with("3 new comments on #2"), "{told:?}");
    assert!(told[0].ends_with("(latest by First Commenter)"), "{told:?}");
    // The commenters follow now too, but hear nothing of their own words.
    assert!(
        subjects(&app.notifications_of(&first, "idea_comments").await)
            .iter()
            .all(|s| s.contains("Second Commenter"))
    );
    let (code, _) = app
        .call(
            &follower,
            Method::POST,
            "/api/v1/me/notifications/read",
            None,
        )
        .await;
    assert!(code == 200 || code == 204);
    post(
        &app,
        &second,
        "/api/v1/ideas/2/comments",
        json!({"body": "Bump."}),
    )
    .await;
    let told = subjects(&app.notifications_of(&follower, "idea_comments").await);
    assert_eq!(told.len(), 2, "read ones stay; a new one starts: {told:?}");
    app.stop().await;
}

on_both_databases!(
    everyone_concerned_hears_of_each_step_by_name,
    idea_followers_hear_of_new_comments_grouped_while_unread,
);
