//! Password resets and staff invitations through the mail outbox, and the
//! admin-only endpoints around them (departments, outbox).

use madang_tests::{Backend, DEMO_PASSWORD, TestApp, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

async fn admin(app: &TestApp) -> String {
    app.sign_in("admin@hanbit.example", DEMO_PASSWORD).await
}

/// The token of the newest link of this kind (`/reset?`, `/invite?`) mailed to `to`.
async fn link_token(app: &TestApp, admin: &str, to: &str, link: &str) -> String {
    app.mailed_tokens(admin, to, link)
        .await
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no {link} link mailed to {to}"))
}

async fn a_password_reset_link_sets_a_new_password_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let old_session = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let asked = app
        .post_json(
            "/api/v1/auth/password-reset",
            &json!({"email": "Customer@Hanbit.example"}),
        )
        .await;
    assert_eq!(asked.status().as_u16(), 202);
    let unknown = app
        .post_json(
            "/api/v1/auth/password-reset",
            &json!({"email": "nobody@nowhere.example"}),
        )
        .await;
    assert_eq!(
        unknown.status().as_u16(),
        202,
        "unknown e-mails get the same answer"
    );

    let admin = admin(&app).await;
    let token = link_token(&app, &admin, "customer@hanbit.example", "/reset?").await;
    assert_eq!(token.len(), 64);
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM outbox_mails WHERE to_address = 'nobody@nowhere.example'")
            .await,
        0
    );

    let short = app
        .post_json(
            "/api/v1/auth/password-reset/complete",
            &json!({"token": token, "password": "short"}),
        )
        .await;
    assert_eq!(short.status().as_u16(), 422);
    let short: Value = short.json().await.expect("json");
    assert!(short["errors"].get("password").is_some());

    let done = app
        .post_json(
            "/api/v1/auth/password-reset/complete",
            &json!({"token": token, "password": "a brand new password"}),
        )
        .await;
    assert_eq!(done.status().as_u16(), 204);
    let me = app
        .client
        .get(app.url("/api/v1/me"))
        .header("cookie", &old_session)
        .send()
        .await
        .expect("request");
    assert_eq!(me.status().as_u16(), 401, "a reset signs out everywhere");
    let old = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "customer@hanbit.example", "password": DEMO_PASSWORD}),
        )
        .await;
    assert_eq!(old.status().as_u16(), 401);
    app.sign_in("customer@hanbit.example", "a brand new password")
        .await;

    let again = app
        .post_json(
            "/api/v1/auth/password-reset/complete",
            &json!({"token": token, "password": "yet another password"}),
        )
        .await;
    assert_eq!(again.status().as_u16(), 422);
    let again: Value = again.json().await.expect("json");
    assert!(
        again["errors"]["token"]
            .as_str()
            .is_some_and(|m| m.contains("expired"))
    );
    app.stop().await;
}

async fn an_invited_employee_signs_up_into_their_department(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = admin(&app).await;
    let invite = json!({"email": "Dahye.Yoon@Hanbit.example", "role": "employee", "department": "network", "title": "Field engineer"});
    let created = app
        .send_as(&admin, Method::POST, "/api/v1/admin/invites", Some(&invite))
        .await;
    assert_eq!(created.status().as_u16(), 201);
    let again = app
        .send_as(
            &admin,
            Method::POST,
            "/api/v1/admin/invites",
            Some(&json!({"email": "billing@hanbit.example", "role": "employee"})),
        )
        .await;
    assert_eq!(
        again.status().as_u16(),
        409,
        "existing accounts cannot be invited"
    );
    let customer_role = app
        .send_as(
            &admin,
            Method::POST,
            "/api/v1/admin/invites",
            Some(&json!({"email": "x@example.com", "role": "customer"})),
        )
        .await;
    assert_eq!(customer_role.status().as_u16(), 422);

    let token = link_token(&app, &admin, "dahye.yoon@hanbit.example", "/invite?").await;
    let accepted = app
        .post_json(
            "/api/v1/auth/invites/accept",
            &json!({"token": token, "display_name": "Dahye Yoon", "password": "field engineer pw"}),
        )
        .await;
    assert_eq!(accepted.status().as_u16(), 201);
    let body: Value = accepted.json().await.expect("json");
    assert_eq!(body["user"]["role"], "employee");
    assert_eq!(body["user"]["department"]["slug"], "network");
    assert_eq!(body["user"]["title"], "Field engineer");
    assert_eq!(body["user"]["initials"], "D.Y.");
    let reuse = app
        .post_json(
            "/api/v1/auth/invites/accept",
            &json!({"token": token, "display_name": "Someone", "password": "another password"}),
        )
        .await;
    assert_eq!(reuse.status().as_u16(), 422);
    app.stop().await;
}

async fn staff_and_admin_actions_are_refused_to_customers(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    let employee = app.sign_in("billing@hanbit.example", DEMO_PASSWORD).await;
    for cookie in [&customer, &employee] {
        let outbox = app
            .send_as(cookie, Method::GET, "/api/v1/admin/outbox", None)
            .await;
        assert_eq!(outbox.status().as_u16(), 403);
        let invite = app
            .send_as(
                cookie,
                Method::POST,
                "/api/v1/admin/invites",
                Some(&json!({"email": "a@b.example", "role": "admin"})),
            )
            .await;
        assert_eq!(invite.status().as_u16(), 403);
        let department = json!({"slug": "sales", "name": "Sales", "first_response_minutes": 20});
        let create = app
            .send_as(
                cookie,
                Method::POST,
                "/api/v1/departments",
                Some(&department),
            )
            .await;
        assert_eq!(create.status().as_u16(), 403);
        let body: Value = create.json().await.expect("json");
        assert_eq!(body["type"], "https://madang.dev/problems/forbidden");
    }
    assert_eq!(app.get("/api/v1/admin/outbox").await.status().as_u16(), 401);
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM departments WHERE slug = 'sales'")
            .await,
        0
    );
    app.stop().await;
}

async fn admins_manage_departments_with_clear_errors(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = admin(&app).await;
    let sales = json!({"slug": "sales", "name": "Sales", "description": "영업 — new contracts", "first_response_minutes": 20});
    let created = app
        .send_as(&admin, Method::POST, "/api/v1/departments", Some(&sales))
        .await;
    assert_eq!(created.status().as_u16(), 201);
    let created: Value = created.json().await.expect("json");
    assert_eq!(created["handle"], "@sales");
    let duplicate = app
        .send_as(&admin, Method::POST, "/api/v1/departments", Some(&sales))
        .await;
    assert_eq!(duplicate.status().as_u16(), 409);
    let bad = app
        .send_as(
            &admin,
            Method::POST,
            "/api/v1/departments",
            Some(&json!({"slug": "Bad Slug", "name": "", "first_response_minutes": 0})),
        )
        .await;
    assert_eq!(bad.status().as_u16(), 422);
    let bad: Value = bad.json().await.expect("json");
    for field in ["slug", "name", "first_response_minutes"] {
        assert!(
            bad["errors"].get(field).is_some(),
            "no message for {field}: {bad}"
        );
    }
    let changed = app
        .send_as(
            &admin,
            Method::PUT,
            "/api/v1/departments/sales",
            Some(&json!({"slug": "sales", "name": "Sales & Plans", "first_response_minutes": 12})),
        )
        .await;
    assert_eq!(changed.status().as_u16(), 200);
    let listed: Value = app.get_json("/api/v1/departments", 200).await;
    let sales = listed["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|d| d["slug"] == "sales")
        .cloned()
        .expect("sales listed");
    assert_eq!(sales["first_response_minutes"], 12);
    assert_eq!(sales["name"], "Sales & Plans");
    let missing = app
        .send_as(
            &admin,
            Method::PUT,
            "/api/v1/departments/nope",
            Some(&json!({"slug": "nope", "name": "X", "first_response_minutes": 5})),
        )
        .await;
    assert_eq!(missing.status().as_u16(), 404);
    app.stop().await;
}

async fn members_edit_their_initials_and_admins_set_roles(backend: Backend) {
    let app = spawn_app(backend).await;
    let employee = app.sign_in("billing@hanbit.example", DEMO_PASSWORD).await;
    let changed = app
        .send_as(
            &employee,
            Method::PATCH,
            "/api/v1/me",
            Some(&json!({"initials": "JH.K."})),
        )
        .await;
    assert_eq!(changed.status().as_u16(), 200);
    let body: Value = changed.json().await.expect("json");
    assert_eq!(body["user"]["initials"], "JH.K.");
    assert_eq!(body["user"]["display_name"], "Jiho Kwon");
    let idea = app.get_json("/api/v1/ideas/2", 200).await;
    assert_eq!(
        idea["timeline"][0]["by"]["initials"], "JH.K.",
        "signatures follow the edit"
    );
    let empty = app
        .send_as(
            &employee,
            Method::PATCH,
            "/api/v1/me",
            Some(&json!({"display_name": "  ", "initials": ""})),
        )
        .await;
    assert_eq!(empty.status().as_u16(), 422);
    let empty: Value = empty.json().await.expect("json");
    assert!(
        empty["errors"].get("display_name").is_some() && empty["errors"].get("initials").is_some()
    );

    let admin = admin(&app).await;
    let customer_id = app
        .scalar("SELECT id FROM users WHERE email = 'customer@hanbit.example'")
        .await;
    let promote =
        json!({"role": "moderator", "department": "customer-care", "title": "Community lead"});
    let forbidden = app
        .send_as(
            &employee,
            Method::PUT,
            &format!("/api/v1/admin/users/{customer_id}"),
            Some(&promote),
        )
        .await;
    assert_eq!(forbidden.status().as_u16(), 403);
    let promoted = app
        .send_as(
            &admin,
            Method::PUT,
            &format!("/api/v1/admin/users/{customer_id}"),
            Some(&promote),
        )
        .await;
    assert_eq!(promoted.status().as_u16(), 200);
    let promoted: Value = promoted.json().await.expect("json");
    assert_eq!(promoted["staff"]["role"], "moderator");
    assert_eq!(promoted["staff"]["department"]["slug"], "customer-care");
    assert_eq!(promoted["staff"]["title"], "Community lead");

    let admin_id = app
        .scalar("SELECT id FROM users WHERE email = 'admin@hanbit.example'")
        .await;
    let demote = app
        .send_as(
            &admin,
            Method::PUT,
            &format!("/api/v1/admin/users/{admin_id}"),
            Some(&json!({"role": "employee"})),
        )
        .await;
    assert_eq!(
        demote.status().as_u16(),
        409,
        "the last admin cannot be demoted"
    );
    let missing = app
        .send_as(
            &admin,
            Method::PUT,
            "/api/v1/admin/users/999999",
            Some(&json!({"role": "employee"})),
        )
        .await;
    assert_eq!(missing.status().as_u16(), 404);
    app.stop().await;
}

/// Two admins demoting each other at the same moment: one wins, the other
/// is refused, and one admin remains.
async fn two_admins_demoting_each_other_at_once_leave_one_admin(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = admin(&app).await;
    let moderator_id = app
        .scalar("SELECT id FROM users WHERE email = 'moderator@hanbit.example'")
        .await;
    let promoted = app
        .send_as(
            &admin,
            Method::PUT,
            &format!("/api/v1/admin/users/{moderator_id}"),
            Some(&json!({"role": "admin"})),
        )
        .await;
    assert_eq!(promoted.status().as_u16(), 200);
    let second = app.sign_in("moderator@hanbit.example", DEMO_PASSWORD).await;
    let admin_id = app
        .scalar("SELECT id FROM users WHERE email = 'admin@hanbit.example'")
        .await;
    let demote = json!({"role": "employee"});
    let (demote_second, demote_first) = (
        format!("/api/v1/admin/users/{moderator_id}"),
        format!("/api/v1/admin/users/{admin_id}"),
    );
    let (first_try, second_try) = tokio::join!(
        app.send_as(&admin, Method::PUT, &demote_second, Some(&demote)),
        app.send_as(&second, Method::PUT, &demote_first, Some(&demote)),
    );
    let mut statuses = [first_try.status().as_u16(), second_try.status().as_u16()];
    statuses.sort_unstable();
    // The loser is refused as the last admin (409), or, when the winner
    // committed before the loser's request was authorized, as no longer
    // an admin at all (403).
    assert!(
        statuses == [200, 409] || statuses == [200, 403],
        "exactly one demotion wins: {statuses:?}"
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM users WHERE role = 'admin' AND deleted_at IS NULL")
            .await,
        1
    );
    app.stop().await;
}

/// `Me.can` carries the policy's answer for each tool, so the UI shows
/// exactly what the server allows.
async fn me_says_which_tools_the_member_may_open(backend: Backend) {
    let app = spawn_app(backend).await;
    let expected = [
        (
            "customer@hanbit.example",
            [false, false, false, false, false, false],
        ),
        (
            "billing@hanbit.example",
            [true, false, false, true, false, false],
        ),
        (
            "moderator@hanbit.example",
            [true, true, true, true, false, false],
        ),
        ("admin@hanbit.example", [true, true, true, true, true, true]),
    ];
    let tools = [
        "staff_queue",
        "moderate",
        "curate_ideas",
        "publish_announcements",
        "read_insight",
        "administer",
    ];
    for (email, flags) in expected {
        let cookie = app.sign_in(email, DEMO_PASSWORD).await;
        let me: Value = app
            .send_as(&cookie, Method::GET, "/api/v1/me", None)
            .await
            .json()
            .await
            .expect("json");
        for (tool, flag) in tools.iter().zip(flags) {
            assert_eq!(me["user"]["can"][tool], flag, "{email}: {tool}");
        }
    }
    app.stop().await;
}

on_both_databases!(
    two_admins_demoting_each_other_at_once_leave_one_admin,
    me_says_which_tools_the_member_may_open,
    members_edit_their_initials_and_admins_set_roles,
    a_password_reset_link_sets_a_new_password_once,
    an_invited_employee_signs_up_into_their_department,
    staff_and_admin_actions_are_refused_to_customers,
    admins_manage_departments_with_clear_errors,
);
