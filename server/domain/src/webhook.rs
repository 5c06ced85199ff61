//! Webhooks for integrations: admins register a URL and the event types it
//! wants; an outbox reads the event log (the same one live pages use) and
//! queues one delivery per event and subscribed webhook; a worker in the
//! server posts each delivery signed with HMAC-SHA256, retries with growing
//! delays, and records every try with the receiver's status code. The
//! request that caused the event only appended to the log, so a slow or
//! dead receiver never slows it.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use sha2::Sha256;
use shared::webhook::{
    NewWebhook, WEBHOOK_EVENT_TYPES, WebhookAttemptView, WebhookDeliveryView, WebhookView,
};

use crate::actor::Actor;
use crate::entity::{
    department, event, idea, ticket, ticket_post, user, webhook, webhook_attempt, webhook_delivery,
    worker_cursor,
};
use crate::events::Audience;
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result};

/// The header carrying `sha256=<hex HMAC of the body>`.
pub const SIGNATURE_HEADER: &str = "X-Madang-Signature-256";
/// The header naming the event type.
pub const EVENT_HEADER: &str = "X-Madang-Event";
/// The header with the delivery id (the same on every retry).
pub const DELIVERY_HEADER: &str = "X-Madang-Delivery";

/// Waits before each retry: 10 s, 1 min, 5 min, 30 min, 2 h, 6 h; after
/// the last one the delivery is given up (about 8.5 hours in all).
pub const RETRY_DELAYS_SECONDS: [i64; 6] = [10, 60, 300, 1_800, 7_200, 21_600];

/// A delivery that was claimed but not recorded for this long (a crashed
/// worker) is tried again.
const CLAIM_TIMEOUT_MINUTES: i64 = 5;

/// The event type a test delivery carries.
const PING: &str = "ping";

const PENDING: &str = "pending";
const DELIVERED: &str = "delivered";
const FAILED: &str = "failed";

/// The cursor name of the webhook outbox in `worker_cursors`.
const CURSOR: &str = "webhooks";

/// `sha256=` and the hex HMAC-SHA256 of `body` under `secret`, as in the
/// signature header: receivers compute the same and compare.
#[must_use]
pub fn signature(secret: &str, body: &[u8]) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        return String::new();
    };
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// The public webhook event type of a log entry, if integrations get it:
/// only what everybody may see (never internal notes or notifications).
fn event_type(entry: &event::Model) -> Option<&'static str> {
    let payload: serde_json::Value = serde_json::from_str(&entry.payload).ok()?;
    if Audience::decode(&entry.audience) != Some(Audience::Public) {
        // The one staff-audience event integrations get: a ticket was filed
        // (its public thread exists; the payload names only its number).
        let opened = entry.topic == crate::events::QUEUE
            && entry.kind == "ticket"
            && payload.get("post").is_none();
        return opened.then_some("ticket.opened");
    }
    match (entry.topic.as_str(), entry.kind.as_str()) {
        ("board", "idea") => Some("idea.created"),
        ("board", "vote") => Some("idea.voted"),
        ("board", "status") => Some("idea.status_changed"),
        (topic, "comment") if topic.starts_with("idea:") => Some("comment.changed"),
        (topic, "post") if topic.starts_with("ticket:") => {
            match payload.get("kind").and_then(|k| k.as_str()) {
                Some("reply") => Some("ticket.replied"),
                Some("status") => Some("ticket.status_changed"),
                Some("transfer") => Some("ticket.transferred"),
                _ => None,
            }
        }
        (topic, "commitment") if topic.starts_with("ticket:") => {
            match payload.get("status").and_then(|k| k.as_str()) {
                Some("kept") => Some("commitment.kept"),
                Some("overdue") => Some("commitment.overdue"),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The JSON body of a delivery: the type, the log entry's id (stable
/// across retries, for receivers that deduplicate), when it happened, and
/// the entry's ids and counts with the page to read more — plus what a
/// chat channel would show, as anybody may read it on the site: the idea
/// (unless a moderator hid it) or the ticket's public head, and the text of
/// a public reply.
async fn body(ctx: &Ctx, kind: &str, entry: &event::Model) -> Result<String> {
    let mut data: serde_json::Value =
        serde_json::from_str(&entry.payload).unwrap_or_else(|_| serde_json::json!({}));
    let mut extra = serde_json::Map::new();
    match data.get("number") {
        Some(serde_json::Value::Number(n)) => {
            extra.insert(
                "url".to_owned(),
                format!("{}/ideas/{n}", ctx.settings.base_url).into(),
            );
            let idea = match n.as_i64().and_then(|n| i32::try_from(n).ok()) {
                Some(id) => idea::Entity::find_by_id(id).one(&ctx.db).await?,
                None => None,
            };
            if let Some(idea) = idea.filter(|i| i.hidden_at.is_none()) {
                extra.insert(
                    "idea".to_owned(),
                    serde_json::json!({
                        "number": idea.id,
                        "title": idea.title,
                        "status": idea.status,
                        "votes": idea.votes_count,
                        "comments": idea.comments_count,
                    }),
                );
            }
        }
        Some(serde_json::Value::String(number)) => {
            extra.insert(
                "url".to_owned(),
                format!("{}/tickets/{number}", ctx.settings.base_url).into(),
            );
            let ticket = match shared::ticket::parse_ticket_number(number)
                .and_then(|id| i32::try_from(id).ok())
            {
                Some(id) => ticket::Entity::find_by_id(id).one(&ctx.db).await?,
                None => None,
            };
            if let Some(ticket) = ticket {
                let department = match ticket.department_id {
                    Some(id) => department::Entity::find_by_id(id)
                        .one(&ctx.db)
                        .await?
                        .map(|d| d.slug),
                    None => None,
                };
                extra.insert(
                    "ticket".to_owned(),
                    serde_json::json!({
                        "number": number,
                        "title": ticket.title,
                        "kind": ticket.kind,
                        "status": ticket.status,
                        "department": department,
                    }),
                );
            }
        }
        _ => {}
    }
    if let Some(post_id) = data.get("post").and_then(serde_json::Value::as_i64) {
        let post = match i32::try_from(post_id) {
            Ok(id) => ticket_post::Entity::find_by_id(id).one(&ctx.db).await?,
            Err(_) => None,
        };
        if let Some(post) = post.filter(|p| p.kind == "reply" && p.hidden_at.is_none()) {
            let author = user::Entity::find_by_id(post.author_id)
                .one(&ctx.db)
                .await?
                .filter(|u| u.hidden_at.is_none() && u.deleted_at.is_none())
                .map_or_else(|| "Hidden member".to_owned(), |u| u.display_name);
            extra.insert(
                "post".to_owned(),
                serde_json::json!({"id": post.id, "author": author, "body": post.body_md}),
            );
        }
    }
    if let Some(object) = data.as_object_mut() {
        object.extend(extra);
    }
    Ok(serde_json::json!({
        "event": kind,
        "event_id": entry.id,
        "occurred_at": entry.created_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "data": data,
    })
    .to_string())
}

fn event_list(raw: &str) -> Vec<String> {
    raw.split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether an address is on the public internet: not loopback, private,
/// link-local, carrier-grade NAT, multicast, unspecified or reserved. Only
/// such addresses receive webhooks unless the operator allows private ones.
#[must_use]
pub fn is_public_address(ip: std::net::IpAddr) -> bool {
    use std::net::IpAddr;
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || a == 0
                || (a == 100 && (64..128).contains(&b))
                || (a == 192 && b == 0 && v4.octets()[2] == 0)
                || (a == 198 && (18..20).contains(&b))
                || a >= 240)
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_address(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
                || (first == 0x64 && v6.segments()[1] == 0xff9b))
        }
    }
}

/// The host of an http(s) URL as written (no user, port or brackets).
fn url_host(rest: &str) -> &str {
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    if let Some(v6) = host_port.strip_prefix('[') {
        return v6.split(']').next().unwrap_or_default();
    }
    host_port.split(':').next().unwrap_or_default()
}

/// True when the host is written as a private address or a local name.
fn names_a_private_host(host: &str) -> bool {
    let lower = host.trim_end_matches('.').to_ascii_lowercase();
    if lower == "localhost" || lower.ends_with(".localhost") {
        return true;
    }
    lower
        .parse::<std::net::IpAddr>()
        .is_ok_and(|ip| !is_public_address(ip))
}

fn validate(input: &NewWebhook, allow_private: bool) -> Result<(String, String, Vec<String>)> {
    let mut errors = std::collections::BTreeMap::new();
    let url = input.url.trim().to_owned();
    let host = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .map(url_host);
    match host {
        _ if url.len() > 2_000 => {
            errors.insert(
                "url".to_owned(),
                "must be at most 2000 characters".to_owned(),
            );
        }
        None => {
            errors.insert(
                "url".to_owned(),
                "must start with http:// or https://".to_owned(),
            );
        }
        Some(host) if host.is_empty() || url.chars().any(char::is_whitespace) => {
            errors.insert(
                "url".to_owned(),
                "must name a host and contain no spaces".to_owned(),
            );
        }
        Some(host) if !allow_private && names_a_private_host(host) => {
            errors.insert(
                "url".to_owned(),
                "must be an address on the internet, not a loopback, private or link-local one"
                    .to_owned(),
            );
        }
        Some(_) => {}
    }
    let description = input.description.trim().to_owned();
    if description.chars().count() > 200 {
        errors.insert(
            "description".to_owned(),
            "must be at most 200 characters".to_owned(),
        );
    }
    let mut events: Vec<String> = Vec::new();
    for wanted in &input.events {
        if !WEBHOOK_EVENT_TYPES.contains(&wanted.as_str()) {
            errors.insert(
                "events".to_owned(),
                format!(
                    "unknown event type `{wanted}`; choose from {}",
                    WEBHOOK_EVENT_TYPES.join(", ")
                ),
            );
        } else if !events.contains(wanted) {
            events.push(wanted.clone());
        }
    }
    if input.events.is_empty() {
        errors.insert(
            "events".to_owned(),
            "choose at least one event type".to_owned(),
        );
    }
    if errors.is_empty() {
        Ok((url, description, events))
    } else {
        Err(Error::Invalid(errors))
    }
}

/// Deliveries per webhook and status, counted by the database in one query.
async fn delivery_counts(ctx: &Ctx, ids: Vec<i32>) -> Result<HashMap<(i32, String), i64>> {
    let rows: Vec<(i32, String, i64)> = webhook_delivery::Entity::find()
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
    counts: &HashMap<(i32, String), i64>,
) -> WebhookView {
    let count = |status: &str| {
        counts
            .get(&(row.id, status.to_owned()))
            .copied()
            .unwrap_or(0)
    };
    let (delivered, pending, failed) = (count(DELIVERED), count(PENDING), count(FAILED));
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
    let txn = crate::db::begin_write(&ctx.db).await?;
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
    crate::audit::Entry::new(admin.id, "webhook.created", "webhook", row.id)
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
    let id = i32::try_from(id).map_err(|_| Error::NotFound("webhook".to_owned()))?;
    webhook::Entity::find_by_id(id)
        .filter(webhook::Column::Active.eq(true))
        .one(&ctx.db)
        .await?
        .ok_or_else(|| Error::NotFound("webhook".to_owned()))
}

/// Removes a webhook: nothing more is queued for it and its pending
/// deliveries are dropped; its log stays for the audit trail.
pub async fn delete(ctx: &Ctx, actor: &Actor, id: i64) -> Result<()> {
    let admin = policy::member_for(actor, Action::ManageWebhooks, Scope::Others)?;
    let row = find_active(ctx, id).await?;
    let now = ctx.clock.now();
    let txn = crate::db::begin_write(&ctx.db).await?;
    webhook::Entity::update_many()
        .col_expr(webhook::Column::Active, Expr::value(false))
        .filter(webhook::Column::Id.eq(row.id))
        .exec(&txn)
        .await?;
    webhook_delivery::Entity::update_many()
        .col_expr(webhook_delivery::Column::Status, Expr::value(FAILED))
        .col_expr(
            webhook_delivery::Column::LastError,
            Expr::value(Some("the webhook was removed".to_owned())),
        )
        .filter(webhook_delivery::Column::WebhookId.eq(row.id))
        .filter(webhook_delivery::Column::Status.eq(PENDING))
        .exec(&txn)
        .await?;
    crate::audit::Entry::new(admin.id, "webhook.removed", "webhook", row.id)
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

fn new_delivery(
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
        status: Set(PENDING.to_owned()),
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

fn delivery_view(
    row: webhook_delivery::Model,
    tries: Vec<webhook_attempt::Model>,
) -> WebhookDeliveryView {
    let at = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    WebhookDeliveryView {
        id: i64::from(row.id),
        event: row.event_type,
        next_attempt_at: (row.status == PENDING).then(|| at(row.next_attempt_at)),
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
    let id = i32::try_from(id).map_err(|_| Error::NotFound("webhook".to_owned()))?;
    if webhook::Entity::find_by_id(id)
        .one(&ctx.db)
        .await?
        .is_none()
    {
        return Err(Error::NotFound("webhook".to_owned()));
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

/// Reads the event log past the outbox cursor and queues a delivery for
/// every public event and webhook subscribed to its type. The cursor moves
/// in the same transaction by a conditional update, so with several
/// instances each event is queued once. Returns how many were queued.
pub async fn queue_new_events(ctx: &Ctx) -> Result<usize> {
    let position = match worker_cursor::Entity::find_by_id(CURSOR.to_owned())
        .one(&ctx.db)
        .await?
    {
        Some(cursor) => cursor.position,
        None => {
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
        }
    };
    let entries = crate::events::after(&ctx.db, position, None, 500).await?;
    let Some(last) = entries.last().map(|e| e.id) else {
        return Ok(0);
    };
    let hooks = webhook::Entity::find()
        .filter(webhook::Column::Active.eq(true))
        .all(&ctx.db)
        .await?;
    let now = ctx.clock.now();
    let mut queued = Vec::new();
    for entry in &entries {
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
    let txn = crate::db::begin_write(&ctx.db).await?;
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
        .filter(webhook_delivery::Column::Status.eq(PENDING))
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
    let txn = crate::db::begin_write(&ctx.db).await?;
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
        active.status = Set(DELIVERED.to_owned());
        active.delivered_at = Set(Some(now));
    } else {
        match usize::try_from(attempt - 1)
            .ok()
            .and_then(|i| RETRY_DELAYS_SECONDS.get(i))
        {
            Some(&delay) => {
                active.next_attempt_at = Set(now + chrono::Duration::seconds(delay));
            }
            None => active.status = Set(FAILED.to_owned()),
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
        .filter(webhook_delivery::Column::Status.ne(PENDING))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_the_hex_hmac_sha256_of_the_body() {
        // GitHub's documented example for the same header scheme.
        assert_eq!(
            signature("It's a Secret to Everybody", b"Hello, World!"),
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
        );
    }

    fn entry(topic: &str, kind: &str, audience: &str, payload: &str) -> event::Model {
        event::Model {
            id: 1,
            topic: topic.to_owned(),
            kind: kind.to_owned(),
            audience: audience.to_owned(),
            payload: payload.to_owned(),
            created_at: Utc::now(),
        }
    }

    #[test]
    fn only_public_events_and_filed_tickets_reach_integrations() {
        let cases = [
            (
                entry("board", "vote", "public", r#"{"number":5,"votes":3}"#),
                Some("idea.voted"),
            ),
            (
                entry("idea:5", "vote", "public", r#"{"number":5,"votes":3}"#),
                None,
            ),
            (
                entry(
                    "ticket:VOC-000001",
                    "post",
                    "public",
                    r#"{"number":"VOC-000001","post":3,"kind":"reply"}"#,
                ),
                Some("ticket.replied"),
            ),
            (
                entry(
                    "ticket:VOC-000001",
                    "post",
                    "staff",
                    r#"{"number":"VOC-000001","post":4,"kind":"internal"}"#,
                ),
                None,
            ),
            (
                entry("queue", "ticket", "staff", r#"{"number":"VOC-000001"}"#),
                Some("ticket.opened"),
            ),
            (
                entry(
                    "queue",
                    "ticket",
                    "staff",
                    r#"{"number":"VOC-000001","post":3,"kind":"reply"}"#,
                ),
                None,
            ),
            (
                entry("member:7", "notification", "member:7", r#"{"kind":"x"}"#),
                None,
            ),
        ];
        for (entry, expected) in cases {
            assert_eq!(event_type(&entry), expected, "{entry:?}");
        }
    }

    #[test]
    fn webhook_input_is_checked_field_by_field() {
        let bad = NewWebhook {
            url: "ftp://example.com".to_owned(),
            description: String::new(),
            events: vec!["idea.exploded".to_owned()],
        };
        let Err(Error::Invalid(errors)) = validate(&bad, false) else {
            panic!("accepted");
        };
        assert!(errors["url"].contains("http://"));
        assert!(errors["events"].contains("idea.exploded"));
        let good = NewWebhook {
            url: " https://hooks.example.com/madang ".to_owned(),
            description: "Slack".to_owned(),
            events: vec!["idea.voted".to_owned(), "idea.voted".to_owned()],
        };
        let (url, _, events) = validate(&good, false).expect("valid");
        assert_eq!(url, "https://hooks.example.com/madang");
        assert_eq!(events, vec!["idea.voted".to_owned()]);
    }

    #[test]
    fn private_addresses_are_refused_unless_allowed() {
        for url in [
            "http://127.0.0.1:8080/x",
            "http://localhost/x",
            "http://api.localhost/x",
            "http://10.1.2.3/",
            "http://169.254.169.254/latest/meta-data",
            "http://[::1]:3000/",
            "http://[fd00::1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://user:pw@192.168.0.1:80/",
            "http://100.64.0.1/",
            "http://0.0.0.0/",
        ] {
            let input = NewWebhook {
                url: url.to_owned(),
                description: String::new(),
                events: vec!["idea.voted".to_owned()],
            };
            let Err(Error::Invalid(errors)) = validate(&input, false) else {
                panic!("{url} accepted");
            };
            assert!(errors["url"].contains("private"), "{url}: {errors:?}");
            assert!(validate(&input, true).is_ok(), "{url} refused when allowed");
        }
        for ip in ["8.8.8.8", "2001:4860:4860::8888", "203.0.114.1"] {
            let ip: std::net::IpAddr = ip.parse().expect("ip");
            assert!(is_public_address(ip), "{ip}");
        }
    }
}
