//! Answer quality reviews: admins review public staff answers against the
//! guidelines (never their own, once per answer, every review audited);
//! the reviewed employee reads and replies; nobody else learns a review
//! exists. The queue samples the week's answers fairly, N per employee;
//! the dashboard shows quality per employee and department, with CSV.

use madang_tests::{Backend, DEMO_PASSWORD, TestApp, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

async fn id_of(app: &TestApp, cookie: &str) -> i64 {
    let (status, me) = app.call(cookie, Method::GET, "/api/v1/me", None).await;
    assert_eq!(status, 200, "{me}");
    me["user"]["id"].as_i64().expect("id")
}

/// Files a ticket as `customer` and returns its number.
async fn ticket(app: &TestApp, customer: &str, title: &str) -> String {
    let (status, ticket) = app
        .call(
            customer,
            Method::POST,
            "/api/v1/tickets",
            Some(json!({"kind": "inquiry", "title": title, "body": "Please help with this."})),
        )
        .await;
    assert_eq!(status, 201, "{ticket}");
    ticket["number"].as_str().expect("number").to_owned()
}

/// Posts a reply and returns the new post's id.
async fn reply(app: &TestApp, cookie: &str, number: &str, body: &str, internal: bool) -> i64 {
    let (status, view) = app
        .call(
            cookie,
            Method::POST,
            &format!("/api/v1/tickets/{number}/replies"),
            Some(json!({"body": body, "internal": internal})),
        )
        .await;
    assert_eq!(status, 201, "{view}");
    view["posts"]
        .as_array()
        .and_then(|posts| {
            posts
                .iter()
                .rev()
                .find(|p| p["body_html"].as_str().is_some_and(|b| b.contains(body)))
        })
        .and_then(|p| p["id"].as_i64())
        .unwrap_or_else(|| panic!("no post {body} in {view}"))
}

async fn guideline_ids(app: &TestApp, staff: &str) -> Vec<i64> {
    let (status, list) = app
        .call(staff, Method::GET, "/api/v1/guidelines", None)
        .await;
    assert_eq!(status, 200, "{list}");
    let ids: Vec<i64> = list
        .as_array()
        .or_else(|| list["items"].as_array())
        .expect("guidelines")
        .iter()
        .filter_map(|g| g["id"].as_i64())
        .collect();
    assert!(ids.len() >= 3, "{list}");
    ids
}

fn review_of(kind: &str, id: i64, overall: i64, scores: Value, comment: &str) -> Value {
    json!({
        "answer": {"kind": kind, "id": id},
        "overall": overall,
        "scores": scores,
        "comment": comment,
    })
}

async fn queue(app: &TestApp, admin: &str) -> Value {
    let (status, queue) = app
        .call(admin, Method::GET, "/api/v1/answer-reviews/queue", None)
        .await;
    assert_eq!(status, 200, "{queue}");
    queue
}

async fn reviews_are_for_admins_and_the_reviewed_employee(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app
        .sign_up("reviewed.customer@example.com", "Dana Customer")
        .await;
    let sara = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let minjun = app
        .sign_in("minjun.lee@hanbit.example", DEMO_PASSWORD)
        .await;
    let moderator = app.sign_in("moderator@hanbit.example", DEMO_PASSWORD).await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let sara_id = id_of(&app, &sara).await;
    let number = ticket(&app, &customer, "My invoice shows a strange fee").await;
    let answer = reply(
        &app,
        &sara,
        &number,
        "The fee is the router rental; we will refund it.",
        false,
    )
    .await;
    let internal = reply(
        &app,
        &sara,
        &number,
        "Check the rental contract first.",
        true,
    )
    .await;
    let from_customer = reply(
        &app,
        &customer,
        &number,
        "Thank you, waiting for it.",
        false,
    )
    .await;
    let guidelines = guideline_ids(&app, &admin).await;
    let (g1, g2, g3) = (guidelines[0], guidelines[1], guidelines[2]);
    let good = review_of(
        "ticket_reply",
        answer,
        4,
        json!([{"guideline_id": g1, "score": 5}, {"guideline_id": g2, "score": 2}]),
        "Clear and kind; say when the refund arrives.",
    );

    // Only admins review and read the queue.
    for (cookie, status) in [
        ("", 401),
        (customer.as_str(), 403),
        (sara.as_str(), 403),
        (moderator.as_str(), 403),
    ] {
        let (got, problem) = app
            .call(
                cookie,
                Method::POST,
                "/api/v1/answer-reviews",
                Some(good.clone()),
            )
            .await;
        assert_eq!(got, status, "{problem}");
        let (got, _) = app
            .call(cookie, Method::GET, "/api/v1/answer-reviews/queue", None)
            .await;
        assert_eq!(got, status);
    }
    let (status, queue) = app
        .call(&admin, Method::GET, "/api/v1/answer-reviews/queue", None)
        .await;
    assert_eq!(status, 200, "{queue}");
    assert!(
        queue["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|a| a["answer"]["id"] == answer && a["answer"]["kind"] == "ticket_reply"),
        "{queue}"
    );

    // Bad reviews get a specific error and store nothing.
    for (body, field) in [
        (
            review_of("ticket_reply", answer, 0, json!([]), "x"),
            "overall",
        ),
        (
            review_of("ticket_reply", answer, 6, json!([]), "x"),
            "overall",
        ),
        (
            review_of(
                "ticket_reply",
                answer,
                4,
                json!([{"guideline_id": g1, "score": 9}]),
                "x",
            ),
            "scores",
        ),
        (
            review_of(
                "ticket_reply",
                answer,
                4,
                json!([{"guideline_id": 999_999, "score": 3}]),
                "x",
            ),
            "scores",
        ),
        (
            review_of(
                "ticket_reply",
                answer,
                4,
                json!([{"guideline_id": g1, "score": 3}, {"guideline_id": g1, "score": 4}]),
                "x",
            ),
            "scores",
        ),
        (
            review_of("ticket_reply", answer, 4, json!([]), "   "),
            "comment",
        ),
    ] {
        let (status, problem) = app
            .call(&admin, Method::POST, "/api/v1/answer-reviews", Some(body))
            .await;
        assert_eq!(status, 422, "{problem}");
        assert!(problem["errors"][field].is_string(), "{field}: {problem}");
    }
    // Only public staff answers: not a note, not a customer's reply.
    for (kind, id) in [
        ("ticket_reply", internal),
        ("ticket_reply", from_customer),
        ("ticket_reply", 999_999),
        ("idea_comment", 999_999),
    ] {
        let (status, problem) = app
            .call(
                &admin,
                Method::POST,
                "/api/v1/answer-reviews",
                Some(review_of(kind, id, 3, json!([]), "x")),
            )
            .await;
        assert_eq!(status, 404, "{kind} {id}: {problem}");
    }
    assert_eq!(app.scalar("SELECT COUNT(*) FROM answer_reviews").await, 0);

    // The review, once; audited.
    let (status, review) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/answer-reviews",
            Some(good.clone()),
        )
        .await;
    assert_eq!(status, 201, "{review}");
    assert_eq!(review["overall"], 4);
    assert_eq!(review["answer"]["employee"]["id"], sara_id);
    assert_eq!(review["scores"].as_array().map(Vec::len), Some(2));
    assert_eq!(review["reply"], Value::Null);
    let id = review["id"].as_i64().expect("review id");
    let (status, problem) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/answer-reviews",
            Some(good.clone()),
        )
        .await;
    assert_eq!(status, 409, "{problem}");
    let (_, audit) = app
        .call(
            &admin,
            Method::GET,
            "/api/v1/moderation/audit?action=answer.reviewed",
            None,
        )
        .await;
    assert!(
        audit.to_string().contains("answer.reviewed")
            && audit.to_string().contains("refund arrives"),
        "{audit}"
    );
    let (status, queue) = app
        .call(&admin, Method::GET, "/api/v1/answer-reviews/queue", None)
        .await;
    assert_eq!(status, 200);
    assert!(
        !queue["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|a| a["answer"]["id"] == answer),
        "{queue}"
    );

    // Sara reads it and replies; a colleague neither reads nor replies;
    // the admin reads but does not reply for her.
    let path = format!("/api/v1/answer-reviews/{id}");
    let (status, mine) = app
        .call(&sara, Method::GET, "/api/v1/answer-reviews", None)
        .await;
    assert_eq!(status, 200);
    assert!(
        mine["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|r| r["answer"]["employee"]["id"] == sara_id)
    );
    assert!(
        mine["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|r| r["id"] == id)
    );
    let (status, _) = app.call(&sara, Method::GET, &path, None).await;
    assert_eq!(status, 200);
    let (status, none) = app
        .call(
            &admin,
            Method::GET,
            "/api/v1/answer-reviews?employee=9223372036854775806",
            None,
        )
        .await;
    assert_eq!(status, 200, "an id no member has matches nothing: {none}");
    assert_eq!(none["items"], json!([]));
    let (status, _) = app
        .call(&customer, Method::GET, "/api/v1/answer-reviews", None)
        .await;
    assert_eq!(status, 403, "customers have no reviews to read");
    let (status, theirs) = app
        .call(&minjun, Method::GET, "/api/v1/answer-reviews", None)
        .await;
    assert_eq!(status, 200);
    assert!(!theirs.to_string().contains("refund arrives"), "{theirs}");
    let (status, _) = app
        .call(
            &minjun,
            Method::GET,
            &format!("/api/v1/answer-reviews?employee={sara_id}"),
            None,
        )
        .await;
    assert_eq!(status, 403);
    for (cookie, status) in [
        ("", 401),
        (customer.as_str(), 404),
        (minjun.as_str(), 404),
        (moderator.as_str(), 404),
    ] {
        let (got, _) = app.call(cookie, Method::GET, &path, None).await;
        assert_eq!(got, status);
        let (got, _) = app
            .call(
                cookie,
                Method::POST,
                &format!("{path}/reply"),
                Some(json!({"body": "mine"})),
            )
            .await;
        assert_eq!(got, status);
    }
    let (status, _) = app
        .call(
            &admin,
            Method::POST,
            &format!("{path}/reply"),
            Some(json!({"body": "for her"})),
        )
        .await;
    assert_eq!(status, 403);
    let (status, problem) = app
        .call(
            &sara,
            Method::POST,
            &format!("{path}/reply"),
            Some(json!({"body": " "})),
        )
        .await;
    assert_eq!(status, 422, "{problem}");
    let (status, replied) = app
        .call(
            &sara,
            Method::POST,
            &format!("{path}/reply"),
            Some(json!({"body": "Thanks, I will add the date."})),
        )
        .await;
    assert_eq!(status, 200, "{replied}");
    assert_eq!(replied["reply"], "Thanks, I will add the date.");
    assert!(replied["replied_at"].is_string());

    // Nobody reviews their own answer.
    let own = reply(
        &app,
        &admin,
        &number,
        "I will look at this myself as well.",
        false,
    )
    .await;
    let (status, problem) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/answer-reviews",
            Some(review_of("ticket_reply", own, 5, json!([]), "me")),
        )
        .await;
    assert_eq!(status, 403, "{problem}");

    // A second review of another Sara answer, weaker on guideline 3: the
    // dashboard shows her average and weakest guideline, and the CSV too.
    let second = reply(&app, &sara, &number, "The refund went out today.", false).await;
    let (status, _) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/answer-reviews",
            Some(review_of(
                "ticket_reply",
                second,
                2,
                json!([{"guideline_id": g3, "score": 1}]),
                "Say how much.",
            )),
        )
        .await;
    assert_eq!(status, 201);
    let (status, dashboard) = app
        .call(&admin, Method::GET, "/api/v1/dashboard?days=7", None)
        .await;
    assert_eq!(status, 200, "{dashboard}");
    let row = dashboard["quality"]
        .as_array()
        .expect("quality")
        .iter()
        .find(|q| q["id"] == sara_id)
        .cloned()
        .unwrap_or_else(|| panic!("no Sara in {}", dashboard["quality"]));
    assert_eq!(row["reviewed"], 2);
    assert_eq!(row["average"], 3.0);
    let (_, position) = app
        .call(&admin, Method::GET, "/api/v1/guidelines", None)
        .await;
    let third_position = position
        .as_array()
        .or_else(|| position["items"].as_array())
        .and_then(|list| list.iter().find(|g| g["id"] == g3))
        .map(|g| g["position"].clone());
    assert_eq!(Some(row["weakest_guideline"].clone()), third_position);
    assert_eq!(row["weakest_average"], 1.0);
    assert!(
        dashboard["department_quality"]
            .as_array()
            .expect("departments")
            .iter()
            .any(|d| d["department"] == "customer-care" && d["reviewed"] == 2),
        "{}",
        dashboard["department_quality"]
    );
    let response = app
        .send_as(
            &admin,
            Method::GET,
            "/api/v1/dashboard/csv/quality?days=7",
            None,
        )
        .await;
    assert_eq!(response.status().as_u16(), 200);
    let csv = response.text().await.expect("csv");
    assert!(
        csv.lines()
            .any(|l| l.contains("\"Sara Park\"") && l.contains("\"2\",\"3.00\"")),
        "{csv}"
    );
    // The scorecard does not publish quality unless the company opts in.
    let card = app.get_json("/api/v1/scorecard", 200).await;
    assert_eq!(card["quality"], json!([]));
    app.stop().await;
}

async fn the_queue_samples_n_answers_per_employee_each_week(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app
        .sign_up("sampled.customer@example.com", "Sam Customer")
        .await;
    let sara = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let minjun = app
        .sign_in("minjun.lee@hanbit.example", DEMO_PASSWORD)
        .await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let (sara_id, minjun_id) = (id_of(&app, &sara).await, id_of(&app, &minjun).await);
    let number = ticket(&app, &customer, "Several questions about my plan").await;
    let mut saras = Vec::new();
    for n in 1..=5 {
        saras.push(
            reply(
                &app,
                &sara,
                &number,
                &format!("Answer number {n} from Sara."),
                false,
            )
            .await,
        );
    }
    let minjuns = reply(&app, &minjun, &number, "The line test passed.", false).await;
    let of = |queue: &Value, employee: i64| -> Vec<i64> {
        queue["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter(|a| a["employee"]["id"] == employee)
            .filter_map(|a| a["answer"]["id"].as_i64())
            .collect()
    };
    let first = queue(&app, &admin).await;
    assert_eq!(first["per_employee"], 3);
    // Sara's three newest, newest first; Minjun's one is there too.
    assert_eq!(
        of(&first, sara_id),
        vec![saras[4], saras[3], saras[2]],
        "{first}"
    );
    assert!(of(&first, minjun_id).contains(&minjuns), "{first}");
    for (_, ids) in first["items"].as_array().expect("items").iter().fold(
        std::collections::HashMap::<i64, Vec<i64>>::new(),
        |mut by, a| {
            by.entry(a["employee"]["id"].as_i64().unwrap_or(0))
                .or_default()
                .push(1);
            by
        },
    ) {
        assert!(ids.len() <= 3, "{first}");
    }
    // Reviewing one of Sara's leaves room for two more of hers this week.
    let (status, _) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/answer-reviews",
            Some(review_of("ticket_reply", saras[4], 4, json!([]), "Good.")),
        )
        .await;
    assert_eq!(status, 201);
    let second = queue(&app, &admin).await;
    assert_eq!(of(&second, sara_id), vec![saras[3], saras[2]], "{second}");
    // Eight days on, the week's answers have left the window.
    app.advance_clock(chrono::Duration::days(8));
    let later = queue(&app, &admin).await;
    assert!(of(&later, sara_id).is_empty(), "{later}");
    assert!(of(&later, minjun_id).is_empty(), "{later}");
    app.stop().await;
}

on_both_databases!(
    reviews_are_for_admins_and_the_reviewed_employee,
    the_queue_samples_n_answers_per_employee_each_week,
);
