//! Members' public profiles over REST.

use axum::Json;
use axum::extract::State;
use shared::{ApiError, MemberProfile};

use crate::error::ApiResult;
use crate::extract::ApiPath;
use crate::state::AppState;

/// A member's public profile and recognition.
#[utoipa::path(get, path = "/api/v1/members/{id}", tag = "accounts", params(("id" = i64, Path, description = "Member id")), responses(
    (status = 200, body = MemberProfile),
    (status = 404, body = ApiError, content_type = "application/problem+json"),
))]
pub async fn profile(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<MemberProfile>> {
    Ok(Json(domain::member::profile(&state.ctx, id).await?))
}
