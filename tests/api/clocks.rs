//! Response clocks cannot be dodged: staff cannot close a ticket someone
//! waits on without saying why in public, that note is the answer and
//! counts against the promise; a hand-off starts the receiving department's
//! own clock; a customer writing again starts the next-reply clock; and the
//! queue puts what is waiting first.

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
        .position(|t| t["clock"].is_null())
        .unwrap_or(items.len());
    assert!(
        items[first_answered..].iter().all(|t| t["clock"].is_null()),
        "no waiting ticket below an answered one"
    );
    app.stop().await;
}

/// The row of one department on the managers' dashboard.
async fn department_row(app: &TestApp, admin: &str, slug: &str) -> Value {
    let (status, dashboard) = app
        .call(admin, Method::GET, "/api/v1/dashboard", None)
        .await;
    assert_eq!(status, 200, "{dashboard}");
    dashboard["departments"]
        .as_array()
        .expect("departments")
        .iter()
        .find(|d| d["slug"] == slug)
        .cloned()
        .unwrap_or_else(|| panic!("{slug} listed"))
}

async fn reply(app: &TestApp, cookie: &str, number: &str, body: &str) -> Value {
    let (code, view) = app
        .call(
            cookie,
            Method::POST,
            &format!("/api/v1/tickets/{number}/replies"),
            Some(json!({ "body": body })),
        )
        .await;
    assert_eq!(code, 201, "{view}");
    view
}

async fn a_hand_off_starts_the_receiving_departments_own_clock(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_up("minseo@example.com", "Minseo Oh").await;
    let care = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let mobile = app.sign_in("hana.choi@hanbit.example", DEMO_PASSWORD).await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let number = complaint(&app, &customer, "eSIM will not activate").await;
    let before = department_row(&app, &admin, "mobile").await;

    app.advance_clock(chrono::Duration::minutes(4));
    reply(&app, &care, &number, "Passing you on to our Mobile team.").await;
    let (code, handed) = app
        .call(
            &care,
            Method::POST,
            &format!("/api/v1/tickets/{number}/transfer"),
            Some(json!({"department": "mobile", "note": "eSIM activation is Mobile's."})),
        )
        .await;
    assert_eq!(code, 200, "{handed}");
    let clocks = handed["clocks"].as_array().expect("clocks");
    assert_eq!(clocks.len(), 2, "{handed}");
    assert_eq!(clocks[0]["kind"], "first");
    assert_eq!(clocks[0]["department"]["slug"], "customer-care");
    assert_eq!(clocks[0]["outcome"], "answered");
    assert_eq!(clocks[0]["minutes"], 4);
    assert_eq!(clocks[1]["kind"], "hand_off");
    assert_eq!(clocks[1]["department"]["slug"], "mobile");
    assert_eq!(clocks[1]["target_minutes"], 30);
    assert!(clocks[1]["outcome"].is_null() && clocks[1]["stopped_at"].is_null());

    // Another department's words do not stop Mobile's clock, and closing
    // needs a public answer while it runs.
    reply(&app, &care, &number, "Mobile will be with you shortly.").await;
    let (code, refused) = app
        .call(
            &care,
            Method::PUT,
            &format!("/api/v1/tickets/{number}/status"),
            Some(json!({"status": "closed"})),
        )
        .await;
    assert_eq!(code, 422, "{refused}");
    assert!(refused["errors"]["note"].is_string());
    let (_, queue) = app
        .call(
            &mobile,
            Method::GET,
            "/api/v1/tickets?sort=urgent&department=mobile&limit=100",
            None,
        )
        .await;
    let card = queue["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|t| t["number"] == number.as_str())
        .cloned()
        .expect("queued for Mobile");
    assert_eq!(card["clock"]["kind"], "hand_off");

    // Mobile answers late: its own promise is the one broken.
    app.advance_clock(chrono::Duration::minutes(31));
    let answered = reply(
        &app,
        &mobile,
        &number,
        "Your eSIM profile is re-issued; restart the phone.",
    )
    .await;
    let mobile_clock = &answered["clocks"][1];
    assert_eq!(mobile_clock["outcome"], "answered");
    assert_eq!(mobile_clock["by"]["initials"], "H.C.");
    assert_eq!(mobile_clock["breached"], true);
    assert!(answered["clocks"][2].is_null(), "no new clock: {answered}");
    let after = department_row(&app, &admin, "mobile").await;
    assert_eq!(
        figure(&after, "sla_breached"),
        figure(&before, "sla_breached") + 1
    );
    assert_eq!(figure(&after, "answered"), figure(&before, "answered") + 1);
    app.stop().await;
}

async fn a_customer_message_after_an_answer_starts_the_next_reply_clock(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_up("minseo@example.com", "Minseo Oh").await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let number = complaint(&app, &customer, "Refund never arrived").await;
    let answered = reply(&app, &staff, &number, "The refund left on Monday.").await;
    assert!(answered["clocks"][0]["stopped_at"].is_string());
    let card_of = |queue: &Value| {
        queue["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|t| t["number"] == number.as_str())
            .cloned()
            .expect("queued")
    };
    let (_, queue) = app
        .call(
            &staff,
            Method::GET,
            "/api/v1/tickets?sort=urgent&limit=100",
            None,
        )
        .await;
    assert!(card_of(&queue)["clock"].is_null(), "nobody waits");

    app.advance_clock(chrono::Duration::hours(2));
    let again = reply(&app, &customer, &number, "It is still not on my account.").await;
    let next = &again["clocks"][1];
    assert_eq!(next["kind"], "next_reply", "{again}");
    assert_eq!(next["target_minutes"], 15);
    let (_, queue) = app
        .call(
            &staff,
            Method::GET,
            "/api/v1/tickets?sort=urgent&limit=100",
            None,
        )
        .await;
    let card = card_of(&queue);
    assert_eq!(card["clock"]["kind"], "next_reply");
    // Waiting again, it sorts above every answered ticket.
    let items = queue["items"].as_array().expect("items");
    let at = items
        .iter()
        .position(|t| t["number"] == number.as_str())
        .expect("queued");
    assert!(items[..at].iter().all(|t| !t["clock"].is_null()));

    // A second customer message does not restart it.
    app.advance_clock(chrono::Duration::minutes(10));
    let more = reply(&app, &customer, &number, "Hello?").await;
    assert!(more["clocks"][2].is_null(), "{more}");
    app.advance_clock(chrono::Duration::minutes(3));
    let done = reply(
        &app,
        &staff,
        &number,
        "Found it: it was sent to an old account; moved now.",
    )
    .await;
    assert_eq!(done["clocks"][1]["outcome"], "answered");
    assert_eq!(done["clocks"][1]["minutes"], 13);
    assert_eq!(done["clocks"][1]["breached"], false);
    app.stop().await;
}

on_both_databases!(
    closing_unanswered_needs_a_public_note_which_counts_as_the_answer,
    the_queue_puts_waiting_tickets_first_and_answered_ones_after,
    a_hand_off_starts_the_receiving_departments_own_clock,
    a_customer_message_after_an_answer_starts_the_next_reply_clock,
);
