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
            Some(json!({"body": "My friend Jisoo lives at 12 Teheran-ro, ask her about it"})),
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
            .is_some_and(|e| e.contains("12 Teheran-ro"))
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
    assert!(!page.contains("12 Teheran-ro"));
    assert!(page.contains("personal information — guideline 4"));
    // In Korean, the reason too: on the page and through the API.
    let korean = app
        .get_with_headers("/ideas/5", &[("accept-language", "ko")])
        .await
        .text()
        .await
        .expect("html");
    assert!(
        korean.contains("개인정보 — 운영원칙 4번"),
        "the Korean page words the reason"
    );
    let comments: Value = app
        .get_with_headers("/api/v1/ideas/5/comments", &[("accept-language", "ko")])
        .await
        .json()
        .await
        .expect("json");
    assert!(
        comments.to_string().contains("개인정보 — 운영원칙 4번"),
        "{comments}"
    );
    let (code, _) = app
        .call(
            &writer,
            Method::PATCH,
            &format!("/api/v1/comments/{id}"),
            Some(json!({"body": "again at 12 Teheran-ro"})),
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
            .is_some_and(|b| b.contains("12 Teheran-ro"))
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

async fn merging_counts_distinct_voters_and_unmerging_restores_both(backend: Backend) {
    let app = spawn_app(backend).await;
    let moderator = app.sign_in("moderator@hanbit.example", DEMO_PASSWORD).await;
    let author = app.sign_up("author@example.com", "Author").await;
    let (_, a) = app
        .call(
            &author,
            Method::POST,
            "/api/v1/ideas",
            Some(json!({"title": "Dark mode in the bill viewer", "body": "Please."})),
        )
        .await;
    let (_, b) = app
        .call(
            &author,
            Method::POST,
            "/api/v1/ideas",
            Some(json!({"title": "Night theme for bills", "body": "Same thing."})),
        )
        .await;
    let (a, b) = (
        a["number"].as_i64().expect("a"),
        b["number"].as_i64().expect("b"),
    );
    let voters = app.create_members(4).await;
    let vote = |token: &String, idea: i64| {
        let request = app
            .client
            .put(app.url(&format!("/api/v1/ideas/{idea}/vote")))
            .bearer_auth(token);
        async move { assert_eq!(request.send().await.expect("vote").status().as_u16(), 200) }
    };
    // A: voters 1, 2, 3; B: voters 3, 4.
    for token in &voters[0..3] {
        vote(token, a).await;
    }
    for token in &voters[2..4] {
        vote(token, b).await;
    }
    let count = |n: i64| format!("SELECT votes_count FROM ideas WHERE id = {n}");
    assert_eq!(
        (app.scalar(&count(a)).await, app.scalar(&count(b)).await),
        (3, 2)
    );

    let merge = format!("/api/v1/ideas/{b}/merge");
    let (code, _) = app
        .call(&author, Method::POST, &merge, Some(json!({"into": a})))
        .await;
    assert_eq!(code, 403);
    let (code, problem) = app
        .call(&moderator, Method::POST, &merge, Some(json!({"into": b})))
        .await;
    assert_eq!(code, 422);
    assert!(problem["errors"]["into"].is_string());
    let (code, merged) = app
        .call(&moderator, Method::POST, &merge, Some(json!({"into": a})))
        .await;
    assert_eq!(code, 200, "{merged}");
    assert_eq!(merged["votes"], 4);
    assert_eq!(app.scalar(&count(a)).await, 4);
    assert_eq!(
        app.scalar(&format!(
            "SELECT COUNT(*) FROM idea_votes WHERE idea_id = {a}"
        ))
        .await,
        4
    );
    let (_, source) = app
        .call("", Method::GET, &format!("/api/v1/ideas/{b}"), None)
        .await;
    assert_eq!(source["merged_into"], a);
    assert_eq!(source["status"], "duplicate");
    // Followers carried: B's author already follows A; nobody doubled.
    assert_eq!(
        app.scalar(&format!(
            "SELECT COUNT(*) FROM idea_follows WHERE idea_id = {a}"
        ))
        .await,
        1
    );
    // The board no longer lists B; voting on it points to A.
    let (code, _) = app
        .call(
            &author,
            Method::PUT,
            &format!("/api/v1/ideas/{b}/vote"),
            None,
        )
        .await;
    assert_eq!(code, 409);
    let (code, _) = app
        .call(&moderator, Method::POST, &merge, Some(json!({"into": a})))
        .await;
    assert_eq!(code, 409);

    let (code, restored) = app
        .call(
            &moderator,
            Method::POST,
            &format!("/api/v1/ideas/{b}/unmerge"),
            None,
        )
        .await;
    assert_eq!(code, 200, "{restored}");
    assert_eq!(restored["merged_into"], Value::Null);
    assert_eq!(restored["status"], "new");
    assert_eq!(
        (app.scalar(&count(a)).await, app.scalar(&count(b)).await),
        (3, 2)
    );
    assert_eq!(
        app.scalar(&format!(
            "SELECT COUNT(*) FROM idea_votes WHERE idea_id = {a}"
        ))
        .await,
        3
    );
    assert_eq!(
        app.scalar(&format!(
            "SELECT COUNT(*) FROM idea_votes WHERE idea_id = {b}"
        ))
        .await,
        2
    );
    let (code, _) = app
        .call(
            &moderator,
            Method::POST,
            &format!("/api/v1/ideas/{b}/unmerge"),
            None,
        )
        .await;
    assert_eq!(code, 409);
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM audit_events WHERE action IN ('idea.merged', 'idea.unmerged')"
        )
        .await,
        2
    );
    app.stop().await;
}

on_both_databases!(
    a_reported_comment_is_hidden_with_a_public_reason_and_audited,
    a_suspended_member_reads_but_every_write_gets_a_clear_403,
    merging_counts_distinct_voters_and_unmerging_restores_both,
);
