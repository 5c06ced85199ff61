//! Notifications by e-mail, as each member prefers: one mail per
//! notification as it happens (the default), one daily digest, or none.
//! A worker turns unmailed notification rows into outbox mails, so the
//! request that caused them never waits for mail; every mail carries a
//! one-click unsubscribe link (and the `List-Unsubscribe` headers).

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use shared::{EmailMode, Locale, NotificationKind, NotificationSettings, Unsubscribed};

use crate::actor::Actor;
use crate::entity::{notification, notification_setting, user};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result};

/// A daily digest goes out once its oldest notification is this old.
pub const DIGEST_AFTER_HOURS: i64 = 24;

/// Notifications looked at per run of the worker.
const BATCH: u64 = 200;

/// Digests sent per run of the worker.
const DIGEST_BATCH: u64 = 50;

/// The member's settings row, created with the default mode and a fresh
/// unsubscribe token when they have none yet.
async fn settings_row<C: ConnectionTrait>(
    db: &C,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<notification_setting::Model> {
    if let Some(row) = notification_setting::Entity::find_by_id(user_id)
        .one(db)
        .await?
    {
        return Ok(row);
    }
    notification_setting::Entity::insert(notification_setting::ActiveModel {
        user_id: Set(user_id),
        email_mode: Set(EmailMode::default().as_str().to_owned()),
        unsubscribe_token: Set(crate::secret_token::generate()),
        updated_at: Set(now),
    })
    .on_conflict_do_nothing()
    .exec_without_returning(db)
    .await?;
    notification_setting::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or_else(|| Error::Internal("notification settings vanished".to_owned()))
}

fn mode_of(row: &notification_setting::Model) -> EmailMode {
    row.email_mode.parse().unwrap_or_default()
}

/// The signed-in member's e-mail preference.
pub async fn settings(ctx: &Ctx, actor: &Actor) -> Result<NotificationSettings> {
    let member = policy::member_for(actor, Action::ManageOwnAccount, Scope::Own)?;
    let row = settings_row(&ctx.db, member.id, ctx.clock.now()).await?;
    Ok(NotificationSettings {
        email: mode_of(&row),
    })
}

/// Changes the signed-in member's e-mail preference.
pub async fn update_settings(
    ctx: &Ctx,
    actor: &Actor,
    input: NotificationSettings,
) -> Result<NotificationSettings> {
    let member = policy::member_for(actor, Action::ManageOwnAccount, Scope::Own)?;
    set_mode(ctx, member.id, input.email).await?;
    Ok(input)
}

async fn set_mode(ctx: &Ctx, user_id: i32, mode: EmailMode) -> Result<()> {
    let now = ctx.clock.now();
    let row = settings_row(&ctx.db, user_id, now).await?;
    let mut active: notification_setting::ActiveModel = row.into();
    active.email_mode = Set(mode.as_str().to_owned());
    active.updated_at = Set(now);
    active.update(&ctx.db).await?;
    Ok(())
}

/// The one-click link of a mail: no sign-in needed, the token is the
/// proof. Turns notification mail off and says for which address.
pub async fn unsubscribe(ctx: &Ctx, token: &str) -> Result<Unsubscribed> {
    let not_found = || Error::NotFound(crate::msg!("not_found.unsubscribe_link"));
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(not_found());
    }
    let row = notification_setting::Entity::find()
        .filter(notification_setting::Column::UnsubscribeToken.eq(token))
        .one(&ctx.db)
        .await?
        .ok_or_else(not_found)?;
    let member = user::Entity::find_by_id(row.user_id)
        .one(&ctx.db)
        .await?
        .filter(|u| u.deleted_at.is_none())
        .ok_or_else(not_found)?;
    set_mode(ctx, row.user_id, EmailMode::Off).await?;
    Ok(Unsubscribed {
        email: member.email,
        mode: EmailMode::Off,
    })
}

/// Why the member gets this mail, in one line (a message key).
fn reason(kind: NotificationKind) -> &'static str {
    match kind {
        NotificationKind::TicketAnswered
        | NotificationKind::TicketHandedOff
        | NotificationKind::TicketStatusChanged => "mail.why.ticket",
        NotificationKind::Mention => "mail.why.mention",
        NotificationKind::CommitmentKept
        | NotificationKind::CommitmentOverdue
        | NotificationKind::CommitmentMade
        | NotificationKind::RemedyGranted
        | NotificationKind::RemedyRejected => "mail.why.promise",
        NotificationKind::TicketHandedToDepartment => "mail.why.department",
        NotificationKind::CustomerReplied => "mail.why.assigned",
        NotificationKind::IdeaStatusChanged
        | NotificationKind::Announcement
        | NotificationKind::IdeaComments => "mail.why.idea",
    }
}

/// The footer of every notification mail (why it came, where to change
/// that, the one-click unsubscribe) and the unsubscribe URL.
fn footer(ctx: &Ctx, why: &'static str, token: &str, locale: Locale) -> (String, String) {
    let base = &ctx.settings.base_url;
    let unsubscribe = format!("{base}/unsubscribe/{token}");
    let settings = crate::msg!(
        "mail.footer.settings",
        settings = format!("{base}/notifications#email")
    );
    let text = format!(
        "--\n{}\n{}\n{}\n{unsubscribe}\n",
        crate::i18n::lookup(locale, why),
        settings.text(locale),
        crate::i18n::lookup(locale, "mail.footer.unsubscribe"),
    );
    (text, unsubscribe)
}

/// Marks these notifications mailed unless another worker did; true when
/// this worker got all of them.
async fn claim<C: ConnectionTrait>(db: &C, ids: &[i32], now: DateTime<Utc>) -> Result<bool> {
    let claimed = notification::Entity::update_many()
        .col_expr(notification::Column::MailedAt, Expr::value(Some(now)))
        .filter(notification::Column::Id.is_in(ids.iter().copied()))
        .filter(notification::Column::MailedAt.is_null())
        .exec(db)
        .await?
        .rows_affected;
    Ok(claimed == ids.len() as u64)
}

/// Mails what is due: each new notification of a member on instant mail
/// (members with mail off have theirs marked without a mail), and the
/// digest of each member on daily mail whose oldest unmailed notification
/// is a day old. Returns how many mails were queued.
pub async fn send_due(ctx: &Ctx) -> Result<usize> {
    let now = ctx.clock.now();
    let daily_members = Query::select()
        .column(notification_setting::Column::UserId)
        .from(notification_setting::Entity)
        .and_where(notification_setting::Column::EmailMode.eq(EmailMode::Daily.as_str()))
        .to_owned();
    let pending = notification::Entity::find()
        .filter(notification::Column::MailedAt.is_null())
        .filter(notification::Column::UserId.not_in_subquery(daily_members.clone()))
        .order_by_asc(notification::Column::Id)
        .limit(BATCH)
        .all(&ctx.db)
        .await?;
    let mut queued = 0;
    for row in pending {
        if mail_one(ctx, row, now).await? {
            queued += 1;
        }
    }
    let cutoff = now - chrono::Duration::hours(DIGEST_AFTER_HOURS);
    let due: Vec<i32> = notification::Entity::find()
        .select_only()
        .column(notification::Column::UserId)
        .filter(notification::Column::MailedAt.is_null())
        .filter(notification::Column::CreatedAt.lte(cutoff))
        .filter(notification::Column::UserId.in_subquery(daily_members))
        .group_by(notification::Column::UserId)
        .limit(DIGEST_BATCH)
        .into_tuple()
        .all(&ctx.db)
        .await?;
    for user_id in due {
        if mail_digest(ctx, user_id, now).await? {
            queued += 1;
        }
    }
    Ok(queued)
}

/// Mails one notification to a member on instant mail; true if queued.
async fn mail_one(ctx: &Ctx, row: notification::Model, now: DateTime<Utc>) -> Result<bool> {
    let txn = ctx.begin_write().await?;
    if !claim(&txn, &[row.id], now).await? {
        txn.rollback().await?;
        return Ok(false);
    }
    let settings = settings_row(&txn, row.user_id, now).await?;
    let member = user::Entity::find_by_id(row.user_id).one(&txn).await?;
    let Some(member) = member.filter(|u| u.deleted_at.is_none()) else {
        txn.commit().await?;
        return Ok(false);
    };
    if mode_of(&settings) != EmailMode::Instant {
        txn.commit().await?;
        return Ok(false);
    }
    let locale = crate::language::of(&txn, member.id).await?;
    let (footer, unsubscribe) = footer(ctx, reason(row.kind), &settings.unsubscribe_token, locale);
    let read_more = crate::i18n::lookup(locale, "mail.read_more");
    let body = format!(
        "{}\n\n{}\n\n{read_more}\n{}{}\n\n{footer}",
        row.subject, row.body_text, ctx.settings.base_url, row.link
    );
    crate::mail::queue_with_unsubscribe(
        &txn,
        now,
        &member.email,
        &row.subject,
        &body,
        Some(unsubscribe),
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}

/// Mails one member's digest of everything unmailed; the ones they have
/// already read in the centre are left out. True if a mail was queued.
async fn mail_digest(ctx: &Ctx, user_id: i32, now: DateTime<Utc>) -> Result<bool> {
    let rows = notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::MailedAt.is_null())
        .order_by_asc(notification::Column::Id)
        .limit(100)
        .all(&ctx.db)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let txn = ctx.begin_write().await?;
    if ids.is_empty() || !claim(&txn, &ids, now).await? {
        txn.rollback().await?;
        return Ok(false);
    }
    let settings = settings_row(&txn, user_id, now).await?;
    let member = user::Entity::find_by_id(user_id)
        .one(&txn)
        .await?
        .filter(|u| u.deleted_at.is_none());
    let unread: Vec<&notification::Model> = rows.iter().filter(|r| r.read_at.is_none()).collect();
    let (Some(member), false) = (member, unread.is_empty()) else {
        txn.commit().await?;
        return Ok(false);
    };
    let base = &ctx.settings.base_url;
    let locale = crate::language::of(&txn, member.id).await?;
    let mut body = crate::i18n::lookup(locale, "mail.digest.intro").to_owned();
    body.push_str("\n\n");
    for row in &unread {
        let text: String = row.body_text.chars().take(300).collect();
        body.push_str(&format!(
            "* {}\n  {}\n  {base}{}\n\n",
            row.subject,
            text.trim(),
            row.link
        ));
    }
    let subject = if unread.len() == 1 {
        crate::msg!("mail.digest.subject_one")
    } else {
        crate::msg!("mail.digest.subject", count = unread.len())
    }
    .text(locale);
    let (footer, unsubscribe) = footer(ctx, "mail.why.digest", &settings.unsubscribe_token, locale);
    body.push_str(&footer);
    crate::mail::queue_with_unsubscribe(
        &txn,
        now,
        &member.email,
        &subject,
        &body,
        Some(unsubscribe),
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_hangul(text: &str) -> bool {
        text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
    }

    #[test]
    fn every_notification_kind_says_why_in_both_languages() {
        for &kind in NotificationKind::ALL {
            let key = reason(kind);
            let (en, ko) = (
                crate::i18n::lookup(Locale::En, key),
                crate::i18n::lookup(Locale::Ko, key),
            );
            assert_ne!(en, key, "{kind:?}: {key} missing in English");
            assert_ne!(ko, key, "{kind:?}: {key} missing in Korean");
            assert!(has_hangul(ko) && !has_hangul(en), "{kind:?}: {en} / {ko}");
        }
    }
}
