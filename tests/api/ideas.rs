//! `GET /api/v1/ideas`: sorting, filtering, cursor pagination, bad input.

use std::collections::HashSet;

use madang_tests::{Backend, on_both_databases, spawn_app};

fn numbers(page: &serde_json::Value) -> Vec<i64> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["number"].as_i64().expect("number"))
        .collect()
}

async fn paging_through_the_board_returns_every_idea_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let expected = app
        .scalar("SELECT COUNT(*) FROM ideas WHERE merged_into_id IS NULL")
        .await;
    for sort in ["trending", "top", "new"] {
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let path = match &cursor {
                Some(c) => format!("/api/v1/ideas?sort={sort}&limit=7&cursor={c}"),
                None => format!("/api/v1/ideas?sort={sort}&limit=7"),
            };
            let page = app.get_json(&path, 200).await;
            let items = numbers(&page);
            assert!(items.len() <= 7);
            seen.extend(items);
            match page["next_cursor"].as_str() {
                Some(next) => cursor = Some(next.to_owned()),
                None => break,
            }
        }
        let distinct: HashSet<_> = seen.iter().collect();
        assert_eq!(seen.len(), distinct.len(), "{sort}: an idea appeared twice");
        assert_eq!(
            i64::try_from(seen.len()).expect("len"),
            expected,
            "{sort}: ideas missing"
        );
    }
    app.stop().await;
}

async fn top_is_ordered_by_votes_and_new_by_recency(backend: Backend) {
    let app = spawn_app(backend).await;
    let top = app.get_json("/api/v1/ideas?sort=top&limit=100", 200).await;
    let votes: Vec<i64> = top["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["votes"].as_i64().expect("votes"))
        .collect();
    assert!(votes.windows(2).all(|w| w[0] >= w[1]), "{votes:?}");
    assert!(votes[0] > 0);
    let newest = app.get_json("/api/v1/ideas?sort=new&limit=100", 200).await;
    let dates: Vec<String> = newest["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["created_at"].as_str().expect("date").to_owned())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    app.stop().await;
}

async fn the_status_filter_returns_only_that_status(backend: Backend) {
    let app = spawn_app(backend).await;
    let planned = app
        .get_json("/api/v1/ideas?status=planned&limit=100", 200)
        .await;
    let items = planned["items"].as_array().expect("items");
    let stored = app
        .scalar("SELECT COUNT(*) FROM ideas WHERE status = 'planned'")
        .await;
    assert_eq!(i64::try_from(items.len()).expect("len"), stored);
    assert!(items.iter().all(|i| i["status"] == "planned"));
    app.stop().await;
}

async fn cards_show_authors_without_their_email(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app.get("/api/v1/ideas?limit=100").await;
    let text = response.text().await.expect("body");
    assert!(
        !text.contains('@'),
        "an e-mail address leaked into the board"
    );
    let page: serde_json::Value = serde_json::from_str(&text).expect("json");
    let first = &page["items"][0];
    assert!(
        first["author"]["display_name"]
            .as_str()
            .is_some_and(|n| !n.is_empty())
    );
    app.stop().await;
}

async fn bad_queries_get_specific_problem_documents(backend: Backend) {
    let app = spawn_app(backend).await;
    let bad_sort = app.get_json("/api/v1/ideas?sort=loudest", 400).await;
    assert!(
        bad_sort["detail"]
            .as_str()
            .is_some_and(|d| d.contains("loudest")),
        "{bad_sort}"
    );
    let bad_limit = app.get_json("/api/v1/ideas?limit=0", 422).await;
    assert_eq!(bad_limit["errors"]["limit"], "must be between 1 and 100");
    let too_big = app.get_json("/api/v1/ideas?limit=101", 422).await;
    assert!(too_big["errors"].get("limit").is_some());
    let bad_cursor = app.get_json("/api/v1/ideas?sort=top&cursor=n.5", 422).await;
    assert!(bad_cursor["errors"].get("cursor").is_some());
    let bad_status = app.get_json("/api/v1/ideas?status=shipped", 400).await;
    assert_eq!(bad_status["status"], 400);
    app.stop().await;
}

async fn departments_list_their_first_response_promise(backend: Backend) {
    let app = spawn_app(backend).await;
    let body = app.get_json("/api/v1/departments", 200).await;
    let items = body["items"].as_array().expect("items");
    assert_eq!(items.len(), 5);
    let billing = items
        .iter()
        .find(|d| d["slug"] == "billing")
        .expect("billing");
    assert_eq!(billing["first_response_minutes"], 30);
    app.stop().await;
}

on_both_databases!(
    paging_through_the_board_returns_every_idea_once,
    top_is_ordered_by_votes_and_new_by_recency,
    the_status_filter_returns_only_that_status,
    cards_show_authors_without_their_email,
    bad_queries_get_specific_problem_documents,
    departments_list_their_first_response_promise,
);
