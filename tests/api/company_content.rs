//! What the company writes comes in both languages: department names and
//! descriptions, product areas, guidelines, canned answers and the names of
//! remedies are shown in the reader's language, with the other language as
//! a fallback when it was not translated.

use madang_tests::{Backend, DEMO_PASSWORD, TestApp, on_both_databases, session_cookie, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

/// The reader's language as the language cookie sets it.
fn in_korean(cookie: &str) -> String {
    if cookie.is_empty() {
        "madang_lang=ko".to_owned()
    } else {
        format!("{cookie}; madang_lang=ko")
    }
}

fn find<'a>(items: &'a Value, key: &str, value: &str) -> &'a Value {
    items["items"]
        .as_array()
        .or_else(|| items.as_array())
        .and_then(|items| items.iter().find(|i| i[key] == value))
        .unwrap_or_else(|| panic!("no {key} = {value} in {items}"))
}

async fn korean_customer(app: &TestApp) -> String {
    let response = reqwest::Client::new()
        .post(app.url("/api/v1/auth/signup"))
        .header("origin", app.origin())
        .header("accept-language", "ko-KR")
        .json(&json!({"email": "jiwoo@example.com", "password": "a long enough password", "display_name": "김지우"}))
        .send()
        .await
        .expect("sign-up");
    assert_eq!(response.status().as_u16(), 201);
    session_cookie(&response).expect("session cookie")
}

async fn departments_and_product_areas_are_named_in_the_readers_language(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;

    let (_, english) = app.call("", Method::GET, "/api/v1/departments", None).await;
    let (_, korean) = app
        .call(&in_korean(""), Method::GET, "/api/v1/departments", None)
        .await;
    assert_eq!(find(&english, "slug", "billing")["name"], "Billing");
    assert_eq!(find(&korean, "slug", "billing")["name"], "요금·청구");
    assert_eq!(
        find(&korean, "slug", "billing")["names"],
        json!({"ko": "요금·청구", "en": "Billing"})
    );
    assert_eq!(
        find(&korean, "slug", "network")["description"],
        "속도, 장애, 커버리지, 설치."
    );

    // An admin names a new department in both languages; English is
    // optional (then English readers see the Korean) but has a limit.
    let (code, problem) = app
        .call(
            &in_korean(&admin),
            Method::POST,
            "/api/v1/departments",
            Some(json!({"slug": "roaming", "name": "로밍", "name_en": "R".repeat(81), "first_response_minutes": 30})),
        )
        .await;
    assert_eq!(code, 422, "{problem}");
    assert_eq!(problem["errors"]["name_en"], "80자까지 쓸 수 있습니다");
    let (code, created) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/departments",
            Some(json!({"slug": "roaming", "name": "로밍", "description": "해외 로밍", "first_response_minutes": 30})),
        )
        .await;
    assert_eq!(code, 201, "{created}");
    assert_eq!(created["name"], "로밍", "untranslated: the Korean");
    let (code, changed) = app
        .call(
            &admin,
            Method::PUT,
            "/api/v1/departments/roaming",
            Some(json!({"slug": "roaming", "name": "로밍", "name_en": "Roaming", "description": "해외 로밍", "description_en": "Using your phone abroad", "first_response_minutes": 30})),
        )
        .await;
    assert_eq!(code, 200, "{changed}");
    assert_eq!(changed["name"], "Roaming");
    assert_eq!(changed["description"], "Using your phone abroad");

    // Product areas alike, on the board's filter and on each idea.
    let (code, area) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/categories",
            Some(json!({"slug": "roaming", "name": "로밍", "name_en": "Roaming"})),
        )
        .await;
    assert_eq!(code, 201, "{area}");
    let (_, english) = app.call("", Method::GET, "/api/v1/categories", None).await;
    let (_, korean) = app
        .call(&in_korean(""), Method::GET, "/api/v1/categories", None)
        .await;
    assert_eq!(
        find(&english, "slug", "mobile-plans")["name"],
        "Mobile plans"
    );
    assert_eq!(find(&korean, "slug", "mobile-plans")["name"], "요금제");
    assert_eq!(find(&korean, "slug", "roaming")["name"], "로밍");
    assert_eq!(find(&english, "slug", "roaming")["name"], "Roaming");

    // The guidelines, public, in both.
    let (_, english) = app.call("", Method::GET, "/api/v1/guidelines", None).await;
    let (_, korean) = app
        .call(&in_korean(""), Method::GET, "/api/v1/guidelines", None)
        .await;
    assert_eq!(
        english["items"][0]["text"],
        "Answer in your own name and department; never anonymously."
    );
    assert_eq!(
        korean["items"][0]["text"],
        "자기 이름과 부서로 답합니다. 익명으로 답하지 않습니다."
    );
    app.stop().await;
}

async fn canned_answers_and_remedies_speak_the_customers_language(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = korean_customer(&app).await;
    let staff = app.sign_in("billing@hanbit.example", DEMO_PASSWORD).await;
    let (code, ticket) = app
        .call(
            &customer,
            Method::POST,
            "/api/v1/tickets",
            Some(json!({"kind": "complaint", "title": "요금이 두 번 나왔어요", "body": "11월 요금이 두 번 빠져나갔습니다.", "department": "billing"})),
        )
        .await;
    assert_eq!(code, 201, "{ticket}");
    let number = ticket["number"].as_str().expect("number").to_owned();

    // The staff member reads the kit in English; the answer they start
    // from is in the customer's language, department name too.
    let (code, kit) = app
        .call(
            &staff,
            Method::GET,
            &format!("/api/v1/answer-kit?ticket={number}"),
            None,
        )
        .await;
    assert_eq!(code, 200, "{kit}");
    let refund = find(&kit["canned"], "title", "Billing error — refund");
    let body = refund["body"].as_str().expect("body");
    assert!(
        body.starts_with("김지우님, 말씀하신 대로 두 번 청구되었습니다."),
        "{body}"
    );
    assert!(body.contains("— 요금·청구 Jiho Kwon"), "{body}");
    assert_eq!(refund["titles"]["ko"], "청구 오류 — 환불");

    // A month free without words of its own: named per reader.
    let (code, reply) = app
        .call(
            &staff,
            Method::POST,
            &format!("/api/v1/tickets/{number}/replies"),
            Some(json!({"body": "불편을 드려 죄송합니다. 한 달 요금을 면제해 드립니다.", "remedy": {"kind": "month_free", "amount": 33000}})),
        )
        .await;
    assert_eq!(code, 201, "{reply}");
    let path = format!("/api/v1/tickets/{number}");
    let (_, english) = app.call("", Method::GET, &path, None).await;
    let (_, korean) = app.call(&in_korean(""), Method::GET, &path, None).await;
    assert_eq!(
        english["remedies"][0]["description"], "One month free",
        "{english}"
    );
    assert_eq!(korean["remedies"][0]["description"], "한 달 무료");
    let notices = app.notifications_of(&customer, "remedy_granted").await;
    let subject = notices[0]["subject"].as_str().unwrap_or_default();
    assert!(
        subject.contains("보상을 드렸습니다: 한 달 무료"),
        "{notices:?}"
    );
    assert!(subject.contains("Jiho Kwon (요금·청구)"), "{subject}");
    app.stop().await;
}

/// The fixed words of the server's English messages (the text between
/// arguments, three words or more, not also in the Korean catalog): none may
/// appear on a Korean page, in its text or in the data it hydrates from.
fn english_phrases() -> Vec<String> {
    let english = include_str!("../../server/domain/locales/en.ftl");
    let korean = include_str!("../../server/domain/locales/ko.ftl");
    english
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once(" = ").map(|(_, text)| text))
        .flat_map(|text| {
            // Text outside `{argument}`s.
            text.split('{')
                .enumerate()
                .map(|(i, piece)| {
                    if i == 0 {
                        piece
                    } else {
                        piece.split_once('}').map_or("", |(_, rest)| rest)
                    }
                })
                .map(str::trim)
                .filter(|fixed| fixed.split_whitespace().count() >= 3)
                .filter(|fixed| !korean.contains(*fixed))
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The demo company's English names as a page shows them: not in a Korean
/// page's text (its data carries both languages of a name for the admin
/// forms; a person's own job title may say what they like).
const ENGLISH_NAMES: [&str; 6] = [
    ">Customer Care<",
    ">Network Operations<",
    "(Customer Care)",
    "(Network Operations)",
    "One month free",
    "Hidden member",
];

/// A page without its scripts: what the reader sees.
fn visible(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("</script>")
            .map_or("", |end| &rest[start + end + "</script>".len()..]);
    }
    out.push_str(rest);
    out
}

fn refuse_english(html: &str, phrases: &[String], page: &str) {
    // The admin page shows both names of each department, to edit them.
    let text = if page.starts_with("/admin ") {
        String::new()
    } else {
        visible(html)
    };
    let checks = phrases
        .iter()
        .map(|p| (p.as_str(), html))
        .chain(ENGLISH_NAMES.iter().map(|n| (*n, text.as_str())));
    for (phrase, within) in checks {
        if let Some(at) = within.find(phrase) {
            let around: String = within[at.saturating_sub(200)..].chars().take(300).collect();
            panic!("English on the Korean page {page}: “{phrase}” in …{around}…");
        }
    }
}

async fn korean_pages_carry_no_english_from_the_server(backend: Backend) {
    let app = spawn_app(backend).await;
    let moderator = app.sign_in("moderator@hanbit.example", DEMO_PASSWORD).await;
    let staff = app.sign_in("sara.park@hanbit.example", DEMO_PASSWORD).await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let (_, ideas) = app
        .call("", Method::GET, "/api/v1/ideas?sort=new&limit=30", None)
        .await;
    let numbers: Vec<i64> = ideas["items"]
        .as_array()
        .expect("ideas")
        .iter()
        .filter_map(|i| i["number"].as_i64())
        .collect();
    assert!(numbers.len() >= 3, "{ideas}");
    // A merge writes a note into both ideas' timelines.
    let (code, merged) = app
        .call(
            &moderator,
            Method::POST,
            &format!("/api/v1/ideas/{}/merge", numbers[0]),
            Some(json!({"into": numbers[1]})),
        )
        .await;
    assert_eq!(code, 200, "{merged}");
    let (_, tickets) = app
        .call(&staff, Method::GET, "/api/v1/tickets?limit=100", None)
        .await;
    let mut paths: Vec<String> = [
        "/",
        "/roadmap",
        "/announcements",
        "/support",
        "/search?q=요금제",
    ]
    .map(str::to_owned)
    .to_vec();
    paths.extend(numbers.iter().map(|n| format!("/ideas/{n}")));
    paths.extend(
        tickets["items"]
            .as_array()
            .expect("tickets")
            .iter()
            .filter_map(|t| t["number"].as_str())
            .map(|n| format!("/tickets/{n}")),
    );
    let phrases = english_phrases();
    let mut seen = 0;
    for (who, cookie) in [
        ("visitor", ""),
        ("staff", staff.as_str()),
        ("admin", admin.as_str()),
    ] {
        let cookie = in_korean(cookie);
        let admin_pages = ["/staff/queue", "/dashboard", "/admin", "/commitments"];
        for path in paths.iter().map(String::as_str).chain(if who == "admin" {
            admin_pages.to_vec()
        } else {
            Vec::new()
        }) {
            let response = app.get_with_headers(path, &[("cookie", &cookie)]).await;
            assert_eq!(response.status().as_u16(), 200, "{who} {path}");
            let html = response.text().await.expect("html");
            refuse_english(&html, &phrases, &format!("{path} ({who})"));
            seen += 1;
        }
    }
    assert!(seen > 40, "{seen} pages");
    // The merge note itself is there, in Korean.
    let response = app
        .get_with_headers(
            &format!("/ideas/{}", numbers[0]),
            &[("cookie", "madang_lang=ko")],
        )
        .await;
    let html = response.text().await.expect("html");
    assert!(html.contains("에 합쳤습니다"), "merge note in Korean");
    app.stop().await;
}

on_both_databases!(
    departments_and_product_areas_are_named_in_the_readers_language,
    canned_answers_and_remedies_speak_the_customers_language,
    korean_pages_carry_no_english_from_the_server,
);
