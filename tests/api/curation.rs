//! Curation beyond comments: hiding ideas, ticket posts and profiles with a
//! public tombstone; correcting, locking and featuring ideas with a public
//! history; the word list that holds posts for review; per-member rate
//! limits and the link cap for new members.

use madang_tests::{Backend, DEMO_PASSWORD, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

fn items(list: &Value) -> &Vec<Value> {
    list["items"].as_array().expect("items")
}

fn has_number(list: &Value, number: i64) -> bool {
    items(list).iter().any(|i| i["number"] == number)
}

fn timeline_kinds(idea: &Value) -> Vec<String> {
    idea["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .filter_map(|e| e["kind"].as_str().map(str::to_owned))
        .collect()
}

async fn hidden_ideas_ticket_posts_and_profiles_leave_a_public_tombstone(backend: Backend) {
    let app = spawn_app(backend).await;
    let author = app.sign_up("spammer@example.com", "Cheap Pills Shop").await;
    let moderator = app.sign_in("moderator@hanbit.example", DEMO_PASSWORD).await;
    let (code, idea) = app
        .call(
            &author,
            Method::POST,
            "/api/v1/ideas",
            Some(json!({"title": "Buy cheap pills today", "body": "Visit my shop for deals"})),
        )
        .await;
    assert_eq!(code, 201);
    let number = idea["number"].as_i64().expect("number");
    let target = json!({"type": "idea", "id": number});

    // The guideline must exist.
    let (code, problem) = app
        .call(
            &moderator,
            Method::POST,
            "/api/v1/moderation/hide",
            Some(json!({"target": target, "reason": "spam", "guideline": "99"})),
        )
        .await;
    assert_eq!(code, 422);
    assert!(
        problem["errors"]["guideline"]
            .as_str()
            .is_some_and(|m| m.contains("1–10")),
        "{problem}"
    );
    let (code, _) = app
        .call(
            &moderator,
            Method::POST,
            "/api/v1/moderation/hide",
            Some(json!({"target": target, "reason": "spam", "guideline": "2"})),
        )
        .await;
    assert_eq!(code, 204);

    // Visitors see the number, the tombstone and the history, not the words.
    let visitor = app.get_json(&format!("/api/v1/ideas/{number}"), 200).await;
    assert_eq!(visitor["hidden"], "spam — guideline 2");
    assert_eq!(visitor["title"], "");
    assert_eq!(visitor["body_html"], "");
    assert!(timeline_kinds(&visitor).contains(&"hidden".to_owned()));
    let page = app
        .get(&format!("/ideas/{number}"))
        .await
        .text()
        .await
        .expect("html");
    assert!(page.contains("spam — guideline 2"));
    assert!(!page.contains("cheap pills"));
    let board = app.get_json("/api/v1/ideas?sort=new&limit=100", 200).await;
    assert!(!has_number(&board, number));
    let (_, seen) = app
        .call(
            &moderator,
            Method::GET,
            &format!("/api/v1/ideas/{number}"),
            None,
        )
        .await;
    assert_eq!(seen["title"], "Buy cheap pills today");

    // Showing it again puts it back on the board, and says so.
    let (code, _) = app
        .call(
            &moderator,
            Method::POST,
            "/api/v1/moderation/unhide",
            Some(json!({"target": target})),
        )
        .await;
    assert_eq!(code, 204);
    let (code, _) = app
        .call(
            &moderator,
            Method::POST,
            "/api/v1/moderation/unhide",
            Some(json!({"target": target})),
        )
        .await;
    assert_eq!(code, 409);
    let visitor = app.get_json(&format!("/api/v1/ideas/{number}"), 200).await;
    assert_eq!(visitor["title"], "Buy cheap pills today");
    assert!(timeline_kinds(&visitor).contains(&"unhidden".to_owned()));
    let board = app.get_json("/api/v1/ideas?sort=new&limit=100", 200).await;
    assert!(has_number(&board, number));

    // A public ticket reply can be hidden; an internal note cannot even be named.
    let (_, ticket) = app
        .call(
            &author,
            Method::POST,
            "/api/v1/tickets",
            Some(json!({"kind": "inquiry", "title": "Where is my parcel", "body": "It is late"})),
        )
        .await;
    let ticket_number = ticket["number"].as_str().expect("ticket number").to_owned();
    let (code, _) = app
        .call(
            &author,
            Method::POST,
            &format!("/api/v1/tickets/{ticket_number}/replies"),
            Some(json!({"body": "You are all idiots"})),
        )
        .await;
    assert_eq!(code, 201);
    let employee = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let (code, _) = app
        .call(
            &employee,
            Method::POST,
            &format!("/api/v1/tickets/{ticket_number}/replies"),
            Some(json!({"body": "Internal: customer is upset", "internal": true})),
        )
        .await;
    assert_eq!(code, 201);
    let (_, thread) = app
        .call(
            &employee,
            Method::GET,
            &format!("/api/v1/tickets/{ticket_number}"),
            None,
        )
        .await;
    let post_id = |text: &str| {
        thread["posts"]
            .as_array()
            .expect("posts")
            .iter()
            .find(|p| p["body_html"].as_str().is_some_and(|b| b.contains(text)))
            .and_then(|p| p["id"].as_i64())
            .expect("post")
    };
    let (rude, internal) = (post_id("idiots"), post_id("Internal:"));
    let (code, _) = app
        .call(
            &moderator,
            Method::POST,
            "/api/v1/moderation/hide",
            Some(json!({"target": {"type": "ticket_post", "id": internal}, "reason": "other"})),
        )
        .await;
    assert_eq!(code, 404);
    let (code, _) = app
        .call(
            &moderator,
            Method::POST,
            "/api/v1/moderation/hide",
            Some(json!({"target": {"type": "ticket_post", "id": rude}, "reason": "abuse", "guideline": "5"})),
        )
        .await;
    assert_eq!(code, 204);
    let public = app
        .get_json(&format!("/api/v1/tickets/{ticket_number}"), 200)
        .await;
    let hidden_post = public["posts"]
        .as_array()
        .expect("posts")
        .iter()
        .find(|p| p["id"] == rude)
        .cloned()
        .expect("tombstone");
    assert_eq!(hidden_post["body_html"], "");
    assert_eq!(hidden_post["hidden"], "abuse — guideline 5");

    // A profile with an abusive name shows no name anywhere; staff stay named.
    let author_id = idea["author"]["id"].as_i64().expect("author id");
    let (code, _) = app
        .call(
            &moderator,
            Method::POST,
            "/api/v1/moderation/hide",
            Some(json!({"target": {"type": "profile", "id": author_id}, "reason": "spam"})),
        )
        .await;
    assert_eq!(code, 204);
    let profile = app
        .get_json(&format!("/api/v1/members/{author_id}"), 200)
        .await;
    assert_eq!(profile["display_name"], "Hidden member");
    assert_eq!(profile["hidden"], "spam");
    let shown = app.get_json(&format!("/api/v1/ideas/{number}"), 200).await;
    assert_eq!(shown["author"]["display_name"], "Hidden member");
    let staff_id = app.call(&employee, Method::GET, "/api/v1/me", None).await.1["user"]["id"]
        .as_i64()
        .expect("staff id");
    let (code, _) = app
        .call(
            &moderator,
            Method::POST,
            "/api/v1/moderation/hide",
            Some(json!({"target": {"type": "profile", "id": staff_id}, "reason": "other"})),
        )
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
    let kinds: Vec<&str> = items(&log)
        .iter()
        .filter_map(|e| e["target_type"].as_str())
        .collect();
    assert_eq!(kinds, ["profile", "ticket_post", "idea"]);
    app.stop().await;
}

async fn moderators_correct_lock_and_feature_ideas_in_public(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_up("writer@example.com", "Writer").await;
    let moderator = app.sign_in("moderator@hanbit.example", DEMO_PASSWORD).await;
    let employee = app.sign_in("billing@hanbit.example", DEMO_PASSWORD).await;
    let (_, idea) = app
        .call(
            &customer,
            Method::POST,
            "/api/v1/ideas",
            Some(
                json!({"title": "wifi slow pls fix!!!", "body": "Every evening", "tags": ["wifi"]}),
            ),
        )
        .await;
    let number = idea["number"].as_i64().expect("number");
    let path = format!("/api/v1/ideas/{number}");

    // Correcting: moderators only, validated, recorded with before and after.
    let fix = json!({"title": "Home Wi-Fi slows down every evening", "category": "home-internet",
        "tags": ["wifi", "speed"], "reason": "clearer title", "guideline": "3"});
    let (code, _) = app
        .call(&customer, Method::PATCH, &path, Some(fix.clone()))
        .await;
    assert_eq!(code, 403);
    let (code, problem) = app
        .call(
            &moderator,
            Method::PATCH,
            &path,
            Some(json!({"title": "ab"})),
        )
        .await;
    assert_eq!(code, 422);
    assert!(problem["errors"]["title"].is_string());
    let (code, problem) = app
        .call(&moderator, Method::PATCH, &path, Some(json!({})))
        .await;
    assert_eq!(code, 422, "{problem}");
    let (code, problem) = app
        .call(
            &moderator,
            Method::PATCH,
            &path,
            Some(json!({"category": "nope"})),
        )
        .await;
    assert_eq!(code, 422);
    assert!(problem["errors"]["category"].is_string());
    let (code, edited) = app
        .call(&moderator, Method::PATCH, &path, Some(fix.clone()))
        .await;
    assert_eq!(code, 200, "{edited}");
    assert_eq!(edited["title"], "Home Wi-Fi slows down every evening");
    assert_eq!(edited["tags"], json!(["speed", "wifi"]));
    assert_eq!(edited["category"], "Home internet");
    let entry = edited["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .find(|e| e["kind"] == "edited")
        .cloned()
        .expect("edit in the timeline");
    let text = entry["text_html"].as_str().expect("text");
    assert!(
        text.contains("wifi slow pls fix!!!") && text.contains("Home Wi-Fi slows down"),
        "{text}"
    );
    assert!(
        text.contains("clearer title") && text.contains("guideline 3"),
        "{text}"
    );
    assert_eq!(entry["by"]["display_name"], "Yuna Kang");
    // The same values again change nothing and record nothing.
    app.call(&moderator, Method::PATCH, &path, Some(fix)).await;
    assert_eq!(
        app.scalar(&format!(
            "SELECT COUNT(*) FROM idea_curations WHERE idea_id = {number} AND kind = 'edited'"
        ))
        .await,
        1
    );
    let found = app.get_json("/api/v1/ideas?q=evening%20slows", 200).await;
    assert!(has_number(&found, number));
    let (_, log) = app
        .call(
            &moderator,
            Method::GET,
            "/api/v1/moderation/audit?action=idea.edited",
            None,
        )
        .await;
    assert_eq!(log["items"][0]["guideline"], "3");
    assert!(
        log["items"][0]["before"]
            .as_str()
            .is_some_and(|b| b.contains("wifi slow pls fix!!!"))
    );

    // Locking stops customers' comments, not votes and not staff answers.
    let lock_path = format!("{path}/lock");
    let (code, problem) = app
        .call(
            &moderator,
            Method::PUT,
            &lock_path,
            Some(json!({"reason": ""})),
        )
        .await;
    assert_eq!(code, 422);
    assert!(problem["errors"]["reason"].is_string());
    let (code, locked) = app
        .call(
            &moderator,
            Method::PUT,
            &lock_path,
            Some(json!({"reason": "Answered; follow the roadmap for news", "guideline": "7"})),
        )
        .await;
    assert_eq!(code, 200);
    assert_eq!(locked["locked"], "Answered; follow the roadmap for news");
    let (code, _) = app
        .call(
            &moderator,
            Method::PUT,
            &lock_path,
            Some(json!({"reason": "again and again"})),
        )
        .await;
    assert_eq!(code, 409);
    let comments = format!("{path}/comments");
    let (code, problem) = app
        .call(
            &customer,
            Method::POST,
            &comments,
            Some(json!({"body": "any news?"})),
        )
        .await;
    assert_eq!(code, 409);
    assert!(
        problem["detail"]
            .as_str()
            .is_some_and(|d| d.contains("follow the roadmap")),
        "{problem}"
    );
    let (code, _) = app
        .call(&customer, Method::PUT, &format!("{path}/vote"), None)
        .await;
    assert_eq!(code, 200);
    let (code, _) = app
        .call(
            &employee,
            Method::POST,
            &comments,
            Some(json!({"body": "Planned for March."})),
        )
        .await;
    assert_eq!(code, 201);
    let (code, _) = app.call(&moderator, Method::DELETE, &lock_path, None).await;
    assert_eq!(code, 200);
    let (code, _) = app.call(&moderator, Method::DELETE, &lock_path, None).await;
    assert_eq!(code, 409);
    let (code, _) = app
        .call(
            &customer,
            Method::POST,
            &comments,
            Some(json!({"body": "thanks!"})),
        )
        .await;
    assert_eq!(code, 201);
    let kinds = timeline_kinds(&app.get_json(&path, 200).await);
    assert!(kinds.contains(&"locked".to_owned()) && kinds.contains(&"unlocked".to_owned()));

    // Featuring: shown with `pinned=true`, at most five at once.
    let (code, _) = app
        .call(&customer, Method::PUT, &format!("{path}/pin"), None)
        .await;
    assert_eq!(code, 403);
    for n in [number, 1, 2, 3, 4] {
        let (code, _) = app
            .call(
                &moderator,
                Method::PUT,
                &format!("/api/v1/ideas/{n}/pin"),
                None,
            )
            .await;
        assert_eq!(code, 200, "pin {n}");
    }
    let (code, problem) = app
        .call(&moderator, Method::PUT, "/api/v1/ideas/5/pin", None)
        .await;
    assert_eq!(code, 409);
    assert!(problem["detail"].as_str().is_some_and(|d| d.contains('5')));
    let featured = app.get_json("/api/v1/ideas?pinned=true", 200).await;
    assert_eq!(items(&featured).len(), 5);
    assert!(items(&featured).iter().all(|i| i["pinned"] == true));
    let (code, _) = app
        .call(&moderator, Method::DELETE, &format!("{path}/pin"), None)
        .await;
    assert_eq!(code, 200);
    let featured = app.get_json("/api/v1/ideas?pinned=true", 200).await;
    assert!(!has_number(&featured, number));
    app.stop().await;
}

async fn the_word_list_holds_posts_for_review_instead_of_dropping_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_up("gambler@example.com", "Gambler").await;
    let other = app.sign_up("other@example.com", "Other").await;
    let moderator = app.sign_in("moderator@hanbit.example", DEMO_PASSWORD).await;
    let list = json!({"words": ["  Casino ", "바카라", "casino", "free   money"]});
    let (code, _) = app
        .call(
            &customer,
            Method::PUT,
            "/api/v1/moderation/word-list",
            Some(list.clone()),
        )
        .await;
    assert_eq!(code, 403);
    let (code, saved) = app
        .call(
            &moderator,
            Method::PUT,
            "/api/v1/moderation/word-list",
            Some(list),
        )
        .await;
    assert_eq!(code, 200);
    assert_eq!(saved["words"], json!(["casino", "free money", "바카라"]));
    let (code, problem) = app
        .call(
            &moderator,
            Method::PUT,
            "/api/v1/moderation/word-list",
            Some(json!({"words": ["x".repeat(51)]})),
        )
        .await;
    assert_eq!(code, 422);
    assert!(problem["errors"]["words"].is_string());

    // An English word matches whole words only.
    let (code, fine) = app
        .call(
            &customer,
            Method::POST,
            "/api/v1/ideas",
            Some(json!({"title": "More casinos-free evenings", "body": "Occasion based plans"})),
        )
        .await;
    assert_eq!(code, 201);
    assert_eq!(fine["held_for_review"], false);
    let (code, held) = app
        .call(
            &customer,
            Method::POST,
            "/api/v1/ideas",
            Some(json!({"title": "Best CASINO bonus here", "body": "Click now"})),
        )
        .await;
    assert_eq!(code, 201);
    assert_eq!(held["held_for_review"], true);
    let number = held["number"].as_i64().expect("number");
    let path = format!("/api/v1/ideas/{number}");
    let (code, _) = app.call("", Method::GET, &path, None).await;
    assert_eq!(code, 404);
    let (code, _) = app.call(&other, Method::GET, &path, None).await;
    assert_eq!(code, 404);
    let board = app.get_json("/api/v1/ideas?sort=new&limit=100", 200).await;
    assert!(!has_number(&board, number));
    let (code, _) = app
        .call(&customer, Method::GET, "/api/v1/moderation/held", None)
        .await;
    assert_eq!(code, 403);
    let (_, queue) = app
        .call(&moderator, Method::GET, "/api/v1/moderation/held", None)
        .await;
    let entry = items(&queue)
        .iter()
        .find(|h| h["target"] == json!({"type": "idea", "id": number}))
        .cloned()
        .expect("held idea in the queue");
    assert_eq!(entry["matched"], json!(["casino"]));

    // A Korean word matches with a particle attached; the comment waits.
    let comments = "/api/v1/ideas/5/comments";
    let before = app.get_json("/api/v1/ideas/5", 200).await["comments_count"]
        .as_i64()
        .expect("count");
    let (code, comment) = app
        .call(
            &customer,
            Method::POST,
            comments,
            Some(json!({"body": "바카라를 하세요"})),
        )
        .await;
    assert_eq!(code, 201);
    assert_eq!(comment["held_for_review"], true);
    let comment_id = comment["id"].as_i64().expect("id");
    let shown = |list: &Value| items(list).iter().any(|c| c["id"] == comment_id);
    assert!(!shown(&app.get_json(comments, 200).await));
    assert!(shown(
        &app.call(&customer, Method::GET, comments, None).await.1
    ));
    let idea = app.get_json("/api/v1/ideas/5", 200).await;
    assert_eq!(idea["comments_count"].as_i64(), Some(before));
    let page = app.get("/ideas/5").await.text().await.expect("html");
    assert!(!page.contains("바카라를 하세요"));

    // Publishing releases it; hiding turns a held post into a tombstone.
    let (code, _) = app
        .call(
            &moderator,
            Method::POST,
            "/api/v1/moderation/unhide",
            Some(json!({"target": {"type": "comment", "id": comment_id}})),
        )
        .await;
    assert_eq!(code, 204);
    assert!(shown(&app.get_json(comments, 200).await));
    let idea = app.get_json("/api/v1/ideas/5", 200).await;
    assert_eq!(idea["comments_count"].as_i64(), Some(before + 1));
    let (code, _) = app
        .call(
            &moderator,
            Method::POST,
            "/api/v1/moderation/hide",
            Some(json!({"target": {"type": "idea", "id": number}, "reason": "spam", "guideline": "1"})),
        )
        .await;
    assert_eq!(code, 204);
    let tombstone = app.get_json(&path, 200).await;
    assert_eq!(tombstone["hidden"], "spam — guideline 1");
    assert_eq!(tombstone["held_for_review"], false);
    let (_, queue) = app
        .call(&moderator, Method::GET, "/api/v1/moderation/held", None)
        .await;
    assert!(items(&queue).is_empty(), "{queue}");
    let (_, log) = app
        .call(
            &moderator,
            Method::GET,
            "/api/v1/moderation/audit?action=content.released",
            None,
        )
        .await;
    assert_eq!(log["items"][0]["target_id"], comment_id.to_string());
    app.stop().await;
}

async fn members_are_rate_limited_and_new_members_links_capped(backend: Backend) {
    let app = spawn_app(backend).await;
    let newcomer = app.sign_up("newcomer@example.com", "Newcomer").await;
    let employee = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let links = json!({"body": "see https://a.example, http://b.example and www.c.example"});
    let (code, problem) = app
        .call(
            &newcomer,
            Method::POST,
            "/api/v1/ideas/5/comments",
            Some(links.clone()),
        )
        .await;
    assert_eq!(code, 422);
    assert!(
        problem["errors"]["body"]
            .as_str()
            .is_some_and(|m| m.contains("at most 2 links") && m.contains("has 3")),
        "{problem}"
    );
    let (code, _) = app
        .call(
            &employee,
            Method::POST,
            "/api/v1/ideas/5/comments",
            Some(links.clone()),
        )
        .await;
    assert_eq!(code, 201);
    app.advance_clock(chrono::Duration::days(4));
    let (code, _) = app
        .call(
            &newcomer,
            Method::POST,
            "/api/v1/ideas/5/comments",
            Some(links),
        )
        .await;
    assert_eq!(code, 201);

    // Ten ideas an hour; the eleventh waits, told how long.
    for i in 0..10 {
        let (code, _) = app
            .call(
                &newcomer,
                Method::POST,
                "/api/v1/ideas",
                Some(json!({"title": format!("Idea number {i} for the board"), "body": "details"})),
            )
            .await;
        assert_eq!(code, 201, "idea {i}");
    }
    let refused = app
        .send_as(
            &newcomer,
            Method::POST,
            "/api/v1/ideas",
            Some(&json!({"title": "One idea too many", "body": "details"})),
        )
        .await;
    assert_eq!(refused.status().as_u16(), 429);
    let wait: i64 = refused
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After");
    assert!((3_500..=3_600).contains(&wait), "{wait}");
    let problem: Value = refused.json().await.expect("problem");
    assert_eq!(problem["status"], 429);
    app.advance_clock(chrono::Duration::minutes(61));
    let (code, _) = app
        .call(
            &newcomer,
            Method::POST,
            "/api/v1/ideas",
            Some(json!({"title": "One idea after the wait", "body": "details"})),
        )
        .await;
    assert_eq!(code, 201);

    // Votes: 120 in ten minutes, voting and unvoting alike.
    for i in 0..120 {
        let method = if i % 2 == 0 {
            Method::PUT
        } else {
            Method::DELETE
        };
        let (code, _) = app
            .call(&newcomer, method, "/api/v1/ideas/7/vote", None)
            .await;
        assert_eq!(code, 200, "vote {i}");
    }
    let (code, _) = app
        .call(&newcomer, Method::PUT, "/api/v1/ideas/7/vote", None)
        .await;
    assert_eq!(code, 429);
    app.stop().await;
}

async fn staff_and_admin_actions_land_in_the_audit_log(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_up("caller@example.com", "Caller").await;
    let customer_id = app.call(&customer, Method::GET, "/api/v1/me", None).await.1["user"]["id"]
        .as_i64()
        .expect("id");
    let employee = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let moderator = app.sign_in("moderator@hanbit.example", DEMO_PASSWORD).await;
    let (_, ticket) = app
        .call(
            &customer,
            Method::POST,
            "/api/v1/tickets",
            Some(json!({"kind": "complaint", "title": "Signal drops at home", "body": "Every night"})),
        )
        .await;
    let ticket = ticket["number"].as_str().expect("number").to_owned();
    let steps: Vec<(&str, Method, String, Option<Value>)> = vec![
        (
            &employee,
            Method::PUT,
            "/api/v1/ideas/3/status".to_owned(),
            Some(json!({"status": "planned", "explanation": "We will build this in spring."})),
        ),
        (
            &employee,
            Method::POST,
            format!("/api/v1/tickets/{ticket}/transfer"),
            Some(json!({"department": "network", "note": "Radio coverage question"})),
        ),
        (
            &employee,
            Method::PUT,
            format!("/api/v1/tickets/{ticket}/assignee"),
            Some(json!({"assignee": null})),
        ),
        (
            &employee,
            Method::PUT,
            format!("/api/v1/tickets/{ticket}/status"),
            Some(json!({"status": "in_progress"})),
        ),
        (
            &employee,
            Method::PUT,
            format!("/api/v1/ideas/3/votes/{customer_id}"),
            None,
        ),
        (
            &admin,
            Method::POST,
            "/api/v1/categories".to_owned(),
            Some(json!({"slug": "roaming", "name": "Roaming"})),
        ),
        (
            &admin,
            Method::POST,
            "/api/v1/admin/guidelines".to_owned(),
            Some(json!({"text": "Link the source of every figure."})),
        ),
    ];
    for (who, method, path, body) in steps {
        let (code, answer) = app.call(who, method, &path, body).await;
        assert!((200..300).contains(&code), "{path}: {code} {answer}");
    }
    let (_, log) = app
        .call(
            &moderator,
            Method::GET,
            "/api/v1/moderation/audit?limit=100",
            None,
        )
        .await;
    let actions: Vec<(String, String)> = items(&log)
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap_or_default().to_owned(),
                e["actor"]["display_name"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
            )
        })
        .collect();
    for (action, who) in [
        ("idea.status_changed", "Sara Park"),
        ("ticket.transferred", "Sara Park"),
        ("ticket.assigned", "Sara Park"),
        ("ticket.status_changed", "Sara Park"),
        ("vote.recorded_for_member", "Sara Park"),
        ("category.created", "Seoyeon Han"),
        ("guideline.added", "Seoyeon Han"),
    ] {
        assert!(
            actions
                .iter()
                .any(|(a, w)| a == action && w.starts_with(who)),
            "{action} by {who} missing from {actions:?}"
        );
    }
    let status = items(&log)
        .iter()
        .find(|e| e["action"] == "idea.status_changed")
        .expect("entry");
    assert!(
        status["before"]
            .as_str()
            .is_some_and(|b| b.contains("status"))
    );
    assert!(
        status["after"]
            .as_str()
            .is_some_and(|a| a.contains("planned"))
    );
    app.stop().await;
}

on_both_databases!(
    hidden_ideas_ticket_posts_and_profiles_leave_a_public_tombstone,
    moderators_correct_lock_and_feature_ideas_in_public,
    the_word_list_holds_posts_for_review_instead_of_dropping_them,
    members_are_rate_limited_and_new_members_links_capped,
    staff_and_admin_actions_land_in_the_audit_log,
);
