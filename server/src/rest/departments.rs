//! Departments over REST.

use axum::Json;
use axum::extract::State;
use shared::department::Department;

use super::Items;
use crate::error::ApiResult;
use crate::http::AppState;

/// Departments and their first-response promises.
#[utoipa::path(get, path = "/api/v1/departments", tag = "departments", responses((status = 200, body = Items<Department>)))]
pub async fn list_departments(State(state): State<AppState>) -> ApiResult<Json<Items<Department>>> {
    Ok(Json(Items {
        items: domain::department::list(&state.ctx).await?,
    }))
}
