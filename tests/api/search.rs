//! Search: similar ideas while typing a title and the board's search box,
//! in Korean and English, through the real HTTP API.

use madang_tests::{Backend, DEMO_PASSWORD, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

fn numbers(list: &Value) -> Vec<i64> {
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["number"].as_i64().expect("number"))
        .collect()
}

fn encode(q: &str) -> String {
    q.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

async fn post_idea(app: &madang_tests::TestApp, cookie: &str, title: &str, tags: &[&str]) -> i64 {
    let response = app
        .send_as(
            cookie,
            Method::POST,
            "/api/v1/ideas",
            Some(&json!({"title": title, "body": "details", "tags": tags})),
        )
        .await;
    assert_eq!(response.status().as_u16(), 201, "posting {title}");
    let body: Value = response.json().await.expect("json");
    body["number"].as_i64().expect("number")
}

async fn similar_ideas_find_korean_titles_with_other_endings(backend: Backend) {
    let app = spawn_app(backend).await;
    let cookie = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let posted = post_idea(&app, &cookie, "알뜰폰 요금제로 번호이동 쉽게 해주세요", &[]).await;

    // Typed differently: other endings, other word order, no spaces.
    for typed in ["알뜰폰요금제 번호이동", "번호이동이 쉬운 알뜰폰 요금제"] {
        let similar = app
            .get_json(&format!("/api/v1/ideas/similar?q={}", encode(typed)), 200)
            .await;
        assert_eq!(
            numbers(&similar).first(),
            Some(&posted),
            "{typed}: {similar}"
        );
        assert!(similar["items"].as_array().expect("items").len() <= 5);
        assert_eq!(similar["items"][0]["status"], "new");
        assert_eq!(
            similar["items"][0]["title"],
            "알뜰폰 요금제로 번호이동 쉽게 해주세요"
        );
    }

    // English: a demo idea found from a partly typed, reworded title.
    let similar = app
        .get_json("/api/v1/ideas/similar?q=dark%20theme%20in%20the%20app", 200)
        .await;
    assert_eq!(similar["items"][0]["title"], "Dark mode for the Hanbit app");

    // Nothing alike: an empty list, not an error.
    let none = app
        .get_json("/api/v1/ideas/similar?q=zyxwvut%20qqq", 200)
        .await;
    assert_eq!(none["items"], json!([]));

    // Nothing to search for: a clear 422 naming `q`.
    let response = app.get("/api/v1/ideas/similar?q=%20!%20").await;
    assert_eq!(response.status().as_u16(), 422);
    let problem: Value = response.json().await.expect("json");
    assert!(problem["errors"]["q"].is_string(), "{problem}");
    let missing = app.get("/api/v1/ideas/similar").await;
    assert_eq!(missing.status().as_u16(), 400);
    app.stop().await;
}

async fn the_board_search_box_needs_every_word_and_keeps_filters(backend: Backend) {
    let app = spawn_app(backend).await;
    let cookie = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let a = post_idea(&app, &cookie, "로밍 요금제를 하루 단위로", &["travel"]).await;
    let b = post_idea(
        &app,
        &cookie,
        "Roaming data pass for a weekend",
        &["travel"],
    )
    .await;
    let c = post_idea(&app, &cookie, "요금제 변경을 앱에서", &[]).await;

    let found = numbers(
        &app.get_json(
            &format!("/api/v1/ideas?sort=new&q={}", encode("요금제")),
            200,
        )
        .await,
    );
    assert!(
        found.contains(&a) && found.contains(&c) && !found.contains(&b),
        "{found:?}"
    );
    // Every word must be there: "로밍 요금제" finds a, not c.
    let found = numbers(
        &app.get_json(
            &format!("/api/v1/ideas?sort=new&q={}", encode("로밍 요금제")),
            200,
        )
        .await,
    );
    assert!(found.contains(&a) && !found.contains(&c), "{found:?}");
    // Particles and endings in the query do not matter: "요금제가",
    // "요금제는" and "요금제를" all find both.
    for query in ["요금제가", "요금제는", "요금제를", "로밍을 요금제로"] {
        let found = numbers(
            &app.get_json(&format!("/api/v1/ideas?sort=new&q={}", encode(query)), 200)
                .await,
        );
        let both = query.starts_with("요금제");
        assert!(
            found.contains(&a) && (found.contains(&c) == both) && !found.contains(&b),
            "{query}: {found:?}"
        );
    }
    // Case does not matter; tags are searched too.
    let found = numbers(&app.get_json("/api/v1/ideas?sort=new&q=ROAMING", 200).await);
    assert!(found.contains(&b) && !found.contains(&a), "{found:?}");
    let found = numbers(&app.get_json("/api/v1/ideas?sort=new&q=travel", 200).await);
    assert!(found.contains(&a) && found.contains(&b), "{found:?}");
    // The tag filter and the search combine.
    let found = numbers(
        &app.get_json(
            &format!("/api/v1/ideas?tag=travel&q={}", encode("요금제")),
            200,
        )
        .await,
    );
    assert_eq!(found, vec![a]);
    // Status filter applies on top: the new ideas are not planned.
    let found = numbers(
        &app.get_json(
            &format!("/api/v1/ideas?status=planned&q={}", encode("요금제")),
            200,
        )
        .await,
    );
    assert!(!found.contains(&a) && !found.contains(&c));
    // Pagination over search results is complete and has no repeats.
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/ideas?sort=top&limit=1&q=roaming&cursor={c}"),
            None => "/api/v1/ideas?sort=top&limit=1&q=roaming".to_owned(),
        };
        let page = app.get_json(&path, 200).await;
        seen.extend(numbers(&page));
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => break,
        }
    }
    let mut unique = seen.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), seen.len());
    assert!(seen.contains(&b));
    // Nothing to search for: 422 on `q`.
    let response = app.get("/api/v1/ideas?q=%3F").await;
    assert_eq!(response.status().as_u16(), 422);
    app.stop().await;
}

async fn recently_updated_lists_the_idea_with_the_latest_comment_first(backend: Backend) {
    let app = spawn_app(backend).await;
    let cookie = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let _fresh = post_idea(&app, &cookie, "A newer idea than the demo ones", &[]).await;
    let oldest_number = 1;
    let response = app
        .send_as(
            &cookie,
            Method::POST,
            &format!("/api/v1/ideas/{oldest_number}/comments"),
            Some(&json!({"body": "Still waiting for this one."})),
        )
        .await;
    assert_eq!(response.status().as_u16(), 201);
    let updated = app
        .get_json("/api/v1/ideas?sort=updated&limit=2", 200)
        .await;
    assert_eq!(numbers(&updated)[0], oldest_number, "{updated}");
    // Its cursor continues the same order without repeating the first page.
    let next = updated["next_cursor"].as_str().expect("more pages");
    let second = app
        .get_json(
            &format!("/api/v1/ideas?sort=updated&limit=2&cursor={next}"),
            200,
        )
        .await;
    assert!(!numbers(&second).contains(&oldest_number));
    app.stop().await;
}

async fn the_board_page_searches_without_javascript(backend: Backend) {
    let app = spawn_app(backend).await;
    let page = app.get(&format!("/?sort=top&q={}", encode("로밍"))).await;
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.expect("html");
    // The demo's roaming ideas are listed, others are not; the box keeps the query.
    assert!(
        html.contains("해외 로밍 하루 요금 상한"),
        "roaming idea missing"
    );
    assert!(!html.contains("Dark mode for the Hanbit app"));
    assert!(html.contains("value=\"로밍\""), "search box lost the query");
    // An unsearchable query explains itself instead of failing the page.
    let page = app.get("/?q=%3F").await;
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.expect("html");
    assert!(html.contains("give at least two letters"));
    app.stop().await;
}

on_both_databases!(
    similar_ideas_find_korean_titles_with_other_endings,
    the_board_search_box_needs_every_word_and_keeps_filters,
    recently_updated_lists_the_idea_with_the_latest_comment_first,
    the_board_page_searches_without_javascript,
);
