//! The managers' dashboard (admins), its tables as CSV, and the public
//! scorecard.

use axum::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use shared::insight::{Dashboard, DashboardQuery, Scorecard};

use crate::auth::Auth;
use crate::error::ApiResult;
use crate::extract::{ApiPath, ApiQuery};
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Every dashboard figure for a range of UTC days (admins).
#[utoipa::path(get, path = "/dashboard", tag = "insight", params(DashboardQuery), responses(
    (status = 200, body = Dashboard),
    (status = 401),
    (status = 403),
    (status = 422),
))]
pub async fn dashboard(
    State(state): State<AppState>,
    auth: Auth,
    ApiQuery(query): ApiQuery<DashboardQuery>,
) -> ApiResult<Json<Dashboard>> {
    Ok(Json(
        domain::insight::dashboard(&state.ctx, &auth.actor, &query).await?,
    ))
}

/// One dashboard table as CSV: `daily`, `departments`, `durations`,
/// `commitments`, `delivered`, `trending`, `me_too`, `participation`,
/// `department_participation` (admins).
#[utoipa::path(get, path = "/dashboard/csv/{table}", tag = "insight", params(("table" = String, Path, description = "Table name"), DashboardQuery), responses(
    (status = 200, content_type = "text/csv", body = String),
    (status = 403),
    (status = 404),
))]
pub async fn dashboard_csv(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(table): ApiPath<String>,
    ApiQuery(query): ApiQuery<DashboardQuery>,
) -> ApiResult<Response> {
    let csv = domain::insight::csv(&state.ctx, &auth.actor, &query, &table).await?;
    let disposition = format!("attachment; filename=\"madang-{table}.csv\"");
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        csv,
    )
        .into_response())
}

/// The public scorecard: the last 30 days, for anyone.
#[utoipa::path(get, path = "/scorecard", tag = "insight", responses((status = 200, body = Scorecard)))]
pub async fn scorecard(State(state): State<AppState>) -> ApiResult<Json<Scorecard>> {
    Ok(Json(domain::insight::scorecard(&state.ctx).await?))
}

/// The routes of the dashboard and the scorecard with their `OpenAPI` entries, registered
/// together so neither can be forgotten.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(dashboard))
        .routes(routes!(dashboard_csv))
        .routes(routes!(scorecard))
}
