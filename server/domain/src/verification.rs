//! Confirming a member's e-mail address: sign-up mails a one-time link
//! (kept in the outbox when no SMTP server is set), opening it confirms the
//! address. Staff see "unconfirmed" beside members who have not.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait,
    IntoActiveModel, QueryFilter, Set,
};

use crate::actor::Actor;
use crate::entity::{idea, idea_comment, one_time_token, user};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, mail, rate_limit, secret_token};

/// How long a confirmation link works.
pub const LINK_LIFETIME: Duration = Duration::days(7);
/// Confirmation mails a member may ask for in an hour.
const RESENDS_PER_HOUR: u32 = 3;

const PURPOSE: &str = "verify";

/// Queues the confirmation mail, in the member's language, in the caller's
/// transaction (the account and its link exist together or not at all).
pub(crate) async fn send_link<C: ConnectionTrait>(
    ctx: &Ctx,
    db: &C,
    member_id: i32,
    email: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let secret = secret_token::generate();
    one_time_token::ActiveModel {
        purpose: Set(PURPOSE.to_owned()),
        token_hash: Set(secret_token::digest(&secret)),
        email: Set(email.to_owned()),
        user_id: Set(Some(member_id)),
        role: Set(None),
        department_id: Set(None),
        title: Set(None),
        created_by_id: Set(None),
        created_at: Set(now),
        expires_at: Set(now + LINK_LIFETIME),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let locale = crate::language::of(db, member_id).await?;
    let say = |key| crate::i18n::lookup(locale, key);
    let body = format!(
        "{}\n\n{}\n{}/verify?token={secret}\n\n{}\n",
        say("mail.verify.intro"),
        say("mail.verify.link"),
        ctx.settings.base_url,
        say("mail.verify.ignore"),
    );
    mail::queue(db, now, email, say("mail.verify.subject"), &body).await
}

/// Confirms the address the link was sent to. A link works once.
pub async fn confirm(ctx: &Ctx, token: &str) -> Result<()> {
    let link = crate::one_time_link::usable_link(ctx, PURPOSE, token).await?;
    let member_id = link
        .user_id
        .ok_or_else(|| Error::Internal("confirmation link without account".to_owned()))?;
    let now = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    crate::one_time_link::claim(&txn, &link, now).await?;
    // A link for an address the member has since changed confirms nothing.
    let current = user::Entity::find_by_id(member_id).one(&txn).await?;
    if current.is_some_and(|u| u.email == link.email && u.deleted_at.is_none()) {
        mark_confirmed(&txn, member_id, now).await?;
        release_held_posts(&txn, member_id, now).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Sends a new link to the signed-in member, unless their address is
/// confirmed already (then nothing is sent).
pub async fn resend(ctx: &Ctx, actor: &Actor) -> Result<()> {
    let member = policy::member_for(actor, Action::ManageOwnAccount, Scope::Own)?;
    let account = user::Entity::find_by_id(member.id)
        .one(&ctx.db)
        .await?
        .ok_or_else(|| Error::NotFound(crate::msg!("not_found.account")))?;
    if account.email_verified_at.is_some() {
        return Ok(());
    }
    let quota = rate_limit::Quota {
        bucket: format!("verify:{}", member.id),
        max: RESENDS_PER_HOUR,
        window: Duration::hours(1),
    };
    rate_limit::take_quota(ctx, &quota).await?;
    let now = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    send_link(ctx, &txn, member.id, &account.email, now).await?;
    txn.commit().await?;
    Ok(())
}

/// Records that the member showed the address is theirs (a confirmation,
/// invitation or reset link), keeping the first time they did.
pub(crate) async fn mark_confirmed<C: ConnectionTrait>(
    db: &C,
    member_id: i32,
    now: DateTime<Utc>,
) -> Result<()> {
    user::Entity::update_many()
        .col_expr(user::Column::EmailVerifiedAt, Expr::value(Some(now)))
        .filter(user::Column::Id.eq(member_id))
        .filter(user::Column::EmailVerifiedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Shows what the member posted while their address was unconfirmed
/// (`--hold-unconfirmed-posts`): their ideas reach the board, their
/// comments the discussion, the people they mention and the idea's
/// followers. Posts held for review stay held: a moderator still has to
/// look at them.
pub(crate) async fn release_held_posts(
    txn: &DatabaseTransaction,
    member_id: i32,
    now: DateTime<Utc>,
) -> Result<()> {
    let waiting = Some(crate::visibility::AWAITING_CONFIRMATION);
    let ideas = idea::Entity::find()
        .filter(idea::Column::AuthorId.eq(member_id))
        .filter(idea::Column::HiddenReason.eq(waiting))
        .all(txn)
        .await?;
    for row in ideas {
        let number = i64::from(row.id);
        let mut active = row.into_active_model();
        active.hidden_reason = Set(None);
        active.hidden_at = Set(None);
        active.update(txn).await?;
        crate::events::publish(
            txn,
            crate::events::BOARD.to_owned(),
            crate::events::Audience::Public,
            &shared::LiveEvent::Idea { number },
            now,
        )
        .await?;
    }
    let comments = idea_comment::Entity::find()
        .filter(idea_comment::Column::AuthorId.eq(member_id))
        .filter(idea_comment::Column::HiddenReason.eq(waiting))
        .all(txn)
        .await?;
    for row in comments {
        let mut active = row.into_active_model();
        active.hidden_reason = Set(None);
        active.hidden_at = Set(None);
        let comment = active.update(txn).await?;
        crate::comment::recount(txn, comment.idea_id, now).await?;
        let title = idea::Entity::find_by_id(comment.idea_id)
            .one(txn)
            .await?
            .map(|i| i.title)
            .unwrap_or_default();
        crate::comment::went_public(txn, &title, &comment, now).await?;
    }
    Ok(())
}

/// Whether the member has not confirmed their address yet.
pub async fn is_unconfirmed<C: ConnectionTrait>(db: &C, member_id: i32) -> Result<bool> {
    Ok(user::Entity::find_by_id(member_id)
        .one(db)
        .await?
        .is_some_and(|u| u.email_verified_at.is_none()))
}
