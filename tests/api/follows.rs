//! Following ideas, notification records on status changes, and votes
//! staff record for customers.

use madang_tests::{Backend, DEMO_PASSWORD, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

async fn me_id(app: &madang_tests::TestApp, cookie: &str) -> i64 {
    let me: Value = app
        .send_as(cookie, Method::GET, "/api/v1/me", None)
        .await
        .json()
        .await
        .expect("json");
    me["user"]["id"]
        .as_i64()
        .or_else(|| me["id"].as_i64())
        .expect("my id")
}

async fn notifications(app: &madang_tests::TestApp, cookie: &str) -> Value {
    let response = app
        .send_as(cookie, Method::GET, "/api/v1/me/notifications", None)
        .await;
    assert_eq!(response.status().as_u16(), 200);
    response.json().await.expect("json")
}

async fn followers_and_voters_are_told_of_status_changes(backend: Backend) {
    let app = spawn_app(backend).await;
    let author = app.sign_up("author@example.com", "Author").await;
    let follower = app.sign_up("follower@example.com", "Follower").await;
    let voter = app.sign_up("voter@example.com", "Voter").await;
    let quitter = app.sign_up("quitter@example.com", "Quitter").await;
    let bystander = app.sign_up("bystander@example.com", "Bystander").await;
    let staff = app.sign_in("billing@hanbit.example", DEMO_PASSWORD).await;

    let created: Value = app
        .send_as(
            &author,
            Method::POST,
            "/api/v1/ideas",
            Some(&json!({"title": "Itemised bills by e-mail", "body": "Please."})),
        )
        .await
        .json()
        .await
        .expect("json");
    let number = created["number"].as_i64().expect("number");
    // Authors follow their own ideas.
    assert_eq!(created["following"], true);
    assert_eq!(created["followers"], 1);

    let follow = format!("/api/v1/ideas/{number}/follow");
    assert_eq!(
        app.send_as("", Method::PUT, &follow, None)
            .await
            .status()
            .as_u16(),
        401
    );
    for _ in 0..2 {
        let state: Value = app
            .send_as(&follower, Method::PUT, &follow, None)
            .await
            .json()
            .await
            .expect("json");
        assert_eq!(state, json!({"following": true, "followers": 2}));
    }
    app.send_as(&quitter, Method::PUT, &follow, None).await;
    let state: Value = app
        .send_as(&quitter, Method::DELETE, &follow, None)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(state, json!({"following": false, "followers": 2}));
    assert_eq!(
        app.send_as(&follower, Method::PUT, "/api/v1/ideas/999999/follow", None)
            .await
            .status()
            .as_u16(),
        404
    );
    let vote = format!("/api/v1/ideas/{number}/vote");
    assert_eq!(
        app.send_as(&voter, Method::PUT, &vote, None)
            .await
            .status()
            .as_u16(),
        200
    );

    let decision =
        json!({"status": "planned", "explanation": "Billing will send itemised bills from March."});
    let response = app
        .send_as(
            &staff,
            Method::PUT,
            &format!("/api/v1/ideas/{number}/status"),
            Some(&decision),
        )
        .await;
    assert_eq!(response.status().as_u16(), 200);

    for cookie in [&author, &follower, &voter] {
        let list = notifications(&app, cookie).await;
        assert_eq!(list["unread"], 1, "{list}");
        let item = &list["items"][0];
        assert_eq!(item["kind"], "idea_status_changed");
        assert_eq!(item["idea"], number);
        assert_eq!(item["link"], format!("/ideas/{number}"));
        assert!(
            item["subject"]
                .as_str()
                .is_some_and(|s| s.contains("Itemised bills by e-mail") && s.contains("planned"))
        );
        assert!(
            item["text"]
                .as_str()
                .is_some_and(|t| t.contains("from March"))
        );
        assert_eq!(item["read"], false);
    }
    for cookie in [&quitter, &bystander, &staff] {
        assert_eq!(notifications(&app, cookie).await["items"], json!([]));
    }
    let exact = app
        .scalar(&format!(
            "SELECT COUNT(*) FROM notifications WHERE idea_id = {number}"
        ))
        .await;
    assert_eq!(exact, 3);

    let read = app
        .send_as(&author, Method::POST, "/api/v1/me/notifications/read", None)
        .await;
    assert_eq!(read.status().as_u16(), 204);
    let list = notifications(&app, &author).await;
    assert_eq!(list["unread"], 0);
    assert_eq!(list["items"][0]["read"], true);
    assert_eq!(notifications(&app, &follower).await["unread"], 1);
    assert_eq!(
        app.send_as("", Method::GET, "/api/v1/me/notifications", None)
            .await
            .status()
            .as_u16(),
        401
    );

    // Commenting makes a member follow the discussion.
    app.send_as(
        &bystander,
        Method::POST,
        &format!("/api/v1/ideas/{number}/comments"),
        Some(&json!({"body": "Me too, please."})),
    )
    .await;
    let seen: Value = app
        .send_as(
            &bystander,
            Method::GET,
            &format!("/api/v1/ideas/{number}"),
            None,
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(seen["following"], true);
    assert_eq!(seen["followers"], 3);
    app.stop().await;
}

async fn staff_record_votes_for_customers_marked_as_such(backend: Backend) {
    let app = spawn_app(backend).await;
    let caller = app.sign_up("caller@example.com", "Phone Caller").await;
    let caller_id = me_id(&app, &caller).await;
    let staff = app.sign_in("billing@hanbit.example", DEMO_PASSWORD).await;
    let customer = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let customer_id = me_id(&app, &customer).await;
    let number = 3;
    let before = app.get_json(&format!("/api/v1/ideas/{number}"), 200).await["votes"]
        .as_i64()
        .expect("votes");
    let path = format!("/api/v1/ideas/{number}/votes/{caller_id}");

    // Customers cannot vote for others; visitors must sign in.
    assert_eq!(
        app.send_as(&customer, Method::PUT, &path, None)
            .await
            .status()
            .as_u16(),
        403
    );
    assert_eq!(
        app.send_as("", Method::PUT, &path, None)
            .await
            .status()
            .as_u16(),
        401
    );

    for _ in 0..2 {
        let response = app.send_as(&staff, Method::PUT, &path, None).await;
        assert_eq!(response.status().as_u16(), 200);
        let state: Value = response.json().await.expect("json");
        assert_eq!(
            state,
            json!({"member_id": caller_id, "voted": true, "votes": before + 1, "on_behalf": true})
        );
    }
    let idea = app.get_json(&format!("/api/v1/ideas/{number}"), 200).await;
    assert_eq!(idea["votes"], before + 1);
    assert_eq!(idea["votes_on_behalf"], 1);
    let marked = app
        .scalar(&format!(
            "SELECT COUNT(*) FROM idea_votes WHERE idea_id = {number} AND user_id = {caller_id} AND recorded_by_id IS NOT NULL"
        ))
        .await;
    assert_eq!(marked, 1);
    // The customer sees it as their vote.
    let theirs = app
        .send_as(
            &caller,
            Method::GET,
            &format!("/api/v1/ideas/{number}"),
            None,
        )
        .await
        .json::<Value>()
        .await
        .expect("json");
    assert_eq!(theirs["voted"], true);

    // A member's own vote is theirs: staff cannot take it back.
    app.send_as(
        &customer,
        Method::PUT,
        &format!("/api/v1/ideas/{number}/vote"),
        None,
    )
    .await;
    let own = format!("/api/v1/ideas/{number}/votes/{customer_id}");
    let again: Value = app
        .send_as(&staff, Method::PUT, &own, None)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(again["on_behalf"], false);
    let refused = app.send_as(&staff, Method::DELETE, &own, None).await;
    assert_eq!(refused.status().as_u16(), 409);
    let problem: Value = refused.json().await.expect("json");
    assert!(
        problem["detail"]
            .as_str()
            .is_some_and(|d| d.contains("themselves"))
    );

    // A recorded vote can be taken back; the count follows the rows.
    let state: Value = app
        .send_as(&staff, Method::DELETE, &path, None)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(state["voted"], false);
    let rows = app
        .scalar(&format!(
            "SELECT COUNT(*) FROM idea_votes WHERE idea_id = {number}"
        ))
        .await;
    assert_eq!(state["votes"], rows);
    assert_eq!(
        app.send_as(
            &staff,
            Method::PUT,
            &format!("/api/v1/ideas/{number}/votes/999999"),
            None
        )
        .await
        .status()
        .as_u16(),
        404
    );
    app.stop().await;
}

on_both_databases!(
    followers_and_voters_are_told_of_status_changes,
    staff_record_votes_for_customers_marked_as_such,
);
