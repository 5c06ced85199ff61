//! The idea board over REST.

use axum::Json;
use axum::extract::State;
use shared::{ApiError, BoardQuery, IdeaCard, IdeaView, Page};

use crate::auth::Auth;
use crate::error::ApiResult;
use crate::extract::{ApiPath, ApiQuery};
use crate::http::AppState;

/// The idea board, one page at a time.
#[utoipa::path(get, path = "/api/v1/ideas", tag = "ideas", params(BoardQuery), responses(
    (status = 200, body = Page<IdeaCard>),
    (status = 400, body = ApiError, content_type = "application/problem+json"),
    (status = 422, body = ApiError, content_type = "application/problem+json"),
))]
pub async fn list_ideas(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<BoardQuery>,
) -> ApiResult<Json<Page<IdeaCard>>> {
    Ok(Json(domain::idea::list_board(&state.ctx, &query).await?))
}

/// One idea with its signed timeline and comments.
#[utoipa::path(get, path = "/api/v1/ideas/{number}", tag = "ideas", params(("number" = i64, Path, description = "Idea number")), responses(
    (status = 200, body = IdeaView),
    (status = 404, body = ApiError, content_type = "application/problem+json"),
))]
pub async fn get_idea(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<i64>,
) -> ApiResult<Json<IdeaView>> {
    Ok(Json(
        domain::idea::get(&state.ctx, &auth.actor, number).await?,
    ))
}
