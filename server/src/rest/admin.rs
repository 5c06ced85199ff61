//! Admin endpoints over REST: the mail outbox and staff accounts.

use axum::Json;
use axum::extract::State;
use shared::account::{OutboxMail, StaffUpdate};
use shared::{ApiError, MemberProfile};

use super::Items;
use crate::auth::Auth;
use crate::error::ApiResult;
use crate::extract::{ApiJson, ApiPath};
use crate::state::AppState;

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

/// Sets a member's role, department and title (admins).
#[utoipa::path(put, path = "/api/v1/admin/users/{id}", tag = "admin", request_body = StaffUpdate,
    params(("id" = i64, Path, description = "Member id")), responses(
    (status = 200, body = MemberProfile),
    (status = 401, body = ApiError, content_type = "application/problem+json"),
    (status = 403, body = ApiError, content_type = "application/problem+json"),
    (status = 404, body = ApiError, content_type = "application/problem+json"),
    (status = 409, body = ApiError, content_type = "application/problem+json", description = "The last admin"),
    (status = 422, body = ApiError, content_type = "application/problem+json"),
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
