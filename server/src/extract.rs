//! Extractors whose rejections are problem documents, so malformed input gets
//! the same clear 400/422 shape as every other error.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use shared::ApiError;

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
            .map_err(|rejection| AppError(ApiError::bad_request(rejection.body_text())))
    }
}

/// Like `axum::Json`, but malformed JSON is a 400 problem, JSON of the wrong
/// shape a 422 problem, and an oversized body a 413 problem.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(ApiJson(value)),
            Err(JsonRejection::JsonDataError(e)) => Err(AppError(ApiError::invalid(
                std::collections::BTreeMap::from([("body".to_owned(), e.body_text())]),
            ))),
            Err(JsonRejection::BytesRejection(e)) if e.status().as_u16() == 413 => {
                Err(AppError(ApiError::new(
                    413,
                    "too-large",
                    "Request too large",
                    "The request body is larger than the server accepts.",
                )))
            }
            Err(other) => Err(AppError(ApiError::bad_request(other.body_text()))),
        }
    }
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
            .map_err(|_| AppError(ApiError::not_found("Nothing is at this address.")))
    }
}
