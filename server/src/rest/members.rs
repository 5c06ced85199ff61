//! Members' public profiles over REST.

use axum::Json;
use axum::extract::State;
use shared::MemberProfile;

use crate::error::ApiResult;
use crate::extract::ApiPath;
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// A member's public profile and recognition.
#[utoipa::path(get, path = "/members/{id}", tag = "accounts", params(("id" = i64, Path, description = "Member id")), responses(
    (status = 200, body = MemberProfile),
    (status = 404),
))]
pub async fn profile(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<MemberProfile>> {
    Ok(Json(domain::member::profile(&state.ctx, id).await?))
}

/// The routes of public member profiles with their `OpenAPI` entries, registered
/// together so neither can be forgotten.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(profile))
}
