//! Liveness and readiness probes.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use shared::ApiError;

use crate::error::{ApiResult, AppError};
use crate::state::AppState;

/// The body of the probes.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `ok` when the check passed.
    pub status: &'static str,
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
    if !state.ready.load(std::sync::atomic::Ordering::Acquire) {
        return Err(AppError::problem(
            503,
            "starting",
            "problem.unavailable",
            &domain::msg!("server.starting"),
        ));
    }
    state.ctx.db.ping().await.map_err(|e| {
        tracing::warn!(error = %e, "readiness check failed");
        AppError::problem(
            503,
            "unavailable",
            "problem.unavailable",
            &domain::msg!("server.database_down"),
        )
    })?;
    Ok(Json(Health { status: "ok" }))
}
