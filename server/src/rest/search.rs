//! The site's one search box over REST.

use axum::Json;
use axum::extract::State;
use shared::search::{SearchQuery, SearchResults};

use crate::error::ApiResult;
use crate::extract::ApiQuery;
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Ideas, public tickets and announcements holding every word of `q`
/// (Korean particles and endings ignored), grouped by kind with title
/// matches first; `type` keeps one kind. Public things only.
#[utoipa::path(get, path = "/search", tag = "ideas", params(SearchQuery), responses(
    (status = 200, body = SearchResults),
    (status = 400),
    (status = 422, description = "`q` has nothing to search for"),
))]
pub async fn search(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<SearchQuery>,
) -> ApiResult<Json<SearchResults>> {
    Ok(Json(domain::site_search::search(&state.ctx, &query).await?))
}

/// The search route with its `OpenAPI` entry.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(search))
}
