//! Voice-of-the-customer tickets: filing, privacy, the first-response
//! promise, hand-offs, statuses, "me too", ratings and the staff queue.

use madang_tests::{Backend, DEMO_PASSWORD, TestApp, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

const SECRET: &str = "ORDER-SECRET-4711";
const NOTE: &str = "INTERNAL-NOTE-9876";
const CUSTOMER_NOTE: &str = "CUSTOMER-NOTE-5150";
const REVIEW_NOTE: &str = "REVIEW-COACHING-2718";
const REVIEW_REPLY: &str = "REVIEW-REPLY-3141";

async fn file(app: &TestApp, cookie: &str, title: &str, department: Option<&str>) -> Value {
    let (status, body) = app
        .call(
            cookie,
            Method::POST,
            "/api/v1/tickets",
            Some(json!({
                "kind": "complaint",
                "title": title,
                "body": "Since Monday the line drops every evening.",
                "private_details": SECRET,
                "department": department,
            })),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    body
}

async fn private_details_and_internal_notes_never_reach_others(backend: Backend) {
    let app = spawn_app(backend).await;
    let author = app.sign_up("author@example.com", "Author").await;
    let other = app.sign_up("other@example.com", "Other").await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let ticket = file(&app, &author, "Internet drops every evening", None).await;
    let number = ticket["number"].as_str().expect("number").to_owned();
    assert!(number.starts_with("VOC-"), "{number}");
    assert_eq!(ticket["private_details"], SECRET);
    assert_eq!(ticket["status"], "open");
    assert_eq!(ticket["department"]["slug"], "customer-care");
    let path = format!("/api/v1/tickets/{number}");
    let (status, _) = app
        .call(
            &staff,
            Method::POST,
            &format!("{path}/replies"),
            Some(json!({"body": NOTE, "internal": true})),
        )
        .await;
    assert_eq!(status, 201);
    // Customers cannot write internal notes.
    let (status, _) = app
        .call(
            &author,
            Method::POST,
            &format!("{path}/replies"),
            Some(json!({"body": "let me in", "internal": true})),
        )
        .await;
    assert_eq!(status, 403);

    // A public answer with a promise and a remedy: they are public, the
    // details and the note stay private.
    let due = (chrono::Utc::now() + chrono::Duration::days(3))
        .format("%Y-%m-%d")
        .to_string();
    let (status, answered) = app
        .call(
            &staff,
            Method::POST,
            &format!("{path}/replies"),
            Some(json!({
                "body": "We are on it.",
                "commitment": {"text": "Call back with the line test", "due_on": due},
                "remedy": {"kind": "credit", "amount": 10000}
            })),
        )
        .await;
    assert_eq!(status, 201);

    // Staff and the author see the details; staff see the note.
    let (_, seen) = app.call(&staff, Method::GET, &path, None).await;
    assert_eq!(seen["private_details"], SECRET);
    assert!(seen.to_string().contains(NOTE));
    let (_, seen) = app.call(&author, Method::GET, &path, None).await;
    assert_eq!(seen["private_details"], SECRET);
    assert!(!seen.to_string().contains(NOTE));

    // Staff keep a note on the customer, and tag them.
    let author_id = seen["author"]["id"].as_i64().expect("author id");
    let (status, note) = app
        .call(
            &staff,
            Method::POST,
            &format!("/api/v1/customers/{author_id}/notes"),
            Some(json!({"body": CUSTOMER_NOTE})),
        )
        .await;
    assert_eq!(status, 201, "{note}");
    let (status, _) = app
        .call(
            &staff,
            Method::PUT,
            &format!("/api/v1/customers/{author_id}/tags"),
            Some(json!({"tags": ["VIP"]})),
        )
        .await;
    assert_eq!(status, 200);

    // A manager reviews the answer; the employee replies to the coaching.
    let answer_id = answered["posts"]
        .as_array()
        .and_then(|posts| {
            posts.iter().find(|p| {
                p["body_html"]
                    .as_str()
                    .is_some_and(|b| b.contains("We are on it."))
            })
        })
        .and_then(|p| p["id"].as_i64())
        .expect("the answer's id");
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let (status, review) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/answer-reviews",
            Some(json!({
                "answer": {"kind": "ticket_reply", "id": answer_id},
                "overall": 3,
                "comment": REVIEW_NOTE,
            })),
        )
        .await;
    assert_eq!(status, 201, "{review}");
    let review_id = review["id"].as_i64().expect("review id");
    let (status, _) = app
        .call(
            &staff,
            Method::POST,
            &format!("/api/v1/answer-reviews/{review_id}/reply"),
            Some(json!({"body": REVIEW_REPLY})),
        )
        .await;
    assert_eq!(status, 200);

    // Nobody else finds any of it, anywhere.
    let paths = [
        path.clone(),
        "/api/v1/tickets".to_owned(),
        "/api/v1/tickets?sort=urgent".to_owned(),
        "/api/v1/tickets?status=open".to_owned(),
        format!("/api/v1/members/{author_id}"),
        "/api/v1/ideas".to_owned(),
        "/api/v1/announcements".to_owned(),
        "/feeds/announcements.atom".to_owned(),
        "/feeds/ideas.atom".to_owned(),
        "/".to_owned(),
        "/support".to_owned(),
        format!("/members/{author_id}"),
        format!("/tickets/{number}"),
        "/tickets".to_owned(),
        "/commitments".to_owned(),
        "/api/v1/commitments".to_owned(),
        "/api/v1/guidelines".to_owned(),
        "/api/v1/ideas/similar?q=internet%20drops".to_owned(),
        "/api/v1/incidents".to_owned(),
        format!("/api/v1/answer-kit?ticket={number}"),
        "/api/v1/remedies/pending".to_owned(),
        "/staff/queue".to_owned(),
        "/announcements".to_owned(),
        "/roadmap".to_owned(),
        format!("/api/v1/customers/{author_id}"),
        "/api/v1/customers".to_owned(),
        "/api/v1/customer-tags".to_owned(),
        "/api/v1/answer-reviews".to_owned(),
        "/api/v1/answer-reviews/queue".to_owned(),
        format!("/api/v1/answer-reviews/{review_id}"),
        "/staff/reviews".to_owned(),
        format!("/staff/reviews/{review_id}"),
        "/api/v1/scorecard".to_owned(),
        "/scorecard".to_owned(),
        "/api/v1/dashboard".to_owned(),
    ];
    for cookie in ["", other.as_str()] {
        for p in &paths {
            let response = app.send_as(cookie, Method::GET, p, None).await;
            let status = response.status().as_u16();
            let text = response.text().await.expect("text");
            assert!(status < 500, "{p}: {status}");
            assert!(!text.contains(SECRET), "{p} shows the private details");
            assert!(!text.contains(NOTE), "{p} shows the internal note");
            assert!(!text.contains(CUSTOMER_NOTE), "{p} shows the customer note");
            assert!(!text.contains("VIP"), "{p} shows the customer's tag");
            assert!(!text.contains(REVIEW_NOTE), "{p} shows the review");
            assert!(
                !text.contains(REVIEW_REPLY),
                "{p} shows the reply to a review"
            );
        }
    }
    // Nor does the customer, on their own pages and in their own data.
    let own = [
        "/api/v1/me".to_owned(),
        "/api/v1/me/export".to_owned(),
        "/me".to_owned(),
        format!("/api/v1/customers/{author_id}"),
    ];
    for p in paths.iter().chain(&own) {
        let response = app.send_as(&author, Method::GET, p, None).await;
        let text = response.text().await.expect("text");
        assert!(
            !text.contains(CUSTOMER_NOTE),
            "{p} shows the customer their note"
        );
        assert!(!text.contains("VIP"), "{p} shows the customer their tag");
        assert!(
            !text.contains(REVIEW_NOTE),
            "{p} shows the customer the review"
        );
        assert!(
            !text.contains(REVIEW_REPLY),
            "{p} shows the customer the reply"
        );
    }
    // The reviewed employee and the manager do see it.
    for cookie in [&staff, &admin] {
        let (status, seen) = app
            .call(
                cookie,
                Method::GET,
                &format!("/api/v1/answer-reviews/{review_id}"),
                None,
            )
            .await;
        assert_eq!(status, 200);
        assert_eq!(seen["comment"], REVIEW_NOTE);
        assert_eq!(seen["reply"], REVIEW_REPLY);
    }
    let (_, seen) = app
        .call(
            &staff,
            Method::GET,
            &format!("/api/v1/customers/{author_id}"),
            None,
        )
        .await;
    assert_eq!(seen["notes"][0]["body"], CUSTOMER_NOTE);
    assert_eq!(seen["tickets"][0]["private_details"], SECRET);
    let (_, mine) = app
        .call(&other, Method::GET, "/api/v1/tickets?mine=true", None)
        .await;
    assert_eq!(mine["items"], json!([]));
    let (status, _) = app
        .call("", Method::GET, "/api/v1/tickets?mine=true", None)
        .await;
    assert_eq!(status, 401);
    app.stop().await;
}

async fn the_first_response_promise_is_kept_or_marked_broken(backend: Backend) {
    let app = spawn_app(backend).await;
    let author = app.sign_up("author@example.com", "Author").await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let ticket = file(&app, &author, "Charged twice for March", None).await;
    let number = ticket["number"].as_str().expect("number").to_owned();
    let path = format!("/api/v1/tickets/{number}");
    let promise = &ticket["first_response"];
    assert_eq!(promise["target_minutes"], 15);
    assert!(promise["due_at"].is_string());
    assert_eq!(promise["breached"], false);
    assert!(promise["answered_at"].is_null());

    app.advance_clock(chrono::Duration::minutes(20));
    let (_, late) = app.call("", Method::GET, &path, None).await;
    assert_eq!(late["first_response"]["breached"], true);
    // The queue lists it with the breach.
    let (_, queue) = app
        .call(&staff, Method::GET, "/api/v1/tickets?sort=urgent", None)
        .await;
    let row = queue["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|t| t["number"] == number.as_str())
        .cloned()
        .expect("in the queue");
    assert_eq!(row["first_response"]["breached"], true);

    // The author's own reply does not count as an answer.
    app.call(
        &author,
        Method::POST,
        &format!("{path}/replies"),
        Some(json!({"body": "Any news?"})),
    )
    .await;
    let (_, still) = app.call("", Method::GET, &path, None).await;
    assert!(still["first_response"]["answered_at"].is_null());

    let (status, answered) = app
        .call(
            &staff,
            Method::POST,
            &format!("{path}/replies"),
            Some(json!({"body": "Sorry — the second charge is refunded today."})),
        )
        .await;
    assert_eq!(status, 201);
    let first = &answered["first_response"];
    assert!(first["answered_at"].is_string());
    assert!(first["due_at"].is_null());
    assert_eq!(first["by"]["initials"], "S.P.");
    assert_eq!(first["by"]["department"]["slug"], "customer-care");
    assert_eq!(first["minutes"], 20);
    assert_eq!(first["breached"], true);
    assert_eq!(answered["status"], "acknowledged");
    let reply = answered["posts"]
        .as_array()
        .expect("posts")
        .iter()
        .rfind(|p| p["kind"] == "reply")
        .cloned()
        .expect("reply");
    assert_eq!(reply["author"]["staff"]["display_name"], "Sara Park");
    app.stop().await;
}

async fn staff_hand_tickets_to_the_department_that_can_fix_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let author = app.sign_up("author@example.com", "Author").await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let ticket = file(&app, &author, "Internet is slow every evening", None).await;
    let number = ticket["number"].as_str().expect("number").to_owned();
    let path = format!("/api/v1/tickets/{number}/transfer");

    let (status, _) = app
        .call(
            &author,
            Method::POST,
            &path,
            Some(json!({"department": "network", "note": "please"})),
        )
        .await;
    assert_eq!(status, 403);
    let (status, problem) = app
        .call(
            &staff,
            Method::POST,
            &path,
            Some(json!({"department": "network", "note": " "})),
        )
        .await;
    assert_eq!(status, 422);
    assert!(problem["errors"]["note"].is_string());
    let (status, problem) = app
        .call(
            &staff,
            Method::POST,
            &path,
            Some(json!({"department": "customer-care", "note": "stay here"})),
        )
        .await;
    assert_eq!(status, 422);
    assert!(problem["errors"]["department"].is_string());
    let (status, problem) = app
        .call(
            &staff,
            Method::POST,
            &path,
            Some(json!({"department": "nowhere", "note": "somewhere"})),
        )
        .await;
    assert_eq!(status, 422);
    assert!(problem["errors"]["department"].is_string());

    app.advance_clock(chrono::Duration::minutes(10));
    let note = "Network Operations can measure line speed at your address.";
    let (status, moved) = app
        .call(
            &staff,
            Method::POST,
            &path,
            Some(json!({"department": "network", "note": note})),
        )
        .await;
    assert_eq!(status, 200, "{moved}");
    assert_eq!(moved["department"]["slug"], "network");
    let hand_off = moved["posts"]
        .as_array()
        .expect("posts")
        .iter()
        .find(|p| p["kind"] == "transfer")
        .cloned()
        .expect("hand-off post");
    assert_eq!(hand_off["from_department"]["slug"], "customer-care");
    assert_eq!(hand_off["to_department"]["slug"], "network");
    assert!(
        hand_off["body_html"]
            .as_str()
            .is_some_and(|h| h.contains("line speed"))
    );
    assert_eq!(hand_off["author"]["staff"]["initials"], "S.P.");
    // The new department's promise runs from the hand-off.
    let promise = &moved["first_response"];
    assert_eq!(promise["breached"], false);
    assert_ne!(
        promise["started_at"],
        ticket["first_response"]["started_at"]
    );
    let network_minutes = app
        .scalar("SELECT first_response_minutes FROM departments WHERE slug = 'network'")
        .await;
    assert_eq!(promise["target_minutes"], network_minutes);
    // Visitors see the hand-off too.
    let (_, public) = app
        .call("", Method::GET, &format!("/api/v1/tickets/{number}"), None)
        .await;
    assert!(
        public["posts"]
            .as_array()
            .expect("posts")
            .iter()
            .any(|p| p["kind"] == "transfer")
    );
    app.stop().await;
}

async fn statuses_reopening_and_ratings_follow_the_rules(backend: Backend) {
    let app = spawn_app(backend).await;
    let author = app.sign_up("author@example.com", "Author").await;
    let other = app.sign_up("other@example.com", "Other").await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let ticket = file(&app, &author, "Router lights blink red", None).await;
    let number = ticket["number"].as_str().expect("number").to_owned();
    let status_path = format!("/api/v1/tickets/{number}/status");
    let rating_path = format!("/api/v1/tickets/{number}/rating");

    let (code, _) = app
        .call(
            &author,
            Method::PUT,
            &status_path,
            Some(json!({"status": "in_progress"})),
        )
        .await;
    assert_eq!(code, 403);
    let (code, _) = app
        .call(
            &other,
            Method::PUT,
            &status_path,
            Some(json!({"status": "closed"})),
        )
        .await;
    assert_eq!(code, 403);
    let (code, _) = app
        .call(
            &author,
            Method::POST,
            &rating_path,
            Some(json!({"score": 5})),
        )
        .await;
    assert_eq!(code, 409);

    let (code, waiting) = app
        .call(
            &staff,
            Method::PUT,
            &status_path,
            Some(json!({"status": "waiting_for_customer", "note": "Which model is your router?"})),
        )
        .await;
    assert_eq!(code, 200);
    assert_eq!(waiting["status"], "waiting_for_customer");
    // The author's answer puts it back to work.
    let (_, answered) = app
        .call(
            &author,
            Method::POST,
            &format!("/api/v1/tickets/{number}/replies"),
            Some(json!({"body": "It is the HB-200."})),
        )
        .await;
    assert_eq!(answered["status"], "in_progress");

    let (code, resolved) = app
        .call(
            &staff,
            Method::PUT,
            &status_path,
            Some(json!({"status": "resolved", "note": "Replaced the router."})),
        )
        .await;
    assert_eq!(code, 200);
    assert!(resolved["resolved_at"].is_string());
    assert_eq!(resolved["can"]["rate"], false, "staff do not rate");
    let (_, for_author) = app
        .call(
            &author,
            Method::GET,
            &format!("/api/v1/tickets/{number}"),
            None,
        )
        .await;
    assert_eq!(for_author["can"]["reopen"], true);
    assert_eq!(for_author["can"]["rate"], true);
    let status_post = resolved["posts"]
        .as_array()
        .expect("posts")
        .iter()
        .rfind(|p| p["kind"] == "status")
        .cloned()
        .expect("status post");
    assert_eq!(status_post["status"], "resolved");

    // Ratings: 1–5, only by the author.
    let (code, problem) = app
        .call(
            &author,
            Method::POST,
            &rating_path,
            Some(json!({"score": 6})),
        )
        .await;
    assert_eq!(code, 422);
    assert!(problem["errors"]["score"].is_string());
    let (code, _) = app
        .call(
            &other,
            Method::POST,
            &rating_path,
            Some(json!({"score": 1})),
        )
        .await;
    assert_eq!(code, 403);
    let (code, rated) = app
        .call(
            &author,
            Method::POST,
            &rating_path,
            Some(json!({"score": 4, "comment": "Quick and kind."})),
        )
        .await;
    assert_eq!(code, 200);
    assert_eq!(
        rated["rating"],
        json!({"score": 4, "comment": "Quick and kind."})
    );

    // Reopen within 14 days; not after.
    app.advance_clock(chrono::Duration::days(13));
    let (code, reopened) = app
        .call(
            &author,
            Method::PUT,
            &status_path,
            Some(json!({"status": "open"})),
        )
        .await;
    assert_eq!(code, 200);
    assert_eq!(reopened["status"], "open");
    assert!(reopened["resolved_at"].is_null());
    // Reopening asks for an answer again: staff resolve it with one.
    let clocks = reopened["clocks"].as_array().expect("clocks");
    let running = clocks.last().expect("a clock");
    assert_eq!(running["kind"], "next_reply");
    assert!(running["stopped_at"].is_null());
    let (code, _) = app
        .call(
            &staff,
            Method::PUT,
            &status_path,
            Some(json!({"status": "resolved"})),
        )
        .await;
    assert_eq!(code, 422, "the customer is waiting for an answer");
    let (code, _) = app
        .call(
            &staff,
            Method::PUT,
            &status_path,
            Some(json!({"status": "resolved", "note": "Replaced the router; fixed again."})),
        )
        .await;
    assert_eq!(code, 200);
    app.advance_clock(chrono::Duration::days(15));
    let (code, problem) = app
        .call(
            &author,
            Method::PUT,
            &status_path,
            Some(json!({"status": "open"})),
        )
        .await;
    assert_eq!(code, 409);
    assert!(
        problem["detail"]
            .as_str()
            .is_some_and(|d| d.contains("14 days"))
    );
    // Closed threads take no more replies.
    app.call(
        &staff,
        Method::PUT,
        &status_path,
        Some(json!({"status": "closed"})),
    )
    .await;
    let (code, _) = app
        .call(
            &author,
            Method::POST,
            &format!("/api/v1/tickets/{number}/replies"),
            Some(json!({"body": "hello?"})),
        )
        .await;
    assert_eq!(code, 409);
    app.stop().await;
}

async fn me_too_counts_each_affected_member_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let author = app.sign_up("author@example.com", "Author").await;
    let b = app.sign_up("b@example.com", "B").await;
    let c = app.sign_up("c@example.com", "C").await;
    let ticket = file(&app, &author, "App crashes on login", None).await;
    let path = format!(
        "/api/v1/tickets/{}/me-too",
        ticket["number"].as_str().expect("number")
    );
    let (code, _) = app.call("", Method::POST, &path, None).await;
    assert_eq!(code, 401);
    let (code, _) = app.call(&author, Method::POST, &path, None).await;
    assert_eq!(code, 409);
    for _ in 0..2 {
        let (code, state) = app.call(&b, Method::POST, &path, None).await;
        assert_eq!(code, 200);
        assert_eq!(state, json!({"me_too": 1, "mine": true}));
    }
    let (_, state) = app.call(&c, Method::POST, &path, None).await;
    assert_eq!(state["me_too"], 2);
    let (_, state) = app.call(&b, Method::DELETE, &path, None).await;
    assert_eq!(state, json!({"me_too": 1, "mine": false}));
    app.stop().await;
}

async fn the_staff_queue_puts_the_earliest_deadline_first(backend: Backend) {
    let app = spawn_app(backend).await;
    let author = app.sign_up("author@example.com", "Author").await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let staff_id = app.call(&staff, Method::GET, "/api/v1/me", None).await.1["user"]["id"]
        .as_i64()
        .expect("id");
    // Billing promises 30 minutes, Customer Care 15: the later-filed Care
    // ticket is due first.
    let billing = file(&app, &author, "Wrong amount on the bill", Some("billing")).await;
    app.advance_clock(chrono::Duration::minutes(5));
    let care = file(
        &app,
        &author,
        "Cannot find my contract",
        Some("customer-care"),
    )
    .await;
    let (code, queue) = app
        .call(
            &staff,
            Method::GET,
            "/api/v1/tickets?sort=urgent&limit=100",
            None,
        )
        .await;
    assert_eq!(code, 200);
    let order: Vec<String> = queue["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|t| t["number"].as_str().unwrap_or_default().to_owned())
        .collect();
    let pos = |n: &Value| {
        order
            .iter()
            .position(|o| o == n.as_str().unwrap_or_default())
            .expect("queued")
    };
    assert!(pos(&care["number"]) < pos(&billing["number"]), "{order:?}");
    // Deadlines never go backwards along the queue while unanswered.
    let dues: Vec<String> = queue["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|t| t["first_response"]["due_at"].as_str().map(str::to_owned))
        .collect();
    let mut sorted = dues.clone();
    sorted.sort();
    assert_eq!(dues, sorted);
    assert!(
        queue["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|t| t["status"] != "resolved" && t["status"] != "closed")
    );

    // Claim, then filter by assignee.
    let claim = format!(
        "/api/v1/tickets/{}/assignee",
        care["number"].as_str().expect("number")
    );
    let (code, claimed) = app
        .call(
            &staff,
            Method::PUT,
            &claim,
            Some(json!({"assignee": staff_id})),
        )
        .await;
    assert_eq!(code, 200);
    assert_eq!(claimed["assignee"]["id"], staff_id);
    let (_, mine) = app
        .call(
            &staff,
            Method::GET,
            "/api/v1/tickets?sort=urgent&assignee=me",
            None,
        )
        .await;
    assert_eq!(mine["items"].as_array().map(Vec::len), Some(1));
    let author_id = app.call(&author, Method::GET, "/api/v1/me", None).await.1["user"]["id"]
        .as_i64()
        .expect("id");
    let (code, problem) = app
        .call(
            &staff,
            Method::PUT,
            &claim,
            Some(json!({"assignee": author_id})),
        )
        .await;
    assert_eq!(code, 422);
    assert!(problem["errors"]["assignee"].is_string());
    let (code, _) = app
        .call(&author, Method::GET, "/api/v1/tickets?assignee=none", None)
        .await;
    assert_eq!(code, 403);
    let (code, _) = app
        .call(&author, Method::GET, "/api/v1/tickets?sort=urgent", None)
        .await;
    assert_eq!(code, 403);
    let (code, _) = app
        .call(
            &author,
            Method::PUT,
            &claim,
            Some(json!({"assignee": null})),
        )
        .await;
    assert_eq!(code, 403);
    // Department and kind filters.
    let (_, billing_only) = app
        .call(
            "",
            Method::GET,
            "/api/v1/tickets?department=billing&kind=complaint",
            None,
        )
        .await;
    assert!(
        billing_only["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|t| t["department"]["slug"] == "billing" && t["kind"] == "complaint")
    );
    let (code, _) = app
        .call("", Method::GET, "/api/v1/tickets?sort=oldest", None)
        .await;
    assert_eq!(code, 422);
    app.stop().await;
}

async fn filing_a_ticket_checks_every_field(backend: Backend) {
    let app = spawn_app(backend).await;
    let author = app.sign_up("author@example.com", "Author").await;
    let before = app.scalar("SELECT COUNT(*) FROM tickets").await;
    let (code, problem) = app.call(&author, Method::POST, "/api/v1/tickets", Some(json!({
        "kind": "complaint", "title": "Hi", "body": " ", "private_details": "x".repeat(501), "department": "nowhere"
    }))).await;
    assert_eq!(code, 422);
    for field in ["title", "body", "private_details"] {
        assert!(problem["errors"][field].is_string(), "{field}: {problem}");
    }
    let (code, problem) = app.call(&author,
        Method::POST,
        "/api/v1/tickets",
        Some(json!({
            "kind": "complaint", "title": "A real title", "body": "text", "department": "nowhere"
        })),
    )
    .await;
    assert_eq!(code, 422);
    assert!(problem["errors"]["department"].is_string());
    let (code, _) = app
        .call(
            &author,
            Method::POST,
            "/api/v1/tickets",
            Some(json!({
                "kind": "rant", "title": "A real title", "body": "text"
            })),
        )
        .await;
    assert!(code == 400 || code == 422, "{code}");
    let (code, _) = app
        .call(
            "",
            Method::POST,
            "/api/v1/tickets",
            Some(json!({"kind": "inquiry", "title": "A real title", "body": "text"})),
        )
        .await;
    assert_eq!(code, 401);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM tickets").await, before);
    let (code, _) = app
        .call("", Method::GET, "/api/v1/tickets/VOC-999999", None)
        .await;
    assert_eq!(code, 404);
    let (code, _) = app.call("", Method::GET, "/api/v1/tickets/12", None).await;
    assert_eq!(code, 404);
    app.stop().await;
}

async fn a_me_too_spike_raises_an_incident_for_its_department(backend: Backend) {
    let app = spawn_app(backend).await;
    let author = app.sign_up("author@example.com", "Author").await;
    let staff = app
        .sign_in("minjun.lee@hanbit.example", DEMO_PASSWORD)
        .await;
    let ticket = file(&app, &author, "No internet in Mapo-gu", Some("network")).await;
    let number = ticket["number"].as_str().expect("number").to_owned();
    let (code, _) = app
        .call(&author, Method::GET, "/api/v1/incidents", None)
        .await;
    assert_eq!(code, 403);
    let (_, quiet) = app
        .call(&staff, Method::GET, "/api/v1/incidents", None)
        .await;
    assert_eq!(quiet["items"], json!([]));

    // The default rule: 5 marks within 30 minutes.
    let tokens = app.create_members(5).await;
    for (i, token) in tokens.iter().enumerate() {
        let response = app
            .client
            .post(app.url(&format!("/api/v1/tickets/{number}/me-too")))
            .bearer_auth(token)
            .send()
            .await
            .expect("request");
        assert_eq!(response.status().as_u16(), 200);
        let (_, now) = app
            .call(&staff, Method::GET, "/api/v1/incidents", None)
            .await;
        let raised = !now["items"].as_array().expect("items").is_empty();
        assert_eq!(raised, i == 4, "after {} marks: {now}", i + 1);
    }
    let (_, spike) = app
        .call(&staff, Method::GET, "/api/v1/incidents", None)
        .await;
    let incident = &spike["items"][0];
    assert_eq!(incident["department"]["slug"], "network");
    assert_eq!(incident["me_too"], 5);
    assert_eq!(incident["window_minutes"], 30);
    assert_eq!(incident["tickets"], json!([number]));
    // Half an hour later the spike has passed.
    app.advance_clock(chrono::Duration::minutes(31));
    let (_, later) = app
        .call(&staff, Method::GET, "/api/v1/incidents", None)
        .await;
    assert_eq!(later["items"], json!([]));
    app.stop().await;
}

async fn the_answer_kit_fills_canned_answers_and_lists_the_guidelines(backend: Backend) {
    let app = spawn_app(backend).await;
    let author = app.sign_up("jiwoo@example.com", "Jiwoo Lee").await;
    let staff = app.sign_in("billing@hanbit.example", DEMO_PASSWORD).await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let ticket = file(&app, &author, "Charged twice in November", Some("billing")).await;
    let number = ticket["number"].as_str().expect("number").to_owned();
    let kit_path = format!("/api/v1/answer-kit?ticket={number}");

    let (code, _) = app.call(&author, Method::GET, &kit_path, None).await;
    assert_eq!(code, 403);
    let (code, kit) = app.call(&staff, Method::GET, &kit_path, None).await;
    assert_eq!(code, 200, "{kit}");
    let refund = kit["canned"]
        .as_array()
        .expect("canned")
        .iter()
        .find(|c| c["title"] == "Billing error — refund")
        .cloned()
        .expect("demo canned answer");
    let body = refund["body"].as_str().expect("body");
    assert!(body.starts_with("Dear Jiwoo Lee,"), "{body}");
    assert!(
        body.contains("Jiho Kwon, Billing") && !body.contains('{'),
        "{body}"
    );
    assert_eq!(kit["guidelines"].as_array().map(Vec::len), Some(10));
    assert_eq!(kit["guidelines"][0]["position"], 1);
    let template = kit["statement_template"].as_str().expect("template");
    for part in [
        "What happened",
        "Our position",
        "Our apology",
        "What we will do next",
    ] {
        assert!(template.contains(part), "{part} missing");
    }

    // Admins manage the kit; staff cannot.
    let answer = json!({"title": "Outage apology", "body": "Sorry, {customer_name} — {ticket_number} is our fault."});
    let (code, _) = app
        .call(
            &staff,
            Method::POST,
            "/api/v1/admin/canned-answers",
            Some(answer.clone()),
        )
        .await;
    assert_eq!(code, 403);
    let (code, problem) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/admin/canned-answers",
            Some(json!({"title": "x", "body": ""})),
        )
        .await;
    assert_eq!(code, 422);
    assert!(problem["errors"]["title"].is_string() && problem["errors"]["body"].is_string());
    let (code, created) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/admin/canned-answers",
            Some(answer),
        )
        .await;
    assert_eq!(code, 201);
    let id = created["id"].as_i64().expect("id");
    let (code, updated) = app
        .call(
            &admin,
            Method::PUT,
            &format!("/api/v1/admin/canned-answers/{id}"),
            Some(json!({"title": "Outage apology", "body": "We are sorry, {customer_name}."})),
        )
        .await;
    assert_eq!(code, 200);
    assert_eq!(updated["body"], "We are sorry, {customer_name}.");
    let (_, kit) = app.call(&staff, Method::GET, &kit_path, None).await;
    assert!(
        kit["canned"]
            .as_array()
            .expect("canned")
            .iter()
            .any(|c| c["body"] == "We are sorry, Jiwoo Lee.")
    );
    let (code, _) = app
        .call(
            &admin,
            Method::DELETE,
            &format!("/api/v1/admin/canned-answers/{id}"),
            None,
        )
        .await;
    assert_eq!(code, 204);
    let (code, _) = app
        .call(
            &admin,
            Method::DELETE,
            &format!("/api/v1/admin/canned-answers/{id}"),
            None,
        )
        .await;
    assert_eq!(code, 404);

    let (code, rule) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/admin/guidelines",
            Some(json!({"text": "Reply within the promise, always."})),
        )
        .await;
    assert_eq!(code, 201);
    assert_eq!(rule["position"], 11);
    let (_, public) = app.call("", Method::GET, "/api/v1/guidelines", None).await;
    assert_eq!(public["items"].as_array().map(Vec::len), Some(11));
    let (code, _) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/admin/guidelines",
            Some(json!({"text": "x"})),
        )
        .await;
    assert_eq!(code, 422);
    let (code, _) = app
        .call(
            &admin,
            Method::DELETE,
            &format!("/api/v1/admin/guidelines/{}", rule["id"]),
            None,
        )
        .await;
    assert_eq!(code, 204);
    app.stop().await;
}

on_both_databases!(
    my_tickets_lists_the_members_own_most_recently_active_first,
    private_details_and_internal_notes_never_reach_others,
    the_first_response_promise_is_kept_or_marked_broken,
    staff_hand_tickets_to_the_department_that_can_fix_them,
    statuses_reopening_and_ratings_follow_the_rules,
    me_too_counts_each_affected_member_once,
    the_staff_queue_puts_the_earliest_deadline_first,
    filing_a_ticket_checks_every_field,
    a_me_too_spike_raises_an_incident_for_its_department,
    the_answer_kit_fills_canned_answers_and_lists_the_guidelines,
);

async fn my_tickets_lists_the_members_own_most_recently_active_first(backend: Backend) {
    let app = spawn_app(backend).await;
    let (code, _) = app.call("", Method::GET, "/api/v1/me/tickets", None).await;
    assert_eq!(code, 401);
    let mine = app.sign_up("mine@example.com", "Mine Owner").await;
    let other = app.sign_up("other@example.com", "Someone Else").await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let mut numbers = Vec::new();
    for (who, title) in [
        (&mine, "First of mine here"),
        (&other, "Not mine at all"),
        (&mine, "Second of mine here"),
    ] {
        let (code, t) = app
            .call(
                who,
                Method::POST,
                "/api/v1/tickets",
                Some(json!({"kind": "inquiry", "title": title, "body": "Details."})),
            )
            .await;
        assert_eq!(code, 201);
        numbers.push(t["number"].as_str().expect("number").to_owned());
        app.advance_clock(chrono::Duration::minutes(1));
    }
    // Staff answer the older one: it becomes the most recently active.
    let (code, _) = app
        .call(
            &staff,
            Method::POST,
            &format!("/api/v1/tickets/{}/replies", numbers[0]),
            Some(json!({"body": "Here is the answer."})),
        )
        .await;
    assert_eq!(code, 201);
    let (code, page) = app
        .call(&mine, Method::GET, "/api/v1/me/tickets", None)
        .await;
    assert_eq!(code, 200, "{page}");
    let listed: Vec<&str> = page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|t| t["number"].as_str().expect("number"))
        .collect();
    assert_eq!(listed, [numbers[0].as_str(), numbers[2].as_str()]);
    assert!(page["items"][0]["last_activity_at"].is_string());
    let (_, open) = app
        .call(
            &mine,
            Method::GET,
            "/api/v1/me/tickets?status=acknowledged",
            None,
        )
        .await;
    assert_eq!(open["items"].as_array().map(Vec::len), Some(1));
    let html = app
        .send_as(&mine, Method::GET, "/me/tickets", None)
        .await
        .text()
        .await
        .expect("page");
    assert!(html.contains("First of mine here") && !html.contains("Not mine at all"));
    app.stop().await;
}
