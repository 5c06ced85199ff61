//! Extractors whose rejections are problem documents, so malformed input gets
//! the same clear 400/422 shape as every other error.

use axum::extract::{FromRequestParts, Query};
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
