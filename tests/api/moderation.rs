//! Reports, hiding with a public reason, and the audit log (with CSV).

use madang_tests::{Backend, DEMO_PASSWORD, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

async fn a_reported_comment_is_hidden_with_a_public_reason_and_audited(backend: Backend) {
    let app = spawn_app(backend).await;
    let writer = app.sign_up("writer@example.com", "Writer").await;
    let reporter = app.sign_up("reporter@example.com", "Reporter").await;
    let moderator = app.sign_in("moderator@hanbit.example", DEMO_PASSWORD).await;
    let employee = app.sign_in("billing@hanbit.example", DEMO_PASSWORD).await;
    let (_, comment) = app
        .call(
            &writer,
            Method::POST,
            "/api/v1/ideas/5/comments",
            Some(json!({"body": "Call my friend at 010-1234-5678 about it"})),
        )
        .await;
    let id = comment["id"].as_i64().expect("comment id");
    let target = json!({"type": "comment", "id": id});

    let (code, _) = app
        .call(
            "",
            Method::POST,
            "/api/v1/reports",
            Some(json!({"target": target, "reason": "personal_information"})),
        )
        .await;
    assert_eq!(code, 401);
    let (code, problem) = app
        .call(
            &reporter,
            Method::POST,
            "/api/v1/reports",
            Some(json!({"target": target, "reason": "rude"})),
        )
        .await;
    assert_eq!(code, 422);
    assert!(problem["errors"]["reason"].is_string());
    let (code, _) = app
        .call(
            &reporter,
            Method::POST,
            "/api/v1/reports",
            Some(json!({"target": {"type": "comment", "id": 999_999}, "reason": "spam"})),
        )
        .await;
    assert_eq!(code, 404);
    for _ in 0..2 {
        let (code, report) = app.call(&reporter, Method::POST, "/api/v1/reports", Some(json!({"target": target, "reason": "personal_information", "note": "a phone number"}))).await;
        assert_eq!(code, 201);
        assert_eq!(report["status"], "open");
    }
    assert_eq!(
        app.scalar(&format!(
            "SELECT COUNT(*) FROM reports WHERE target_id = {id}"
        ))
        .await,
        1
    );

    // The queue is for moderators, with context.
    let (code, _) = app
        .call(&employee, Method::GET, "/api/v1/moderation/reports", None)
        .await;
    assert_eq!(code, 403);
    let (code, queue) = app
        .call(&moderator, Method::GET, "/api/v1/moderation/reports", None)
        .await;
    assert_eq!(code, 200);
    let item = queue["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|r| r["target"]["id"] == id)
        .cloned()
        .expect("queued");
    assert!(
        item["excerpt"]
            .as_str()
            .is_some_and(|e| e.contains("010-1234-5678"))
    );
    assert_eq!(item["note"], "a phone number");
    assert_eq!(item["link"], format!("/ideas/5#comment-{id}"));

    // Hiding: moderators only, with a reason; shown as a tombstone.
    let hide = json!({"target": target, "reason": "personal_information", "guideline": "4"});
    let (code, _) = app
        .call(
            &reporter,
            Method::POST,
            "/api/v1/moderation/hide",
            Some(hide.clone()),
        )
        .await;
    assert_eq!(code, 403);
    let (code, _) = app
        .call(
            &moderator,
            Method::POST,
            "/api/v1/moderation/hide",
            Some(hide.clone()),
        )
        .await;
    assert_eq!(code, 204);
    let (code, _) = app
        .call(
            &moderator,
            Method::POST,
            "/api/v1/moderation/hide",
            Some(hide),
        )
        .await;
    assert_eq!(code, 409);
    let (_, comments) = app
        .call("", Method::GET, "/api/v1/ideas/5/comments", None)
        .await;
    let shown = comments["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|c| c["id"] == id)
        .cloned()
        .expect("tombstone");
    assert_eq!(shown["body_html"], "");
    assert_eq!(shown["hidden"], "personal information — guideline 4");
    let page = app.get("/ideas/5").await.text().await.expect("html");
    assert!(!page.contains("010-1234-5678"));
    assert!(page.contains("personal information — guideline 4"));
    let (code, _) = app
        .call(
            &writer,
            Method::PATCH,
            &format!("/api/v1/comments/{id}"),
            Some(json!({"body": "again 010-1234-5678"})),
        )
        .await;
    assert_eq!(code, 409);
    let (_, queue) = app
        .call(&moderator, Method::GET, "/api/v1/moderation/reports", None)
        .await;
    assert!(
        !queue["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|r| r["target"]["id"] == id)
    );

    // The audit log has it, filterable and as CSV; not for customers.
    let (code, _) = app
        .call(&reporter, Method::GET, "/api/v1/moderation/audit", None)
        .await;
    assert_eq!(code, 403);
    let (_, log) = app
        .call(
            &moderator,
            Method::GET,
            "/api/v1/moderation/audit?action=content.hidden",
            None,
        )
        .await;
    let entry = &log["items"][0];
    assert_eq!(entry["target_id"], id.to_string());
    assert_eq!(entry["guideline"], "4");
    assert_eq!(entry["actor"]["display_name"], "Yuna Kang");
    assert!(
        entry["before"]
            .as_str()
            .is_some_and(|b| b.contains("010-1234-5678"))
    );
    let csv = app
        .send_as(
            &moderator,
            Method::GET,
            "/api/v1/moderation/audit?format=csv&action=content.hidden",
            None,
        )
        .await;
    assert!(
        csv.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("text/csv"))
    );
    let text = csv.text().await.expect("csv");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("id,at,actor_id,actor,action,target_type,target_id,guideline,before,after")
    );
    let row = lines.next().expect("a row");
    assert!(
        row.contains("\"content.hidden\"") && row.contains("\"Yuna Kang\""),
        "{row}"
    );

    // Dismissing a report closes it.
    let (_, other) = app
        .call(
            &reporter,
            Method::POST,
            "/api/v1/reports",
            Some(json!({"target": {"type": "idea", "id": 5}, "reason": "off_topic"})),
        )
        .await;
    let report_id = other["id"].as_i64().expect("report id");
    let (code, _) = app
        .call(
            &moderator,
            Method::POST,
            &format!("/api/v1/moderation/reports/{report_id}/dismiss"),
            None,
        )
        .await;
    assert_eq!(code, 204);
    let (code, _) = app
        .call(
            &moderator,
            Method::POST,
            &format!("/api/v1/moderation/reports/{report_id}/dismiss"),
            None,
        )
        .await;
    assert_eq!(code, 409);
    app.stop().await;
}

async fn a_suspended_member_reads_but_every_write_gets_a_clear_403(backend: Backend) {
    let app = spawn_app(backend).await;
    let member = app.sign_up("loud@example.com", "Loud").await;
    let moderator = app.sign_in("moderator@hanbit.example", DEMO_PASSWORD).await;
    let member_id = app.call(&member, Method::GET, "/api/v1/me", None).await.1["user"]["id"]
        .as_i64()
        .expect("id");
    let suspension = json!({"member": member_id, "hours": 48, "reason": "repeated spam links"});

    let (code, _) = app
        .call(
            &member,
            Method::POST,
            "/api/v1/moderation/suspensions",
            Some(json!({"member": 1, "hours": 1, "reason": "because"})),
        )
        .await;
    assert_eq!(code, 403);
    let (code, problem) = app
        .call(
            &moderator,
            Method::POST,
            "/api/v1/moderation/suspensions",
            Some(json!({"member": member_id, "hours": 0, "reason": ""})),
        )
        .await;
    assert_eq!(code, 422);
    assert!(problem["errors"]["hours"].is_string() && problem["errors"]["reason"].is_string());
    let (code, _) = app
        .call(
            &moderator,
            Method::POST,
            "/api/v1/moderation/suspensions",
            Some(suspension),
        )
        .await;
    assert_eq!(code, 204);

    // Writes: 403 with the reason and the end date.
    let writes = [
        (
            Method::POST,
            "/api/v1/ideas".to_owned(),
            json!({"title": "A new idea here", "body": "text"}),
        ),
        (
            Method::POST,
            "/api/v1/ideas/3/comments".to_owned(),
            json!({"body": "hello"}),
        ),
        (Method::PUT, "/api/v1/ideas/3/vote".to_owned(), Value::Null),
        (
            Method::POST,
            "/api/v1/tickets".to_owned(),
            json!({"kind": "inquiry", "title": "A question here", "body": "text"}),
        ),
        (
            Method::POST,
            "/api/v1/reports".to_owned(),
            json!({"target": {"type": "idea", "id": 3}, "reason": "spam"}),
        ),
    ];
    for (method, path, body) in &writes {
        let body = (!body.is_null()).then(|| body.clone());
        let (code, problem) = app.call(&member, method.clone(), path, body).await;
        assert_eq!(code, 403, "{method} {path}");
        let detail = problem["detail"].as_str().unwrap_or_default();
        assert!(
            detail.contains("suspended until") && detail.contains("repeated spam links"),
            "{detail}"
        );
    }
    // Reads still work, and so does looking after one's own account.
    let (code, _) = app.call(&member, Method::GET, "/api/v1/ideas", None).await;
    assert_eq!(code, 200);
    let (code, _) = app
        .call(&member, Method::GET, "/api/v1/me/export", None)
        .await;
    assert_eq!(code, 200);
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM audit_events WHERE action = 'member.suspended'")
            .await,
        1
    );

    // After the end date, writes work again.
    app.advance_clock(chrono::Duration::hours(49));
    let (code, _) = app
        .call(&member, Method::PUT, "/api/v1/ideas/3/vote", None)
        .await;
    assert_eq!(code, 200);
    // A new suspension can be lifted early.
    app.call(
        &moderator,
        Method::POST,
        "/api/v1/moderation/suspensions",
        Some(json!({"member": member_id, "hours": 2, "reason": "cool down"})),
    )
    .await;
    let (code, _) = app
        .call(&member, Method::DELETE, "/api/v1/ideas/3/vote", None)
        .await;
    assert_eq!(code, 403);
    let (code, _) = app
        .call(
            &moderator,
            Method::DELETE,
            &format!("/api/v1/moderation/suspensions/{member_id}"),
            None,
        )
        .await;
    assert_eq!(code, 204);
    let (code, _) = app
        .call(&member, Method::DELETE, "/api/v1/ideas/3/vote", None)
        .await;
    assert_eq!(code, 200);
    app.stop().await;
}

on_both_databases!(
    a_reported_comment_is_hidden_with_a_public_reason_and_audited,
    a_suspended_member_reads_but_every_write_gets_a_clear_403,
);
