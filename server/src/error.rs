//! `AppError`: the one type every handler fails with, rendered as an RFC 9457
//! problem document with the matching HTTP status.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use shared::ApiError;
use shared::error::PROBLEM_JSON;

/// A failed request, ready to become a problem+json response.
#[derive(Debug)]
pub struct AppError(pub ApiError);

impl AppError {
    /// A problem the server finds itself (not a use case), worded in the
    /// language of the request: `title` is a message key.
    #[must_use]
    pub fn problem(status: u16, kind: &str, title: &'static str, detail: &domain::Message) -> Self {
        let locale = domain::i18n::request_locale();
        AppError(ApiError::new(
            status,
            kind,
            domain::i18n::lookup(locale, title),
            detail.text(locale),
        ))
    }
}

/// Runs the rest of the request in its language (cookie, then
/// Accept-Language), so every problem it returns is worded for the reader.
pub async fn in_request_locale(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let locale = app::locale::from_headers(request.headers());
    domain::i18n::with_request_locale(locale, next.run(request)).await
}

impl From<domain::Error> for AppError {
    fn from(error: domain::Error) -> Self {
        AppError(ApiError::from(error))
    }
}

impl From<ApiError> for AppError {
    fn from(error: ApiError) -> Self {
        AppError(error)
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.0.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self.0).unwrap_or_default();
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if let Some(seconds) = self.0.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// The result type of REST handlers.
pub type ApiResult<T> = Result<T, AppError>;
