//! Everything the server says comes in the reader's language: the language
//! cookie first, then Accept-Language, English otherwise — problem titles,
//! details and field errors alike, through the REST API and server functions.

use madang_tests::{Backend, DEMO_PASSWORD, TestApp, on_both_databases, session_cookie, spawn_app};
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

/// Signs up with the browser's `Accept-Language`, as a visitor would.
async fn sign_up_in(app: &TestApp, email: &str, name: &str, accept_language: &str) -> String {
    let response = reqwest::Client::new()
        .post(app.url("/api/v1/auth/signup"))
        .header("origin", app.origin())
        .header("accept-language", accept_language)
        .json(&json!({"email": email, "password": "a long enough password", "display_name": name}))
        .send()
        .await
        .expect("sign-up");
    assert_eq!(response.status().as_u16(), 201, "sign-up of {email}");
    session_cookie(&response).expect("session cookie")
}

/// The outbox mails to an address, newest first, once `count` are there
/// (the notification worker writes them a moment after the change); the
/// address confirmation every sign-up gets is left out.
async fn mails_to(app: &TestApp, admin: &str, to: &str, count: usize) -> Vec<Value> {
    for _ in 0..100 {
        let (code, outbox) = app
            .call(admin, Method::GET, "/api/v1/admin/outbox", None)
            .await;
        assert_eq!(code, 200, "{outbox}");
        let mails: Vec<Value> = outbox["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter(|m| m["to"] == to)
            .filter(|m| {
                m["body"]
                    .as_str()
                    .is_some_and(|b| !b.contains("/verify?token="))
            })
            .cloned()
            .collect();
        if mails.len() >= count {
            return mails;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{to} did not get {count} mails");
}

async fn notices_and_mail_speak_the_members_language(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let korean = sign_up_in(&app, "jiwoo@example.com", "김지우", "ko-KR,ko;q=0.9").await;
    let english = sign_up_in(&app, "sam@example.com", "Sam Lee", "en-GB").await;

    // The language they signed up in is stored, and shown on /me.
    for (cookie, tag) in [(&korean, "ko"), (&english, "en")] {
        let (code, me) = app.call(cookie, Method::GET, "/api/v1/me", None).await;
        assert_eq!(
            (code, me["user"]["language"].as_str()),
            (200, Some(tag)),
            "{me}"
        );
        let (code, _) = app
            .call(cookie, Method::PUT, "/api/v1/ideas/12/follow", None)
            .await;
        assert_eq!(code, 200);
    }
    let explanation = "We are building it this quarter.";
    let (code, _) = app
        .call(
            &staff,
            Method::PUT,
            "/api/v1/ideas/12/status",
            Some(json!({"status": "planned", "explanation": explanation})),
        )
        .await;
    assert_eq!(code, 200);

    // The bell: each in their own language (what staff wrote stays as written).
    let ko = &app.notifications_of(&korean, "idea_status_changed").await[0];
    assert!(
        ko["subject"]
            .as_str()
            .is_some_and(|s| s.contains("‘계획됨’")),
        "{ko}"
    );
    assert_eq!(ko["text"], explanation, "{ko}");
    let en = &app.notifications_of(&english, "idea_status_changed").await[0];
    assert!(
        en["subject"]
            .as_str()
            .is_some_and(|s| s.ends_with("→ planned")),
        "{en}"
    );

    // The mail: subject, "read more" and the footer in Korean.
    let mail = &mails_to(&app, &admin, "jiwoo@example.com", 1).await[0];
    let body = mail["body"].as_str().expect("body");
    assert!(
        has_hangul(mail["subject"].as_str().expect("subject")),
        "{mail}"
    );
    for korean_words in ["자세히 보기:", "팔로우하거나 투표하셔서", "수신 거부"]
    {
        assert!(body.contains(korean_words), "{body}");
    }
    assert!(
        !body.contains("Read more") && !body.contains("Unsubscribe"),
        "{body}"
    );
    let mail = &mails_to(&app, &admin, "sam@example.com", 1).await[0];
    assert!(
        mail["body"]
            .as_str()
            .is_some_and(|b| b.contains("Unsubscribe with one click")),
        "{mail}"
    );

    // Choosing English on /me changes the next mail, whatever the page language.
    let (code, me) = app
        .call(
            &korean,
            Method::PATCH,
            "/api/v1/me",
            Some(json!({"language": "en"})),
        )
        .await;
    assert_eq!((code, &me["user"]["language"]), (200, &json!("en")), "{me}");
    let (code, problem) = app
        .call(
            &korean,
            Method::PATCH,
            "/api/v1/me",
            Some(json!({"language": "fr"})),
        )
        .await;
    assert!((400..500).contains(&code), "{code} {problem}");
    let response = reqwest::Client::new()
        .post(app.url("/api/v1/auth/password-reset"))
        .header("origin", app.origin())
        .header("accept-language", "ko")
        .json(&json!({"email": "jiwoo@example.com"}))
        .send()
        .await
        .expect("reset");
    assert!(response.status().is_success());
    let mail = &mails_to(&app, &admin, "jiwoo@example.com", 2).await[0];
    assert_eq!(mail["subject"], "Reset your Madang password", "{mail}");
    app.stop().await;
}

on_both_databases!(
    problems_speak_the_language_of_the_request,
    notices_and_mail_speak_the_members_language,
);
