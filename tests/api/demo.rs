//! The demo data loaded on first start: realistic, complete, consistent.

use madang_tests::{Backend, Options, on_both_databases, spawn_app, spawn_app_with};
use reqwest::Method;

async fn the_demo_covers_every_idea_and_ticket_status(backend: Backend) {
    let app = spawn_app(backend).await;
    assert!(app.scalar("SELECT COUNT(*) FROM ideas").await >= 30);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM tickets").await, 21);
    // The trust loop has something to show: promises in every state,
    // remedies granted and waiting, a hand-off with both clocks.
    let (_, promises) = app
        .call("", Method::GET, "/api/v1/commitments?limit=100", None)
        .await;
    let states: std::collections::BTreeSet<String> = promises["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|c| c["status"].as_str().expect("status").to_owned())
        .collect();
    assert_eq!(
        states.into_iter().collect::<Vec<_>>(),
        ["kept", "overdue", "pending", "withdrawn"]
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM commitments WHERE status = 'kept' AND substr(CAST(settled_at AS TEXT), 1, 10) > due_on")
            .await,
        1,
        "one promise kept late"
    );
    for status in ["granted", "pending_approval"] {
        assert_eq!(
            app.scalar(&format!(
                "SELECT COUNT(*) FROM remedies WHERE status = '{status}'"
            ))
            .await,
            1,
            "{status}"
        );
    }
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM ticket_clocks WHERE kind = 'hand_off' AND outcome = 'answered'"
        )
        .await,
        1
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_clocks c WHERE c.ticket_id = t.id)")
            .await,
        0,
        "every demo ticket has its clock"
    );
    for status in [
        "new",
        "under_review",
        "planned",
        "in_progress",
        "done",
        "declined",
        "duplicate",
    ] {
        let n = app
            .scalar(&format!(
                "SELECT COUNT(*) FROM ideas WHERE status = '{status}'"
            ))
            .await;
        assert!(n > 0, "no demo idea is {status}");
    }
    for status in [
        "open",
        "acknowledged",
        "in_progress",
        "waiting_for_customer",
        "resolved",
        "closed",
    ] {
        let n = app
            .scalar(&format!(
                "SELECT COUNT(*) FROM tickets WHERE status = '{status}'"
            ))
            .await;
        assert!(n > 0, "no demo ticket is {status}");
    }
    // Every decided idea carries a signed explanation.
    let unexplained = app
        .scalar("SELECT COUNT(*) FROM ideas i WHERE i.status <> 'new' AND NOT EXISTS (SELECT 1 FROM idea_status_changes c WHERE c.idea_id = i.id AND c.explanation_md <> '')")
        .await;
    assert_eq!(unexplained, 0);
    assert!(app.scalar("SELECT COUNT(*) FROM users WHERE role <> 'customer' AND department_id IS NOT NULL AND initials IS NOT NULL").await >= 5);
    // Authors follow their ideas; the announcement links every done idea;
    // every idea is searchable.
    let unfollowed = app
        .scalar("SELECT COUNT(*) FROM ideas i WHERE NOT EXISTS (SELECT 1 FROM idea_follows f WHERE f.idea_id = i.id AND f.user_id = i.author_id)")
        .await;
    assert_eq!(unfollowed, 0);
    let unannounced = app
        .scalar("SELECT COUNT(*) FROM ideas i WHERE i.status = 'done' AND NOT EXISTS (SELECT 1 FROM announcement_ideas a WHERE a.idea_id = i.id)")
        .await;
    assert_eq!(unannounced, 0);
    let unindexed = app
        .scalar("SELECT COUNT(*) FROM ideas i WHERE NOT EXISTS (SELECT 1 FROM idea_search_terms t WHERE t.idea_id = i.id)")
        .await;
    assert_eq!(unindexed, 0);
    app.stop().await;
}

async fn stored_counts_match_the_rows_they_count(backend: Backend) {
    let app = spawn_app(backend).await;
    let drifted_votes = app
        .scalar("SELECT COUNT(*) FROM ideas i WHERE i.votes_count <> (SELECT COUNT(*) FROM idea_votes v WHERE v.idea_id = i.id)")
        .await;
    assert_eq!(drifted_votes, 0);
    let drifted_comments = app
        .scalar("SELECT COUNT(*) FROM ideas i WHERE i.comments_count <> (SELECT COUNT(*) FROM idea_comments c WHERE c.idea_id = i.id AND c.deleted_at IS NULL)")
        .await;
    assert_eq!(drifted_comments, 0);
    assert!(app.scalar("SELECT COUNT(*) FROM idea_votes").await > 100);
    app.stop().await;
}

async fn no_demo_starts_with_an_empty_board(backend: Backend) {
    let app = spawn_app_with(
        backend,
        Options {
            demo: false,
            ..Options::default()
        },
    )
    .await;
    let body = app.get_json("/api/v1/ideas", 200).await;
    assert_eq!(body["items"].as_array().map(Vec::len), Some(0));
    assert!(body["next_cursor"].is_null());
    assert_eq!(app.scalar("SELECT COUNT(*) FROM users").await, 0);
    app.stop().await;
}

on_both_databases!(
    the_demo_covers_every_idea_and_ticket_status,
    stored_counts_match_the_rows_they_count,
    no_demo_starts_with_an_empty_board,
);
