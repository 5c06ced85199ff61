//! Managing webhooks (admins): register, list with delivery counts, remove,
//! send a test ping, and read the delivery log.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use shared::webhook::{
    DeliveryStatus, NewWebhook, WebhookAttemptView, WebhookDeliveryView, WebhookView,
};

use super::outbox::new_delivery;
use super::payload::PING;
use super::target::{event_list, validate};
use crate::actor::Actor;
use crate::entity::{webhook, webhook_attempt, webhook_delivery};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result};

/// Deliveries per webhook and status, counted by the database in one query.
async fn delivery_counts(ctx: &Ctx, ids: Vec<i32>) -> Result<HashMap<(i32, DeliveryStatus), i64>> {
    let rows: Vec<(i32, DeliveryStatus, i64)> = webhook_delivery::Entity::find()
        .select_only()
        .column(webhook_delivery::Column::WebhookId)
        .column(webhook_delivery::Column::Status)
        .column_as(webhook_delivery::Column::Id.count(), "n")
        .filter(webhook_delivery::Column::WebhookId.is_in(ids))
        .group_by(webhook_delivery::Column::WebhookId)
        .group_by(webhook_delivery::Column::Status)
        .into_tuple()
        .all(&ctx.db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, status, n)| ((id, status), n))
        .collect())
}

fn view(
    row: webhook::Model,
    secret: Option<String>,
    counts: &HashMap<(i32, DeliveryStatus), i64>,
) -> WebhookView {
    let count = |status: DeliveryStatus| counts.get(&(row.id, status)).copied().unwrap_or(0);
    let (delivered, pending, failed) = (
        count(DeliveryStatus::Delivered),
        count(DeliveryStatus::Pending),
        count(DeliveryStatus::Failed),
    );
    WebhookView {
        id: i64::from(row.id),
        url: row.url,
        description: row.description,
        events: event_list(&row.event_types),
        secret,
        created_at: row
            .created_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        delivered,
        pending,
        failed,
    }
}

/// Registers a webhook; the answer carries its signing secret, shown once.
pub async fn create(ctx: &Ctx, actor: &Actor, input: NewWebhook) -> Result<WebhookView> {
    let admin = policy::member_for(actor, Action::ManageWebhooks, Scope::Others)?;
    let (url, description, events) = validate(&input, ctx.settings.allow_private_webhooks)?;
    let now = ctx.clock.now();
    let secret = crate::secret_token::generate();
    let txn = ctx.begin_write().await?;
    let row = webhook::ActiveModel {
        url: Set(url),
        description: Set(description),
        secret: Set(secret.clone()),
        event_types: Set(events.join(",")),
        active: Set(true),
        created_by_id: Set(admin.id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    crate::audit::Entry::new(
        admin.id,
        shared::AuditAction::WebhookCreated,
        "webhook",
        row.id,
    )
    .after(serde_json::json!({"url": row.url, "events": events}))
    .write(&txn, now)
    .await?;
    txn.commit().await?;
    Ok(view(row, Some(secret), &HashMap::new()))
}

/// Every registered webhook, newest first, with its delivery counts.
pub async fn list(ctx: &Ctx, actor: &Actor) -> Result<Vec<WebhookView>> {
    policy::authorize(actor, Action::ManageWebhooks, Scope::Others)?;
    let rows = webhook::Entity::find()
        .filter(webhook::Column::Active.eq(true))
        .order_by_desc(webhook::Column::Id)
        .all(&ctx.db)
        .await?;
    let counts = delivery_counts(ctx, rows.iter().map(|r| r.id).collect()).await?;
    Ok(rows
        .into_iter()
        .map(|row| view(row, None, &counts))
        .collect())
}

async fn find_active(ctx: &Ctx, id: i64) -> Result<webhook::Model> {
    let id = i32::try_from(id).map_err(|_| Error::NotFound(crate::msg!("not_found.webhook")))?;
    webhook::Entity::find_by_id(id)
        .filter(webhook::Column::Active.eq(true))
        .one(&ctx.db)
        .await?
        .ok_or_else(|| Error::NotFound(crate::msg!("not_found.webhook")))
}

/// Removes a webhook: nothing more is queued for it and its pending
/// deliveries are dropped; its log stays for the audit trail.
pub async fn delete(ctx: &Ctx, actor: &Actor, id: i64) -> Result<()> {
    let admin = policy::member_for(actor, Action::ManageWebhooks, Scope::Others)?;
    let row = find_active(ctx, id).await?;
    let now = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    webhook::Entity::update_many()
        .col_expr(webhook::Column::Active, Expr::value(false))
        .filter(webhook::Column::Id.eq(row.id))
        .exec(&txn)
        .await?;
    webhook_delivery::Entity::update_many()
        .col_expr(
            webhook_delivery::Column::Status,
            Expr::value(DeliveryStatus::Failed.as_str()),
        )
        .col_expr(
            webhook_delivery::Column::LastError,
            Expr::value(Some("the webhook was removed".to_owned())),
        )
        .filter(webhook_delivery::Column::WebhookId.eq(row.id))
        .filter(webhook_delivery::Column::Status.eq(DeliveryStatus::Pending))
        .exec(&txn)
        .await?;
    crate::audit::Entry::new(
        admin.id,
        shared::AuditAction::WebhookRemoved,
        "webhook",
        row.id,
    )
    .before(serde_json::json!({"url": row.url, "events": event_list(&row.event_types)}))
    .write(&txn, now)
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Queues a `ping` delivery, so an admin can check a receiver at once.
pub async fn ping(ctx: &Ctx, actor: &Actor, id: i64) -> Result<WebhookDeliveryView> {
    policy::authorize(actor, Action::ManageWebhooks, Scope::Others)?;
    let row = find_active(ctx, id).await?;
    let now = ctx.clock.now();
    let payload = serde_json::json!({
        "event": PING,
        "event_id": null,
        "occurred_at": now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "data": {"webhook": row.id, "url": ctx.settings.base_url},
    })
    .to_string();
    let delivery = new_delivery(row.id, 0, PING, payload, now)
        .insert(&ctx.db)
        .await?;
    Ok(delivery_view(delivery, Vec::new()))
}

fn delivery_view(
    row: webhook_delivery::Model,
    tries: Vec<webhook_attempt::Model>,
) -> WebhookDeliveryView {
    let at = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    WebhookDeliveryView {
        id: i64::from(row.id),
        event: row.event_type,
        next_attempt_at: (row.status == DeliveryStatus::Pending).then(|| at(row.next_attempt_at)),
        status: row.status,
        attempts: i64::from(row.attempts),
        last_status_code: row.last_status_code.map(i64::from),
        created_at: at(row.created_at),
        payload: row.payload,
        tries: tries
            .into_iter()
            .map(|t| WebhookAttemptView {
                attempt: i64::from(t.attempt),
                at: at(t.at),
                status_code: t.status_code.map(i64::from),
                error: t.error,
                duration_ms: i64::from(t.duration_ms),
            })
            .collect(),
    }
}

/// A webhook's newest deliveries (at most `limit`), each with every try.
pub async fn deliveries(
    ctx: &Ctx,
    actor: &Actor,
    id: i64,
    limit: u64,
) -> Result<Vec<WebhookDeliveryView>> {
    policy::authorize(actor, Action::ManageWebhooks, Scope::Others)?;
    let id = i32::try_from(id).map_err(|_| Error::NotFound(crate::msg!("not_found.webhook")))?;
    if webhook::Entity::find_by_id(id)
        .one(&ctx.db)
        .await?
        .is_none()
    {
        return Err(Error::NotFound(crate::msg!("not_found.webhook")));
    }
    let rows = webhook_delivery::Entity::find()
        .filter(webhook_delivery::Column::WebhookId.eq(id))
        .order_by_desc(webhook_delivery::Column::Id)
        .limit(limit.clamp(1, 100))
        .all(&ctx.db)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let mut tries = webhook_attempt::Entity::find()
        .filter(webhook_attempt::Column::DeliveryId.is_in(ids))
        .order_by_asc(webhook_attempt::Column::Id)
        .all(&ctx.db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let (mine, rest): (Vec<_>, Vec<_>) =
                tries.drain(..).partition(|t| t.delivery_id == row.id);
            tries = rest;
            delivery_view(row, mine)
        })
        .collect())
}
