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

async fn an_idea_shows_its_signed_timeline_and_comments(backend: Backend) {
    let app = spawn_app(backend).await;
    // Demo idea 2 ("Dark mode…") was moved to done by Jiho Kwon of Billing.
    let idea = app.get_json("/api/v1/ideas/2", 200).await;
    assert_eq!(idea["number"], 2);
    assert_eq!(idea["status"], "done");
    assert_eq!(idea["voted"], false);
    let entry = &idea["timeline"][0];
    assert_eq!(entry["kind"], "status_changed");
    assert_eq!(entry["status"], "done");
    assert_eq!(entry["by"]["display_name"], "Jiho Kwon");
    assert_eq!(entry["by"]["initials"], "J.K.");
    assert_eq!(entry["by"]["department"]["slug"], "billing");
    assert_eq!(entry["by"]["title"], "Billing Specialist");
    assert!(
        entry["text_html"]
            .as_str()
            .is_some_and(|t| t.starts_with("<p>"))
    );
    let stored = app
        .scalar("SELECT COUNT(*) FROM idea_comments WHERE idea_id = 2")
        .await;
    assert_eq!(
        i64::try_from(idea["comments"].as_array().expect("comments").len()).expect("len"),
        stored
    );
    assert_eq!(
        idea["votes"].as_i64(),
        Some(
            app.scalar("SELECT COUNT(*) FROM idea_votes WHERE idea_id = 2")
                .await
        )
    );

    // A signed-in member sees `voted` exactly where the votes table says so.
    let cookie = app
        .sign_in("customer@hanbit.example", madang_tests::DEMO_PASSWORD)
        .await;
    let mut voted_somewhere = false;
    for number in 1..=30 {
        let response = app
            .client
            .get(app.url(&format!("/api/v1/ideas/{number}")))
            .header("cookie", &cookie)
            .send()
            .await
            .expect("request");
        let idea: serde_json::Value = response.json().await.expect("json");
        let stored = app
            .scalar(&format!("SELECT COUNT(*) FROM idea_votes v JOIN users u ON u.id = v.user_id WHERE u.email = 'customer@hanbit.example' AND v.idea_id = {number}"))
            .await;
        assert_eq!(idea["voted"], stored == 1, "idea {number}");
        voted_somewhere |= stored == 1;
    }
    assert!(voted_somewhere, "the demo customer voted for nothing");
    app.stop().await;
}

async fn unknown_or_malformed_idea_numbers_are_404_problems(backend: Backend) {
    let app = spawn_app(backend).await;
    for path in [
        "/api/v1/ideas/99999",
        "/api/v1/ideas/abc",
        "/api/v1/ideas/-1",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status().as_u16(), 404, "{path}");
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json",
            "{path}"
        );
    }
    app.stop().await;
}

on_both_databases!(
    paging_through_the_board_returns_every_idea_once,
    top_is_ordered_by_votes_and_new_by_recency,
    the_status_filter_returns_only_that_status,
    cards_show_authors_without_their_email,
    bad_queries_get_specific_problem_documents,
    departments_list_their_first_response_promise,
    an_idea_shows_its_signed_timeline_and_comments,
    unknown_or_malformed_idea_numbers_are_404_problems,
);
