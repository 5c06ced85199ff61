//! Announcements: staff posts that deliver ideas, shown in the ideas'
//! timelines, told to their followers, and published as Atom feeds.

use madang_tests::{Backend, DEMO_PASSWORD, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

async fn staff_announcements_reach_timelines_followers_and_the_feed(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let staff = app.sign_in("billing@hanbit.example", DEMO_PASSWORD).await;
    let fan = app.sign_up("fan@example.com", "Fan").await;
    let number = 2;
    app.send_as(
        &fan,
        Method::PUT,
        &format!("/api/v1/ideas/{number}/follow"),
        None,
    )
    .await;
    let post = json!({
        "title": "Dark mode is here <script>alert(1)</script>",
        "body": "You asked, we did: **dark mode** follows your phone.\n\n<img src=x onerror=alert(1)>",
        "ideas": [number, number]
    });

    // Only staff publish; visitors must sign in.
    let refused = app
        .send_as(
            &customer,
            Method::POST,
            "/api/v1/announcements",
            Some(&post),
        )
        .await;
    assert_eq!(refused.status().as_u16(), 403);
    assert_eq!(
        app.post_json("/api/v1/announcements", &post)
            .await
            .status()
            .as_u16(),
        401
    );

    let before = app.scalar("SELECT COUNT(*) FROM announcements").await;
    // Field errors name each field and store nothing.
    let bad = json!({"title": "Hi", "body": " ", "ideas": [999_999]});
    let response = app
        .send_as(&staff, Method::POST, "/api/v1/announcements", Some(&bad))
        .await;
    assert_eq!(response.status().as_u16(), 422);
    let problem: Value = response.json().await.expect("json");
    assert!(problem["errors"]["title"].is_string() && problem["errors"]["body"].is_string());
    let unknown = json!({"title": "A real headline", "body": "text", "ideas": [999_999]});
    let problem: Value = app
        .send_as(
            &staff,
            Method::POST,
            "/api/v1/announcements",
            Some(&unknown),
        )
        .await
        .json()
        .await
        .expect("json");
    assert!(
        problem["errors"]["ideas"]
            .as_str()
            .is_some_and(|m| m.contains("#999999"))
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM announcements").await,
        before
    );

    let response = app
        .send_as(&staff, Method::POST, "/api/v1/announcements", Some(&post))
        .await;
    assert_eq!(response.status().as_u16(), 201);
    let created: Value = response.json().await.expect("json");
    let id = created["id"].as_i64().expect("id");
    assert_eq!(created["ideas"].as_array().map(Vec::len), Some(1));
    assert_eq!(created["ideas"][0]["number"], number);
    assert_eq!(created["author"]["staff"]["department"]["slug"], "billing");
    let html = created["body_html"].as_str().expect("html");
    assert!(html.contains("<strong>dark mode</strong>") && !html.contains("onerror"));

    let list = app.get_json("/api/v1/announcements", 200).await;
    assert_eq!(list["items"][0]["id"], id);
    let one = app
        .get_json(&format!("/api/v1/announcements/{id}"), 200)
        .await;
    assert_eq!(one["title"], created["title"]);
    assert_eq!(
        app.get("/api/v1/announcements/424242")
            .await
            .status()
            .as_u16(),
        404
    );

    // The idea's timeline shows the post, signed.
    let idea = app.get_json(&format!("/api/v1/ideas/{number}"), 200).await;
    let entry = idea["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .find(|e| e["kind"] == "announcement" && e["announcement"]["id"] == id)
        .expect("announcement in the timeline")
        .clone();
    assert_eq!(entry["announcement"]["title"], created["title"]);
    assert!(entry["by"]["initials"].is_string());

    // Followers are told.
    let news: Value = app
        .send_as(&fan, Method::GET, "/api/v1/me/notifications", None)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(news["items"][0]["kind"], "announcement");
    assert_eq!(news["items"][0]["link"], format!("/announcements/{id}"));

    // The Atom feed is well-formed, names the post and keeps markup inert.
    let feed = app.get("/feeds/announcements.atom").await;
    assert_eq!(feed.status().as_u16(), 200);
    assert!(
        feed.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("application/atom+xml"))
    );
    let xml = feed.text().await.expect("text");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed Atom");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "feed");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    let entry = root
        .children()
        .find(|n| n.has_tag_name("entry"))
        .expect("an entry");
    let title = entry
        .children()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .expect("title");
    assert_eq!(title, "Dark mode is here <script>alert(1)</script>");
    let link = entry
        .children()
        .find(|n| n.has_tag_name("link"))
        .and_then(|n| n.attribute("href"))
        .expect("link");
    assert_eq!(link, app.url(&format!("/announcements/{id}")));
    assert!(!xml.contains("<script>"));
    app.stop().await;
}

async fn the_new_ideas_feed_lists_the_latest_idea(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let created: Value = app
        .send_as(
            &customer,
            Method::POST,
            "/api/v1/ideas",
            Some(&json!({"title": "Feeds & readers: 피드 구독", "body": "Atom please"})),
        )
        .await
        .json()
        .await
        .expect("json");
    let number = created["number"].as_i64().expect("number");
    let xml = app
        .get("/feeds/ideas.atom")
        .await
        .text()
        .await
        .expect("text");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed Atom");
    let first = doc
        .root_element()
        .children()
        .find(|n| n.has_tag_name("entry"))
        .expect("an entry");
    let text_of = |name: &str| {
        first
            .children()
            .find(|n| n.has_tag_name(name))
            .and_then(|n| n.text())
            .map(str::to_owned)
    };
    assert_eq!(
        text_of("title").as_deref(),
        Some("Feeds & readers: 피드 구독")
    );
    assert_eq!(text_of("id"), Some(app.url(&format!("/ideas/{number}"))));
    app.stop().await;
}

on_both_databases!(
    staff_announcements_reach_timelines_followers_and_the_feed,
    the_new_ideas_feed_lists_the_latest_idea,
);
