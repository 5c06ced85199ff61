//! Commitments (promises with due dates that turn overdue by themselves)
//! and remedies (within a limit, or waiting for approval), with the audit
//! log recording each.

use madang_tests::{Backend, DEMO_PASSWORD, TestApp, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::json;

async fn file(app: &TestApp, cookie: &str) -> String {
    let (status, body) = app.call(cookie,
        Method::POST,
        "/api/v1/tickets",
        Some(json!({"kind": "complaint", "title": "Internet is slow", "body": "Every evening.", "department": "network"})),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    body["number"].as_str().expect("number").to_owned()
}

fn date_in(days: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

async fn promises_turn_overdue_by_themselves_and_are_settled_in_public(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_up("author@example.com", "Author").await;
    let staff = app
        .sign_in("minjun.lee@hanbit.example", DEMO_PASSWORD)
        .await;
    let number = file(&app, &customer).await;
    let replies = format!("/api/v1/tickets/{number}/replies");

    // Customers cannot promise on the company's behalf.
    let (code, _) = app.call(&customer, Method::POST, &replies, Some(json!({"body": "I promise", "commitment": {"text": "Fix it myself", "due_on": date_in(3)}}))).await;
    assert_eq!(code, 403);
    // A date in the past or not a date is refused, and nothing is posted.
    let (code, problem) = app.call(&staff, Method::POST, &replies, Some(json!({"body": "We will fix it.", "commitment": {"text": "Replace the port", "due_on": date_in(-1)}}))).await;
    assert_eq!(code, 422);
    assert!(problem["errors"]["commitment.due_on"].is_string());
    let (code, _) = app.call(&staff, Method::POST, &replies, Some(json!({"body": "We will fix it.", "commitment": {"text": "Replace the port", "due_on": "next week"}}))).await;
    assert_eq!(code, 422);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM ticket_posts p JOIN tickets t ON t.id = p.ticket_id WHERE t.author_id = (SELECT id FROM users WHERE email = 'author@example.com')").await, 0);

    let due = date_in(7);
    let (code, view) = app
        .call(
            &staff,
            Method::POST,
            &replies,
            Some(json!({
                "body": "A technician replaces the faulty port.",
                "commitment": {"text": "Replace the street-cabinet port", "due_on": due}
            })),
        )
        .await;
    assert_eq!(code, 201, "{view}");
    let promise = view["commitments"][0].clone();
    assert_eq!(promise["status"], "pending");
    assert_eq!(promise["due_on"], due);
    assert_eq!(promise["department"]["slug"], "network");
    assert_eq!(promise["made_by"]["staff"]["initials"], "M.L.");
    let id = promise["id"].as_i64().expect("id");
    let (_, listed) = app
        .call("", Method::GET, "/api/v1/commitments?status=pending", None)
        .await;
    assert!(
        listed["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|c| c["id"] == id)
    );

    // Nobody touches it; eight days pass: it is overdue, everywhere.
    app.advance_clock(chrono::Duration::days(8));
    let (_, overdue) = app
        .call("", Method::GET, "/api/v1/commitments?status=overdue", None)
        .await;
    assert!(
        overdue["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|c| c["id"] == id),
        "{overdue}"
    );
    let (_, pending) = app
        .call("", Method::GET, "/api/v1/commitments?status=pending", None)
        .await;
    assert!(
        !pending["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|c| c["id"] == id)
    );
    let (_, thread) = app
        .call("", Method::GET, &format!("/api/v1/tickets/{number}"), None)
        .await;
    assert_eq!(thread["commitments"][0]["status"], "overdue");

    // Kept needs evidence; then it shows as kept, late.
    let path = format!("/api/v1/commitments/{id}");
    let (code, _) = app
        .call(
            &customer,
            Method::PUT,
            &path,
            Some(json!({"status": "kept", "evidence": "trust me"})),
        )
        .await;
    assert_eq!(code, 403);
    let (code, problem) = app
        .call(&staff, Method::PUT, &path, Some(json!({"status": "kept"})))
        .await;
    assert_eq!(code, 422);
    assert!(problem["errors"]["evidence"].is_string());
    let (code, problem) = app
        .call(
            &staff,
            Method::PUT,
            &path,
            Some(json!({"status": "overdue"})),
        )
        .await;
    assert_eq!(code, 422);
    assert!(problem["errors"]["status"].is_string());
    let (code, kept) = app
        .call(
            &staff,
            Method::PUT,
            &path,
            Some(json!({"status": "kept", "evidence": "Work order WO-7781, port replaced"})),
        )
        .await;
    assert_eq!(code, 200, "{kept}");
    assert_eq!(kept["status"], "kept");
    assert_eq!(kept["on_time"], false);
    assert_eq!(kept["evidence"], "Work order WO-7781, port replaced");
    let (_, kept_list) = app
        .call("", Method::GET, "/api/v1/commitments?status=kept", None)
        .await;
    assert!(
        kept_list["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|c| c["id"] == id)
    );
    let (code, _) = app
        .call("", Method::GET, "/api/v1/commitments?status=broken", None)
        .await;
    assert_eq!(code, 422);

    // Withdrawn needs a public reason.
    let (_, second) = app
        .call(
            &staff,
            Method::POST,
            &replies,
            Some(json!({
                "body": "We also check the neighbours' lines.",
                "commitment": {"text": "Check the whole street", "due_on": date_in(10)}
            })),
        )
        .await;
    let second_id = second["commitments"][1]["id"]
        .as_i64()
        .expect("second promise");
    let (code, _) = app
        .call(
            &staff,
            Method::PUT,
            &format!("/api/v1/commitments/{second_id}"),
            Some(json!({"status": "withdrawn"})),
        )
        .await;
    assert_eq!(code, 422);
    let (code, withdrawn) = app
        .call(
            &staff,
            Method::PUT,
            &format!("/api/v1/commitments/{second_id}"),
            Some(json!({"status": "withdrawn", "reason": "The city closed the street for works."})),
        )
        .await;
    assert_eq!(code, 200);
    assert_eq!(withdrawn["status"], "withdrawn");
    assert_eq!(withdrawn["reason"], "The city closed the street for works.");
    assert!(app.scalar("SELECT COUNT(*) FROM audit_events WHERE action IN ('commitment.made', 'commitment.updated')").await >= 4);
    app.stop().await;
}

async fn remedies_within_the_limit_are_granted_and_above_it_wait(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_up("author@example.com", "Author").await;
    let staff = app
        .sign_in("minjun.lee@hanbit.example", DEMO_PASSWORD)
        .await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let number = file(&app, &customer).await;
    let replies = format!("/api/v1/tickets/{number}/replies");

    let (code, limits) = app
        .call(&staff, Method::GET, "/api/v1/admin/remedy-limits", None)
        .await;
    assert_eq!(code, 200);
    assert!(
        limits["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|l| l["role"] == "employee" && l["max_won"] == 60_000)
    );

    let (code, _) = app
        .call(
            &customer,
            Method::POST,
            &replies,
            Some(json!({"body": "free stuff", "remedy": {"kind": "credit", "amount": 1}})),
        )
        .await;
    assert_eq!(code, 403);
    let (code, problem) = app
        .call(
            &staff,
            Method::POST,
            &replies,
            Some(json!({"body": "Sorry.", "remedy": {"kind": "voucher", "amount": 0}})),
        )
        .await;
    assert_eq!(code, 422);
    assert!(
        problem["errors"]["remedy.kind"].is_string()
            && problem["errors"]["remedy.amount"].is_string()
    );
    let (code, problem) = app.call(&staff, Method::POST, &replies, Some(json!({"body": "Sorry.", "internal": true, "remedy": {"kind": "credit", "amount": 1000}}))).await;
    assert_eq!(code, 422);
    assert!(problem["errors"]["internal"].is_string());

    // Within the limit: granted at once, shown to the customer.
    let (code, view) = app.call(&staff, Method::POST, &replies, Some(json!({"body": "Sorry for the trouble: this month is on us.", "remedy": {"kind": "month_free", "amount": 55_000}}))).await;
    assert_eq!(code, 201, "{view}");
    assert_eq!(view["remedies"][0]["status"], "granted");
    assert_eq!(view["remedies"][0]["amount"], 55_000);
    assert_eq!(view["remedies"][0]["description"], "One month free");
    let (_, seen) = app
        .call(
            &customer,
            Method::GET,
            &format!("/api/v1/tickets/{number}"),
            None,
        )
        .await;
    assert_eq!(
        seen["remedies"][0]["granted_by"]["staff"]["initials"],
        "M.L."
    );

    // Above it: waits for an admin.
    let (_, view) = app.call(&staff, Method::POST, &replies, Some(json!({"body": "And a credit for the outage.", "remedy": {"kind": "credit", "amount": 100_000}}))).await;
    let waiting = view["remedies"][1].clone();
    assert_eq!(waiting["status"], "pending_approval");
    let id = waiting["id"].as_i64().expect("id");
    let (code, _) = app
        .call(&staff, Method::GET, "/api/v1/remedies/pending", None)
        .await;
    assert_eq!(code, 403);
    let (code, _) = app
        .call(
            &staff,
            Method::POST,
            &format!("/api/v1/remedies/{id}/approve"),
            None,
        )
        .await;
    assert_eq!(code, 403);
    let (_, pending) = app
        .call(&admin, Method::GET, "/api/v1/remedies/pending", None)
        .await;
    assert!(
        pending["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|r| r["id"] == id)
    );
    let (code, approved) = app
        .call(
            &admin,
            Method::POST,
            &format!("/api/v1/remedies/{id}/approve"),
            None,
        )
        .await;
    assert_eq!(code, 200);
    assert_eq!(approved["status"], "granted");
    assert!(approved["decided_by"]["id"].is_i64());
    let (code, _) = app
        .call(
            &admin,
            Method::POST,
            &format!("/api/v1/remedies/{id}/reject"),
            None,
        )
        .await;
    assert_eq!(code, 409);

    // The audit log has every grant with its amount.
    assert_eq!(app.scalar("SELECT COUNT(*) FROM audit_events WHERE action = 'remedy.granted' AND after LIKE '%55000%'").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM audit_events WHERE action = 'remedy.requested' AND after LIKE '%100000%'").await, 1);
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM audit_events WHERE action = 'remedy.approved'")
            .await,
        1
    );

    // Admins change limits; a department-specific limit wins over the role's.
    let (code, _) = app
        .call(
            &staff,
            Method::PUT,
            "/api/v1/admin/remedy-limits",
            Some(json!({"role": "employee", "department": "network", "max_won": 500_000})),
        )
        .await;
    assert_eq!(code, 403);
    let (code, _) = app
        .call(
            &admin,
            Method::PUT,
            "/api/v1/admin/remedy-limits",
            Some(json!({"role": "employee", "department": "network", "max_won": 500_000, "monthly_max_won": 500_000})),
        )
        .await;
    assert_eq!(code, 200);
    let (_, view) = app
        .call(
            &staff,
            Method::POST,
            &replies,
            Some(
                json!({"body": "Another credit.", "remedy": {"kind": "credit", "amount": 150_000}}),
            ),
        )
        .await;
    assert_eq!(view["remedies"][2]["status"], "granted");
    let (code, problem) = app
        .call(
            &admin,
            Method::PUT,
            "/api/v1/admin/remedy-limits",
            Some(json!({"role": "customer", "max_won": 5})),
        )
        .await;
    assert_eq!(code, 422);
    assert!(problem["errors"]["role"].is_string());
    app.stop().await;
}

/// Waits (the overdue notice comes from a background worker) until the
/// member has `count` notifications of the kind.
async fn told_eventually(
    app: &TestApp,
    cookie: &str,
    kind: &str,
    count: usize,
) -> Vec<serde_json::Value> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let got = app.notifications_of(cookie, kind).await;
        if got.len() >= count {
            return got;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{kind}: {} of {count}",
            got.len()
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

async fn kept_and_overdue_promises_are_told_to_the_customer(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app
        .sign_up("promised@example.com", "Promised Customer")
        .await;
    let staff = app
        .sign_in("minjun.lee@hanbit.example", DEMO_PASSWORD)
        .await;
    let number = file(&app, &customer).await;
    let replies = format!("/api/v1/tickets/{number}/replies");
    for (text, days) in [("Replace the port", 1), ("Call back with the results", 2)] {
        let (code, body) = app
            .call(&staff, Method::POST, &replies, Some(json!({"body": "We will do this.", "commitment": {"text": text, "due_on": date_in(days)}})))
            .await;
        assert_eq!(code, 201, "{body}");
    }
    let (_, thread) = app
        .call(
            &customer,
            Method::GET,
            &format!("/api/v1/tickets/{number}"),
            None,
        )
        .await;
    let first = thread["commitments"][0]["id"].as_i64().expect("id");

    // Kept: the customer hears it, with the evidence.
    let (code, _) = app
        .call(
            &staff,
            Method::PUT,
            &format!("/api/v1/commitments/{first}"),
            Some(json!({"status": "kept", "evidence": "Port replaced, work order WO-9"})),
        )
        .await;
    assert_eq!(code, 200);
    let kept = app.notifications_of(&customer, "commitment_kept").await;
    assert_eq!(kept.len(), 1);
    assert!(
        kept[0]["subject"]
            .as_str()
            .expect("subject")
            .contains("Replace the port")
    );
    assert_eq!(kept[0]["text"], "Port replaced, work order WO-9");
    assert_eq!(kept[0]["link"], format!("/tickets/{number}"));
    assert!(
        app.notifications_of(&customer, "commitment_overdue")
            .await
            .is_empty()
    );

    // Three days later the second one is overdue: the customer and the
    // staff member who promised are told, once.
    app.advance_clock(chrono::Duration::days(3));
    let overdue = told_eventually(&app, &customer, "commitment_overdue", 1).await;
    assert!(
        overdue[0]["subject"]
            .as_str()
            .expect("subject")
            .contains("Call back with the results")
    );
    // (Demo promises of the same employee may be overdue too: look for this one.)
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !app
        .notifications_of(&staff, "commitment_overdue")
        .await
        .iter()
        .any(|n| {
            n["subject"]
                .as_str()
                .is_some_and(|s| s.contains("Call back with the results"))
        })
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the promiser was not told"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(1_200)).await;
    assert_eq!(
        app.notifications_of(&customer, "commitment_overdue")
            .await
            .len(),
        1,
        "told once"
    );
    assert_eq!(
        app.notifications_of(&customer, "commitment_kept")
            .await
            .len(),
        1,
        "the kept one is not overdue"
    );
    app.stop().await;
}

on_both_databases!(
    promises_turn_overdue_by_themselves_and_are_settled_in_public,
    remedies_within_the_limit_are_granted_and_above_it_wait,
    kept_and_overdue_promises_are_told_to_the_customer,
);
