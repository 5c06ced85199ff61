//! The `OpenAPI` document tells the truth about the layers in front of every
//! handler (scripts/fuzz-api.sh checks it against the running server with
//! schemathesis; these tests pin the rules it depends on).

use madang_tests::{Backend, DEMO_PASSWORD, on_both_databases, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

/// Every operation of the document as (method, path, operation).
fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    doc["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .expect("path item")
                .iter()
                .map(move |(method, op)| (method.to_uppercase(), path.clone(), op.clone()))
        })
        .collect()
}

async fn the_document_states_security_and_the_layers_answers(backend: Backend) {
    let app = spawn_app(backend).await;
    let doc = app.get_json("/api/v1/openapi.json", 200).await;
    let schemes = &doc["components"]["securitySchemes"];
    assert_eq!(schemes["token"]["scheme"], "bearer", "{schemes}");
    assert_eq!(schemes["session"]["in"], "cookie", "{schemes}");

    let api: Vec<_> = operations(&doc)
        .into_iter()
        .filter(|(_, path, _)| path.starts_with("/api/v1/"))
        .collect();
    assert!(api.len() > 90, "only {} operations", api.len());
    for (method, path, op) in &api {
        let responses = op["responses"].as_object().expect("responses");
        assert!(responses.contains_key("401"), "{method} {path}: no 401");
        if method != "GET" {
            assert!(responses.contains_key("403"), "{method} {path}: no 403");
        }
        if path.contains('{') {
            assert!(responses.contains_key("404"), "{method} {path}: no 404");
        }
        if op.get("requestBody").is_some() {
            for status in ["400", "413", "422"] {
                assert!(
                    responses.contains_key(status),
                    "{method} {path}: no {status}"
                );
            }
        }
        assert!(op["security"].is_array(), "{method} {path}: no security");
    }
    let member_only = |method: &str, path: &str| {
        let op = &api
            .iter()
            .find(|(m, p, _)| m == method && p == path)
            .unwrap_or_else(|| panic!("{method} {path} is not documented"))
            .2;
        !op["security"]
            .as_array()
            .expect("security")
            .iter()
            .any(|requirement| {
                requirement
                    .as_object()
                    .is_some_and(serde_json::Map::is_empty)
            })
    };
    assert!(member_only("GET", "/api/v1/me"));
    assert!(member_only("POST", "/api/v1/ideas"));
    assert!(member_only("GET", "/api/v1/answer-kit"));
    assert!(!member_only("GET", "/api/v1/ideas"));
    assert!(!member_only("POST", "/api/v1/auth/login"));

    // Query parameters are in the query, required ones say so, and page
    // sizes carry their range.
    let parameter = |path: &str, name: &str| -> Value {
        doc["paths"][path]["get"]["parameters"]
            .as_array()
            .expect("parameters")
            .iter()
            .find(|p| p["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{path} has no parameter {name}"))
    };
    for (path, name) in [
        ("/api/v1/answer-kit", "ticket"),
        ("/api/v1/ideas/similar", "q"),
    ] {
        let p = parameter(path, name);
        assert_eq!(
            (&p["in"], &p["required"]),
            (&json!("query"), &json!(true)),
            "{p}"
        );
    }
    let limit = parameter("/api/v1/tickets", "limit");
    assert_eq!(
        (&limit["schema"]["minimum"], &limit["schema"]["maximum"]),
        (&json!(1), &json!(100))
    );
    // Request bodies admit no unknown fields and no NUL.
    let new_idea = &doc["components"]["schemas"]["NewIdea"];
    assert_eq!(new_idea["additionalProperties"], false, "{new_idea}");
    assert!(
        new_idea["properties"]["title"]["pattern"].is_string(),
        "{new_idea}"
    );
    app.stop().await;
}

async fn bodies_are_objects_with_known_fields(backend: Backend) {
    let app = spawn_app(backend).await;
    let customer = app.sign_in("customer@hanbit.example", DEMO_PASSWORD).await;
    // Each bad body gets a 422 whose `body` message says what is wrong:
    // serde would read a struct from an array of its fields; a misspelt field
    // is named, not silently dropped; a type error names the field's path.
    for (method, path, body, message) in [
        (
            Method::PATCH,
            "/api/v1/me",
            json!([null, null]),
            "must be a JSON object",
        ),
        (
            Method::POST,
            "/api/v1/ideas",
            json!({"title": "Dark mode for the app", "body": "Please", "titel": "x"}),
            "unknown field `titel`",
        ),
        (
            Method::POST,
            "/api/v1/ideas",
            json!({"title": 5, "body": "Please"}),
            "title: invalid type",
        ),
    ] {
        let (code, problem) = app.call(&customer, method, path, Some(body)).await;
        assert_eq!(code, 422, "{problem}");
        assert!(
            problem["errors"]["body"]
                .as_str()
                .is_some_and(|m| m.contains(message)),
            "{message}: {problem}"
        );
    }
    app.stop().await;
}

async fn members_only_reads_refuse_visitors_before_reading_the_query(backend: Backend) {
    let app = spawn_app(backend).await;
    // Without `ticket` this was a 400 about the query: the visitor learnt
    // the shape of a staff endpoint.
    for path in [
        "/api/v1/answer-kit",
        "/api/v1/dashboard?days=0",
        "/api/v1/moderation/audit?cursor=x",
        "/api/v1/me/tokens",
    ] {
        let (code, problem) = app.call("", Method::GET, path, None).await;
        assert_eq!(code, 401, "{path}: {problem}");
    }
    // Public reads stay public, and an empty cursor is no cursor.
    for path in [
        "/api/v1/ideas?cursor=",
        "/api/v1/tickets?cursor=",
        "/api/v1/members/1",
    ] {
        let (code, problem) = app.call("", Method::GET, path, None).await;
        assert!(code == 200 || code == 404, "{path}: {code} {problem}");
    }
    app.stop().await;
}

async fn probes_ignore_credentials(backend: Backend) {
    let app = spawn_app(backend).await;
    for path in ["/healthz", "/readyz"] {
        let (code, body) = app
            .call_with_token("not-a-token", Method::GET, path, None)
            .await;
        assert_eq!(code, 200, "{path}: {body}");
    }
    let (code, _) = app
        .call_with_token("not-a-token", Method::GET, "/api/v1/ideas", None)
        .await;
    assert_eq!(code, 401, "a bad token on the API is still refused");
    app.stop().await;
}

on_both_databases!(
    the_document_states_security_and_the_layers_answers,
    bodies_are_objects_with_known_fields,
    members_only_reads_refuse_visitors_before_reading_the_query,
    probes_ignore_credentials,
);
