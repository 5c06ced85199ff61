//! What every operation can answer because of the layers in front of its
//! handler (authentication, the CSRF rule, the extractors, the NUL guard),
//! added to the handlers' own descriptions in one place. A handler documents
//! what its domain call can answer; the layers' answers are the same for all
//! operations, so writing them on a hundred handlers would only let them drift.

use axum::http::Method;
use serde_json::{Map, Value, json};

use crate::auth;

/// Strings that the input guard lets through: anything without NUL, which
/// `PostgreSQL` cannot store (every body, query and form is checked).
const NO_NUL: &str = "^[^\\u0000]*$";

/// Completes the generated document in place.
pub fn apply(doc: &mut Value) {
    doc["components"]["securitySchemes"] = json!({
        "session": {
            "type": "apiKey",
            "in": "cookie",
            "name": domain::auth::SESSION_COOKIE,
            "description": "The browser session set by `POST /api/v1/auth/login`. A write sent with it must carry this site's `Origin` header."
        },
        "token": {
            "type": "http",
            "scheme": "bearer",
            "description": "An API token from `POST /api/v1/me/tokens`; it expires on the date chosen at creation."
        }
    });
    if let Some(schemas) = doc["components"]["schemas"].as_object_mut() {
        schemas.values_mut().for_each(refuse_nul);
    }
    let Some(paths) = doc["paths"].as_object_mut() else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let Some(api_path) = path.strip_prefix("/api/v1") else {
            continue;
        };
        let Some(operations) = item.as_object_mut() else {
            continue;
        };
        for (method, operation) in operations.iter_mut() {
            let Ok(method) = method.to_uppercase().parse::<Method>() else {
                continue;
            };
            complete_operation(&method, api_path, operation);
        }
    }
}

/// Adds the security requirement and the layers' answers to one operation.
fn complete_operation(method: &Method, api_path: &str, operation: &mut Value) {
    let member_only = auth::needs_member(method, &concrete(api_path));
    operation["security"] = if member_only {
        json!([{ "token": [] }, { "session": [] }])
    } else {
        json!([{}, { "token": [] }, { "session": [] }])
    };
    let has_query = operation
        .get("parameters")
        .and_then(Value::as_array)
        .is_some_and(|ps| ps.iter().any(|p| p["in"] == "query"));
    let has_path = api_path.contains('{');
    let has_body = operation.get("requestBody").is_some();
    if let Some(parameters) = operation
        .get_mut("parameters")
        .and_then(Value::as_array_mut)
    {
        for parameter in parameters.iter_mut() {
            refuse_nul(&mut parameter["schema"]);
        }
    }

    let mut layered: Vec<(u16, &str)> = Vec::new();
    layered.push((
        401,
        if member_only {
            "Not signed in, or the API token is unknown, revoked or expired"
        } else {
            "The API token is unknown, revoked or expired"
        },
    ));
    if method != Method::GET {
        layered.push((
            403,
            "Not allowed, or sent with a session cookie but without this site's `Origin`",
        ));
    }
    if has_path {
        layered.push((404, "Nothing is at this address"));
    }
    if has_query || has_body {
        layered.push((400, "The query string or body cannot be read"));
        layered.push((
            422,
            "A field is invalid or contains the NUL character; `errors` names each",
        ));
    }
    if has_body {
        layered.push((413, "The body is larger than the server accepts"));
    }
    let Some(responses) = operation
        .get_mut("responses")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    for (status, description) in layered {
        responses
            .entry(status.to_string())
            .or_insert_with(|| problem(description));
    }
    // Handlers name the problems their domain call can answer, by status
    // and what it means; every error answer is a problem document.
    for (status, response) in responses.iter_mut() {
        let Ok(code) = status.parse::<u16>() else {
            continue;
        };
        if code >= 400 && response.get("content").is_none() {
            let description = response
                .get("description")
                .and_then(Value::as_str)
                .filter(|d| !d.is_empty())
                .map_or_else(|| default_description(code).to_owned(), str::to_owned);
            *response = problem(&description);
        }
    }
}

/// What an error status means when the handler says nothing more.
fn default_description(code: u16) -> &'static str {
    match code {
        400 => "The query string or body cannot be read",
        401 => "Not signed in",
        403 => "Not allowed",
        404 => "Not found",
        409 => "Conflicts with the current state",
        413 => "Too large",
        422 => "A field is invalid; `errors` names each",
        429 => "Too many requests; `retry_after` says when to try again",
        _ => "A problem",
    }
}

/// A path template with its parameters filled, as a request would have it.
fn concrete(template: &str) -> String {
    template
        .split('/')
        .map(|segment| {
            if segment.starts_with('{') {
                "x"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// A problem response with this description.
fn problem(description: &str) -> Value {
    json!({
        "description": description,
        "content": {
            "application/problem+json": {
                "schema": { "$ref": "#/components/schemas/ApiError" }
            }
        }
    })
}

/// Marks every free-text string in a schema (recursively) as NUL-free.
fn refuse_nul(schema: &mut Value) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    if is_free_string(object) {
        object.insert("pattern".to_owned(), Value::from(NO_NUL));
    }
    for key in ["properties", "$defs"] {
        if let Some(children) = object.get_mut(key).and_then(Value::as_object_mut) {
            children.values_mut().for_each(refuse_nul);
        }
    }
    for key in ["items", "additionalProperties", "not"] {
        if let Some(child) = object.get_mut(key) {
            refuse_nul(child);
        }
    }
    for key in ["allOf", "anyOf", "oneOf", "prefixItems"] {
        if let Some(children) = object.get_mut(key).and_then(Value::as_array_mut) {
            children.iter_mut().for_each(refuse_nul);
        }
    }
}

/// A string without a format, an enumeration or a pattern of its own.
fn is_free_string(object: &Map<String, Value>) -> bool {
    let string = match object.get("type") {
        Some(Value::String(t)) => t == "string",
        Some(Value::Array(ts)) => ts.iter().any(|t| t == "string"),
        _ => false,
    };
    string
        && !["format", "enum", "pattern", "const"]
            .iter()
            .any(|k| object.contains_key(*k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_templates_become_requests() {
        assert_eq!(concrete("/ideas/{number}/vote"), "/ideas/x/vote");
        assert_eq!(concrete("/me"), "/me");
    }

    #[test]
    fn free_strings_refuse_nul_and_typed_ones_keep_their_rule() {
        let mut schema = json!({
            "type": "object",
            "properties": {
                "title": { "type": "string", "maxLength": 120 },
                "when": { "type": "string", "format": "date" },
                "tags": { "type": "array", "items": { "type": "string" } },
                "note": { "type": ["string", "null"] }
            }
        });
        refuse_nul(&mut schema);
        assert_eq!(schema["properties"]["title"]["pattern"], NO_NUL);
        assert_eq!(schema["properties"]["tags"]["items"]["pattern"], NO_NUL);
        assert_eq!(schema["properties"]["note"]["pattern"], NO_NUL);
        assert!(schema["properties"]["when"].get("pattern").is_none());
    }

    #[test]
    fn layers_add_their_answers_without_replacing_the_handlers() {
        let mut operation = json!({
            "parameters": [{ "name": "number", "in": "path", "schema": { "type": "integer" } }],
            "requestBody": {},
            "responses": { "200": {}, "403": { "description": "Moderators only" } }
        });
        complete_operation(&Method::PUT, "/ideas/{number}/pin", &mut operation);
        let responses = operation["responses"].as_object().expect("responses");
        for status in ["200", "400", "401", "403", "404", "413", "422"] {
            assert!(responses.contains_key(status), "{status}");
        }
        assert_eq!(responses["403"]["description"], "Moderators only");
        assert_eq!(
            responses["403"]["content"]["application/problem+json"]["schema"]["$ref"],
            "#/components/schemas/ApiError",
            "a handler's own problem answer gets the problem body too"
        );
        assert_eq!(operation["security"].as_array().map(Vec::len), Some(2));
    }
}
