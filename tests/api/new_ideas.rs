//! Posting ideas: clear field errors, tags, sanitised Markdown, inert XSS.

use madang_tests::{Backend, DEMO_PASSWORD, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

async fn members_post_ideas_that_show_up_first_under_new(backend: Backend) {
    let app = spawn_app(backend).await;
    let anonymous = app
        .post_json(
            "/api/v1/ideas",
            &json!({"title": "A real idea", "body": "text"}),
        )
        .await;
    assert_eq!(anonymous.status().as_u16(), 401);

    let cookie = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let idea = json!({
        "title": "  5G 요금제에 데이터 쉐어링 추가  ",
        "body": "가족끼리 **데이터를 나눠 쓰고** 싶어요.\n\n- 월 10GB 한도",
        "category": "mobile-plans",
        "tags": ["Data", "#family", "data", " "]
    });
    let created = app
        .send_as(&cookie, Method::POST, "/api/v1/ideas", Some(&idea))
        .await;
    assert_eq!(created.status().as_u16(), 201);
    let created: Value = created.json().await.expect("json");
    assert_eq!(created["title"], "5G 요금제에 데이터 쉐어링 추가");
    assert_eq!(created["status"], "new");
    assert_eq!(created["votes"], 0);
    assert_eq!(created["tags"], json!(["data", "family"]));
    assert_eq!(created["category"], "Mobile plans");
    assert!(
        created["body_html"].as_str().is_some_and(|h| h
            .contains("<strong>데이터를 나눠 쓰고</strong>")
            && h.contains("<li>"))
    );
    let number = created["number"].as_i64().expect("number");
    let newest = app.get_json("/api/v1/ideas?sort=new&limit=1", 200).await;
    assert_eq!(newest["items"][0]["number"].as_i64(), Some(number));
    app.stop().await;
}

async fn invalid_ideas_get_a_message_per_field_and_store_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let cookie = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let before = app.scalar("SELECT COUNT(*) FROM ideas").await;
    let bad = json!({"title": "Hi", "body": "   ", "tags": ["a", "b", "c", "d", "e", "f"]});
    let response = app
        .send_as(&cookie, Method::POST, "/api/v1/ideas", Some(&bad))
        .await;
    assert_eq!(response.status().as_u16(), 422);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["errors"]["title"], "must be 5–120 characters");
    assert_eq!(body["errors"]["body"], "must describe the idea");
    assert_eq!(body["errors"]["tags"], "at most 5 tags");
    let long = json!({"title": "x".repeat(121), "body": "y".repeat(10_001)});
    let body: Value = app
        .send_as(&cookie, Method::POST, "/api/v1/ideas", Some(&long))
        .await
        .json()
        .await
        .expect("json");
    assert!(
        body["errors"]["title"].is_string()
            && body["errors"]["body"]
                .as_str()
                .is_some_and(|m| m.contains("10000"))
    );
    let category =
        json!({"title": "Valid title", "body": "Valid body", "category": "no-such-area"});
    let body: Value = app
        .send_as(&cookie, Method::POST, "/api/v1/ideas", Some(&category))
        .await
        .json()
        .await
        .expect("json");
    assert!(body["errors"]["category"].is_string());
    assert_eq!(app.scalar("SELECT COUNT(*) FROM ideas").await, before);
    app.stop().await;
}

async fn stored_xss_in_an_idea_renders_as_inert_text(backend: Backend) {
    let app = spawn_app(backend).await;
    let cookie = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let payload = json!({
        "title": "<script>alert('title')</script> evil",
        "body": "<script>alert('body')</script>\n\n<img src=x onerror=alert('img')>\n\n[click](javascript:alert('link'))",
        "tags": ["<b>tag</b>"]
    });
    let created: Value = app
        .send_as(&cookie, Method::POST, "/api/v1/ideas", Some(&payload))
        .await
        .json()
        .await
        .expect("json");
    let number = created["number"].as_i64().expect("number");
    let comment = app
        .send_as(
            &cookie,
            Method::POST,
            &format!("/api/v1/ideas/{number}/comments"),
            Some(&json!({"body": "<script>alert('comment')</script><img src=x onerror=alert('c')> [c](javascript:alert('c'))"})),
        )
        .await;
    assert_eq!(comment.status().as_u16(), 201);
    for path in [format!("/ideas/{number}"), "/?sort=new".to_owned()] {
        let html = app.get(&path).await.text().await.expect("html");
        assert!(!html.contains("<script>alert("), "{path}: live script");
        // The text may appear escaped; no element may carry the handler.
        let live_handler = html.match_indices("<img").any(|(at, _)| {
            html[at..]
                .split('>')
                .next()
                .is_some_and(|tag| tag.contains("onerror"))
        });
        assert!(!live_handler, "{path}: live handler");
        assert!(!html.contains("href=\"javascript:"), "{path}: live link");
        assert!(!html.contains("<b>tag</b>"), "{path}: live tag markup");
        assert!(
            html.contains("&lt;script&gt;alert('title')&lt;/script&gt; evil")
                || html.contains("&lt;script&gt;alert(&#39;title&#39;)"),
            "{path}: title not shown as text"
        );
    }
    app.stop().await;
}

async fn staff_decisions_need_an_explanation_and_are_signed_in_the_timeline(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let decision =
        json!({"status": "planned", "explanation": "We will build this in the spring release."});
    let refused = app
        .send_as(
            &customer,
            Method::PUT,
            "/api/v1/ideas/7/status",
            Some(&decision),
        )
        .await;
    assert_eq!(refused.status().as_u16(), 403);

    let staff = app.sign_in("billing@hanbit.example", DEMO_PASSWORD).await;
    let bare = app
        .send_as(
            &staff,
            Method::PUT,
            "/api/v1/ideas/7/status",
            Some(&json!({"status": "declined", "explanation": "no"})),
        )
        .await;
    assert_eq!(bare.status().as_u16(), 422);
    let bare: Value = bare.json().await.expect("json");
    assert!(bare["errors"]["explanation"].is_string());
    let duplicate = app
        .send_as(
            &staff,
            Method::PUT,
            "/api/v1/ideas/7/status",
            Some(&json!({"status": "duplicate", "explanation": "Same as another idea here."})),
        )
        .await;
    let duplicate: Value = duplicate.json().await.expect("json");
    assert!(duplicate["errors"]["duplicate_of"].is_string());
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM ideas WHERE id = 7 AND status = 'new'")
            .await,
        1,
        "a refused decision changed the idea"
    );

    let done = app
        .send_as(
            &staff,
            Method::PUT,
            "/api/v1/ideas/7/status",
            Some(&decision),
        )
        .await;
    assert_eq!(done.status().as_u16(), 200);
    let idea: Value = done.json().await.expect("json");
    assert_eq!(idea["status"], "planned");
    let last = idea["timeline"]
        .as_array()
        .expect("timeline")
        .last()
        .cloned()
        .expect("entry");
    assert_eq!(last["status"], "planned");
    assert_eq!(last["from_status"], "new");
    assert_eq!(last["by"]["initials"], "J.K.");
    assert_eq!(last["by"]["department"]["name"], "Billing");
    assert!(
        last["text_html"]
            .as_str()
            .is_some_and(|t| t.contains("spring release"))
    );
    let roadmap = app
        .get_json("/api/v1/ideas?status=planned&limit=100", 200)
        .await;
    assert!(
        roadmap["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|i| i["number"] == 7)
    );
    app.stop().await;
}

async fn admins_define_the_product_areas_ideas_are_filed_under(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let employee = app.sign_in("billing@hanbit.example", DEMO_PASSWORD).await;
    let area = json!({"slug": "tv", "name": "TV / 티비"});
    for cookie in [&employee] {
        let refused = app
            .send_as(cookie, Method::POST, "/api/v1/categories", Some(&area))
            .await;
        assert_eq!(refused.status().as_u16(), 403);
    }
    let bad = app
        .send_as(
            &admin,
            Method::POST,
            "/api/v1/categories",
            Some(&json!({"slug": "Bad Slug", "name": " "})),
        )
        .await;
    assert_eq!(bad.status().as_u16(), 422);
    let problem: Value = bad.json().await.expect("json");
    assert!(problem["errors"]["slug"].is_string() && problem["errors"]["name"].is_string());
    let created = app
        .send_as(&admin, Method::POST, "/api/v1/categories", Some(&area))
        .await;
    assert_eq!(created.status().as_u16(), 201);
    let again = app
        .send_as(&admin, Method::POST, "/api/v1/categories", Some(&area))
        .await;
    assert_eq!(again.status().as_u16(), 409);
    let list = app.get_json("/api/v1/categories", 200).await;
    assert!(
        list["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|c| c["slug"] == "tv" && c["name"] == "TV / 티비")
    );

    let customer = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let idea: Value = app
        .send_as(
            &customer,
            Method::POST,
            "/api/v1/ideas",
            Some(&json!({"title": "Replay for live TV", "body": "Seven days back.", "category": "tv"})),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(idea["category"], "TV / 티비");
    let filtered = app.get_json("/api/v1/ideas?category=tv", 200).await;
    assert_eq!(filtered["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(filtered["items"][0]["number"], idea["number"]);
    app.stop().await;
}

on_both_databases!(
    admins_define_the_product_areas_ideas_are_filed_under,
    staff_decisions_need_an_explanation_and_are_signed_in_the_timeline,
    members_post_ideas_that_show_up_first_under_new,
    invalid_ideas_get_a_message_per_field_and_store_nothing,
    stored_xss_in_an_idea_renders_as_inert_text,
);
