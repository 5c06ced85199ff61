//! Live events: a reconnecting client gets exactly what it missed, and
//! every event reaches only those allowed to see it.

use std::time::Duration;

use madang_tests::{Backend, DEMO_PASSWORD, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::json;

const SOON: Duration = Duration::from_secs(3);

async fn a_reconnecting_client_receives_exactly_the_events_it_missed(backend: Backend) {
    let app = spawn_app(backend).await;
    let a = app.sign_up("a@example.com", "Member A").await;
    let b = app.sign_up("b@example.com", "Member B").await;
    let mut stream = app.events("", "idea:5,board", None).await;
    let (code, _) = app
        .call(&a, Method::PUT, "/api/v1/ideas/5/vote", None)
        .await;
    assert_eq!(code, 200);
    // One vote: an event on the idea and one on the board.
    let first = stream.next(SOON).await.expect("the vote arrives");
    assert_eq!(first.kind, "vote");
    assert_eq!(first.data["data"]["number"], 5);
    let second = stream.next(SOON).await.expect("the board hears it too");
    let seen = first.id.max(second.id);
    drop(stream);

    // While disconnected: three events on idea 5, one on another idea.
    app.call(&b, Method::PUT, "/api/v1/ideas/5/vote", None)
        .await;
    app.call(
        &a,
        Method::POST,
        "/api/v1/ideas/5/comments",
        Some(json!({"body": "Agreed, please do"})),
    )
    .await;
    app.call(&b, Method::DELETE, "/api/v1/ideas/5/vote", None)
        .await;
    app.call(&b, Method::PUT, "/api/v1/ideas/6/vote", None)
        .await;

    let mut resumed = app.events("", "idea:5", Some(seen)).await;
    let mut missed = Vec::new();
    while let Some(event) = resumed.next(Duration::from_millis(1_500)).await {
        missed.push(event);
    }
    let kinds: Vec<&str> = missed.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["vote", "comment", "vote"], "{missed:?}");
    assert!(missed.windows(2).all(|w| w[0].id < w[1].id));
    assert!(
        missed
            .iter()
            .all(|e| e.id > seen && e.data["topic"] == "idea:5")
    );
    assert_eq!(
        missed[2].data["data"]["votes"].as_i64(),
        missed[0].data["data"]["votes"].as_i64().map(|v| v - 1)
    );

    // And it keeps going live after the replay.
    app.call(&a, Method::DELETE, "/api/v1/ideas/5/vote", None)
        .await;
    let live = resumed.next(SOON).await.expect("live after replay");
    assert_eq!(live.kind, "vote");
    assert!(live.id > missed[2].id);
    app.stop().await;
}

async fn events_reach_only_those_allowed_to_see_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_up("asker@example.com", "Asker").await;
    let other = app.sign_up("other@example.com", "Other").await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;

    // Refusals are problems, not streams.
    assert_eq!(
        app.events_response(&customer, "queue", None)
            .await
            .status()
            .as_u16(),
        403
    );
    assert_eq!(
        app.events_response("", "me", None).await.status().as_u16(),
        401
    );
    assert_eq!(
        app.events_response("", "idea:x", None)
            .await
            .status()
            .as_u16(),
        422
    );
    assert_eq!(
        app.events_response("", "", None).await.status().as_u16(),
        422
    );

    let (_, ticket) = app
        .call(
            &customer,
            Method::POST,
            "/api/v1/tickets",
            Some(
                json!({"kind": "inquiry", "title": "Where is my refund", "body": "Since March",
                "private_details": "IBAN DE44 5001 0517 5407 3249 31"}),
            ),
        )
        .await;
    let number = ticket["number"].as_str().expect("number").to_owned();
    let topic = format!("ticket:{number}");
    let mut visitor = app.events("", &topic, None).await;
    let mut onlooker = app.events(&other, &format!("{topic},me"), None).await;
    let mut employee = app.events(&staff, &format!("{topic},queue"), None).await;

    let (code, _) = app
        .call(
            &staff,
            Method::POST,
            &format!("/api/v1/tickets/{number}/replies"),
            Some(json!({"body": "Internal: refund blocked by finance", "internal": true})),
        )
        .await;
    assert_eq!(code, 201);
    let (code, _) = app
        .call(
            &staff,
            Method::POST,
            &format!("/api/v1/tickets/{number}/replies"),
            Some(json!({"body": "Your refund is on its way."})),
        )
        .await;
    assert_eq!(code, 201);

    // Staff hear both posts (on the thread and the queue); others only the public one.
    let mut staff_kinds = Vec::new();
    while let Some(event) = employee.next(Duration::from_millis(1_500)).await {
        staff_kinds.push((
            event.data["topic"].as_str().unwrap_or_default().to_owned(),
            event.data["data"]["kind"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        ));
    }
    assert!(
        staff_kinds.contains(&(topic.clone(), "internal".to_owned())),
        "{staff_kinds:?}"
    );
    assert!(
        staff_kinds.contains(&(topic.clone(), "reply".to_owned())),
        "{staff_kinds:?}"
    );
    assert!(
        staff_kinds.contains(&("queue".to_owned(), "internal".to_owned())),
        "{staff_kinds:?}"
    );
    for stream in [&mut visitor, &mut onlooker] {
        let mut texts = Vec::new();
        while let Some(event) = stream.next(Duration::from_millis(1_500)).await {
            texts.push(event.data.to_string());
            assert_eq!(event.data["data"]["kind"], "reply", "{event:?}");
        }
        assert_eq!(texts.len(), 1, "{texts:?}");
        assert!(
            texts
                .iter()
                .all(|t| !t.contains("finance") && !t.contains("IBAN"))
        );
    }

    // A member's own notifications reach only them.
    let mut watcher = app.events(&customer, "me", None).await;
    app.call(&customer, Method::PUT, "/api/v1/ideas/7/follow", None)
        .await;
    let (code, _) = app
        .call(
            &staff,
            Method::PUT,
            "/api/v1/ideas/7/status",
            Some(json!({"status": "planned", "explanation": "Scheduled for the spring release."})),
        )
        .await;
    assert_eq!(code, 200);
    let note = watcher.next(SOON).await.expect("the follower is told");
    assert_eq!(note.kind, "notification");
    assert!(onlooker.next(Duration::from_millis(800)).await.is_none());
    app.stop().await;
}

async fn an_event_on_one_instance_reaches_subscribers_of_another(backend: Backend) {
    let first = spawn_app(backend).await;
    let second = first.another_instance().await;
    let member = first.sign_up("voter@example.com", "Voter").await;
    let mut stream = second.events("", "idea:8", None).await;
    let (code, _) = first
        .call(&member, Method::PUT, "/api/v1/ideas/8/vote", None)
        .await;
    assert_eq!(code, 200);
    let event = stream
        .next(SOON)
        .await
        .expect("the other instance hears it");
    assert_eq!(event.kind, "vote");
    assert_eq!(event.data["data"]["number"], 8);
    second.stop().await;
    first.stop().await;
}

async fn a_staff_answer_notifies_the_ticket_author_alone(backend: Backend) {
    let app = spawn_app(backend).await;
    let author = app.sign_up("author@example.com", "Author").await;
    let other = app.sign_up("bystander@example.com", "Bystander").await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let (_, ticket) = app
        .call(
            &author,
            Method::POST,
            "/api/v1/tickets",
            Some(json!({"kind": "inquiry", "title": "Roaming in Japan", "body": "Does my plan cover it?"})),
        )
        .await;
    let number = ticket["number"].as_str().expect("number").to_owned();
    let mut bell = app.events(&author, "me", None).await;
    let mut elsewhere = app.events(&other, "me", None).await;
    // The author's own reply and an internal note tell nobody.
    app.call(
        &author,
        Method::POST,
        &format!("/api/v1/tickets/{number}/replies"),
        Some(json!({"body": "Also Korea-Japan ferries?"})),
    )
    .await;
    app.call(
        &staff,
        Method::POST,
        &format!("/api/v1/tickets/{number}/replies"),
        Some(json!({"body": "Checking roaming rules", "internal": true})),
    )
    .await;
    let (code, _) = app
        .call(
            &staff,
            Method::POST,
            &format!("/api/v1/tickets/{number}/replies"),
            Some(json!({"body": "Yes, Japan is included in your plan."})),
        )
        .await;
    assert_eq!(code, 201);
    let event = bell.next(SOON).await.expect("the author's bell rings");
    assert_eq!(event.kind, "notification");
    assert_eq!(event.data["data"]["link"], format!("/tickets/{number}"));
    assert!(
        bell.next(Duration::from_millis(800)).await.is_none(),
        "exactly one"
    );
    assert!(elsewhere.next(Duration::from_millis(300)).await.is_none());
    let (_, list) = app
        .call(&author, Method::GET, "/api/v1/me/notifications", None)
        .await;
    assert_eq!(list["unread"], 1);
    assert_eq!(list["items"][0]["kind"], "ticket_answered");
    assert!(
        list["items"][0]["text"]
            .as_str()
            .is_some_and(|t| t.contains("Japan is included"))
    );
    let (_, theirs) = app
        .call(&other, Method::GET, "/api/v1/me/notifications", None)
        .await;
    assert_eq!(theirs["unread"], 0);
    app.stop().await;
}

on_both_databases!(
    a_reconnecting_client_receives_exactly_the_events_it_missed,
    events_reach_only_those_allowed_to_see_them,
    an_event_on_one_instance_reaches_subscribers_of_another,
    a_staff_answer_notifies_the_ticket_author_alone,
);
