//! Departments over REST: public list, admin create and update.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use shared::ApiError;
use shared::department::{Department, DepartmentInput};

use super::Items;
use crate::auth::Auth;
use crate::error::ApiResult;
use crate::extract::{ApiJson, ApiPath};
use crate::state::AppState;

/// Departments and their first-response promises.
#[utoipa::path(get, path = "/api/v1/departments", tag = "departments", responses((status = 200, body = Items<Department>)))]
pub async fn list_departments(State(state): State<AppState>) -> ApiResult<Json<Items<Department>>> {
    Ok(Json(Items {
        items: domain::department::list(&state.ctx).await?,
    }))
}

/// Creates a department (admins).
#[utoipa::path(post, path = "/api/v1/departments", tag = "departments", request_body = DepartmentInput, responses(
    (status = 201, body = Department),
    (status = 401, body = ApiError, content_type = "application/problem+json"),
    (status = 403, body = ApiError, content_type = "application/problem+json"),
    (status = 409, body = ApiError, content_type = "application/problem+json"),
    (status = 422, body = ApiError, content_type = "application/problem+json"),
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
#[utoipa::path(put, path = "/api/v1/departments/{slug}", tag = "departments", request_body = DepartmentInput,
    params(("slug" = String, Path, description = "Department slug")), responses(
    (status = 200, body = Department),
    (status = 401, body = ApiError, content_type = "application/problem+json"),
    (status = 403, body = ApiError, content_type = "application/problem+json"),
    (status = 404, body = ApiError, content_type = "application/problem+json"),
    (status = 422, body = ApiError, content_type = "application/problem+json"),
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
