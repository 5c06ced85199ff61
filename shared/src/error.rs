//! The wire vocabulary of errors: an RFC 9457 problem document, used as the
//! body of every failed REST call and as the error of server functions.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A problem document (`application/problem+json`). `errors` maps field names
/// to messages so a form can show each one beside its field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[error("{title} ({status}): {detail}")]
pub struct ApiError {
    /// A URI naming the kind of problem, stable for clients to match on.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short, human summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong in this case, in words a user can act on.
    pub detail: String,
    /// Field name → message, for invalid input.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub errors: BTreeMap<String, String>,
    /// For 429: seconds until a retry may succeed (also the `Retry-After` header).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
}

/// The media type of problem documents.
pub const PROBLEM_JSON: &str = "application/problem+json";

impl ApiError {
    /// Builds a problem of the given status; `kind` is the last segment of its
    /// type URI (e.g. `not-found`).
    #[must_use]
    pub fn new(status: u16, kind: &str, title: &str, detail: impl Into<String>) -> Self {
        Self {
            kind: format!("https://madang.dev/problems/{kind}"),
            title: title.to_owned(),
            status,
            detail: detail.into(),
            errors: BTreeMap::new(),
            retry_after: None,
        }
    }

    /// 400: the request could not be read at all.
    #[must_use]
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(400, "bad-request", "Bad request", detail)
    }

    /// 401: the caller must sign in first.
    #[must_use]
    pub fn unauthorized() -> Self {
        Self::new(401, "unauthorized", "Not signed in", "Sign in to do this.")
    }

    /// 403: signed in but not allowed.
    #[must_use]
    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(403, "forbidden", "Forbidden", detail)
    }

    /// 404: absent, or not visible to the caller (never reveal which).
    #[must_use]
    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(404, "not-found", "Not found", detail)
    }

    /// 409: the request conflicts with the current state.
    #[must_use]
    pub fn conflict(detail: impl Into<String>) -> Self {
        Self::new(409, "conflict", "Conflict", detail)
    }

    /// 422: well-formed but invalid field values, one message per field.
    #[must_use]
    pub fn invalid(errors: BTreeMap<String, String>) -> Self {
        let detail = errors
            .iter()
            .map(|(field, message)| format!("{field}: {message}"))
            .collect::<Vec<_>>()
            .join("; ");
        Self {
            errors,
            ..Self::new(422, "invalid", "Invalid input", detail)
        }
    }

    /// 429: too many attempts; retry after the given seconds.
    #[must_use]
    pub fn rate_limited(retry_after: u64) -> Self {
        Self {
            retry_after: Some(retry_after),
            ..Self::new(
                429,
                "rate-limited",
                "Too many attempts",
                format!("Too many attempts. Try again in {retry_after} seconds."),
            )
        }
    }

    /// 500 with no internals: the server logged the cause under `request_id`.
    #[must_use]
    pub fn internal(request_id: &str) -> Self {
        Self::new(
            500,
            "internal",
            "Internal error",
            format!("Something went wrong on our side (request {request_id})."),
        )
    }
}

/// Server functions fail with the same problem document as the REST API, so
/// a form shows the same message beside the same field whichever door the
/// request came through. Failures of the transport itself become problems
/// too: arguments that cannot be read are a 400, a network failure in the
/// browser a 503.
#[cfg(feature = "server-fn")]
impl server_fn::error::FromServerFnError for ApiError {
    type Encoder = server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: server_fn::error::ServerFnErrorErr) -> Self {
        use server_fn::error::ServerFnErrorErr as E;
        match value {
            E::Args(detail) | E::MissingArg(detail) | E::Deserialization(detail) => {
                Self::bad_request(detail)
            }
            E::Request(detail) => Self::new(503, "unavailable", "Network error", detail),
            E::UnsupportedRequestMethod(detail) => {
                Self::new(405, "method-not-allowed", "Method not allowed", detail)
            }
            E::Registration(detail)
            | E::ServerError(detail)
            | E::MiddlewareError(detail)
            | E::Serialization(detail)
            | E::Response(detail) => Self::new(500, "internal", "Internal error", detail),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_documents_use_the_rfc_9457_field_names() {
        let mut errors = BTreeMap::new();
        errors.insert("title".to_owned(), "must be 5–120 characters".to_owned());
        let json = serde_json::to_value(ApiError::invalid(errors)).expect("serialise");
        assert_eq!(json["status"], 422);
        assert_eq!(json["type"], "https://madang.dev/problems/invalid");
        assert_eq!(json["errors"]["title"], "must be 5–120 characters");
        assert_eq!(json["detail"], "title: must be 5–120 characters");
    }

    #[test]
    fn problems_without_field_errors_omit_the_errors_member() {
        let json = serde_json::to_value(ApiError::unauthorized()).expect("serialise");
        assert!(json.get("errors").is_none());
    }
}
