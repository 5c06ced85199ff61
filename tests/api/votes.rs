//! Votes: idempotent PUT/DELETE, the rules around them, and a stored count
//! that never drifts under heavy concurrent voting.

use std::sync::Arc;

use madang_tests::{Backend, DEMO_PASSWORD, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::Value;

async fn voting_is_idempotent_and_counted_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let cookie = app.sign_in("billing@hanbit.example", DEMO_PASSWORD).await;
    let before = app.get_json("/api/v1/ideas/7", 200).await["votes"]
        .as_i64()
        .expect("votes");
    let first: Value = app
        .send_as(&cookie, Method::PUT, "/api/v1/ideas/7/vote", None)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(first["voted"], true);
    assert_eq!(first["votes"].as_i64(), Some(before + 1));
    let again: Value = app
        .send_as(&cookie, Method::PUT, "/api/v1/ideas/7/vote", None)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        again["votes"].as_i64(),
        Some(before + 1),
        "a second PUT must not count twice"
    );
    let idea = app
        .send_as(&cookie, Method::GET, "/api/v1/ideas/7", None)
        .await
        .json::<Value>()
        .await
        .expect("json");
    assert_eq!(idea["voted"], true);
    let board = app
        .send_as(
            &cookie,
            Method::GET,
            "/api/v1/ideas?sort=new&limit=100",
            None,
        )
        .await
        .json::<Value>()
        .await
        .expect("json");
    let card = board["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|c| c["number"] == 7)
        .cloned()
        .expect("card");
    assert_eq!(card["voted"], true);
    assert_eq!(card["votes"].as_i64(), Some(before + 1));

    let removed: Value = app
        .send_as(&cookie, Method::DELETE, "/api/v1/ideas/7/vote", None)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(removed["voted"], false);
    assert_eq!(removed["votes"].as_i64(), Some(before));
    let removed_again: Value = app
        .send_as(&cookie, Method::DELETE, "/api/v1/ideas/7/vote", None)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(removed_again["votes"].as_i64(), Some(before));
    app.stop().await;
}

async fn votes_need_a_member_an_origin_and_an_idea(backend: Backend) {
    let app = spawn_app(backend).await;
    let anonymous = app
        .client
        .put(app.url("/api/v1/ideas/7/vote"))
        .send()
        .await
        .expect("request");
    assert_eq!(anonymous.status().as_u16(), 401);
    let cookie = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let no_origin = app
        .client
        .put(app.url("/api/v1/ideas/7/vote"))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("request");
    assert_eq!(no_origin.status().as_u16(), 403);
    let missing = app
        .send_as(&cookie, Method::PUT, "/api/v1/ideas/424242/vote", None)
        .await;
    assert_eq!(missing.status().as_u16(), 404);
    app.stop().await;
}

async fn concurrent_votes_never_drift_from_the_votes_table(backend: Backend) {
    let app = Arc::new(spawn_app(backend).await);
    let tokens = app.create_members(100).await;
    let idea = 12;
    let base = app
        .scalar(&format!(
            "SELECT COUNT(*) FROM idea_votes WHERE idea_id = {idea}"
        ))
        .await;
    // 100 members, 5 changes each (500 requests, all members at once); each
    // member's own changes go in order, so their last one is their state.
    let mut expected_voters = 0;
    let mut tasks = Vec::new();
    for (i, token) in tokens.into_iter().enumerate() {
        let plan: Vec<bool> = (0..5).map(|k| (i * 7 + k * 3) % 4 != 0).collect();
        expected_voters += i64::from(*plan.last().expect("plan"));
        let app = Arc::clone(&app);
        tasks.push(tokio::spawn(async move {
            for vote in plan {
                let method = if vote { Method::PUT } else { Method::DELETE };
                let response = app
                    .client
                    .request(method, app.url(&format!("/api/v1/ideas/{idea}/vote")))
                    .bearer_auth(&token)
                    .send()
                    .await
                    .expect("request");
                assert_eq!(
                    response.status().as_u16(),
                    200,
                    "{}",
                    response.text().await.unwrap_or_default()
                );
            }
        }));
    }
    for task in tasks {
        task.await.expect("voter task");
    }
    let in_table = app
        .scalar(&format!(
            "SELECT COUNT(*) FROM idea_votes WHERE idea_id = {idea}"
        ))
        .await;
    let stored = app
        .scalar(&format!("SELECT votes_count FROM ideas WHERE id = {idea}"))
        .await;
    assert_eq!(in_table, base + expected_voters, "distinct current voters");
    assert_eq!(stored, in_table, "the stored count drifted");
    let shown = app.get_json(&format!("/api/v1/ideas/{idea}"), 200).await["votes"].as_i64();
    assert_eq!(shown, Some(in_table));
    Arc::try_unwrap(app).ok().expect("sole owner").stop().await;
}

/// A vote takes its place of the member's quota (120 changes in 10
/// minutes) in its own transaction: only when it changes something, never
/// for a refused vote, and never more than the quota under parallel votes.
async fn only_votes_that_change_something_count_against_the_quota(backend: Backend) {
    let app = Arc::new(spawn_app(backend).await);
    let token = app.create_members(1).await.remove(0);
    let taken = || app.scalar("SELECT COUNT(*) FROM auth_attempts WHERE bucket LIKE 'vote:%'");
    let vote = {
        let app = Arc::clone(&app);
        move |method: Method, number: i64| {
            let app = Arc::clone(&app);
            let token = token.clone();
            async move {
                app.client
                    .request(method, app.url(&format!("/api/v1/ideas/{number}/vote")))
                    .bearer_auth(&token)
                    .send()
                    .await
                    .expect("request")
                    .status()
                    .as_u16()
            }
        }
    };
    assert_eq!(vote(Method::PUT, 424_242).await, 404);
    assert_eq!(taken().await, 0, "a refused vote took a place");
    assert_eq!(vote(Method::PUT, 7).await, 200);
    assert_eq!(vote(Method::PUT, 7).await, 200);
    assert_eq!(taken().await, 1, "a vote that changed nothing took a place");
    assert_eq!(vote(Method::DELETE, 7).await, 200);
    assert_eq!(vote(Method::DELETE, 7).await, 200);
    assert_eq!(taken().await, 2);

    // 140 changes at once on 20 ideas: the quota holds exactly.
    let board = app.get_json("/api/v1/ideas?sort=new&limit=20", 200).await;
    let numbers: Vec<i64> = board["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|card| card["number"].as_i64())
        .collect();
    assert_eq!(numbers.len(), 20);
    let mut tasks = Vec::new();
    for number in numbers.clone() {
        let vote = vote.clone();
        tasks.push(tokio::spawn(async move {
            let mut statuses = Vec::new();
            for k in 0..7 {
                let method = if k % 2 == 0 {
                    Method::PUT
                } else {
                    Method::DELETE
                };
                statuses.push(vote(method, number).await);
            }
            statuses
        }));
    }
    let mut refused = 0;
    for task in tasks {
        for status in task.await.expect("voter task") {
            assert!(status == 200 || status == 429, "status {status}");
            refused += usize::from(status == 429);
        }
    }
    assert!(refused > 0, "140 changes within the quota of 120");
    assert_eq!(taken().await, 120, "places taken beyond the quota");
    for number in numbers {
        let in_table = app
            .scalar(&format!(
                "SELECT COUNT(*) FROM idea_votes WHERE idea_id = {number}"
            ))
            .await;
        let stored = app
            .scalar(&format!(
                "SELECT votes_count FROM ideas WHERE id = {number}"
            ))
            .await;
        assert_eq!(stored, in_table, "idea {number}: the stored count drifted");
    }
    drop(vote);
    Arc::try_unwrap(app).ok().expect("sole owner").stop().await;
}

on_both_databases!(
    only_votes_that_change_something_count_against_the_quota,
    voting_is_idempotent_and_counted_once,
    votes_need_a_member_an_origin_and_an_idea,
    concurrent_votes_never_drift_from_the_votes_table,
);
