//! Server functions (`/rpc/*`, what the browser client calls) answer with
//! the HTTP status of what went wrong, and send a form posted without
//! JavaScript back to a clean address.
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
    let mut response = next.run(request).await;
    if response.status().is_redirection() {
        tidy_form_redirect(&mut response);
        return response;
    }
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

/// A form posted without JavaScript is sent back to the page it came from
/// with the error in the address (`__path`, `__err`). Leptos appends a new
/// error to the address the page had — which may hold the previous one,
/// and the page would show that — and leaves a bare `?` behind when it
/// removes them after a success (`/ideas/9?`): keep only the newest error.
fn tidy_form_redirect(response: &mut Response) {
    let Some(location) = response
        .headers()
        .get(axum::http::header::LOCATION)
        .and_then(|value| value.to_str().ok())
    else {
        return;
    };
    let clean = newest_error_only(location);
    if clean != location
        && let Ok(value) = axum::http::HeaderValue::from_str(&clean)
    {
        response
            .headers_mut()
            .insert(axum::http::header::LOCATION, value);
    }
}

fn newest_error_only(location: &str) -> String {
    let Some((path, query)) = location.split_once('?') else {
        return location.to_owned();
    };
    let pairs: Vec<&str> = query.split('&').filter(|pair| !pair.is_empty()).collect();
    let is_error = |pair: &&str| pair.starts_with("__path=") || pair.starts_with("__err=");
    let mut kept: Vec<&str> = pairs.iter().copied().filter(|p| !is_error(p)).collect();
    for key in ["__path=", "__err="] {
        if let Some(last) = pairs.iter().rev().find(|pair| pair.starts_with(key)) {
            kept.push(last);
        }
    }
    if kept.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", kept.join("&"))
    }
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
    use super::{newest_error_only, status_of_error};
    use axum::http::StatusCode;

    #[test]
    fn a_form_comes_back_with_only_its_newest_error() {
        assert_eq!(newest_error_only("http://h/ideas/9?"), "http://h/ideas/9");
        assert_eq!(newest_error_only("/ideas/9"), "/ideas/9");
        assert_eq!(
            newest_error_only("/?sort=new&__path=a&__err=old&__path=a&__err=new"),
            "/?sort=new&__path=a&__err=new"
        );
    }

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
