//! Extractors whose rejections are problem documents, so malformed input gets
//! the same clear 400/422 shape as every other error.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::error::AppError;

/// Like `axum::extract::Query`, but a bad query string is a 400 problem that
/// names what could not be read.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(value)| ApiQuery(value))
            .map_err(|rejection| bad_request(&rejection.body_text()))
    }
}

/// Like `axum::Json`, but malformed JSON is a 400 problem, JSON of the wrong
/// shape a 422 problem naming the field, and an oversized body a 413 problem.
/// Every request body is a JSON object: serde would also read a struct from
/// an array of its fields in order, which no client means to send.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let value = match Json::<serde_json::Value>::from_request(request, state).await {
            Ok(Json(value)) => value,
            Err(JsonRejection::BytesRejection(e)) if e.status().as_u16() == 413 => {
                return Err(too_large());
            }
            Err(other) => return Err(bad_request(&other.body_text())),
        };
        if !value.is_object() {
            return Err(invalid_body(domain::msg!("server.json_object")));
        }
        serde_path_to_error::deserialize(value)
            .map(ApiJson)
            .map_err(|e| {
                let path = e.path().to_string();
                let message = e.into_inner().to_string();
                if path == "." {
                    invalid_body(domain::msg!("server.unreadable_body", reason = message))
                } else {
                    invalid_body(domain::msg!(
                        "server.unreadable_field",
                        field = path,
                        reason = message
                    ))
                }
            })
    }
}

/// A 422 problem about the request body as a whole.
fn invalid_body(message: domain::Message) -> AppError {
    AppError::from(domain::Error::invalid("body", message))
}

/// A 400 problem: the request could not be read at all (the parser's own
/// words, which only a developer sees, inside a localized sentence).
fn bad_request(reason: &str) -> AppError {
    AppError::problem(
        400,
        "bad-request",
        "problem.bad_request",
        &domain::msg!("server.bad_request", reason = reason),
    )
}

/// A 413 problem: the body is larger than the server reads.
#[must_use]
pub fn too_large() -> AppError {
    AppError::problem(
        413,
        "too-large",
        "problem.too_large",
        &domain::msg!("server.too_large"),
    )
}

/// Like `axum::extract::Path`, but a path segment of the wrong shape (say a
/// word where a number belongs) names nothing, so it is a 404 problem.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiPath<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(value)| ApiPath(value))
            .map_err(|_| {
                AppError::from(domain::Error::NotFound(domain::msg!("server.nothing_here")))
            })
    }
}
