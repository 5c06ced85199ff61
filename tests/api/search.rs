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

/// The titles of the hits of a site search, with their kinds.
async fn site_search(app: &madang_tests::TestApp, query: &str) -> (u16, Value) {
    app.call("", Method::GET, &format!("/api/v1/search?{query}"), None)
        .await
}

fn hits<'a>(found: &'a Value, kind: &str) -> Vec<&'a Value> {
    found["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|h| h["type"] == kind)
        .collect()
}

async fn one_search_box_finds_ideas_tickets_and_announcements(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_up("minseo@example.com", "Minseo Oh").await;
    let moderator = app.sign_in("moderator@hanbit.example", DEMO_PASSWORD).await;
    let (code, ticket) = app
        .call(
            &customer,
            Method::POST,
            "/api/v1/tickets",
            Some(json!({"kind": "complaint", "title": "해지했는데 요금이 또 나왔어요",
                        "body": "지난달 해지했는데 <script>alert(1)</script> 이번 달에도 요금이 나왔어요.",
                        "private_details": "환불 계좌 110-987-654321"})),
        )
        .await;
    assert_eq!(code, 201, "{ticket}");
    let number = ticket["number"].as_str().expect("number").to_owned();

    // "해지" finds the public ticket, the word marked, the rest escaped.
    let (code, found) = site_search(&app, "q=%ED%95%B4%EC%A7%80").await;
    assert_eq!(code, 200, "{found}");
    let tickets = hits(&found, "ticket");
    let hit = tickets
        .iter()
        .find(|h| h["number"] == number.as_str())
        .expect("the ticket is found");
    assert_eq!(hit["url"], format!("/tickets/{number}"));
    assert_eq!(hit["in_title"], true);
    let excerpt = hit["excerpt_html"].as_str().expect("excerpt");
    assert!(excerpt.contains("<mark>해지</mark>"), "{excerpt}");
    assert!(
        excerpt.contains("&lt;script&gt;") && !excerpt.contains("<script>"),
        "{excerpt}"
    );
    assert!(found["counts"]["ticket"].as_u64() >= Some(1), "{found}");

    // Private details are never searched.
    let (_, found) = site_search(&app, "q=654321").await;
    assert!(hits(&found, "ticket").is_empty(), "{found}");

    // "요금제를": the idea with it in its title first, bodies after, and the
    // demo's ticket about plans, grouped by kind.
    let (_, found) = site_search(&app, "q=%EC%9A%94%EA%B8%88%EC%A0%9C%EB%A5%BC").await;
    let ideas = hits(&found, "idea");
    assert!(
        ideas.iter().any(|h| h["title"] == "요금제 비교 계산기"),
        "{found}"
    );
    let first_body_only = ideas.iter().position(|h| h["in_title"] == false);
    let last_title = ideas.iter().rposition(|h| h["in_title"] == true);
    if let (Some(body), Some(title)) = (first_body_only, last_title) {
        assert!(title < body, "title matches come first: {found}");
    }
    assert!(
        hits(&found, "ticket")
            .iter()
            .any(|h| h["title"] == "매장 직원이 요금제를 강요했어요"),
        "{found}"
    );
    let kinds: Vec<&str> = found["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|h| h["type"].as_str().expect("type"))
        .collect();
    let mut grouped = kinds.clone();
    grouped.sort_by_key(|k| {
        ["idea", "ticket", "announcement"]
            .iter()
            .position(|x| x == k)
    });
    assert_eq!(kinds, grouped, "grouped by kind");

    // Idea bodies are searched: "사용량" is only in the body.
    let (_, found) = site_search(&app, "q=%EC%82%AC%EC%9A%A9%EB%9F%89&type=idea").await;
    let ideas = hits(&found, "idea");
    let calculator = ideas
        .iter()
        .find(|h| h["title"] == "요금제 비교 계산기")
        .expect("found by its body");
    assert_eq!(calculator["in_title"], false);
    assert_eq!(
        found["items"].as_array().map(Vec::len),
        Some(ideas.len()),
        "only ideas"
    );

    // A hidden idea is not found.
    let idea_number: i64 = calculator["number"]
        .as_str()
        .and_then(|n| n.parse().ok())
        .expect("number");
    let (code, _) = app
        .call(
            &moderator,
            Method::POST,
            "/api/v1/moderation/hide",
            Some(json!({"target": {"type": "idea", "id": idea_number}, "reason": "spam"})),
        )
        .await;
    assert_eq!(code, 204);
    let (_, found) = site_search(&app, "q=%EC%82%AC%EC%9A%A9%EB%9F%89").await;
    assert!(
        hits(&found, "idea")
            .iter()
            .all(|h| h["title"] != "요금제 비교 계산기"),
        "{found}"
    );

    // Pages: the second page goes on where the first stopped.
    let (_, first) = site_search(&app, "q=%EC%9A%94%EA%B8%88&limit=1").await;
    let cursor = first["next_cursor"]
        .as_str()
        .expect("a next page")
        .to_owned();
    let (_, second) = site_search(
        &app,
        &format!("q=%EC%9A%94%EA%B8%88&limit=1&cursor={cursor}"),
    )
    .await;
    assert_ne!(first["items"][0]["url"], second["items"][0]["url"]);

    // Bad input says what is wrong, on its parameter.
    let (code, problem) = site_search(&app, "").await;
    assert_eq!(code, 422, "no q: {problem}");
    assert!(problem["errors"]["q"].is_string(), "{problem}");
    let (code, problem) = site_search(&app, "q=%21%20%3F").await;
    assert_eq!(code, 422, "{problem}");
    assert!(problem["errors"]["q"].is_string(), "{problem}");
    let (code, _) = site_search(&app, "q=plan&type=forum").await;
    assert!(code == 400 || code == 422, "{code}");
    app.stop().await;
}

/// Start-up indexes ideas that have no search terms (written by an older
/// version or restored from a backup), with an anti-join that stays fast on
/// a big database.
async fn start_up_indexes_ideas_missing_from_the_search_index(backend: Backend) {
    let app = spawn_app(backend).await;
    let count = "SELECT COUNT(*) FROM idea_search_terms WHERE idea_id = 7";
    let indexed = app.scalar(count).await;
    assert!(indexed > 0);
    app.scalar("DELETE FROM idea_search_terms WHERE idea_id = 7 RETURNING idea_id")
        .await;
    assert_eq!(app.scalar(count).await, 0);
    let second = app.another_instance().await;
    // `another_instance` waits for /readyz, which waits for the catching-up.
    assert_eq!(
        app.scalar(count).await,
        indexed,
        "indexed again at start-up"
    );
    second.stop().await;
    app.stop().await;
}

on_both_databases!(
    start_up_indexes_ideas_missing_from_the_search_index,
    one_search_box_finds_ideas_tickets_and_announcements,
    similar_ideas_find_korean_titles_with_other_endings,
    the_board_search_box_needs_every_word_and_keeps_filters,
    recently_updated_lists_the_idea_with_the_latest_comment_first,
    the_board_page_searches_without_javascript,
);
