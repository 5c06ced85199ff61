//! Admin reads over REST: the mail outbox.

use axum::Json;
use axum::extract::State;
use shared::ApiError;
use shared::account::OutboxMail;

use super::Items;
use crate::auth::Auth;
use crate::error::ApiResult;
use crate::http::AppState;

/// The newest 200 mails, sent or waiting (admins).
#[utoipa::path(get, path = "/api/v1/admin/outbox", tag = "admin", responses(
    (status = 200, body = Items<OutboxMail>),
    (status = 401, body = ApiError, content_type = "application/problem+json"),
    (status = 403, body = ApiError, content_type = "application/problem+json"),
))]
pub async fn outbox(
    State(state): State<AppState>,
    auth: Auth,
) -> ApiResult<Json<Items<OutboxMail>>> {
    Ok(Json(Items {
        items: domain::mail::list_outbox(&state.ctx, &auth.actor, 200).await?,
    }))
}
