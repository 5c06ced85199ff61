//! Members' profiles and their rights over their data: export everything,
//! delete the account (posts stay as "deleted member", votes go).

use madang_tests::{Backend, DEMO_PASSWORD, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

async fn the_export_holds_the_members_own_data_and_nobody_elses(backend: Backend) {
    let app = spawn_app(backend).await;
    let cookie = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let response = app
        .send_as(&cookie, Method::GET, "/api/v1/me/export", None)
        .await;
    assert_eq!(response.status().as_u16(), 200);
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .expect("ascii")
            .contains("attachment")
    );
    let text = response.text().await.expect("body");
    let data: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(data["account"]["email"], "customer@hanbit.example");
    let id = data["account"]["id"].as_i64().expect("id");
    for (key, sql) in [
        (
            "ideas",
            format!("SELECT COUNT(*) FROM ideas WHERE author_id = {id}"),
        ),
        (
            "votes",
            format!("SELECT COUNT(*) FROM idea_votes WHERE user_id = {id}"),
        ),
        (
            "comments",
            format!("SELECT COUNT(*) FROM idea_comments WHERE author_id = {id}"),
        ),
        (
            "tickets",
            format!("SELECT COUNT(*) FROM tickets WHERE author_id = {id}"),
        ),
    ] {
        let listed = i64::try_from(data[key].as_array().expect(key).len()).expect("len");
        assert_eq!(listed, app.scalar(&sql).await, "{key}");
    }
    assert!(
        data["tickets"][0]["private_details"]
            .as_str()
            .is_some_and(|d| d.starts_with("Customer no."))
    );
    for other in [
        "admin@hanbit.example",
        "member01@customers.example",
        "argon2",
    ] {
        assert!(!text.contains(other), "export leaks {other}");
    }
    assert_eq!(app.get("/api/v1/me/export").await.status().as_u16(), 401);
    app.stop().await;
}

async fn deleting_an_account_keeps_posts_and_removes_votes_and_private_data(backend: Backend) {
    let app = spawn_app(backend).await;
    let cookie = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let me: Value = app
        .send_as(&cookie, Method::GET, "/api/v1/me", None)
        .await
        .json()
        .await
        .expect("json");
    let id = me["user"]["id"].as_i64().expect("id");
    let ideas_before = app
        .scalar(&format!(
            "SELECT COUNT(*) FROM ideas WHERE author_id = {id}"
        ))
        .await;
    assert!(
        app.scalar(&format!(
            "SELECT COUNT(*) FROM idea_votes WHERE user_id = {id}"
        ))
        .await
            > 0
    );

    let wrong = app
        .send_as(
            &cookie,
            Method::DELETE,
            "/api/v1/me",
            Some(&json!({"password": "not my password"})),
        )
        .await;
    assert_eq!(wrong.status().as_u16(), 422);
    let wrong: Value = wrong.json().await.expect("json");
    assert_eq!(wrong["errors"]["password"], "is not your current password");

    let deleted = app
        .send_as(
            &cookie,
            Method::DELETE,
            "/api/v1/me",
            Some(&json!({"password": DEMO_PASSWORD})),
        )
        .await;
    assert_eq!(deleted.status().as_u16(), 204);
    assert_eq!(
        app.send_as(&cookie, Method::GET, "/api/v1/me", None)
            .await
            .status()
            .as_u16(),
        401
    );
    let login = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "customer@hanbit.example", "password": DEMO_PASSWORD}),
        )
        .await;
    assert_eq!(login.status().as_u16(), 401);

    assert_eq!(
        app.scalar(&format!(
            "SELECT COUNT(*) FROM idea_votes WHERE user_id = {id}"
        ))
        .await,
        0
    );
    assert_eq!(
        app.scalar(&format!(
            "SELECT COUNT(*) FROM tickets WHERE author_id = {id} AND private_details IS NOT NULL"
        ))
        .await,
        0
    );
    assert_eq!(
        app.scalar(&format!(
            "SELECT COUNT(*) FROM ideas WHERE author_id = {id}"
        ))
        .await,
        ideas_before,
        "posts must stay"
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM users WHERE email = 'customer@hanbit.example'")
            .await,
        0
    );
    let drifted = app.scalar("SELECT COUNT(*) FROM ideas i WHERE i.votes_count <> (SELECT COUNT(*) FROM idea_votes v WHERE v.idea_id = i.id)").await;
    assert_eq!(drifted, 0, "vote counts drifted after deleting votes");

    if ideas_before > 0 {
        let number = app
            .scalar(&format!("SELECT MIN(id) FROM ideas WHERE author_id = {id}"))
            .await;
        let idea = app.get_json(&format!("/api/v1/ideas/{number}"), 200).await;
        assert!(
            idea["author"]["display_name"]
                .as_str()
                .is_some_and(|n| n.starts_with("Deleted member"))
        );
    }
    assert_eq!(
        app.get(&format!("/api/v1/members/{id}"))
            .await
            .status()
            .as_u16(),
        404
    );
    app.stop().await;
}

async fn the_last_admin_cannot_delete_their_account(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let refused = app
        .send_as(
            &admin,
            Method::DELETE,
            "/api/v1/me",
            Some(&json!({"password": DEMO_PASSWORD})),
        )
        .await;
    assert_eq!(refused.status().as_u16(), 409);
    assert_eq!(
        app.send_as(&admin, Method::GET, "/api/v1/me", None)
            .await
            .status()
            .as_u16(),
        200
    );
    app.stop().await;
}

async fn profiles_show_recognition_that_matches_the_data(backend: Backend) {
    let app = spawn_app(backend).await;
    // The demo customer with the most-voted ideas.
    let id = app.scalar("SELECT author_id FROM ideas GROUP BY author_id ORDER BY SUM(votes_count) DESC, author_id LIMIT 1").await;
    let text = app
        .get(&format!("/api/v1/members/{id}"))
        .await
        .text()
        .await
        .expect("body");
    assert!(!text.contains('@'), "a profile shows an e-mail address");
    let profile: Value = serde_json::from_str(&text).expect("json");
    let r = &profile["recognition"];
    assert_eq!(
        r["ideas_posted"].as_i64(),
        Some(
            app.scalar(&format!(
                "SELECT COUNT(*) FROM ideas WHERE author_id = {id}"
            ))
            .await
        )
    );
    assert_eq!(r["votes_received"].as_i64(), Some(app.scalar(&format!("SELECT COUNT(*) FROM idea_votes v JOIN ideas i ON i.id = v.idea_id WHERE i.author_id = {id}")).await));
    assert_eq!(
        r["ideas_delivered"].as_i64(),
        Some(
            app.scalar(&format!(
                "SELECT COUNT(*) FROM ideas WHERE author_id = {id} AND status = 'done'"
            ))
            .await
        )
    );
    assert!(r["votes_received"].as_i64().is_some_and(|v| v > 0));
    assert!(profile["staff"].is_null());

    let staff_id = app
        .scalar("SELECT id FROM users WHERE email = 'billing@hanbit.example'")
        .await;
    let staff = app
        .get_json(&format!("/api/v1/members/{staff_id}"), 200)
        .await;
    assert_eq!(staff["staff"]["initials"], "J.K.");
    let answers = app.scalar(&format!(
        "SELECT (SELECT COUNT(*) FROM idea_status_changes WHERE by_id = {staff_id}) + (SELECT COUNT(*) FROM ticket_posts WHERE author_id = {staff_id} AND kind = 'reply')"
    )).await;
    assert_eq!(
        staff["recognition"]["official_answers"].as_i64(),
        Some(answers)
    );
    assert!(answers > 0);
    assert_eq!(
        app.get("/api/v1/members/999999").await.status().as_u16(),
        404
    );
    app.stop().await;
}

on_both_databases!(
    the_export_holds_the_members_own_data_and_nobody_elses,
    deleting_an_account_keeps_posts_and_removes_votes_and_private_data,
    the_last_admin_cannot_delete_their_account,
    profiles_show_recognition_that_matches_the_data,
);
