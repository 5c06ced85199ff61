//! Outgoing e-mail as data: use cases queue mails in the outbox table (in
//! their own transaction), a worker in the server delivers them over SMTP
//! when one is configured, and admins can always read the outbox — so invite
//! and reset flows work on a fresh machine without a mail server.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use shared::account::OutboxMail;

use crate::actor::Actor;
use crate::entity::outbox_mail;
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Result};

/// Delivery attempts before a mail is left for an admin to look at.
pub const MAX_ATTEMPTS: i32 = 5;

/// Queues one plain-text mail.
pub async fn queue(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    to: &str,
    subject: &str,
    body: &str,
) -> Result<()> {
    queue_with_unsubscribe(db, now, to, subject, body, None).await
}

/// Queues one plain-text mail; with an unsubscribe URL it also gets the
/// `List-Unsubscribe` headers mail programs show as a one-click button.
pub async fn queue_with_unsubscribe(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    to: &str,
    subject: &str,
    body: &str,
    unsubscribe_url: Option<String>,
) -> Result<()> {
    outbox_mail::ActiveModel {
        to_address: Set(to.to_owned()),
        subject: Set(subject.to_owned()),
        body_text: Set(body.to_owned()),
        created_at: Set(now),
        claimed_at: Set(None),
        attempts: Set(0),
        sent_at: Set(None),
        error: Set(None),
        unsubscribe_url: Set(unsubscribe_url),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The newest mails first, for the admin outbox page.
pub async fn list_outbox(ctx: &Ctx, actor: &Actor, limit: u64) -> Result<Vec<OutboxMail>> {
    policy::authorize(actor, Action::ReadOutbox, Scope::Others)?;
    let rows = outbox_mail::Entity::find()
        .order_by_desc(outbox_mail::Column::Id)
        .limit(limit.clamp(1, 500))
        .all(&ctx.db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|m| OutboxMail {
            id: i64::from(m.id),
            to: m.to_address,
            subject: m.subject,
            body: m.body_text,
            created_at: m
                .created_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            sent_at: m
                .sent_at
                .map(|at| at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
            error: m.error,
        })
        .collect())
}

/// A mail claimed for delivery by one worker.
#[derive(Clone, Debug)]
pub struct Claimed {
    /// Mail id.
    pub id: i32,
    /// Recipient.
    pub to: String,
    /// Subject.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
    /// For `List-Unsubscribe`, when the mail is a notification.
    pub unsubscribe_url: Option<String>,
}

/// Claims up to `limit` unsent mails for this worker. A claim is a
/// conditional update, so with several server instances each mail goes out
/// once; a claim older than five minutes (a crashed worker) is taken over.
pub async fn claim_unsent(ctx: &Ctx, limit: u64) -> Result<Vec<Claimed>> {
    let now = ctx.clock.now();
    let stale = now - chrono::Duration::minutes(5);
    let candidates = outbox_mail::Entity::find()
        .filter(outbox_mail::Column::SentAt.is_null())
        .filter(outbox_mail::Column::Attempts.lt(MAX_ATTEMPTS))
        .filter(
            sea_orm::Condition::any()
                .add(outbox_mail::Column::ClaimedAt.is_null())
                .add(outbox_mail::Column::ClaimedAt.lt(stale)),
        )
        .order_by_asc(outbox_mail::Column::Id)
        .limit(limit)
        .all(&ctx.db)
        .await?;
    let mut claimed = Vec::new();
    for mail in candidates {
        let won = outbox_mail::Entity::update_many()
            .col_expr(
                outbox_mail::Column::ClaimedAt,
                sea_orm::sea_query::Expr::value(now),
            )
            .filter(outbox_mail::Column::Id.eq(mail.id))
            .filter(
                sea_orm::Condition::any()
                    .add(outbox_mail::Column::ClaimedAt.is_null())
                    .add(outbox_mail::Column::ClaimedAt.lt(stale)),
            )
            .exec(&ctx.db)
            .await?
            .rows_affected
            == 1;
        if won {
            claimed.push(Claimed {
                id: mail.id,
                to: mail.to_address,
                subject: mail.subject,
                body: mail.body_text,
                unsubscribe_url: mail.unsubscribe_url,
            });
        }
    }
    Ok(claimed)
}

/// Records the outcome of one delivery attempt.
pub async fn record_delivery(
    ctx: &Ctx,
    id: i32,
    outcome: std::result::Result<(), String>,
) -> Result<()> {
    let Some(mail) = outbox_mail::Entity::find_by_id(id).one(&ctx.db).await? else {
        return Ok(());
    };
    let attempts = mail.attempts + 1;
    let mut active: outbox_mail::ActiveModel = mail.into();
    active.attempts = Set(attempts);
    active.claimed_at = Set(None);
    match outcome {
        Ok(()) => {
            active.sent_at = Set(Some(ctx.clock.now()));
            active.error = Set(None);
        }
        Err(error) => active.error = Set(Some(error)),
    }
    active.update(&ctx.db).await?;
    Ok(())
}
