//! The social CRM: one customer's whole history for staff, staff notes
//! (internal, signed, correctable by their author for 15 minutes), tags
//! from the admins' list, and the customer list with search, tag filter
//! and sorts. Customers and visitors get none of it.

use madang_tests::{Backend, DEMO_PASSWORD, TestApp, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

async fn id_of(app: &TestApp, cookie: &str) -> i64 {
    let (status, me) = app.call(cookie, Method::GET, "/api/v1/me", None).await;
    assert_eq!(status, 200, "{me}");
    me["user"]["id"].as_i64().expect("id")
}

async fn customer(app: &TestApp, staff: &str, id: i64) -> Value {
    let (status, view) = app
        .call(staff, Method::GET, &format!("/api/v1/customers/{id}"), None)
        .await;
    assert_eq!(status, 200, "{view}");
    view
}

async fn customer_view_is_for_staff_only(backend: Backend) {
    let app = spawn_app(backend).await;
    let minseo = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let other = app.sign_up("curious@example.com", "Curious Customer").await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let minseo_id = id_of(&app, &minseo).await;
    let staff_id = id_of(&app, &staff).await;
    let view = format!("/api/v1/customers/{minseo_id}");

    // Visitors sign in first; customers — even about themselves — are refused.
    for path in [view.as_str(), "/api/v1/customers", "/api/v1/customer-tags"] {
        let (status, _) = app.call("", Method::GET, path, None).await;
        assert_eq!(status, 401, "{path}");
        for cookie in [&minseo, &other] {
            let (status, problem) = app.call(cookie, Method::GET, path, None).await;
            assert_eq!(status, 403, "{path}: {problem}");
        }
    }
    for (method, path, body) in [
        (
            Method::POST,
            format!("{view}/notes"),
            json!({"body": "I am VIP"}),
        ),
        (
            Method::PUT,
            format!("{view}/tags"),
            json!({"tags": ["VIP"]}),
        ),
        (
            Method::POST,
            "/api/v1/customer-tags".to_owned(),
            json!({"name": "Friend"}),
        ),
    ] {
        let (status, _) = app.call(&minseo, method, &path, Some(body)).await;
        assert_eq!(status, 403, "{path}");
    }

    // Staff see the demo's VIP with her note; staff accounts and unknown
    // ids are no customers.
    let seen = customer(&app, &staff, minseo_id).await;
    assert_eq!(seen["summary"]["display_name"], "Minseo Oh");
    assert_eq!(seen["summary"]["tags"], json!(["VIP"]));
    assert_eq!(seen["tags"][0]["tagged_by"]["display_name"], "Sara Park");
    assert!(
        seen["notes"][0]["body"]
            .as_str()
            .is_some_and(|b| b.contains("call back"))
    );
    assert!(
        seen["summary"]["tickets"].as_i64().unwrap_or(0) >= 1,
        "{seen}"
    );
    for id in [staff_id, 999_999, -1] {
        let (status, problem) = app
            .call(
                &staff,
                Method::GET,
                &format!("/api/v1/customers/{id}"),
                None,
            )
            .await;
        assert_eq!(status, 404, "{id}: {problem}");
    }
    app.stop().await;
}

async fn customer_view_holds_their_history_notes_and_tags(backend: Backend) {
    let app = spawn_app(backend).await;
    let jiwoo = app.sign_up("jiwoo.kim@example.com", "Jiwoo Kim").await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let colleague = app
        .sign_in("minjun.lee@hanbit.example", DEMO_PASSWORD)
        .await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let id = id_of(&app, &jiwoo).await;

    // What Jiwoo does: a ticket with private details, an idea, a vote, a
    // comment, a "me too".
    let (status, ticket) = app
        .call(
            &jiwoo,
            Method::POST,
            "/api/v1/tickets",
            Some(json!({
                "kind": "complaint",
                "title": "Router restarts every night",
                "body": "Every night at 2 am the router restarts.",
                "private_details": "Contract 55-1234",
            })),
        )
        .await;
    assert_eq!(status, 201, "{ticket}");
    let (status, idea) = app
        .call(
            &jiwoo,
            Method::POST,
            "/api/v1/ideas",
            Some(json!({"title": "Night-time router updates", "body": "Update routers at 4 am instead."})),
        )
        .await;
    assert_eq!(status, 201, "{idea}");
    let (status, _) = app
        .call(&jiwoo, Method::PUT, "/api/v1/ideas/1/vote", None)
        .await;
    assert_eq!(status, 200);
    let (status, _) = app
        .call(
            &jiwoo,
            Method::POST,
            "/api/v1/ideas/2/comments",
            Some(json!({"body": "Same here, every week."})),
        )
        .await;
    assert_eq!(status, 201);
    let (_, others) = app
        .call(&staff, Method::GET, "/api/v1/tickets?limit=50", None)
        .await;
    let someone_elses = others["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|t| t["number"] != ticket["number"])
        .expect("a demo ticket")["number"]
        .as_str()
        .expect("number")
        .to_owned();
    let (status, _) = app
        .call(
            &jiwoo,
            Method::POST,
            &format!("/api/v1/tickets/{someone_elses}/me-too"),
            None,
        )
        .await;
    assert_eq!(status, 200);

    let seen = customer(&app, &staff, id).await;
    let summary = &seen["summary"];
    assert_eq!(summary["email"], "jiwoo.kim@example.com");
    assert_eq!(summary["tickets"], 1);
    assert_eq!(summary["open_tickets"], 1);
    assert!(summary["last_active_at"].is_string(), "{summary}");
    assert_eq!(seen["tickets"][0]["number"], ticket["number"]);
    assert_eq!(seen["tickets"][0]["private_details"], "Contract 55-1234");
    assert_eq!(seen["ideas"][0]["title"], "Night-time router updates");
    assert_eq!(seen["votes"][0]["idea_number"], 1);
    assert_eq!(seen["comments"][0]["idea_number"], 2);
    assert_eq!(seen["me_too"][0]["ticket_number"], someone_elses.as_str());
    assert_eq!(seen["influence"]["ideas"], 1);
    assert_eq!(seen["influence"]["threshold"], 30);
    assert_eq!(seen["notes"], json!([]));

    // Notes: signed and dated; bad input is refused field by field.
    let notes = format!("/api/v1/customers/{id}/notes");
    let (status, problem) = app
        .call(&staff, Method::POST, &notes, Some(json!({"body": "   "})))
        .await;
    assert_eq!(status, 422);
    assert!(problem["errors"]["body"].is_string(), "{problem}");
    let (status, note) = app
        .call(
            &staff,
            Method::POST,
            &notes,
            Some(json!({"body": "Asked for a technician visit; prefers Saturdays."})),
        )
        .await;
    assert_eq!(status, 201, "{note}");
    assert_eq!(note["author"]["display_name"], "Sara Park");
    assert!(note["editable_until"].is_string());
    let one = format!("{notes}/{}", note["id"]);
    // Its author corrects it; a colleague cannot, and sees no deadline.
    let (status, corrected) = app
        .call(
            &staff,
            Method::PATCH,
            &one,
            Some(json!({"body": "Asked for a technician visit; prefers Saturday mornings."})),
        )
        .await;
    assert_eq!(status, 200, "{corrected}");
    assert!(corrected["edited_at"].is_string());
    let (status, _) = app
        .call(
            &colleague,
            Method::PATCH,
            &one,
            Some(json!({"body": "mine now"})),
        )
        .await;
    assert_eq!(status, 403);
    let as_colleague = customer(&app, &colleague, id).await;
    assert_eq!(
        as_colleague["notes"][0]["body"],
        "Asked for a technician visit; prefers Saturday mornings."
    );
    assert!(as_colleague["notes"][0]["editable_until"].is_null());
    // After 15 minutes even its author cannot.
    app.advance_clock(chrono::Duration::minutes(16));
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let (status, _) = app
        .call(
            &staff,
            Method::PATCH,
            &one,
            Some(json!({"body": "too late"})),
        )
        .await;
    assert_eq!(status, 403);

    // Tags: only from the admins' list, which only admins change.
    let tags = format!("/api/v1/customers/{id}/tags");
    let (status, problem) = app
        .call(
            &staff,
            Method::PUT,
            &tags,
            Some(json!({"tags": ["Press contact"]})),
        )
        .await;
    assert_eq!(status, 422, "{problem}");
    assert!(problem["errors"]["tags"].is_string(), "{problem}");
    let (status, _) = app
        .call(
            &staff,
            Method::POST,
            "/api/v1/customer-tags",
            Some(json!({"name": "Press contact"})),
        )
        .await;
    assert_eq!(status, 403);
    let (status, created) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/customer-tags",
            Some(json!({"name": "Press contact"})),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let (status, _) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/customer-tags",
            Some(json!({"name": "press CONTACT"})),
        )
        .await;
    assert_eq!(status, 409);
    let (status, tagged) = app
        .call(
            &staff,
            Method::PUT,
            &tags,
            Some(json!({"tags": ["press contact", "VIP"]})),
        )
        .await;
    assert_eq!(status, 200, "{tagged}");
    let names: Vec<&str> = tagged["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    assert_eq!(names, ["Press contact", "VIP"]);
    assert_eq!(tagged["tags"][0]["tagged_by"]["display_name"], "Sara Park");

    // The ticket thread sums the customer up for staff, for nobody else.
    let thread = format!(
        "/api/v1/tickets/{}",
        ticket["number"].as_str().expect("number")
    );
    let (_, as_staff) = app.call(&colleague, Method::GET, &thread, None).await;
    assert_eq!(as_staff["customer"]["id"], id);
    assert_eq!(
        as_staff["customer"]["tags"],
        json!(["Press contact", "VIP"])
    );
    assert_eq!(as_staff["customer"]["open_tickets"], 1);
    let (_, as_author) = app.call(&jiwoo, Method::GET, &thread, None).await;
    assert!(as_author.get("customer").is_none(), "{as_author}");
    // The staff queue filters by the customer's tag; customers cannot.
    let (status, press) = app
        .call(
            &colleague,
            Method::GET,
            "/api/v1/tickets?tag=Press%20contact&limit=100",
            None,
        )
        .await;
    assert_eq!(status, 200, "{press}");
    let numbers: Vec<&str> = press["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|t| t["number"].as_str())
        .collect();
    assert_eq!(numbers, [ticket["number"].as_str().expect("number")]);
    let (status, _) = app
        .call(&jiwoo, Method::GET, "/api/v1/tickets?tag=VIP", None)
        .await;
    assert_eq!(status, 403);

    // The list: by tag, by search, and sorted.
    let (status, vips) = app
        .call(
            &colleague,
            Method::GET,
            "/api/v1/customers?tag=vip&limit=100",
            None,
        )
        .await;
    assert_eq!(status, 200, "{vips}");
    let vip_names: Vec<&str> = vips["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|c| c["display_name"].as_str())
        .collect();
    assert!(vip_names.contains(&"Jiwoo Kim"), "{vip_names:?}");
    assert!(vip_names.contains(&"Minseo Oh"), "{vip_names:?}");
    assert_eq!(vip_names.len(), 2, "{vip_names:?}");
    let (_, found) = app
        .call(
            &colleague,
            Method::GET,
            "/api/v1/customers?q=JIWOO.KIM@",
            None,
        )
        .await;
    assert_eq!(found["items"].as_array().map(Vec::len), Some(1), "{found}");
    assert_eq!(found["items"][0]["id"], id);
    assert!(found["items"][0].get("private_details").is_none());
    let (_, by_tickets) = app
        .call(
            &colleague,
            Method::GET,
            "/api/v1/customers?sort=open_tickets&limit=100",
            None,
        )
        .await;
    let open: Vec<i64> = by_tickets["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|c| c["open_tickets"].as_i64())
        .collect();
    assert!(open.windows(2).all(|w| w[0] >= w[1]), "{open:?}");
    assert!(open[0] >= 1, "{open:?}");
    for bad in ["sort=loudest", "tag=nobody", "limit=0"] {
        let (status, problem) = app
            .call(
                &colleague,
                Method::GET,
                &format!("/api/v1/customers?{bad}"),
                None,
            )
            .await;
        assert_eq!(status, 422, "{bad}: {problem}");
    }
    // Paging: two at a time, no customer twice.
    let (_, first) = app
        .call(&colleague, Method::GET, "/api/v1/customers?limit=2", None)
        .await;
    let cursor = first["next_cursor"].as_str().expect("more customers");
    let (_, second) = app
        .call(
            &colleague,
            Method::GET,
            &format!("/api/v1/customers?limit=2&cursor={cursor}"),
            None,
        )
        .await;
    assert_ne!(first["items"][0]["id"], second["items"][0]["id"]);
    assert_ne!(first["items"][1]["id"], second["items"][0]["id"]);

    // Removing a tag from the list takes it off every customer.
    let (status, _) = app
        .call(
            &admin,
            Method::DELETE,
            &format!("/api/v1/customer-tags/{}", created["id"]),
            None,
        )
        .await;
    assert_eq!(status, 204);
    let after = customer(&app, &staff, id).await;
    assert_eq!(after["summary"]["tags"], json!(["VIP"]));
    app.stop().await;
}

async fn merging_two_accounts_moves_the_activity_and_is_audited(backend: Backend) {
    let app = spawn_app(backend).await;
    let kept = app.sign_up("jina.seo@example.com", "Jina Seo").await;
    let duplicate = app.sign_up("jina.seo.work@example.com", "Jina S.").await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let (kept_id, duplicate_id) = (id_of(&app, &kept).await, id_of(&app, &duplicate).await);
    let staff_id = id_of(&app, &staff).await;

    // Both vote for idea 1; the duplicate also files a ticket and posts an idea.
    for cookie in [&kept, &duplicate] {
        let (status, _) = app
            .call(cookie, Method::PUT, "/api/v1/ideas/1/vote", None)
            .await;
        assert!(status == 200 || status == 201, "{status}");
    }
    let votes_before = app.get_json("/api/v1/ideas/1", 200).await["votes"]
        .as_i64()
        .expect("votes");
    let (status, ticket) = app
        .call(
            &duplicate,
            Method::POST,
            "/api/v1/tickets",
            Some(json!({"kind": "inquiry", "title": "Where is my refund?", "body": "It has been two weeks."})),
        )
        .await;
    assert_eq!(status, 201, "{ticket}");
    let (status, idea) = app
        .call(
            &duplicate,
            Method::POST,
            "/api/v1/ideas",
            Some(json!({"title": "Let me pay by bank transfer", "body": "Cards only is hard for my parents."})),
        )
        .await;
    assert_eq!(status, 201, "{idea}");
    let (status, _) = app
        .call(
            &staff,
            Method::POST,
            &format!("/api/v1/customers/{duplicate_id}/notes"),
            Some(json!({"body": "Also writes from her work address."})),
        )
        .await;
    assert_eq!(status, 201);
    let merge = format!("/api/v1/customers/{duplicate_id}/merge");

    // Only admins merge, and only two different customer accounts.
    for (cookie, status) in [("", 401), (kept.as_str(), 403), (staff.as_str(), 403)] {
        let (got, _) = app
            .call(cookie, Method::POST, &merge, Some(json!({"into": kept_id})))
            .await;
        assert_eq!(got, status);
    }
    for into in [duplicate_id, staff_id, 999_999] {
        let (status, problem) = app
            .call(&admin, Method::POST, &merge, Some(json!({"into": into})))
            .await;
        assert_eq!(status, 422, "{into}: {problem}");
        assert!(problem["errors"]["into"].is_string(), "{problem}");
    }

    let (status, view) = app
        .call(&admin, Method::POST, &merge, Some(json!({"into": kept_id})))
        .await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["summary"]["id"], kept_id);
    assert!(
        view["tickets"]
            .as_array()
            .expect("tickets")
            .iter()
            .any(|t| t["number"] == ticket["number"]),
        "{view}"
    );
    assert!(
        view["ideas"]
            .as_array()
            .expect("ideas")
            .iter()
            .any(|i| i["number"] == idea["number"]),
        "{view}"
    );
    assert!(
        view["notes"]
            .as_array()
            .expect("notes")
            .iter()
            .any(|n| n["body"] == "Also writes from her work address.")
    );
    // Their two votes for idea 1 count once now.
    let votes_after = app.get_json("/api/v1/ideas/1", 200).await["votes"]
        .as_i64()
        .expect("votes");
    assert_eq!(votes_after, votes_before - 1);
    assert_eq!(
        app.scalar(&format!(
            "SELECT COUNT(*) FROM idea_votes WHERE user_id = {kept_id} AND idea_id = 1"
        ))
        .await,
        1
    );
    assert_eq!(
        app.scalar(&format!(
            "SELECT COUNT(*) FROM idea_votes WHERE user_id = {duplicate_id}"
        ))
        .await,
        0
    );
    // The ticket is hers in her own list; the duplicate is closed.
    let (_, mine) = app
        .call(&kept, Method::GET, "/api/v1/me/tickets", None)
        .await;
    assert!(
        mine["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|t| t["number"] == ticket["number"]),
        "{mine}"
    );
    let (status, _) = app.call(&duplicate, Method::GET, "/api/v1/me", None).await;
    assert_eq!(status, 401, "the duplicate's sessions end");
    let response = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "jina.seo.work@example.com", "password": "a long enough password"}),
        )
        .await;
    assert_eq!(response.status().as_u16(), 401);
    let (status, _) = app
        .call(
            &staff,
            Method::GET,
            &format!("/api/v1/customers/{duplicate_id}"),
            None,
        )
        .await;
    assert_eq!(status, 404);
    let (_, audit) = app
        .call(
            &admin,
            Method::GET,
            "/api/v1/moderation/audit?action=member.merged",
            None,
        )
        .await;
    let entry = audit["items"][0].to_string();
    assert!(
        entry.contains("jina.seo.work@example.com") && entry.contains(&kept_id.to_string()),
        "{audit}"
    );
    app.stop().await;
}

async fn email_of(app: &TestApp, staff: &str, id: i64) -> String {
    customer(app, staff, id).await["summary"]["email"]
        .as_str()
        .expect("email")
        .to_owned()
}

/// The directory's first page: ids and `last_active_at` in order.
async fn directory(app: &TestApp, staff: &str) -> Vec<(i64, String)> {
    let (status, page) = app
        .call(staff, Method::GET, "/api/v1/customers?limit=100", None)
        .await;
    assert_eq!(status, 200, "{page}");
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|c| {
            let at = c["last_active_at"].as_str().expect("last_active_at");
            (c["id"].as_i64().expect("id"), at.to_owned())
        })
        .collect()
}

/// The default order is the most recently active first, and activity is
/// whatever the customer did: signing in, voting, commenting, filing.
async fn directory_puts_the_most_recently_active_first(backend: Backend) {
    let app = spawn_app(backend).await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let before = directory(&app, &staff).await;
    assert!(before.len() > 10, "{before:?}");
    let times: Vec<&str> = before.iter().map(|(_, at)| at.as_str()).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "{times:?}");
    let (quiet, quiet_since) = before.last().cloned().expect("a customer");

    // An hour later the quietest customer signs in: first, at that time.
    app.advance_clock(chrono::Duration::hours(1));
    let email = email_of(&app, &staff, quiet).await;
    app.sign_in(&email, DEMO_PASSWORD).await;
    let after = directory(&app, &staff).await;
    assert_eq!(after[0].0, quiet, "{after:?}");
    assert!(after[0].1 > quiet_since, "{after:?}");

    // A day later another customer votes: they go first, the first second.
    app.advance_clock(chrono::Duration::days(1));
    let (second, _) = after[after.len() - 1].clone();
    assert_ne!(second, quiet);
    let email = email_of(&app, &staff, second).await;
    let voter = app.sign_in(&email, DEMO_PASSWORD).await;
    // (Taken back first, in case the demo data has them voting for it.)
    for method in [Method::DELETE, Method::PUT] {
        let (status, body) = app.call(&voter, method, "/api/v1/ideas/3/vote", None).await;
        assert_eq!(status, 200, "{body}");
    }
    // The vote itself is the newest thing they did (the session was seen
    // before it was cast).
    let vote_is_last = app
        .scalar(&format!(
            "SELECT COUNT(*) FROM users WHERE id = {second} AND last_active_at = \
             (SELECT MAX(created_at) FROM idea_votes WHERE user_id = {second})"
        ))
        .await;
    assert_eq!(vote_is_last, 1);
    let last = directory(&app, &staff).await;
    assert_eq!(last[0].0, second, "{last:?}");
    assert_eq!(last[1].0, quiet, "{last:?}");
    app.stop().await;
}

on_both_databases!(
    customer_view_is_for_staff_only,
    customer_view_holds_their_history_notes_and_tags,
    merging_two_accounts_moves_the_activity_and_is_audited,
    directory_puts_the_most_recently_active_first,
);
