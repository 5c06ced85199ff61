//! Staff redact personal data typed where the detector could not catch it
//! (a home address): the text is replaced by a visible marker and vanishes
//! from every surface — pages (with their hydration data), the API, the
//! feed, search, notifications and queued mails — while
//! the original stays only in the audit log.

use madang_tests::{Backend, DEMO_PASSWORD, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::json;

const ADDRESS: &str = "12 Teheran-ro 34-5, Gangnam-gu";
const MARKER: &str = "[removed by staff: personal information]";

async fn redacted_text_vanishes_from_every_surface(backend: Backend) {
    let app = spawn_app(backend).await;
    let follower = app.sign_up("follower@example.com", "Follower").await;
    let writer = app.sign_up("writer@example.com", "Careless Writer").await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    app.call(&follower, Method::PUT, "/api/v1/ideas/3/follow", None)
        .await;

    // The address goes into an idea, a comment and a ticket.
    let (code, idea) = app
        .call(
            &writer,
            Method::POST,
            "/api/v1/ideas",
            Some(json!({"title": "Pick-up point near my home", "body": format!("I live at {ADDRESS} and the shop is far.")})),
        )
        .await;
    assert_eq!(code, 201, "{idea}");
    let idea_number = idea["number"].as_i64().expect("number");
    let (code, comment) = app
        .call(
            &writer,
            Method::POST,
            "/api/v1/ideas/3/comments",
            Some(json!({"body": format!("Deliver to {ADDRESS} please")})),
        )
        .await;
    assert_eq!(code, 201, "{comment}");
    let comment_id = comment["id"].as_i64().expect("id");
    let (code, ticket) = app
        .call(
            &writer,
            Method::POST,
            "/api/v1/tickets",
            Some(json!({"kind": "request", "title": "Move my line to a new address", "body": format!("New address: {ADDRESS}")})),
        )
        .await;
    assert_eq!(code, 201, "{ticket}");
    let number = ticket["number"].as_str().expect("number").to_owned();
    let ticket_id: i64 = number.trim_start_matches("VOC-").parse().expect("id");
    let told = app.notifications_of(&follower, "idea_comments").await;
    assert!(
        told.iter()
            .any(|n| n["text"].as_str().is_some_and(|t| t.contains(ADDRESS)))
    );

    // Customers cannot redact; a text not in the post is a field error.
    let redact = |kind: &str, id: i64, text: &str| json!({"type": kind, "id": id, "text": text, "reason": "personal_information"});
    let (code, _) = app
        .call(
            &writer,
            Method::POST,
            "/api/v1/moderation/redactions",
            Some(redact("ticket", ticket_id, ADDRESS)),
        )
        .await;
    assert_eq!(code, 403);
    let (code, problem) = app
        .call(
            &staff,
            Method::POST,
            "/api/v1/moderation/redactions",
            Some(redact("ticket", ticket_id, "not in there")),
        )
        .await;
    assert_eq!(code, 422);
    assert!(problem["errors"]["text"].is_string());

    for (kind, id) in [
        ("ticket", ticket_id),
        ("idea", idea_number),
        ("comment", comment_id),
    ] {
        let (code, done) = app
            .call(
                &staff,
                Method::POST,
                "/api/v1/moderation/redactions",
                Some(redact(kind, id, ADDRESS)),
            )
            .await;
        assert_eq!(code, 200, "{kind}: {done}");
        assert_eq!(done["occurrences"], 1, "{kind}");
    }

    // Gone from every surface, with the marker in its place.
    let mut surfaces = Vec::new();
    for path in [
        format!("/tickets/{number}"),
        format!("/ideas/{idea_number}"),
        "/ideas/3".to_owned(),
        "/feeds/ideas.atom".to_owned(),
    ] {
        surfaces.push((
            path.clone(),
            app.get(&path).await.text().await.expect("page"),
        ));
    }
    for path in [
        format!("/api/v1/tickets/{number}"),
        format!("/api/v1/ideas/{idea_number}"),
        "/api/v1/ideas/3/comments".to_owned(),
        "/api/v1/ideas/similar?q=Teheran".to_owned(),
        "/api/v1/me/notifications".to_owned(),
    ] {
        let (_, body) = app.call(&follower, Method::GET, &path, None).await;
        surfaces.push((path, body.to_string()));
    }
    for (path, body) in &surfaces {
        assert!(!body.contains("Teheran-ro 34-5"), "{path} still shows it");
    }
    let (_, view) = app
        .call("", Method::GET, &format!("/api/v1/tickets/{number}"), None)
        .await;
    assert!(
        view["body_html"]
            .as_str()
            .is_some_and(|b| b.contains(MARKER)),
        "{view}"
    );
    for table in [
        "SELECT COUNT(*) FROM notifications WHERE body_text LIKE '%Teheran-ro 34-5%' OR subject LIKE '%Teheran-ro 34-5%'",
        "SELECT COUNT(*) FROM outbox_mails WHERE sent_at IS NULL AND body_text LIKE '%Teheran-ro 34-5%'",
        "SELECT COUNT(*) FROM idea_search_terms t JOIN ideas i ON i.id = t.idea_id WHERE i.body_md LIKE '%Teheran-ro 34-5%'",
    ] {
        assert_eq!(app.scalar(table).await, 0, "{table}");
    }
    // Only the audit log keeps the original.
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM audit_events WHERE action = 'content.redacted' AND before LIKE '%Teheran-ro 34-5%'")
            .await,
        3
    );
    app.stop().await;
}

on_both_databases!(redacted_text_vanishes_from_every_surface,);
