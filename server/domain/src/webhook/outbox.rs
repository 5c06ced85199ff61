//! The outbox: queues a delivery per new public event and subscribed
//! webhook, hands due deliveries to the sending worker, records each try with
//! growing delays between retries, and prunes the log.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use shared::webhook::DeliveryStatus;

use super::payload::{body, event_type, signature};
use crate::entity::{webhook, webhook_attempt, webhook_delivery, worker_cursor};
use crate::{Ctx, Result};

/// Waits before each retry: 10 s, 1 min, 5 min, 30 min, 2 h, 6 h; after
/// the last one the delivery is given up (about 8.5 hours in all).
pub const RETRY_DELAYS_SECONDS: [i64; 6] = [10, 60, 300, 1_800, 7_200, 21_600];

/// A delivery that was claimed but not recorded for this long (a crashed
/// worker) is tried again.
pub(super) const CLAIM_TIMEOUT_MINUTES: i64 = 5;

/// The cursor name of the webhook outbox in `worker_cursors`.
pub(super) const CURSOR: &str = "webhooks";

pub(super) fn new_delivery(
    webhook_id: i32,
    event_id: i32,
    kind: &str,
    payload: String,
    now: DateTime<Utc>,
) -> webhook_delivery::ActiveModel {
    webhook_delivery::ActiveModel {
        webhook_id: Set(webhook_id),
        event_id: Set(event_id),
        event_type: Set(kind.to_owned()),
        payload: Set(payload),
        status: Set(DeliveryStatus::Pending),
        attempts: Set(0),
        next_attempt_at: Set(now),
        claimed_at: Set(None),
        last_status_code: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        delivered_at: Set(None),
        ..Default::default()
    }
}

/// Reads the event log past the outbox cursor and queues a delivery for
/// every public event and webhook subscribed to its type. The cursor moves
/// in the same transaction by a conditional update, so with several
/// instances each event is queued once. Returns how many were queued.
pub async fn queue_new_events(ctx: &Ctx) -> Result<usize> {
    let position = if let Some(cursor) = worker_cursor::Entity::find_by_id(CURSOR.to_owned())
        .one(&ctx.db)
        .await?
    {
        cursor.position
    } else {
        // First start: integrations hear about what happens from now on.
        let newest = crate::events::latest(&ctx.db).await?;
        let created = worker_cursor::Entity::insert(worker_cursor::ActiveModel {
            name: Set(CURSOR.to_owned()),
            position: Set(newest),
        })
        .on_conflict_do_nothing()
        .exec_without_returning(&ctx.db)
        .await;
        created?;
        return Ok(0);
    };
    let batch = crate::events::after(&ctx.db, position, None, 500).await?;
    let Some(last) = batch.read_up_to else {
        return Ok(0);
    };
    let hooks = webhook::Entity::find()
        .filter(webhook::Column::Active.eq(true))
        .all(&ctx.db)
        .await?;
    let now = ctx.clock.now();
    let mut queued = Vec::new();
    for entry in &batch.entries {
        let Some(kind) = event_type(entry) else {
            continue;
        };
        let subscribed: Vec<&webhook::Model> = hooks
            .iter()
            .filter(|h| h.event_types.split(',').any(|t| t == kind))
            .collect();
        if subscribed.is_empty() {
            continue;
        }
        let body = body(ctx, kind, entry).await?;
        for hook in subscribed {
            queued.push(new_delivery(hook.id, entry.id, kind, body.clone(), now));
        }
    }
    let count = queued.len();
    let txn = ctx.begin_write().await?;
    let moved = worker_cursor::Entity::update_many()
        .col_expr(worker_cursor::Column::Position, Expr::value(last))
        .filter(worker_cursor::Column::Name.eq(CURSOR))
        .filter(worker_cursor::Column::Position.eq(position))
        .exec(&txn)
        .await?
        .rows_affected;
    if moved != 1 {
        // Another instance queued these events first.
        txn.rollback().await?;
        return Ok(0);
    }
    for chunk in queued.chunks(200) {
        webhook_delivery::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(count)
}

/// A delivery claimed by one worker, with what it needs to send it.
#[derive(Clone, Debug)]
pub struct Due {
    /// Delivery id.
    pub id: i32,
    /// The receiver's URL.
    pub url: String,
    /// The event type.
    pub event: String,
    /// The JSON body.
    pub body: String,
    /// The signature header's value for this body.
    pub signature: String,
}

/// Claims up to `limit` deliveries whose time has come. A claim is a
/// conditional update, so each try happens once across instances.
pub async fn claim_due(ctx: &Ctx, limit: u64) -> Result<Vec<Due>> {
    let now = ctx.clock.now();
    let stale = now - chrono::Duration::minutes(CLAIM_TIMEOUT_MINUTES);
    let unclaimed = || {
        sea_orm::Condition::any()
            .add(webhook_delivery::Column::ClaimedAt.is_null())
            .add(webhook_delivery::Column::ClaimedAt.lt(stale))
    };
    let candidates = webhook_delivery::Entity::find()
        .filter(webhook_delivery::Column::Status.eq(DeliveryStatus::Pending))
        .filter(webhook_delivery::Column::NextAttemptAt.lte(now))
        .filter(unclaimed())
        .order_by_asc(webhook_delivery::Column::Id)
        .limit(limit)
        .all(&ctx.db)
        .await?;
    let hooks: HashMap<i32, webhook::Model> = webhook::Entity::find()
        .filter(webhook::Column::Id.is_in(candidates.iter().map(|d| d.webhook_id)))
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|h| (h.id, h))
        .collect();
    let mut due = Vec::new();
    for delivery in candidates {
        let won = webhook_delivery::Entity::update_many()
            .col_expr(webhook_delivery::Column::ClaimedAt, Expr::value(now))
            .filter(webhook_delivery::Column::Id.eq(delivery.id))
            .filter(unclaimed())
            .exec(&ctx.db)
            .await?
            .rows_affected
            == 1;
        if !won {
            continue;
        }
        let Some(hook) = hooks.get(&delivery.webhook_id) else {
            continue;
        };
        due.push(Due {
            id: delivery.id,
            url: hook.url.clone(),
            event: delivery.event_type,
            signature: signature(&hook.secret, delivery.payload.as_bytes()),
            body: delivery.payload,
        });
    }
    Ok(due)
}

/// What one try ended with.
#[derive(Clone, Debug)]
pub struct TryOutcome {
    /// The receiver's HTTP status, when it answered.
    pub status_code: Option<u16>,
    /// Why there was no answer.
    pub error: Option<String>,
    /// How long the try took.
    pub duration_ms: u64,
}

impl TryOutcome {
    fn succeeded(&self) -> bool {
        self.status_code
            .is_some_and(|code| (200..300).contains(&code))
    }
}

/// Records one try: a 2xx answer delivers; anything else schedules the
/// next retry, or gives up after the last.
pub async fn record_try(ctx: &Ctx, id: i32, outcome: TryOutcome) -> Result<()> {
    let Some(delivery) = webhook_delivery::Entity::find_by_id(id)
        .one(&ctx.db)
        .await?
    else {
        return Ok(());
    };
    let now = ctx.clock.now();
    let attempt = delivery.attempts + 1;
    let txn = ctx.begin_write().await?;
    webhook_attempt::ActiveModel {
        delivery_id: Set(id),
        attempt: Set(attempt),
        at: Set(now),
        status_code: Set(outcome.status_code.map(i32::from)),
        error: Set(outcome.error.clone()),
        duration_ms: Set(i32::try_from(outcome.duration_ms).unwrap_or(i32::MAX)),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let succeeded = outcome.succeeded();
    let mut active: webhook_delivery::ActiveModel = delivery.into();
    active.attempts = Set(attempt);
    active.claimed_at = Set(None);
    active.last_status_code = Set(outcome.status_code.map(i32::from));
    active.last_error = Set(outcome.error);
    if succeeded {
        active.status = Set(DeliveryStatus::Delivered);
        active.delivered_at = Set(Some(now));
    } else {
        match usize::try_from(attempt - 1)
            .ok()
            .and_then(|i| RETRY_DELAYS_SECONDS.get(i))
        {
            Some(&delay) => {
                active.next_attempt_at = Set(now + chrono::Duration::seconds(delay));
            }
            None => active.status = Set(DeliveryStatus::Failed),
        }
    }
    active.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Keeps the delivery log for this long.
pub const LOG_RETENTION_DAYS: i64 = 30;

/// Removes finished deliveries (and their tries) older than the retention.
pub async fn prune(ctx: &Ctx) -> Result<()> {
    let before = ctx.clock.now() - chrono::Duration::days(LOG_RETENTION_DAYS);
    let old: Vec<i32> = webhook_delivery::Entity::find()
        .select_only()
        .column(webhook_delivery::Column::Id)
        .filter(webhook_delivery::Column::Status.ne(DeliveryStatus::Pending))
        .filter(webhook_delivery::Column::CreatedAt.lt(before))
        .limit(1_000)
        .into_tuple()
        .all(&ctx.db)
        .await?;
    if old.is_empty() {
        return Ok(());
    }
    webhook_attempt::Entity::delete_many()
        .filter(webhook_attempt::Column::DeliveryId.is_in(old.clone()))
        .exec(&ctx.db)
        .await?;
    webhook_delivery::Entity::delete_many()
        .filter(webhook_delivery::Column::Id.is_in(old))
        .exec(&ctx.db)
        .await?;
    Ok(())
}
