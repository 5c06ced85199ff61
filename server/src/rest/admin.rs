//! Admin endpoints over REST: the mail outbox and staff accounts.

use axum::Json;
use axum::extract::State;
use shared::MemberProfile;
use shared::account::{OutboxMail, StaffUpdate};

use super::Items;
use crate::auth::Auth;
use crate::error::ApiResult;
use crate::extract::{ApiJson, ApiPath};
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The newest 200 mails, sent or waiting (admins).
#[utoipa::path(get, path = "/admin/outbox", tag = "admin", responses(
    (status = 200, body = Items<OutboxMail>),
    (status = 401),
    (status = 403),
))]
pub async fn outbox(
    State(state): State<AppState>,
    auth: Auth,
) -> ApiResult<Json<Items<OutboxMail>>> {
    Ok(Json(Items {
        items: domain::mail::list_outbox(&state.ctx, &auth.actor, 200).await?,
    }))
}

/// Sets a member's role, department and title (admins).
#[utoipa::path(put, path = "/admin/users/{id}", tag = "admin", request_body = StaffUpdate,
    params(("id" = i64, Path, description = "Member id")), responses(
    (status = 200, body = MemberProfile),
    (status = 401),
    (status = 403),
    (status = 404),
    (status = 409, description = "The last admin"),
    (status = 422),
))]
pub async fn update_user(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<StaffUpdate>,
) -> ApiResult<Json<MemberProfile>> {
    domain::user::update_staff(&state.ctx, &auth.actor, id, input).await?;
    Ok(Json(domain::member::profile(&state.ctx, id).await?))
}

/// The routes of the admin console with their `OpenAPI` entries, registered
/// together so neither can be forgotten.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(outbox))
        .routes(routes!(update_user))
}
