//! Server functions (`/rpc/*`, what the browser client calls) answer with
//! the HTTP status of what went wrong.
//!
//! Leptos answers every server-function error with 500, whatever it was, so
//! logs and monitoring could not tell a refusal (401, 403, 404, 422, 429)
//! from a crash. Server functions fail with a `shared::ApiError` (a problem
//! document, also for arguments that cannot be read); its status becomes
//! the response's status here. The body is left as it is, so the client
//! reads the error exactly as the server function wrote it.

use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;

/// Error bodies are short; anything longer is left alone.
const ERROR_BODY_LIMIT: usize = 256 * 1024;

/// Middleware: gives a failed server function its real status code.
pub async fn real_status(request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/rpc/") {
        return next.run(request).await;
    }
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, ERROR_BODY_LIMIT).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Some(status) = std::str::from_utf8(&bytes).ok().and_then(status_of_error) {
        parts.status = status;
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The status an encoded server-function error stands for.
fn status_of_error(body: &str) -> Option<StatusCode> {
    let problem: shared::ApiError = serde_json::from_str(body).ok()?;
    StatusCode::from_u16(problem.status)
        .ok()
        .filter(|s| s.is_client_error() || s.is_server_error())
}

#[cfg(test)]
mod tests {
    use super::status_of_error;
    use axum::http::StatusCode;

    #[test]
    fn the_problem_status_becomes_the_response_status() {
        let problem = shared::ApiError::forbidden("no");
        let body = serde_json::to_string(&problem).expect("json");
        assert_eq!(status_of_error(&body), Some(StatusCode::FORBIDDEN));
        let unreadable =
            serde_json::to_string(&shared::ApiError::bad_request("missing field `id`"))
                .expect("json");
        assert_eq!(status_of_error(&unreadable), Some(StatusCode::BAD_REQUEST));
        assert_eq!(status_of_error("database is down"), None);
    }
}
