//! Everything the server says comes in the reader's language: the language
//! cookie first, then Accept-Language, English otherwise — problem titles,
//! details and field errors alike, through the REST API and server functions.

use madang_tests::{Backend, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

fn has_hangul(text: &str) -> bool {
    text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

async fn problems_speak_the_language_of_the_request(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_up("minseo@example.com", "Minseo Oh").await;
    let client = reqwest::Client::new();
    let too_short = json!({"kind": "complaint", "title": "Hi", "body": "요금이 두 번 나왔어요"});

    // Accept-Language: Korean.
    let problem: Value = client
        .post(app.url("/api/v1/tickets"))
        .header("cookie", &customer)
        .header("origin", app.origin())
        .header("accept-language", "ko-KR,ko;q=0.9,en;q=0.8")
        .json(&too_short)
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("problem+json");
    assert_eq!(problem["status"], 422, "{problem}");
    assert_eq!(problem["title"], "입력을 확인해 주세요");
    assert_eq!(problem["errors"]["title"], "5–120자로 써 주세요");

    // The cookie beats Accept-Language, both ways.
    let with_cookie = format!("{customer}; madang_lang=ko");
    let (code, problem) = app
        .call(
            &with_cookie,
            Method::POST,
            "/api/v1/tickets",
            Some(too_short.clone()),
        )
        .await;
    assert_eq!(code, 422);
    assert_eq!(problem["errors"]["title"], "5–120자로 써 주세요");
    let english: Value = client
        .post(app.url("/api/v1/tickets"))
        .header("cookie", format!("{customer}; madang_lang=en"))
        .header("origin", app.origin())
        .header("accept-language", "ko")
        .json(&too_short)
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("problem+json");
    assert_eq!(english["errors"]["title"], "must be 5–120 characters");
    assert_eq!(english["title"], "Invalid input");

    // Without either: English.
    let (_, problem) = app
        .call(&customer, Method::POST, "/api/v1/tickets", Some(too_short))
        .await;
    assert_eq!(problem["errors"]["title"], "must be 5–120 characters");

    // Sign-in failures, missing things, forbidden actions, unknown
    // endpoints and unreadable bodies: all Korean for a Korean reader.
    let origin = app.origin().to_owned();
    let korean = |request: reqwest::RequestBuilder| {
        let origin = origin.clone();
        async move {
            let response = request
                .header("accept-language", "ko")
                .header("origin", origin)
                .send()
                .await
                .expect("request");
            let status = response.status().as_u16();
            let body: Value = response.json().await.expect("problem+json");
            (status, body)
        }
    };
    let (status, problem) = korean(
        client
            .post(app.url("/api/v1/auth/login"))
            .json(&json!({"email": "minseo@example.com", "password": "wrong password"})),
    )
    .await;
    assert_eq!(status, 401, "{problem}");
    assert_eq!(problem["detail"], "이메일 주소나 비밀번호가 맞지 않습니다.");
    let (status, problem) = korean(
        client
            .get(app.url("/api/v1/tickets/VOC-999999"))
            .header("cookie", &customer),
    )
    .await;
    assert_eq!(status, 404, "{problem}");
    assert_eq!(problem["detail"], "문의 VOC-999999을(를) 찾을 수 없습니다");
    let (status, problem) = korean(
        client
            .get(app.url("/api/v1/dashboard"))
            .header("cookie", &customer),
    )
    .await;
    assert_eq!(status, 403, "{problem}");
    assert_eq!(problem["detail"], "관리자 계정이 필요합니다.");
    assert_eq!(problem["title"], "권한이 없습니다");
    let (status, problem) = korean(client.get(app.url("/api/v1/no-such-thing"))).await;
    assert_eq!(status, 404);
    assert_eq!(problem["detail"], "그런 API 주소는 없습니다.");
    let (status, problem) = korean(
        client
            .post(app.url("/api/v1/tickets"))
            .header("cookie", &customer)
            .header("content-type", "application/json")
            .body("[1, 2]"),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"]["body"], "JSON 객체여야 합니다");
    for text in [&problem["title"], &problem["detail"]] {
        assert!(has_hangul(text.as_str().unwrap_or_default()), "{problem}");
    }
    app.stop().await;
}

on_both_databases!(problems_speak_the_language_of_the_request);
