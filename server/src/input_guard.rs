//! Refuses the NUL character in any input before a handler sees it.
//!
//! `PostgreSQL` cannot store NUL in text (`invalid byte sequence for encoding
//! "UTF8": 0x00`, a 500) and `SQLite` stores it silently, so the same request
//! behaved differently per database. No field of Madang has a use for it:
//! every JSON body, form body (server functions, plain HTML forms), query
//! string and path is checked here, once, and a NUL is a 422 problem naming
//! the field that carried it.

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::AppError;

/// The largest body this guard reads whole (larger bodies are refused by
/// the handlers' own limit anyway).
const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Middleware: 422 when the path, the query or a JSON or form body carries
/// a NUL; otherwise the request goes on unchanged.
pub async fn refuse_nul(request: Request, next: Next) -> Response {
    if percent_decodes_to_nul(request.uri().path()) {
        return refusal("path");
    }
    if let Some(field) = request.uri().query().and_then(nul_in_form) {
        return refusal(&field);
    }
    let kind = body_kind(&request);
    if kind == BodyKind::Other {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let bytes: Bytes = match axum::body::to_bytes(body, BODY_LIMIT).await {
        Ok(bytes) => bytes,
        Err(_) => {
            return crate::extract::too_large().into_response();
        }
    };
    let found = match kind {
        BodyKind::Json => nul_in_json(&bytes),
        BodyKind::Form => std::str::from_utf8(&bytes).ok().and_then(nul_in_form),
        BodyKind::Other => None,
    };
    if let Some(field) = found {
        return refusal(&field);
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BodyKind {
    Json,
    Form,
    Other,
}

fn body_kind(request: &Request) -> BodyKind {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if content_type.starts_with("application/json") || content_type.contains("+json") {
        BodyKind::Json
    } else if content_type.starts_with("application/x-www-form-urlencoded") {
        BodyKind::Form
    } else {
        BodyKind::Other
    }
}

fn refusal(field: &str) -> Response {
    AppError::from(domain::Error::invalid(field, domain::msg!("server.nul"))).into_response()
}

fn percent_decodes_to_nul(text: &str) -> bool {
    text.contains('\0') || text.to_ascii_lowercase().contains("%00")
}

/// The first key of an `a=b&c=d` string whose key or value holds a NUL.
fn nul_in_form(form: &str) -> Option<String> {
    if !percent_decodes_to_nul(form) {
        return None;
    }
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(form).ok()?;
    pairs
        .into_iter()
        .find(|(key, value)| key.contains('\0') || value.contains('\0'))
        .map(|(key, _)| key.replace('\0', ""))
}

/// The path (`body`, `title`, `items[2].name`) of the first JSON string
/// holding a NUL.
fn nul_in_json(bytes: &[u8]) -> Option<String> {
    // A NUL can only be written as the escape \u0000 in JSON: skip the parse
    // for the bodies that cannot have one.
    if !bytes.windows(5).any(|w| w.eq_ignore_ascii_case(b"u0000")) {
        return None;
    }
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    find_nul(&value, String::new())
}

fn find_nul(value: &serde_json::Value, at: String) -> Option<String> {
    let field = |at: &str| {
        if at.is_empty() {
            "body".to_owned()
        } else {
            at.to_owned()
        }
    };
    match value {
        serde_json::Value::String(s) if s.contains('\0') => Some(field(&at)),
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| find_nul(item, format!("{}[{i}]", field(&at)))),
        serde_json::Value::Object(map) => map.iter().find_map(|(key, item)| {
            if key.contains('\0') {
                return Some(field(&at));
            }
            let path = if at.is_empty() {
                key.clone()
            } else {
                format!("{at}.{key}")
            };
            find_nul(item, path)
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{nul_in_form, nul_in_json};

    #[test]
    fn a_nul_is_found_and_named_wherever_it_hides() {
        assert_eq!(
            nul_in_json(br#"{"title":"ok","body":"a\u0000b"}"#).as_deref(),
            Some("body")
        );
        assert_eq!(
            nul_in_json(br#"{"tags":["x","\u0000"]}"#).as_deref(),
            Some("tags[1]")
        );
        assert_eq!(
            nul_in_json(br#"{"a":{"b":"\u0000"}}"#).as_deref(),
            Some("a.b")
        );
        assert_eq!(nul_in_json(br#"{"body":"\\u0000 is text"}"#), None);
        assert_eq!(nul_in_json(br#"{"body":"plain"}"#), None);
        assert_eq!(nul_in_form("q=a%00b&x=1").as_deref(), Some("q"));
        assert_eq!(
            nul_in_form("tag=ok&category=%00").as_deref(),
            Some("category")
        );
        assert_eq!(nul_in_form("q=%2500"), None);
    }
}
