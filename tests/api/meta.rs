//! Probes, the `OpenAPI` document, problem documents and HTTP plumbing.

use madang_tests::{Backend, TestApp, on_both_databases, spawn_app};

async fn probes_answer_ok_when_the_database_answers(backend: Backend) {
    let app = spawn_app(backend).await;
    assert_eq!(app.get_json("/healthz", 200).await["status"], "ok");
    assert_eq!(app.get_json("/readyz", 200).await["status"], "ok");
    app.stop().await;
}

async fn the_openapi_document_describes_every_endpoint(backend: Backend) {
    let app = spawn_app(backend).await;
    let doc = app.get_json("/api/v1/openapi.json", 200).await;
    assert!(
        doc["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1")),
        "{}",
        doc["openapi"]
    );
    for path in [
        "/healthz",
        "/readyz",
        "/api/v1/ideas",
        "/api/v1/departments",
    ] {
        assert!(
            doc["paths"].get(path).is_some(),
            "missing {path} in the OpenAPI document"
        );
    }
    assert!(doc["components"]["schemas"].get("ApiError").is_some());
    app.stop().await;
}

async fn unknown_api_paths_get_a_problem_document(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app.get("/api/v1/no-such-thing").await;
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(
        response.headers()["content-type"]
            .to_str()
            .unwrap_or_default(),
        "application/problem+json"
    );
    let body: serde_json::Value = response.json().await.expect("json");
    assert_eq!(body["status"], 404);
    assert_eq!(body["type"], "https://madang.dev/problems/not-found");
    let wrong_method = app
        .client
        .delete(app.url("/api/v1/ideas"))
        .send()
        .await
        .expect("request");
    assert_eq!(wrong_method.status().as_u16(), 405);
    app.stop().await;
}

async fn responses_are_compressed_and_carry_a_request_id(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app
        .client
        .get(app.url("/"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["content-encoding"], "gzip");
    assert!(
        response
            .headers()
            .get("x-request-id")
            .is_some_and(|v| !v.is_empty())
    );
    app.stop().await;
}

async fn the_language_switch_sets_a_cookie_and_never_redirects_off_site(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app.get("/lang/ko?next=/roadmap").await;
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(response.headers()["location"], "/roadmap");
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap_or_default()
        .to_owned();
    assert!(cookie.starts_with("madang_lang=ko;"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    let evil = app.get("/lang/en?next=//evil.example/").await;
    assert_eq!(evil.headers()["location"], "/");
    assert_eq!(app.get("/lang/xx").await.status().as_u16(), 404);
    app.stop().await;
}

async fn shutdown_closes_the_server(backend: Backend) {
    let app: TestApp = spawn_app(backend).await;
    let url = app.url("/healthz");
    let client = app.client.clone();
    app.stop().await;
    assert!(
        client.get(url).send().await.is_err(),
        "server still answers after shutdown"
    );
}

on_both_databases!(
    probes_answer_ok_when_the_database_answers,
    the_openapi_document_describes_every_endpoint,
    unknown_api_paths_get_a_problem_document,
    responses_are_compressed_and_carry_a_request_id,
    the_language_switch_sets_a_cookie_and_never_redirects_off_site,
    shutdown_closes_the_server,
);
