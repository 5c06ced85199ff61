//! What an operator's monitoring asks the database: queues that should stay
//! short (mail, webhooks), promises to customers running late, the event
//! log's newest entry, and how busy the connection pools are. Read on each
//! scrape of `/metrics`; every figure is one counting query, never a walk
//! over rows.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, DbBackend, EntityTrait, QueryFilter, QuerySelect,
};
use shared::webhook::DeliveryStatus;
use shared::{ClockKind, ClockOutcome};

use crate::entity::{outbox_mail, ticket_clock, webhook_delivery};
use crate::{Ctx, Result};

/// The database's side of the service's health at one moment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServiceFigures {
    /// Mails not yet sent that will still be tried (or, without SMTP, are
    /// kept for admins).
    pub mails_waiting: i64,
    /// Mails that failed every try.
    pub mails_given_up: i64,
    /// Webhook deliveries waiting for their next try.
    pub deliveries_pending: i64,
    /// Webhook deliveries that failed every try (or whose webhook went).
    pub deliveries_failed: i64,
    /// Per kind of response clock: running past their deadline now.
    pub promises_overdue: Vec<(ClockKind, i64)>,
    /// Per kind of response clock: broken ever (answered late, or overdue
    /// now); withdrawn clocks never count, as on the dashboard.
    pub promises_broken: Vec<(ClockKind, i64)>,
    /// The newest event in the shared log.
    pub newest_event: i32,
}

/// Reads every figure; `now` decides which running promises are late.
pub async fn figures(ctx: &Ctx) -> Result<ServiceFigures> {
    let now = ctx.clock.now();
    let unsent = outbox_mail::Column::SentAt.is_null();
    let mails_waiting = count_mails(
        &ctx.db,
        Condition::all()
            .add(unsent.clone())
            .add(outbox_mail::Column::Attempts.lt(crate::mail::MAX_ATTEMPTS)),
    )
    .await?;
    let mails_given_up = count_mails(
        &ctx.db,
        Condition::all()
            .add(unsent)
            .add(outbox_mail::Column::Attempts.gte(crate::mail::MAX_ATTEMPTS)),
    )
    .await?;
    let deliveries = |status: DeliveryStatus| {
        webhook_delivery::Entity::find()
            .select_only()
            .column_as(webhook_delivery::Column::Id.count(), "n")
            .filter(webhook_delivery::Column::Status.eq(status))
            .into_tuple::<i64>()
            .one(&ctx.db)
    };
    let deliveries_pending = deliveries(DeliveryStatus::Pending).await?.unwrap_or(0);
    let deliveries_failed = deliveries(DeliveryStatus::Failed).await?.unwrap_or(0);
    Ok(ServiceFigures {
        mails_waiting,
        mails_given_up,
        deliveries_pending,
        deliveries_failed,
        promises_overdue: clocks_by_kind(&ctx.db, overdue(now)).await?,
        promises_broken: clocks_by_kind(&ctx.db, broken(now)).await?,
        newest_event: crate::events::latest(&ctx.db).await?,
    })
}

async fn count_mails(db: &DatabaseConnection, condition: Condition) -> Result<i64> {
    Ok(outbox_mail::Entity::find()
        .select_only()
        .column_as(outbox_mail::Column::Id.count(), "n")
        .filter(condition)
        .into_tuple::<i64>()
        .one(db)
        .await?
        .unwrap_or(0))
}

/// Still running and past the deadline.
fn overdue(now: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(ticket_clock::Column::StoppedAt.is_null())
        .add(ticket_clock::Column::DueAt.lt(now))
}

/// `ticket::clock::breached`, as a query.
fn broken(now: DateTime<Utc>) -> Condition {
    Condition::any().add(overdue(now)).add(
        Condition::all()
            .add(
                Expr::col(ticket_clock::Column::StoppedAt)
                    .gt(Expr::col(ticket_clock::Column::DueAt)),
            )
            .add(
                Condition::any()
                    .add(ticket_clock::Column::Outcome.is_null())
                    .add(ticket_clock::Column::Outcome.ne(ClockOutcome::Withdrawn)),
            ),
    )
}

/// Clocks matching `condition`, counted per kind; every kind is listed,
/// with 0 where none match, so a series never vanishes from a scrape.
async fn clocks_by_kind(
    db: &DatabaseConnection,
    condition: Condition,
) -> Result<Vec<(ClockKind, i64)>> {
    let rows: Vec<(ClockKind, i64)> = ticket_clock::Entity::find()
        .select_only()
        .column(ticket_clock::Column::Kind)
        .column_as(ticket_clock::Column::Id.count(), "n")
        .filter(condition)
        .group_by(ticket_clock::Column::Kind)
        .into_tuple()
        .all(db)
        .await?;
    Ok([ClockKind::First, ClockKind::HandOff, ClockKind::NextReply]
        .into_iter()
        .map(|kind| {
            let n = rows.iter().find(|(k, _)| *k == kind).map_or(0, |(_, n)| *n);
            (kind, n)
        })
        .collect())
}

/// How one connection pool is used right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolUse {
    /// `main` (reads, and every write on `PostgreSQL`) or `writer` (the one
    /// connection `SQLite` write transactions queue for).
    pub name: &'static str,
    /// Connections open.
    pub open: u32,
    /// Of those, not lent out.
    pub idle: u32,
    /// The most it will open.
    pub max: u32,
}

/// The pools of this instance.
#[must_use]
pub fn pool_use(ctx: &Ctx) -> Vec<PoolUse> {
    let mut pools = vec![one_pool("main", &ctx.db)];
    if let Some(writer) = ctx.writer() {
        pools.push(one_pool("writer", writer));
    }
    pools
}

fn one_pool(name: &'static str, db: &DatabaseConnection) -> PoolUse {
    let (open, idle, max) = if db.get_database_backend() == DbBackend::Postgres {
        let pool = db.get_postgres_connection_pool();
        (
            pool.size(),
            pool.num_idle(),
            pool.options().get_max_connections(),
        )
    } else {
        let pool = db.get_sqlite_connection_pool();
        (
            pool.size(),
            pool.num_idle(),
            pool.options().get_max_connections(),
        )
    };
    PoolUse {
        name,
        open,
        idle: u32::try_from(idle).unwrap_or(u32::MAX),
        max,
    }
}
