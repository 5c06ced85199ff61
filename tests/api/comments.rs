//! Comments: post, edit own, delete own as a tombstone, counts kept exact.

use madang_tests::{Backend, DEMO_PASSWORD, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

async fn comments_are_posted_edited_and_deleted_as_tombstones(backend: Backend) {
    let app = spawn_app(backend).await;
    let anonymous = app
        .post_json("/api/v1/ideas/3/comments", &json!({"body": "hello"}))
        .await;
    assert_eq!(anonymous.status().as_u16(), 401);
    let cookie = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let empty = app
        .send_as(
            &cookie,
            Method::POST,
            "/api/v1/ideas/3/comments",
            Some(&json!({"body": "  "})),
        )
        .await;
    assert_eq!(empty.status().as_u16(), 422);
    let before = app
        .scalar("SELECT comments_count FROM ideas WHERE id = 3")
        .await;

    let posted = app
        .send_as(
            &cookie,
            Method::POST,
            "/api/v1/ideas/3/comments",
            Some(&json!({"body": "속도 측정 **결과**도 같이 보여 주세요"})),
        )
        .await;
    assert_eq!(posted.status().as_u16(), 201);
    let posted: Value = posted.json().await.expect("json");
    assert_eq!(
        posted["body_html"],
        "<p>속도 측정 <strong>결과</strong>도 같이 보여 주세요</p>\n"
    );
    assert_eq!(posted["mine"], true);
    let id = posted["id"].as_i64().expect("id");
    assert_eq!(
        app.scalar("SELECT comments_count FROM ideas WHERE id = 3")
            .await,
        before + 1
    );

    let other = app.sign_in("billing@hanbit.example", DEMO_PASSWORD).await;
    let foreign = app
        .send_as(
            &other,
            Method::PATCH,
            &format!("/api/v1/comments/{id}"),
            Some(&json!({"body": "changed"})),
        )
        .await;
    assert_eq!(foreign.status().as_u16(), 403);
    let foreign_delete = app
        .send_as(
            &other,
            Method::DELETE,
            &format!("/api/v1/comments/{id}"),
            None,
        )
        .await;
    assert_eq!(foreign_delete.status().as_u16(), 403);

    let edited: Value = app
        .send_as(
            &cookie,
            Method::PATCH,
            &format!("/api/v1/comments/{id}"),
            Some(&json!({"body": "고쳤습니다"})),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(edited["edited"], true);
    assert_eq!(edited["body_html"], "<p>고쳤습니다</p>\n");

    let deleted = app
        .send_as(
            &cookie,
            Method::DELETE,
            &format!("/api/v1/comments/{id}"),
            None,
        )
        .await;
    assert_eq!(deleted.status().as_u16(), 204);
    assert_eq!(
        app.scalar("SELECT comments_count FROM ideas WHERE id = 3")
            .await,
        before
    );
    let list = app.get_json("/api/v1/ideas/3/comments", 200).await;
    let tombstone = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|c| c["id"] == id)
        .cloned()
        .expect("tombstone kept");
    assert_eq!(tombstone["deleted"], true);
    assert_eq!(tombstone["body_html"], "");
    let again = app
        .send_as(
            &cookie,
            Method::DELETE,
            &format!("/api/v1/comments/{id}"),
            None,
        )
        .await;
    assert_eq!(again.status().as_u16(), 404);
    let drifted = app
        .scalar("SELECT COUNT(*) FROM ideas i WHERE i.comments_count <> (SELECT COUNT(*) FROM idea_comments c WHERE c.idea_id = i.id AND c.deleted_at IS NULL)")
        .await;
    assert_eq!(drifted, 0);
    app.stop().await;
}

async fn comments_cannot_be_edited_after_fifteen_minutes(backend: Backend) {
    let app = spawn_app(backend).await;
    let cookie = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let posted: Value = app
        .send_as(
            &cookie,
            Method::POST,
            "/api/v1/ideas/3/comments",
            Some(&json!({"body": "first words"})),
        )
        .await
        .json()
        .await
        .expect("json");
    let path = format!("/api/v1/comments/{}", posted["id"]);
    assert_eq!(posted["editable"], true);
    assert_eq!(posted["source_md"], "first words");
    // Others see neither the edit right nor the source.
    let seen_by_visitor = app.get_json("/api/v1/ideas/3/comments", 200).await;
    let theirs = seen_by_visitor["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|c| c["id"] == posted["id"])
        .cloned()
        .expect("comment");
    assert_eq!(theirs["editable"], false);
    assert!(theirs.get("source_md").is_none());
    app.advance_clock(chrono::Duration::minutes(14));
    let in_time = app
        .send_as(
            &cookie,
            Method::PATCH,
            &path,
            Some(&json!({"body": "second words"})),
        )
        .await;
    assert_eq!(in_time.status().as_u16(), 200);
    app.advance_clock(chrono::Duration::minutes(2));
    let late = app
        .send_as(
            &cookie,
            Method::PATCH,
            &path,
            Some(&json!({"body": "third words"})),
        )
        .await;
    assert_eq!(late.status().as_u16(), 409);
    let problem: Value = late.json().await.expect("json");
    assert!(
        problem["detail"]
            .as_str()
            .is_some_and(|d| d.contains("15 minutes")),
        "{problem}"
    );
    let list = app.get_json("/api/v1/ideas/3/comments", 200).await;
    let kept = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|c| c["id"] == posted["id"])
        .cloned()
        .expect("comment");
    assert_eq!(kept["body_html"], "<p>second words</p>\n");
    let mine: Value = app
        .send_as(&cookie, Method::GET, "/api/v1/ideas/3/comments", None)
        .await
        .json()
        .await
        .expect("json");
    let late_view = mine["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|c| c["id"] == posted["id"])
        .cloned()
        .expect("comment");
    assert_eq!(late_view["editable"], false);
    assert_eq!(late_view["edited"], true);
    // Deleting stays possible after the window: a tombstone, not a rewrite.
    let deleted = app.send_as(&cookie, Method::DELETE, &path, None).await;
    assert_eq!(deleted.status().as_u16(), 204);
    app.stop().await;
}

async fn a_mention_tells_participants_and_staff_but_not_strangers(backend: Backend) {
    let app = spawn_app(backend).await;
    let first = app.sign_up("first@example.com", "Hana Seo").await;
    let second = app.sign_up("second@example.com", "Doyun Kim").await;
    let stranger = app.sign_up("stranger@example.com", "Mira Jang").await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let (code, _) = app
        .call(
            &first,
            Method::POST,
            "/api/v1/ideas/9/comments",
            Some(json!({"body": "This would save me an hour a week."})),
        )
        .await;
    assert_eq!(code, 201);
    let body = "Same here, @hana seo! @Sara Park can you look at this? @Mira Jang too.";
    let (code, comment) = app
        .call(
            &second,
            Method::POST,
            "/api/v1/ideas/9/comments",
            Some(json!({"body": body})),
        )
        .await;
    assert_eq!(code, 201);

    let told = app.notifications_of(&first, "mention").await;
    assert_eq!(told.len(), 1, "{told:?}");
    assert!(
        told[0]["subject"]
            .as_str()
            .expect("subject")
            .starts_with("Doyun Kim mentioned you")
    );
    assert_eq!(
        told[0]["link"],
        format!("/ideas/9#comment-{}", comment["id"])
    );
    assert_eq!(told[0]["text"], body);
    assert_eq!(
        app.notifications_of(&staff, "mention").await.len(),
        1,
        "staff can be mentioned"
    );
    assert!(
        app.notifications_of(&stranger, "mention").await.is_empty(),
        "not taking part: not told"
    );
    assert!(
        app.notifications_of(&second, "mention").await.is_empty(),
        "nobody is told of their own mention"
    );
    app.stop().await;
}

on_both_databases!(
    comments_are_posted_edited_and_deleted_as_tombstones,
    comments_cannot_be_edited_after_fifteen_minutes,
    a_mention_tells_participants_and_staff_but_not_strangers,
);
