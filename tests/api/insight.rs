//! The managers' dashboard and the public scorecard: on data made through
//! the API at known times (the test clock), every figure equals what an
//! independent SQL query over the same range says.

use madang_tests::{Backend, DEMO_PASSWORD, TestApp, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

/// SQL that means the same on both databases. Days are the company's
/// (the test server runs on the default zone, Asia/Seoul, UTC+9 all year).
struct Sql {
    backend: Backend,
    /// The first instant of the range in UTC, `YYYY-MM-DDTHH:MM:SS`.
    from: String,
    /// The first instant after the range in UTC.
    to_exclusive: String,
}

/// The UTC instant a Seoul day begins, as SQL compares it.
fn seoul_midnight(day: chrono::NaiveDate) -> String {
    (day.and_time(chrono::NaiveTime::MIN) - chrono::Duration::hours(9))
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string()
}

impl Sql {
    /// `column` within the range.
    fn within(&self, column: &str) -> String {
        match self.backend {
            Backend::Sqlite => format!(
                "{column} >= '{}' AND {column} < '{}'",
                self.from, self.to_exclusive
            ),
            Backend::Postgres => format!(
                "{column} >= '{}Z' AND {column} < '{}Z'",
                self.from, self.to_exclusive
            ),
        }
    }

    /// Whole minutes from `start` to `end`.
    fn minutes(&self, start: &str, end: &str) -> String {
        match self.backend {
            Backend::Sqlite => format!(
                "((CAST(strftime('%s', {end}) AS INTEGER) - CAST(strftime('%s', {start}) AS INTEGER)) / 60)"
            ),
            Backend::Postgres => {
                format!("CAST(FLOOR(EXTRACT(EPOCH FROM ({end} - {start})) / 60) AS BIGINT)")
            }
        }
    }

    /// The Seoul day of a timestamp, `YYYY-MM-DD`.
    fn day(&self, column: &str) -> String {
        match self.backend {
            Backend::Sqlite => format!("substr(datetime({column}, '+9 hours'), 1, 10)"),
            Backend::Postgres => {
                format!("to_char({column} AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD')")
            }
        }
    }
}

/// The value at nearest rank `ceil(p·n)` of a query's values, in SQL.
async fn nearest_rank(app: &TestApp, values_sql: &str, percent: i64) -> Option<i64> {
    let n = app
        .scalar(&format!("SELECT COUNT(*) FROM ({values_sql}) v"))
        .await;
    if n == 0 {
        return None;
    }
    let rank = (n * percent + 99) / 100;
    Some(
        app.scalar(&format!(
            "SELECT m FROM ({values_sql}) v ORDER BY m LIMIT 1 OFFSET {}",
            rank - 1
        ))
        .await,
    )
}

async fn ticket(app: &TestApp, who: &str, department: &str, title: &str) -> String {
    let (code, t) = app
        .call(
            who,
            Method::POST,
            "/api/v1/tickets",
            Some(json!({"kind": "complaint", "title": title, "body": "Details here", "department": department})),
        )
        .await;
    assert_eq!(code, 201, "{t}");
    t["number"].as_str().expect("number").to_owned()
}

async fn reply(app: &TestApp, who: &str, number: &str, body: Value) {
    let (code, answer) = app
        .call(
            who,
            Method::POST,
            &format!("/api/v1/tickets/{number}/replies"),
            Some(body),
        )
        .await;
    assert_eq!(code, 201, "{answer}");
}

async fn every_dashboard_figure_equals_an_independent_query(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await;
    let network = app
        .sign_in("minjun.lee@hanbit.example", DEMO_PASSWORD)
        .await;
    let mut customers = Vec::new();
    for i in 0..6 {
        customers.push(
            app.sign_up(
                &format!("customer{i}@example.com"),
                &format!("Customer {i}"),
            )
            .await,
        );
    }

    // Known data: five network tickets answered after 5, 10, 20, 40 and 80
    // minutes (the promise is the department's), one billing ticket nobody
    // answers, two resolved and rated, promises kept and broken, votes,
    // comments, "me too" marks and a delivered idea.
    let mut numbers = Vec::new();
    for (i, minutes) in [5_i64, 10, 20, 40, 80].into_iter().enumerate() {
        let number = ticket(
            &app,
            &customers[i],
            "network",
            &format!("Slow line number {i}"),
        )
        .await;
        app.advance_clock(chrono::Duration::minutes(minutes));
        reply(
            &app,
            &network,
            &number,
            json!({"body": "Looking into it now."}),
        )
        .await;
        numbers.push(number);
    }
    let silent = ticket(&app, &customers[5], "billing", "Charged twice this month").await;
    let tomorrow = (app.now() + chrono::Duration::days(1))
        .date_naive()
        .to_string();
    reply(
        &app,
        &network,
        &numbers[0],
        json!({"body": "We will replace the router.", "commitment": {"text": "Replace the router", "due_on": "2099-01-01"}}),
    )
    .await;
    reply(
        &app,
        &network,
        &numbers[1],
        json!({"body": "We will call you.", "commitment": {"text": "Call back", "due_on": tomorrow}}),
    )
    .await;
    let (_, pending) = app
        .call(
            &network,
            Method::GET,
            "/api/v1/commitments?status=pending&limit=100",
            None,
        )
        .await;
    let router = pending["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|c| c["text"] == "Replace the router")
        .and_then(|c| c["id"].as_i64())
        .expect("router promise");
    let (code, kept) = app
        .call(
            &network,
            Method::PUT,
            &format!("/api/v1/commitments/{router}"),
            Some(json!({"status": "kept", "evidence": "Router swapped on site."})),
        )
        .await;
    assert_eq!(code, 200, "{kept}");
    for (i, number) in numbers.iter().take(2).enumerate() {
        let (code, _) = app
            .call(
                &network,
                Method::PUT,
                &format!("/api/v1/tickets/{number}/status"),
                // The promise to call back stays open with its date.
                Some(json!({"status": "resolved", "open_promises": "keep"})),
            )
            .await;
        assert_eq!(code, 200);
        let (code, _) = app
            .call(
                &customers[i],
                Method::POST,
                &format!("/api/v1/tickets/{number}/rating"),
                Some(json!({"score": 4 + i})),
            )
            .await;
        assert_eq!(code, 200);
    }
    for (i, who) in customers.iter().enumerate() {
        app.call(who, Method::PUT, "/api/v1/ideas/2/vote", None)
            .await;
        if i % 2 == 0 {
            app.call(who, Method::PUT, "/api/v1/ideas/3/vote", None)
                .await;
        }
        if i != 2 {
            let (code, _) = app
                .call(
                    who,
                    Method::POST,
                    &format!("/api/v1/tickets/{}/me-too", numbers[2]),
                    None,
                )
                .await;
            assert_eq!(code, 200, "the author cannot, everyone else can");
        }
        app.call(
            who,
            Method::POST,
            "/api/v1/ideas/4/comments",
            Some(json!({"body": "Same here"})),
        )
        .await;
    }
    let (code, _) = app
        .call(
            &network,
            Method::PUT,
            "/api/v1/ideas/9/status",
            Some(json!({"status": "done", "explanation": "Shipped to every store this week."})),
        )
        .await;
    assert_eq!(code, 200);
    app.advance_clock(chrono::Duration::days(2));

    // Customers may not look; a bad range is a field error.
    let (code, _) = app
        .call(&customers[0], Method::GET, "/api/v1/dashboard", None)
        .await;
    assert_eq!(code, 403);
    let (code, problem) = app
        .call(
            &admin,
            Method::GET,
            "/api/v1/dashboard?from=2026-13-01",
            None,
        )
        .await;
    assert_eq!(code, 422);
    assert!(problem["errors"]["from"].is_string());
    let (code, problem) = app
        .call(
            &admin,
            Method::GET,
            "/api/v1/dashboard?from=2026-02-01&to=2026-01-01",
            None,
        )
        .await;
    assert_eq!(code, 422, "{problem}");

    let (_, default) = app
        .call(&admin, Method::GET, "/api/v1/dashboard", None)
        .await;
    let today = chrono::NaiveDate::parse_from_str(default["to"].as_str().expect("to"), "%Y-%m-%d")
        .expect("date");
    let from = today - chrono::Duration::days(40);
    let (code, d) = app
        .call(
            &admin,
            Method::GET,
            &format!("/api/v1/dashboard?from={from}&to={today}"),
            None,
        )
        .await;
    assert_eq!(code, 200, "{d}");
    assert_eq!(d["time_zone"], "Asia/Seoul", "days are the company's");
    let sql = Sql {
        backend,
        from: seoul_midnight(from),
        to_exclusive: seoul_midnight(today + chrono::Duration::days(1)),
    };

    // Activity per day: every day of the range, each count as SQL counts it.
    assert_eq!(d["daily"].as_array().map(Vec::len), Some(41));
    let busy_days = assert_daily_as_sql(&app, &d, &sql).await;
    let staff = STAFF;
    assert!(busy_days >= 2, "the generated data spans days");

    // Answers and promises per department: one per response clock started
    // in the range on a customer's ticket.
    let department_id = |slug: &str| format!("(SELECT id FROM departments WHERE slug = '{slug}')");
    let customers_tickets = format!("SELECT id FROM tickets WHERE author_id NOT IN ({staff})");
    for department in d["departments"].as_array().expect("departments") {
        let slug = department["slug"].as_str().expect("slug");
        let mine = format!(
            "department_id = {} AND ticket_id IN ({customers_tickets}) AND {}",
            department_id(slug),
            sql.within("started_at")
        );
        let minutes = format!(
            "SELECT {} AS m FROM ticket_clocks WHERE {mine} AND outcome = 'answered'",
            sql.minutes("started_at", "stopped_at")
        );
        assert_eq!(
            department["answered"].as_i64(),
            Some(
                app.scalar(&format!("SELECT COUNT(*) FROM ({minutes}) v"))
                    .await
            ),
            "{slug}"
        );
        assert_eq!(
            department["median_minutes"].as_i64(),
            nearest_rank(&app, &minutes, 50).await,
            "{slug} median"
        );
        assert_eq!(
            department["p90_minutes"].as_i64(),
            nearest_rank(&app, &minutes, 90).await,
            "{slug} p90"
        );
        let met = app
            .scalar(&format!("SELECT COUNT(*) FROM ticket_clocks WHERE {mine} AND outcome IN ('answered', 'handed_off') AND stopped_at <= due_at"))
            .await;
        let late = app
            .scalar(&format!("SELECT COUNT(*) FROM ticket_clocks WHERE {mine} AND outcome IN ('answered', 'handed_off') AND stopped_at > due_at"))
            .await;
        let now_sql = match backend {
            Backend::Sqlite => format!("'{}'", default_now(&app)),
            Backend::Postgres => format!("'{}'::timestamptz", default_now(&app)),
        };
        let waiting = app
            .scalar(&format!("SELECT COUNT(*) FROM ticket_clocks WHERE {mine} AND stopped_at IS NULL AND due_at < {now_sql}"))
            .await;
        assert_eq!(department["sla_met"].as_i64(), Some(met), "{slug} met");
        assert_eq!(
            department["sla_breached"].as_i64(),
            Some(late + waiting),
            "{slug} breached"
        );
    }
    let network_row = d["departments"]
        .as_array()
        .expect("departments")
        .iter()
        .find(|r| r["slug"] == "network")
        .cloned()
        .expect("network");
    assert!(network_row["answered"].as_i64().is_some_and(|n| n >= 5));
    let billing = d["departments"]
        .as_array()
        .expect("departments")
        .iter()
        .find(|r| r["slug"] == "billing")
        .cloned()
        .expect("billing");
    assert!(
        billing["sla_breached"].as_i64().is_some_and(|n| n >= 1),
        "the silent ticket {silent} is breached"
    );

    // All departments together; resolution; satisfaction.
    let all_minutes = format!(
        "SELECT {} AS m FROM tickets WHERE author_id NOT IN ({staff}) AND {} AND first_response_at IS NOT NULL",
        sql.minutes("created_at", "first_response_at"),
        sql.within("created_at")
    );
    assert_eq!(
        d["first_response"]["median_minutes"].as_i64(),
        nearest_rank(&app, &all_minutes, 50).await
    );
    assert_eq!(
        d["first_response"]["p90_minutes"].as_i64(),
        nearest_rank(&app, &all_minutes, 90).await
    );
    let resolution = format!(
        "SELECT {} AS m FROM tickets WHERE author_id NOT IN ({staff}) AND {}",
        sql.minutes("created_at", "resolved_at"),
        sql.within("resolved_at")
    );
    assert_eq!(
        d["resolution"]["count"].as_i64(),
        Some(
            app.scalar(&format!("SELECT COUNT(*) FROM ({resolution}) v"))
                .await
        )
    );
    assert_eq!(
        d["resolution"]["median_minutes"].as_i64(),
        nearest_rank(&app, &resolution, 50).await
    );
    let rated = format!(
        "FROM tickets WHERE author_id NOT IN ({staff}) AND {} AND rating_score IS NOT NULL",
        sql.within("resolved_at")
    );
    assert_eq!(
        d["satisfaction"]["count"].as_i64(),
        Some(app.scalar(&format!("SELECT COUNT(*) {rated}")).await)
    );
    let hundredfold = app
        .scalar(&format!(
            "SELECT CAST(ROUND(AVG(rating_score) * 100) AS BIGINT) {rated}"
        ))
        .await;
    let average = d["satisfaction"]["average"].as_f64().expect("average");
    #[expect(
        clippy::cast_possible_truncation,
        reason = "an average of 1–5 stars, times 100"
    )]
    let average_hundredfold = (average * 100.0).round() as i64;
    assert_eq!(average_hundredfold, hundredfold);

    // Promises made in the range, by where they stand today.
    let made = format!(
        "FROM commitments WHERE ticket_id IN ({customers_tickets}) AND {}",
        sql.within("created_at")
    );
    let today_sql = format!("'{today}'");
    for (field, condition) in [
        (
            "pending",
            format!("status = 'pending' AND due_on >= {today_sql}"),
        ),
        (
            "overdue",
            format!("status = 'pending' AND due_on < {today_sql}"),
        ),
        (
            "kept_on_time",
            format!("status = 'kept' AND {} <= due_on", sql.day("settled_at")),
        ),
        (
            "kept_late",
            format!("status = 'kept' AND {} > due_on", sql.day("settled_at")),
        ),
        ("withdrawn", "status = 'withdrawn'".to_owned()),
    ] {
        let expected = app
            .scalar(&format!("SELECT COUNT(*) {made} AND {condition}"))
            .await;
        assert_eq!(
            d["commitments"][field].as_i64(),
            Some(expected),
            "commitments {field}"
        );
    }
    assert!(d["commitments"]["overdue"].as_i64().is_some_and(|n| n >= 1));
    assert!(
        d["commitments"]["kept_on_time"]
            .as_i64()
            .is_some_and(|n| n >= 1)
    );
    assert!(d["satisfaction"]["count"].as_i64().is_some_and(|n| n >= 2));

    // Delivered ideas, trending ideas, "me too", participation.
    let delivered: i64 = d["delivered"]
        .as_array()
        .expect("delivered")
        .iter()
        .filter_map(|m| m["count"].as_i64())
        .sum();
    assert_eq!(
        delivered,
        app.scalar(&format!(
            "SELECT COUNT(*) FROM idea_status_changes WHERE to_status = 'done' AND {}",
            sql.within("created_at")
        ))
        .await
    );
    assert_trending_as_sql(&app, &d, &sql).await;
    let loudest = app
        .scalar(&format!("SELECT MAX(c) FROM (SELECT COUNT(*) AS c FROM ticket_me_too WHERE user_id NOT IN ({staff}) AND {} GROUP BY ticket_id) g", sql.within("created_at")))
        .await;
    assert_eq!(d["me_too"][0]["marks"].as_i64(), Some(loudest));
    assert_eq!(d["me_too"][0]["number"], numbers[2]);
    let minjun = d["participation"]
        .as_array()
        .expect("participation")
        .iter()
        .find(|p| p["display_name"] == "Minjun Lee")
        .cloned()
        .expect("Minjun Lee");
    let id = minjun["id"].as_i64().expect("id");
    let replies = app
        .scalar(&format!(
            "SELECT COUNT(*) FROM ticket_posts WHERE author_id = {id} AND kind = 'reply' AND {}",
            sql.within("created_at")
        ))
        .await;
    let decisions = app
        .scalar(&format!(
            "SELECT COUNT(*) FROM idea_status_changes WHERE by_id = {id} AND {}",
            sql.within("created_at")
        ))
        .await;
    assert_eq!(minjun["replies"].as_i64(), Some(replies));
    assert_eq!(minjun["decisions"].as_i64(), Some(decisions));
    let staff_count = app
        .scalar("SELECT COUNT(*) FROM users WHERE role IN ('employee', 'moderator', 'admin') AND deleted_at IS NULL")
        .await;
    assert_eq!(
        d["participation"].as_array().map(Vec::len),
        usize::try_from(staff_count).ok()
    );

    // A narrower range changes the figures; every table downloads as CSV.
    let (_, narrow) = app
        .call(
            &admin,
            Method::GET,
            &format!("/api/v1/dashboard?from={today}&to={today}"),
            None,
        )
        .await;
    assert_eq!(narrow["daily"].as_array().map(Vec::len), Some(1));
    assert_ne!(narrow["first_response"], d["first_response"]);
    for table in [
        "daily",
        "departments",
        "durations",
        "commitments",
        "delivered",
        "trending",
        "me_too",
        "participation",
        "department_participation",
    ] {
        let response = app
            .send_as(
                &admin,
                Method::GET,
                &format!("/api/v1/dashboard/csv/{table}?from={from}&to={today}"),
                None,
            )
            .await;
        assert_eq!(response.status().as_u16(), 200, "{table}");
        let text = response.text().await.expect("csv");
        assert!(text.lines().count() >= 2, "{table}: {text}");
    }
    let daily_csv = app
        .send_as(
            &admin,
            Method::GET,
            &format!("/api/v1/dashboard/csv/daily?from={from}&to={today}"),
            None,
        )
        .await
        .text()
        .await
        .expect("csv");
    assert_eq!(daily_csv.lines().count(), 42);
    let (code, _) = app
        .call(&admin, Method::GET, "/api/v1/dashboard/csv/nope", None)
        .await;
    assert_eq!(code, 404);
    let (code, _) = app
        .call(
            &customers[0],
            Method::GET,
            "/api/v1/dashboard/csv/daily",
            None,
        )
        .await;
    assert_eq!(code, 403);

    // Finished days are stored once counted, and stay exact: a vote taken
    // back on a stored day, and a new one today, change the next dashboard.
    assert!(app.scalar("SELECT COUNT(*) FROM insight_days").await >= 40);
    let (code, _) = app
        .call(&customers[0], Method::DELETE, "/api/v1/ideas/2/vote", None)
        .await;
    assert_eq!(code, 200);
    let (code, _) = app
        .call(&customers[1], Method::PUT, "/api/v1/ideas/5/vote", None)
        .await;
    assert_eq!(code, 200);
    let (_, again) = app
        .call(
            &admin,
            Method::GET,
            &format!("/api/v1/dashboard?from={from}&to={today}"),
            None,
        )
        .await;
    let votes = |d: &Value| -> i64 {
        d["daily"]
            .as_array()
            .expect("daily")
            .iter()
            .filter_map(|day| day["votes"].as_i64())
            .sum()
    };
    assert_eq!(votes(&again), votes(&d), "one vote less, one more");
    assert_daily_as_sql(&app, &again, &sql).await;
    assert_trending_as_sql(&app, &again, &sql).await;
    // A range holding a small part of the votes counts them the other way.
    let voting_day = again["daily"]
        .as_array()
        .expect("daily")
        .iter()
        .find(|day| day["votes"].as_i64() > Some(0))
        .and_then(|day| day["day"].as_str())
        .and_then(|day| chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
        .expect("a day with votes");
    let (_, that_day) = app
        .call(
            &admin,
            Method::GET,
            &format!("/api/v1/dashboard?from={voting_day}&to={voting_day}"),
            None,
        )
        .await;
    let day_sql = Sql {
        backend,
        from: seoul_midnight(voting_day),
        to_exclusive: seoul_midnight(voting_day + chrono::Duration::days(1)),
    };
    assert_trending_as_sql(&app, &that_day, &day_sql).await;
    assert!(that_day["trending"][0]["votes_gained"].as_i64() >= Some(1));

    // The public scorecard: the last 30 days, for anyone.
    let card = app.get_json("/api/v1/scorecard", 200).await;
    let start = today - chrono::Duration::days(29);
    let last30 = Sql {
        backend,
        from: seoul_midnight(start),
        to_exclusive: sql.to_exclusive.clone(),
    };
    let card_minutes = format!(
        "SELECT {} AS m FROM tickets WHERE author_id NOT IN ({staff}) AND {} AND first_response_at IS NOT NULL",
        last30.minutes("created_at", "first_response_at"),
        last30.within("created_at")
    );
    assert_eq!(
        card["median_first_response_minutes"].as_i64(),
        nearest_rank(&app, &card_minutes, 50).await
    );
    assert_eq!(
        card["tickets_resolved"].as_i64(),
        Some(
            app.scalar(&format!(
                "SELECT COUNT(*) FROM tickets WHERE author_id NOT IN ({staff}) AND {}",
                last30.within("resolved_at")
            ))
            .await
        )
    );
    assert_eq!(
        card["ideas_delivered"].as_i64(),
        Some(
            app.scalar(&format!(
                "SELECT COUNT(*) FROM idea_status_changes WHERE to_status = 'done' AND {}",
                last30.within("created_at")
            ))
            .await
        )
    );
    let page = app.get("/scorecard").await;
    assert_eq!(page.status().as_u16(), 200);
    app.stop().await;
}

/// Staff members' ids: their activity is left out of every figure.
const STAFF: &str = "SELECT id FROM users WHERE role IN ('employee', 'moderator', 'admin')";

/// Every day of a dashboard's activity equals what SQL counts on that day;
/// returns the number of days with active members.
async fn assert_daily_as_sql(app: &TestApp, d: &Value, sql: &Sql) -> usize {
    let staff = STAFF;
    let active = format!(
        "SELECT uid, created_at FROM (SELECT author_id AS uid, created_at FROM ideas UNION ALL SELECT author_id, created_at FROM idea_comments \
         UNION ALL SELECT user_id, created_at FROM idea_votes UNION ALL SELECT author_id, created_at FROM tickets \
         UNION ALL SELECT author_id, created_at FROM ticket_posts WHERE kind <> 'internal') x WHERE uid NOT IN ({staff})"
    );
    let mut busy_days = 0;
    for day in d["daily"].as_array().expect("daily") {
        let date = day["day"].as_str().expect("day");
        let on = |table: &str, member: &str| {
            format!(
                "SELECT COUNT(*) FROM {table} WHERE {member} NOT IN ({staff}) AND {} = '{date}'",
                sql.day("created_at")
            )
        };
        for (field, table, member) in [
            ("ideas", "ideas", "author_id"),
            ("tickets", "tickets", "author_id"),
            ("comments", "idea_comments", "author_id"),
            ("votes", "idea_votes", "user_id"),
        ] {
            assert_eq!(
                day[field].as_i64(),
                Some(app.scalar(&on(table, member)).await),
                "{field} on {date}"
            );
        }
        let members = app
            .scalar(&format!(
                "SELECT COUNT(DISTINCT uid) FROM ({active}) a WHERE {} = '{date}'",
                sql.day("created_at")
            ))
            .await;
        assert_eq!(
            day["active_members"].as_i64(),
            Some(members),
            "active on {date}"
        );
        if members > 0 {
            busy_days += 1;
        }
    }
    busy_days
}

/// The dashboard's trending ideas are, in order, the ideas with the most
/// customer votes cast in the range, as SQL groups them.
async fn assert_trending_as_sql(app: &TestApp, d: &Value, sql: &Sql) {
    let ranked = format!(
        "SELECT idea_id, COUNT(*) AS n FROM idea_votes WHERE user_id NOT IN ({STAFF}) AND {} \
         GROUP BY idea_id",
        sql.within("created_at")
    );
    let ideas = app
        .scalar(&format!("SELECT COUNT(*) FROM ({ranked}) r"))
        .await;
    let trending = d["trending"].as_array().expect("trending");
    assert_eq!(i64::try_from(trending.len()).ok(), Some(ideas.min(5)));
    for (rank, idea) in trending.iter().enumerate() {
        let at = |column: &str| {
            format!(
                "SELECT {column} FROM ({ranked}) r ORDER BY n DESC, idea_id LIMIT 1 OFFSET {rank}"
            )
        };
        assert_eq!(
            idea["number"].as_i64(),
            Some(app.scalar(&at("idea_id")).await)
        );
        assert_eq!(
            idea["votes_gained"].as_i64(),
            Some(app.scalar(&at("n")).await)
        );
    }
}

/// The server's clock as RFC 3339.
fn default_now(app: &TestApp) -> String {
    app.now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

on_both_databases!(every_dashboard_figure_equals_an_independent_query);
