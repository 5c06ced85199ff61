//! Webhooks over REST (admins): register, list, remove, send a test ping,
//! and read each webhook's delivery log with the receivers' status codes.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use shared::webhook::{NewWebhook, WebhookDeliveryView, WebhookView};

use super::Items;
use crate::auth::Auth;
use crate::error::ApiResult;
use crate::extract::{ApiJson, ApiPath};
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Every registered webhook with its delivery counts (admins).
#[utoipa::path(get, path = "/webhooks", tag = "webhooks", responses(
    (status = 200, body = Items<WebhookView>),
    (status = 401),
    (status = 403),
))]
pub async fn list_webhooks(
    State(state): State<AppState>,
    auth: Auth,
) -> ApiResult<Json<Items<WebhookView>>> {
    Ok(Json(Items {
        items: domain::webhook::list(&state.ctx, &auth.actor).await?,
    }))
}

/// Registers a webhook (admins). The answer carries the signing secret,
/// shown this once: deliveries carry `X-Madang-Signature-256:
/// sha256=<hex HMAC-SHA256 of the body under the secret>`.
#[utoipa::path(post, path = "/webhooks", tag = "webhooks", request_body = NewWebhook, responses(
    (status = 201, body = WebhookView),
    (status = 401),
    (status = 403),
    (status = 422),
))]
pub async fn create_webhook(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<NewWebhook>,
) -> ApiResult<(StatusCode, Json<WebhookView>)> {
    let created = domain::webhook::create(&state.ctx, &auth.actor, input).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Removes a webhook (admins); its pending deliveries are dropped.
#[utoipa::path(delete, path = "/webhooks/{id}", tag = "webhooks",
    params(("id" = i64, Path, description = "Webhook id")), responses(
    (status = 204),
    (status = 401),
    (status = 403),
    (status = 404),
))]
pub async fn delete_webhook(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    domain::webhook::delete(&state.ctx, &auth.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Queues a `ping` delivery to check the receiver (admins).
#[utoipa::path(post, path = "/webhooks/{id}/ping", tag = "webhooks",
    params(("id" = i64, Path, description = "Webhook id")), responses(
    (status = 202, body = WebhookDeliveryView),
    (status = 401),
    (status = 403),
    (status = 404),
))]
pub async fn ping_webhook(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<(StatusCode, Json<WebhookDeliveryView>)> {
    let queued = domain::webhook::ping(&state.ctx, &auth.actor, id).await?;
    Ok((StatusCode::ACCEPTED, Json(queued)))
}

/// A webhook's newest 50 deliveries with every try (admins).
#[utoipa::path(get, path = "/webhooks/{id}/deliveries", tag = "webhooks",
    params(("id" = i64, Path, description = "Webhook id")), responses(
    (status = 200, body = Items<WebhookDeliveryView>),
    (status = 401),
    (status = 403),
    (status = 404),
))]
pub async fn webhook_deliveries(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Items<WebhookDeliveryView>>> {
    Ok(Json(Items {
        items: domain::webhook::deliveries(&state.ctx, &auth.actor, id, 50).await?,
    }))
}

/// The routes of webhooks with their `OpenAPI` entries, registered
/// together so neither can be forgotten.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_webhooks, create_webhook))
        .routes(routes!(delete_webhook))
        .routes(routes!(ping_webhook))
        .routes(routes!(webhook_deliveries))
}
