//! REST handlers of `/api/v1` and the probes: three-line adapters from HTTP
//! to the domain layer, each described for the OpenAPI document.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use shared::department::Department;
use shared::{ApiError, BoardQuery, IdeaCard, Page};

use crate::error::{ApiResult, AppError};
use crate::extract::ApiQuery;
use crate::http::AppState;

/// The body of the probes.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `ok` when the check passed.
    pub status: &'static str,
}

/// A list without pagination (short, bounded lists such as departments).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Items<T> {
    /// Every item.
    pub items: Vec<T>,
}

/// Liveness: the process answers.
#[utoipa::path(get, path = "/healthz", tag = "meta", responses((status = 200, body = Health)))]
pub async fn healthz() -> Json<Health> {
    Json(Health { status: "ok" })
}

/// Readiness: the database answers.
#[utoipa::path(get, path = "/readyz", tag = "meta", responses(
    (status = 200, body = Health),
    (status = 503, body = ApiError, content_type = "application/problem+json"),
))]
pub async fn readyz(State(state): State<AppState>) -> ApiResult<Json<Health>> {
    state.ctx.db.ping().await.map_err(|e| {
        tracing::warn!(error = %e, "readiness check failed");
        AppError(ApiError::new(
            503,
            "unavailable",
            "Service unavailable",
            "The database does not answer.",
        ))
    })?;
    Ok(Json(Health { status: "ok" }))
}

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

/// Departments and their first-response promises.
#[utoipa::path(get, path = "/api/v1/departments", tag = "departments", responses((status = 200, body = Items<Department>)))]
pub async fn list_departments(State(state): State<AppState>) -> ApiResult<Json<Items<Department>>> {
    Ok(Json(Items {
        items: domain::department::list(&state.ctx).await?,
    }))
}

/// Any unknown path under `/api`: a problem document, not the HTML 404 page.
pub async fn api_not_found() -> AppError {
    AppError(ApiError::not_found("No such API endpoint."))
}

/// Wrong method on a known API path.
pub async fn method_not_allowed() -> AppError {
    AppError(ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED.as_u16(),
        "method-not-allowed",
        "Method not allowed",
        "This endpoint does not accept this HTTP method.",
    ))
}
