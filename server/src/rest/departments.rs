//! Departments over REST: public list, admin create and update.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use shared::department::{Department, DepartmentInput, Holiday, HolidayInput};

use super::Items;
use crate::auth::Auth;
use crate::error::ApiResult;
use crate::extract::{ApiJson, ApiPath};
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Departments and their first-response promises.
#[utoipa::path(get, path = "/departments", tag = "departments", responses((status = 200, body = Items<Department>)))]
pub async fn list_departments(State(state): State<AppState>) -> ApiResult<Json<Items<Department>>> {
    Ok(Json(Items {
        items: domain::department::list(&state.ctx).await?,
    }))
}

/// Creates a department (admins).
#[utoipa::path(post, path = "/departments", tag = "departments", request_body = DepartmentInput, responses(
    (status = 201, body = Department),
    (status = 401),
    (status = 403),
    (status = 409),
    (status = 422),
))]
pub async fn create_department(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<DepartmentInput>,
) -> ApiResult<(StatusCode, Json<Department>)> {
    let created = domain::department::create(&state.ctx, &auth.actor, input).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Changes a department's name, description, handle or promise (admins).
#[utoipa::path(put, path = "/departments/{slug}", tag = "departments", request_body = DepartmentInput,
    params(("slug" = String, Path, description = "Department slug")), responses(
    (status = 200, body = Department),
    (status = 401),
    (status = 403),
    (status = 404),
    (status = 422),
))]
pub async fn update_department(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(slug): ApiPath<String>,
    ApiJson(input): ApiJson<DepartmentInput>,
) -> ApiResult<Json<Department>> {
    Ok(Json(
        domain::department::update(&state.ctx, &auth.actor, &slug, input).await?,
    ))
}

/// The holiday calendar: days departments that keep business hours are
/// closed, by date (public).
#[utoipa::path(get, path = "/holidays", tag = "departments", responses((status = 200, body = Items<Holiday>)))]
pub async fn list_holidays(State(state): State<AppState>) -> ApiResult<Json<Items<Holiday>>> {
    Ok(Json(Items {
        items: domain::holiday::list(&state.ctx).await?,
    }))
}

/// Adds a day to the holiday calendar (admins); audited.
#[utoipa::path(post, path = "/holidays", tag = "departments", request_body = HolidayInput, responses(
    (status = 201, body = Holiday),
    (status = 401),
    (status = 403),
    (status = 409, description = "That date is on the calendar"),
    (status = 422),
))]
pub async fn add_holiday(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<HolidayInput>,
) -> ApiResult<(StatusCode, Json<Holiday>)> {
    let added = domain::holiday::add(&state.ctx, &auth.actor, input).await?;
    Ok((StatusCode::CREATED, Json(added)))
}

/// Removes a day from the holiday calendar (admins); audited.
#[utoipa::path(delete, path = "/holidays/{id}", tag = "departments",
    params(("id" = i64, Path, description = "Holiday id")), responses(
    (status = 204),
    (status = 401),
    (status = 403),
    (status = 404),
))]
pub async fn remove_holiday(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    domain::holiday::remove(&state.ctx, &auth.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The routes of departments and the holiday calendar with their `OpenAPI`
/// entries, registered together so neither can be forgotten.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_departments, create_department))
        .routes(routes!(update_department))
        .routes(routes!(list_holidays, add_holiday))
        .routes(routes!(remove_holiday))
}
