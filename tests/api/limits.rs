//! Remedy limits hold in total and promises stay honest: the sum granted on
//! a ticket and to a customer in a month counts (five grants cannot do what
//! one may not, not even at once), nobody promises or grants on a ticket
//! they filed, and staff's own tickets, ratings and votes stay out of the
//! figures.

use madang_tests::{Backend, DEMO_PASSWORD, TestApp, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

async fn file(app: &TestApp, cookie: &str, title: &str, department: &str) -> String {
    let (status, body) = app
        .call(
            cookie,
            Method::POST,
            "/api/v1/tickets",
            Some(json!({"kind": "complaint", "title": title, "body": "It happened again.", "department": department})),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    body["number"].as_str().expect("number").to_owned()
}

async fn credit(app: &TestApp, cookie: &str, number: &str, amount: i64) -> (u16, Value) {
    app.call(
        cookie,
        Method::POST,
        &format!("/api/v1/tickets/{number}/replies"),
        Some(json!({"body": format!("A credit of {amount} won for the trouble."), "remedy": {"kind": "credit", "amount": amount}})),
    )
    .await
}

fn statuses(view: &Value) -> Vec<String> {
    view["remedies"]
        .as_array()
        .expect("remedies")
        .iter()
        .map(|r| r["status"].as_str().expect("status").to_owned())
        .collect()
}

async fn remedy_limits_hold_for_the_sum_per_ticket_and_per_customer_month(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_up("minseo@example.com", "Minseo Oh").await;
    let other = app.sign_up("jisoo@example.com", "Jisoo Bae").await;
    // Minjun Lee, Network: employees grant up to 60,000 won alone.
    let staff = app
        .sign_in("minjun.lee@hanbit.example", DEMO_PASSWORD)
        .await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let first = file(&app, &customer, "Outage all weekend", "network").await;

    let (_, view) = app
        .call(
            &staff,
            Method::GET,
            &format!("/api/v1/tickets/{first}"),
            None,
        )
        .await;
    assert_eq!(view["remedy_allowance"]["ticket_left_won"], 60_000);
    assert_eq!(view["remedy_allowance"]["month_left_won"], 60_000);
    assert_eq!(view["remedy_allowance"]["allowed"], true);
    let (_, seen) = app
        .call(
            &customer,
            Method::GET,
            &format!("/api/v1/tickets/{first}"),
            None,
        )
        .await;
    assert!(seen.get("remedy_allowance").is_none(), "staff only: {seen}");

    let mut last = Value::Null;
    for _ in 0..5 {
        let (code, view) = credit(&app, &staff, &first, 60_000).await;
        assert_eq!(code, 201, "{view}");
        last = view;
    }
    assert_eq!(
        statuses(&last),
        [
            "granted",
            "pending_approval",
            "pending_approval",
            "pending_approval",
            "pending_approval"
        ]
    );
    assert_eq!(last["remedy_allowance"]["ticket_left_won"], 0);
    assert_eq!(last["remedy_allowance"]["month_left_won"], 0);

    // The approval list links each one to its ticket and shows the reply.
    let (_, pending) = app
        .call(&admin, Method::GET, "/api/v1/remedies/pending", None)
        .await;
    let waiting: Vec<&Value> = pending["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|r| r["ticket"] == first.as_str())
        .collect();
    assert_eq!(waiting.len(), 4, "{pending}");
    assert!(
        waiting[0]["reply_html"]
            .as_str()
            .is_some_and(|html| html.contains("A credit of 60000 won")),
        "{pending}"
    );

    // The month is spent for this customer on every ticket…
    let second = file(&app, &customer, "Outage again on Monday", "network").await;
    let (_, view) = credit(&app, &staff, &second, 10_000).await;
    assert_eq!(statuses(&view), ["pending_approval"]);
    // …but not for another customer.
    let theirs = file(&app, &other, "Slow since the upgrade", "network").await;
    let (_, view) = credit(&app, &staff, &theirs, 10_000).await;
    assert_eq!(statuses(&view), ["granted"]);
    assert_eq!(view["remedy_allowance"]["ticket_left_won"], 50_000);

    // A monthly cap above the per-ticket one lets a new ticket be helped.
    let (code, _) = app
        .call(
            &admin,
            Method::PUT,
            "/api/v1/admin/remedy-limits",
            Some(json!({"role": "employee", "department": "network", "max_won": 60_000, "monthly_max_won": 200_000})),
        )
        .await;
    assert_eq!(code, 200);
    let (_, view) = credit(&app, &staff, &second, 10_000).await;
    assert_eq!(statuses(&view), ["pending_approval", "granted"]);
    app.stop().await;
}

async fn grants_at_the_same_moment_cannot_pass_the_monthly_limit(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_up("minseo@example.com", "Minseo Oh").await;
    let staff = app
        .sign_in("minjun.lee@hanbit.example", DEMO_PASSWORD)
        .await;
    let mut tickets = Vec::new();
    for n in 0..5 {
        tickets.push(file(&app, &customer, &format!("Outage number {n}"), "network").await);
    }
    // Five grants of 30,000 on five tickets at once: the month allows two.
    let (first, second, third, fourth, fifth) = tokio::join!(
        credit(&app, &staff, &tickets[0], 30_000),
        credit(&app, &staff, &tickets[1], 30_000),
        credit(&app, &staff, &tickets[2], 30_000),
        credit(&app, &staff, &tickets[3], 30_000),
        credit(&app, &staff, &tickets[4], 30_000),
    );
    for (code, body) in [first, second, third, fourth, fifth] {
        assert_eq!(code, 201, "{body}");
    }
    let theirs = "ticket_id IN (SELECT t.id FROM tickets t JOIN users u ON u.id = t.author_id WHERE u.email = 'minseo@example.com')";
    let granted = app
        .scalar(&format!(
            "SELECT COUNT(*) FROM remedies WHERE status = 'granted' AND {theirs}"
        ))
        .await;
    let waiting = app
        .scalar(&format!(
            "SELECT COUNT(*) FROM remedies WHERE status = 'pending_approval' AND {theirs}"
        ))
        .await;
    assert_eq!((granted, waiting), (2, 3));
    app.stop().await;
}

async fn nobody_grants_or_promises_on_their_own_ticket(backend: Backend) {
    let app = spawn_app(backend).await;
    let employee = app.sign_in("billing@hanbit.example", DEMO_PASSWORD).await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let number = file(&app, &employee, "My own bill is wrong", "billing").await;
    let (_, view) = app
        .call(
            &employee,
            Method::GET,
            &format!("/api/v1/tickets/{number}"),
            None,
        )
        .await;
    assert_eq!(view["remedy_allowance"]["allowed"], false);
    let (code, problem) = credit(&app, &employee, &number, 1_000).await;
    assert_eq!(code, 403, "{problem}");
    let (code, problem) = credit(&app, &admin, &number, 1_000).await;
    assert_eq!(code, 201, "a colleague may: {problem}");
    let due = (chrono::Utc::now() + chrono::Duration::days(2))
        .format("%Y-%m-%d")
        .to_string();
    let (code, _) = app
        .call(
            &employee,
            Method::POST,
            &format!("/api/v1/tickets/{number}/replies"),
            Some(json!({"body": "I will fix it.", "commitment": {"text": "Refund myself", "due_on": due}})),
        )
        .await;
    assert_eq!(code, 403);
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM ticket_posts WHERE body_md = 'I will fix it.'")
            .await,
        0,
        "nothing posted"
    );
    app.stop().await;
}

async fn staff_activity_stays_out_of_the_dashboard_and_scorecard(backend: Backend) {
    let app = spawn_app(backend).await;
    let employee = app.sign_in("billing@hanbit.example", DEMO_PASSWORD).await;
    let colleague = app
        .sign_in("eunji.song@hanbit.example", DEMO_PASSWORD)
        .await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let snapshot = |dashboard: &Value, scorecard: &Value| {
        let billing = dashboard["departments"]
            .as_array()
            .expect("departments")
            .iter()
            .find(|d| d["slug"] == "billing")
            .cloned()
            .expect("billing");
        let tickets_today: i64 = dashboard["daily"]
            .as_array()
            .expect("daily")
            .iter()
            .map(|d| d["tickets"].as_i64().expect("tickets"))
            .sum();
        json!({
            "met": billing["sla_met"], "breached": billing["sla_breached"], "answered": billing["answered"],
            "ratings": dashboard["satisfaction"]["count"], "tickets": tickets_today,
            "votes": dashboard["daily"].as_array().expect("daily").iter().map(|d| d["votes"].as_i64().expect("votes")).sum::<i64>(),
            "resolved": scorecard["tickets_resolved"], "departments": scorecard["departments"],
        })
    };
    let (_, d0) = app
        .call(&admin, Method::GET, "/api/v1/dashboard", None)
        .await;
    let (_, s0) = app.call("", Method::GET, "/api/v1/scorecard", None).await;
    let before = snapshot(&d0, &s0);

    // An employee files a ticket, a colleague answers it, the employee
    // resolves it, rates it 5 and votes on an idea.
    let number = file(&app, &employee, "Testing the billing form", "billing").await;
    let (code, _) = app
        .call(
            &colleague,
            Method::POST,
            &format!("/api/v1/tickets/{number}/replies"),
            Some(json!({"body": "Looks fine from here."})),
        )
        .await;
    assert_eq!(code, 201);
    for (method, path, body) in [
        (
            Method::PUT,
            format!("/api/v1/tickets/{number}/status"),
            json!({"status": "resolved"}),
        ),
        (
            Method::POST,
            format!("/api/v1/tickets/{number}/rating"),
            json!({"score": 5}),
        ),
    ] {
        let (code, body) = app.call(&employee, method, &path, Some(body)).await;
        assert_eq!(code, 200, "{path}: {body}");
    }
    let (code, body) = app
        .call(&employee, Method::PUT, "/api/v1/ideas/1/vote", None)
        .await;
    assert!(code == 200 || code == 201, "{body}");

    let (_, d1) = app
        .call(&admin, Method::GET, "/api/v1/dashboard", None)
        .await;
    let (_, s1) = app.call("", Method::GET, "/api/v1/scorecard", None).await;
    assert_eq!(snapshot(&d1, &s1), before);
    app.stop().await;
}

async fn resolving_asks_what_happens_to_open_promises(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_up("minseo@example.com", "Minseo Oh").await;
    let staff = app
        .sign_in("minjun.lee@hanbit.example", DEMO_PASSWORD)
        .await;
    let due = (chrono::Utc::now() + chrono::Duration::days(2))
        .format("%Y-%m-%d")
        .to_string();
    let mut tickets = Vec::new();
    for title in ["Router keeps rebooting", "Router rebooting again"] {
        let number = file(&app, &customer, title, "network").await;
        let (code, view) = app
            .call(
                &staff,
                Method::POST,
                &format!("/api/v1/tickets/{number}/replies"),
                Some(json!({"body": "A technician will come by.", "commitment": {"text": "Visit by a technician", "due_on": due},
                            "remedy": {"kind": "credit", "amount": 100_000}})),
            )
            .await;
        assert_eq!(code, 201, "{view}");
        assert_eq!(view["remedies"][0]["status"], "pending_approval");
        tickets.push(number);
    }
    let status = |number: &str| format!("/api/v1/tickets/{number}/status");

    let (code, problem) = app
        .call(
            &staff,
            Method::PUT,
            &status(&tickets[0]),
            Some(json!({"status": "resolved"})),
        )
        .await;
    assert_eq!(code, 422, "{problem}");
    assert!(problem["errors"]["open_promises"].is_string(), "{problem}");
    let (code, problem) = app
        .call(
            &staff,
            Method::PUT,
            &status(&tickets[0]),
            Some(json!({"status": "resolved", "open_promises": "withdraw"})),
        )
        .await;
    assert_eq!(code, 422);
    assert!(
        problem["errors"]["withdraw_reason"].is_string(),
        "{problem}"
    );

    let (code, kept) = app
        .call(
            &staff,
            Method::PUT,
            &status(&tickets[0]),
            Some(json!({"status": "resolved", "open_promises": "keep"})),
        )
        .await;
    assert_eq!(code, 200, "{kept}");
    assert_eq!(kept["commitments"][0]["status"], "pending");
    assert_eq!(kept["commitments"][0]["due_on"], due.as_str());
    assert_eq!(kept["remedies"][0]["status"], "pending_approval");

    let (code, withdrawn) = app
        .call(
            &staff,
            Method::PUT,
            &status(&tickets[1]),
            Some(json!({"status": "closed", "open_promises": "withdraw", "withdraw_reason": "Duplicate of the first ticket; the visit is booked there."})),
        )
        .await;
    assert_eq!(code, 200, "{withdrawn}");
    assert_eq!(withdrawn["commitments"][0]["status"], "withdrawn");
    assert!(
        withdrawn["commitments"][0]["reason"]
            .as_str()
            .is_some_and(|r| r.starts_with("Duplicate"))
    );
    assert_eq!(withdrawn["remedies"][0]["status"], "rejected");
    app.stop().await;
}

on_both_databases!(
    resolving_asks_what_happens_to_open_promises,
    remedy_limits_hold_for_the_sum_per_ticket_and_per_customer_month,
    grants_at_the_same_moment_cannot_pass_the_monthly_limit,
    nobody_grants_or_promises_on_their_own_ticket,
    staff_activity_stays_out_of_the_dashboard_and_scorecard,
);
