//! The first-response clock cannot be dodged: staff cannot close a ticket
//! nobody answered without saying why in public, that note is the answer
//! and counts against the promise, answered tickets keep their deadline for
//! the figures, and the queue puts what is waiting first.

use madang_tests::{Backend, DEMO_PASSWORD, TestApp, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

/// Files a complaint for Customer Care (15-minute promise) as `cookie`.
async fn complaint(app: &TestApp, cookie: &str, title: &str) -> String {
    let (status, body) = app
        .call(
            cookie,
            Method::POST,
            "/api/v1/tickets",
            Some(json!({
                "kind": "complaint",
                "title": title,
                "body": "The line drops every evening since Monday.",
                "department": "customer-care",
            })),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    body["number"].as_str().expect("number").to_owned()
}

/// Customer Care's row of the managers' dashboard.
async fn customer_care(app: &TestApp, admin: &str) -> Value {
    let (status, dashboard) = app
        .call(admin, Method::GET, "/api/v1/dashboard", None)
        .await;
    assert_eq!(status, 200, "{dashboard}");
    dashboard["departments"]
        .as_array()
        .expect("departments")
        .iter()
        .find(|d| d["slug"] == "customer-care")
        .cloned()
        .expect("customer care listed")
}

fn figure(row: &Value, name: &str) -> i64 {
    row[name]
        .as_i64()
        .unwrap_or_else(|| panic!("{name} in {row}"))
}

async fn closing_unanswered_needs_a_public_note_which_counts_as_the_answer(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_up("minseo@example.com", "Minseo Oh").await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    // Figures are compared before and after each step at one clock time,
    // so the demo's own tickets cannot move them.
    let start = customer_care(&app, &admin).await;
    let late = complaint(&app, &customer, "Line drops every evening").await;
    let on_time = complaint(&app, &customer, "Wrong name on my contract").await;
    let answer = app
        .call(
            &staff,
            Method::POST,
            &format!("/api/v1/tickets/{on_time}/replies"),
            Some(json!({"body": "Fixed the name; a new contract is on its way."})),
        )
        .await;
    assert_eq!(answer.0, 201, "{}", answer.1);
    let answered = customer_care(&app, &admin).await;
    assert_eq!(
        figure(&answered, "sla_met"),
        figure(&start, "sla_met") + 1,
        "an answer in time is a promise met"
    );
    assert_eq!(
        figure(&answered, "answered"),
        figure(&start, "answered") + 1
    );
    app.advance_clock(chrono::Duration::minutes(20));
    let overdue = customer_care(&app, &admin).await;

    let status_path = format!("/api/v1/tickets/{late}/status");
    let (code, refused) = app
        .call(
            &staff,
            Method::PUT,
            &status_path,
            Some(json!({"status": "closed"})),
        )
        .await;
    assert_eq!(code, 422, "{refused}");
    assert!(refused["errors"]["note"].is_string(), "{refused}");
    let (code, refused) = app
        .call(
            &staff,
            Method::PUT,
            &status_path,
            Some(json!({"status": "resolved", "note": "   "})),
        )
        .await;
    assert_eq!(code, 422, "a blank note is no note: {refused}");
    let (_, still) = app
        .call("", Method::GET, &format!("/api/v1/tickets/{late}"), None)
        .await;
    assert_eq!(still["status"], "open");

    let (code, closed) = app
        .call(
            &staff,
            Method::PUT,
            &status_path,
            Some(json!({"status": "closed", "note": "Duplicate of an earlier report; answered there."})),
        )
        .await;
    assert_eq!(code, 200, "{closed}");
    assert_eq!(closed["status"], "closed");
    let first = &closed["first_response"];
    assert!(first["answered_at"].is_string(), "{first}");
    assert_eq!(first["by"]["initials"], "S.P.");
    assert_eq!(
        first["breached"], true,
        "closed 20 minutes into a 15-minute promise"
    );

    // Closing late is an answer given late: still a breach, never a promise
    // that quietly went away.
    let after = customer_care(&app, &admin).await;
    assert_eq!(
        figure(&after, "sla_breached"),
        figure(&overdue, "sla_breached")
    );
    assert_eq!(figure(&after, "sla_met"), figure(&overdue, "sla_met"));
    assert_eq!(figure(&after, "answered"), figure(&overdue, "answered") + 1);

    // The author may still close their own ticket without a note.
    let own = complaint(&app, &customer, "Never mind, it works again").await;
    let (code, _) = app
        .call(
            &customer,
            Method::PUT,
            &format!("/api/v1/tickets/{own}/status"),
            Some(json!({"status": "closed"})),
        )
        .await;
    assert_eq!(code, 200);
    app.stop().await;
}

async fn the_queue_puts_waiting_tickets_first_and_answered_ones_after(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_up("minseo@example.com", "Minseo Oh").await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    // Filed first, so its deadline is the earliest of the three — but it is
    // answered, so it goes below the two still waiting.
    let answered = complaint(&app, &customer, "Bill arrived twice").await;
    app.advance_clock(chrono::Duration::minutes(1));
    let waiting_longer = complaint(&app, &customer, "Modem restarts at night").await;
    app.advance_clock(chrono::Duration::minutes(1));
    let waiting = complaint(&app, &customer, "App shows the wrong plan").await;
    let (code, _) = app
        .call(
            &staff,
            Method::POST,
            &format!("/api/v1/tickets/{answered}/replies"),
            Some(json!({"body": "The second bill is void; sorry for the worry."})),
        )
        .await;
    assert_eq!(code, 201);
    app.advance_clock(chrono::Duration::minutes(30));

    let (code, queue) = app
        .call(
            &staff,
            Method::GET,
            "/api/v1/tickets?sort=urgent&limit=100",
            None,
        )
        .await;
    assert_eq!(code, 200, "{queue}");
    let items = queue["items"].as_array().expect("items");
    let at = |number: &str| {
        items
            .iter()
            .position(|t| t["number"] == number)
            .unwrap_or_else(|| panic!("{number} queued"))
    };
    assert!(at(&waiting_longer) < at(&waiting), "earlier deadline first");
    assert!(at(&waiting) < at(&answered), "answered after waiting");
    let first_answered = items
        .iter()
        .position(|t| t["first_response"]["answered_at"].is_string())
        .unwrap_or(items.len());
    assert!(
        items[first_answered..]
            .iter()
            .all(|t| t["first_response"]["answered_at"].is_string()),
        "no waiting ticket below an answered one"
    );
    app.stop().await;
}

on_both_databases!(
    closing_unanswered_needs_a_public_note_which_counts_as_the_answer,
    the_queue_puts_waiting_tickets_first_and_answered_ones_after,
);
