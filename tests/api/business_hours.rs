//! Business hours and holidays: a department that keeps hours promises in
//! business minutes — a question on Friday evening before a long weekend
//! is due the next working morning, one filed at night runs from opening
//! time, a holiday admins add is skipped too — and the thread, the queue
//! and the dashboard count the same minutes.

use chrono::{DateTime, TimeZone, Utc};
use madang_tests::{Backend, DEMO_PASSWORD, TestApp, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

/// A Seoul wall-clock time as UTC.
fn seoul(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    chrono_tz::Asia::Seoul
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .expect("a Seoul time")
        .with_timezone(&Utc)
}

/// Asserts a time in a response is `expected`, give or take the seconds
/// the test itself takes (the server's clock keeps running).
fn assert_near(value: &Value, expected: DateTime<Utc>) {
    let at: DateTime<Utc> = value
        .as_str()
        .and_then(|t| t.parse().ok())
        .unwrap_or_else(|| panic!("a time, not {value}"));
    assert!(
        (at - expected).num_seconds().abs() <= 30,
        "{at} is not {expected}"
    );
}

/// Moves the server's clock forward to `at` (the shipped holiday calendar
/// runs to the end of 2027, so the story is set in that December).
fn move_to(app: &TestApp, at: DateTime<Utc>) {
    let now = app.now();
    assert!(
        now <= at,
        "the test is set in December 2027; it is {now} already"
    );
    app.advance_clock(at - now);
}

async fn billing_file(app: &TestApp, customer: &str, title: &str) -> Value {
    let (status, ticket) = app
        .call(
            customer,
            Method::POST,
            "/api/v1/tickets",
            Some(json!({"kind": "inquiry", "title": title, "body": "Why is my bill higher this month?", "department": "billing"})),
        )
        .await;
    assert_eq!(status, 201, "{ticket}");
    ticket
}

async fn keep_hours(app: &TestApp, admin: &str, hours: &str, zone: &str) -> (u16, Value) {
    let (_, list) = app
        .call(admin, Method::GET, "/api/v1/departments", None)
        .await;
    let billing = list["items"]
        .as_array()
        .expect("departments")
        .iter()
        .find(|d| d["slug"] == "billing")
        .cloned()
        .expect("billing");
    app.call(
        admin,
        Method::PUT,
        "/api/v1/departments/billing",
        Some(json!({
            "slug": "billing",
            "name": billing["names"]["ko"],
            "name_en": billing["names"]["en"],
            "description": billing["descriptions"]["ko"],
            "description_en": billing["descriptions"]["en"],
            "handle": billing["handle"],
            "first_response_minutes": 30,
            "business_hours": hours,
            "time_zone": zone,
        })),
    )
    .await
}

async fn promises_count_business_minutes_across_nights_weekends_and_holidays(backend: Backend) {
    let app = spawn_app(backend).await;
    move_to(&app, seoul(2027, 12, 24, 17, 50));
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let billing_staff = app.sign_in("billing@hanbit.example", DEMO_PASSWORD).await;
    let customer = app
        .sign_up("hours.customer@example.com", "Haneul Customer")
        .await;

    // Hours are checked before they are kept.
    for (hours, zone, field) in [
        ("weekdays 9-6", "Asia/Seoul", "business_hours"),
        ("mon-fri 18:00-09:00", "Asia/Seoul", "business_hours"),
        ("fri-mon 09:00-18:00", "Asia/Seoul", "business_hours"),
        ("mon-fri 09:00-18:00", "Mars/Olympus", "time_zone"),
    ] {
        let (status, problem) = keep_hours(&app, &admin, hours, zone).await;
        assert_eq!(status, 422, "{hours} {zone}: {problem}");
        assert!(problem["errors"][field].is_string(), "{problem}");
    }
    let (status, billing) = keep_hours(&app, &admin, "Mon-Fri 09:00-18:00", "Asia/Seoul").await;
    assert_eq!(status, 200, "{billing}");
    assert_eq!(billing["business_hours"], "mon-fri 09:00-18:00");

    // Friday 17:50, before Christmas, the weekend and the substitute
    // holiday on Monday: ten minutes on Friday, twenty on Tuesday.
    let friday = billing_file(&app, &customer, "Bill higher after the plan change").await;
    let number = friday["number"].as_str().expect("number").to_owned();
    assert_near(
        &friday["first_response"]["due_at"],
        seoul(2027, 12, 28, 9, 20),
    );
    let clock = &friday["clocks"][0];
    assert_eq!(clock["business_hours"], "mon-fri 09:00-18:00");
    assert_eq!(clock["time_zone"], "Asia/Seoul");
    assert_eq!(clock["counts_from"], Value::Null, "filed within hours");

    // Not late over the weekend and the holiday, nor at 09:15 on Tuesday.
    let path = format!("/api/v1/tickets/{number}");
    for at in [
        seoul(2027, 12, 25, 12, 0),
        seoul(2027, 12, 27, 17, 0),
        seoul(2027, 12, 28, 9, 15),
    ] {
        move_to(&app, at);
        let (_, seen) = app.call(&admin, Method::GET, &path, None).await;
        assert_eq!(seen["first_response"]["breached"], false, "at {at}: {seen}");
    }
    let (status, answered) = app
        .call(
            &billing_staff,
            Method::POST,
            &format!("{path}/replies"),
            Some(json!({"body": "The plan change added a one-off fee; it is refunded."})),
        )
        .await;
    assert_eq!(status, 201, "{answered}");
    // 10 on Friday and 15 on Tuesday (24 when the seconds the test takes
    // fall across a minute).
    let taken = answered["first_response"]["minutes"].as_i64();
    assert!(matches!(taken, Some(24 | 25)), "{answered}");
    assert_eq!(answered["first_response"]["breached"], false);

    // An admin adds the company's own day off on Wednesday.
    let holiday = json!({"day": "2027-12-29", "name": "창립기념일", "name_en": "Founding day"});
    let (status, _) = app
        .call(
            &billing_staff,
            Method::POST,
            "/api/v1/holidays",
            Some(holiday.clone()),
        )
        .await;
    assert_eq!(status, 403);
    let (status, problem) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/holidays",
            Some(json!({"day": "29/12/2027", "name": "x"})),
        )
        .await;
    assert_eq!(status, 422, "{problem}");
    assert!(problem["errors"]["day"].is_string());
    let (status, added) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/holidays",
            Some(holiday.clone()),
        )
        .await;
    assert_eq!(status, 201, "{added}");
    let (status, _) = app
        .call(&admin, Method::POST, "/api/v1/holidays", Some(holiday))
        .await;
    assert_eq!(status, 409);
    let calendar = app.get_json("/api/v1/holidays", 200).await;
    assert!(
        calendar["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|h| h["day"] == "2027-12-27"),
        "the shipped calendar"
    );

    // Tuesday 21:10: closed tonight, closed on Wednesday's holiday; the
    // promise runs from 09:00 on Thursday.
    move_to(&app, seoul(2027, 12, 28, 21, 10));
    let night = billing_file(&app, &customer, "Roaming charge on my bill").await;
    let clock = &night["clocks"][0];
    assert_near(&clock["counts_from"], seoul(2027, 12, 30, 9, 0));
    assert_near(
        &night["first_response"]["due_at"],
        seoul(2027, 12, 30, 9, 30),
    );
    move_to(&app, seoul(2027, 12, 30, 9, 29));
    let night_path = format!(
        "/api/v1/tickets/{}",
        night["number"].as_str().expect("number")
    );
    let (_, seen) = app.call(&admin, Method::GET, &night_path, None).await;
    assert_eq!(seen["first_response"]["breached"], false, "{seen}");
    move_to(&app, seoul(2027, 12, 30, 9, 31));
    let (_, seen) = app.call(&admin, Method::GET, &night_path, None).await;
    assert_eq!(seen["first_response"]["breached"], true, "{seen}");

    // Removing the day puts it back to work (for promises made after).
    let (status, _) = app
        .call(
            &admin,
            Method::DELETE,
            &format!("/api/v1/holidays/{}", added["id"]),
            None,
        )
        .await;
    assert_eq!(status, 204);
    let (_, audit) = app
        .call(&admin, Method::GET, "/api/v1/moderation/audit", None)
        .await;
    assert!(
        audit.to_string().contains("holiday.added")
            && audit.to_string().contains("holiday.removed")
    );

    // The dashboard counts the answered promise in business minutes.
    let (status, dashboard) = app
        .call(&admin, Method::GET, "/api/v1/dashboard?days=14", None)
        .await;
    assert_eq!(status, 200, "{dashboard}");
    let row = dashboard["departments"]
        .as_array()
        .expect("departments")
        .iter()
        .find(|d| d["slug"] == "billing")
        .cloned()
        .expect("billing");
    assert_eq!(row["answered"], 1, "{row}");
    assert_eq!(row["median_minutes"].as_i64(), taken, "{row}");
    assert_eq!(
        dashboard["first_response"]["median_minutes"].as_i64(),
        taken,
        "filing to first answer, in business minutes: {}",
        dashboard["first_response"]
    );

    // Around the clock again: every minute counts.
    let (status, billing) = keep_hours(&app, &admin, "", "").await;
    assert_eq!(status, 200, "{billing}");
    assert_eq!(billing["business_hours"], Value::Null);
    let now = app.now();
    let plain = billing_file(&app, &customer, "Another question about my bill").await;
    assert_eq!(plain["clocks"][0]["business_hours"], Value::Null);
    let due: DateTime<Utc> = plain["first_response"]["due_at"]
        .as_str()
        .expect("due")
        .parse()
        .expect("time");
    assert!(
        (due - (now + chrono::Duration::minutes(30)))
            .num_seconds()
            .abs()
            <= 60,
        "{due} vs {now}"
    );
    app.stop().await;
}

on_both_databases!(promises_count_business_minutes_across_nights_weekends_and_holidays,);
