//! Comments under ideas: Markdown rendered once and sanitised, editable by
//! their author for 15 minutes (then marked edited), deleted as a tombstone.
//! The idea's comment count is kept in the same transaction.

use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use shared::{CommentView, NewComment, UserRef};

use crate::actor::Actor;
use crate::entity::{idea, idea_comment};
use crate::idea::store::{Lock, find_by_number};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, guard, markdown, user, visibility};

/// Tells the idea's open pages that a comment appeared or changed.
pub(crate) async fn announce<C: sea_orm::ConnectionTrait>(
    db: &C,
    idea_id: i32,
    comment_id: i32,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    crate::events::publish(
        db,
        crate::events::idea_topic(idea_id),
        crate::events::Audience::Public,
        &shared::LiveEvent::Comment {
            number: i64::from(idea_id),
            comment: i64::from(comment_id),
        },
        at,
    )
    .await
}

/// How long an author may edit a comment.
pub const EDIT_WINDOW: Duration = Duration::minutes(15);
/// Longest comment accepted.
pub const MAX_CHARS: usize = 5_000;

fn validate(body: &str) -> Result<()> {
    if body.trim().is_empty() {
        return Err(Error::invalid("body", crate::msg!("field.must_not_empty")));
    }
    let chars = body.chars().count();
    if chars > MAX_CHARS {
        return Err(Error::invalid(
            "body",
            crate::msg!(
                "comment.must_at_most_characters_has",
                max_chars = MAX_CHARS,
                chars = chars
            ),
        ));
    }
    crate::personal_data::refuse(&[("body", body)], crate::personal_data::Instead::Remove)
}

/// Recounts the idea's visible comments and marks it updated (the board's
/// "recently updated" order follows discussions).
pub(crate) async fn recount(
    txn: &sea_orm::DatabaseTransaction,
    idea_id: i32,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let count = idea_comment::Entity::find()
        .filter(idea_comment::Column::IdeaId.eq(idea_id))
        .filter(idea_comment::Column::DeletedAt.is_null())
        .filter(
            sea_orm::Condition::any()
                .add(idea_comment::Column::HiddenReason.is_null())
                .add(
                    idea_comment::Column::HiddenReason
                        .is_not_in([visibility::HELD, visibility::AWAITING_CONFIRMATION]),
                ),
        )
        .count(txn)
        .await?;
    idea::Entity::update_many()
        .col_expr(
            idea::Column::CommentsCount,
            sea_orm::sea_query::Expr::value(i32::try_from(count).unwrap_or(i32::MAX)),
        )
        .col_expr(
            idea::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(idea::Column::Id.eq(idea_id))
        .exec(txn)
        .await?;
    Ok(())
}

/// The wire form of a stored comment; a deleted one keeps no text.
pub(crate) fn to_view(
    row: idea_comment::Model,
    author: UserRef,
    actor: &Actor,
    now: chrono::DateTime<chrono::Utc>,
) -> CommentView {
    let deleted = row.deleted_at.is_some();
    let held = visibility::is_held(row.hidden_reason.as_deref());
    let hidden = (row.hidden_at.is_some() && !held).then(|| {
        visibility::tombstone(
            row.hidden_reason.as_deref(),
            row.hidden_guideline.as_deref(),
        )
    });
    let mine = actor.member().is_some_and(|m| m.id == row.author_id);
    let editable = mine && !deleted && hidden.is_none() && now - row.created_at <= EDIT_WINDOW;
    CommentView {
        id: i64::from(row.id),
        body_html: if deleted || hidden.is_some() {
            String::new()
        } else {
            row.body_html
        },
        author,
        created_at: row
            .created_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        edited: row.edited_at.is_some(),
        deleted,
        mine,
        editable,
        hidden,
        held_for_review: held,
        awaiting_confirmation: visibility::awaits_confirmation(row.hidden_reason.as_deref()),
        source_md: editable.then_some(row.body_md),
    }
}

async fn view(ctx: &Ctx, actor: &Actor, row: idea_comment::Model) -> Result<CommentView> {
    let author = user::refs(ctx, [row.author_id])
        .await?
        .remove(&row.author_id)
        .ok_or_else(|| Error::Internal(format!("comment {} has no author", row.id)))?;
    Ok(to_view(row, author, actor, ctx.clock.now()))
}

/// Comments on an idea.
pub async fn create(
    ctx: &Ctx,
    actor: &Actor,
    number: i64,
    input: NewComment,
) -> Result<CommentView> {
    let member = policy::member_for(actor, Action::CommentIdea, Scope::Others)?;
    validate(&input.body)?;
    let idea = crate::idea::store::find_visible(&ctx.db, actor, number).await?;
    if idea.locked_at.is_some()
        && !policy::can(actor, Action::SpeakInLockedDiscussion, Scope::Others)
    {
        return Err(Error::Conflict(crate::msg!(
            "comment.moderator_locked_discussion",
            locked_reason = idea.locked_reason.unwrap_or_default()
        )));
    }
    let admission = guard::admit(ctx, member, guard::Post::Comment, "body", &[&input.body]).await?;
    let now = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    let idea_id = find_by_number(&txn, number, Lock::None).await?.id;
    let row = idea_comment::ActiveModel {
        idea_id: Set(idea_id),
        author_id: Set(member.id),
        body_html: Set(markdown::render(&input.body)),
        body_md: Set(input.body),
        created_at: Set(ctx.clock.now()),
        edited_at: Set(None),
        deleted_at: Set(None),
        hidden_reason: Set(admission.hold_reason().map(str::to_owned)),
        hidden_at: Set(admission.held().then_some(now)),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    recount(&txn, idea_id, ctx.clock.now()).await?;
    crate::follow::add(&txn, idea_id, member.id, ctx.clock.now()).await?;
    if !admission.held() {
        went_public(&txn, &idea.title, &row, now).await?;
    }
    txn.commit().await?;
    view(ctx, actor, row).await
}

/// What follows a comment becoming public (when posted, or when its
/// author confirms their address): open pages update, the people it
/// mentions and the idea's followers hear of it.
pub(crate) async fn went_public(
    txn: &sea_orm::DatabaseTransaction,
    idea_title: &str,
    comment: &idea_comment::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let (idea_id, author_id) = (comment.idea_id, comment.author_id);
    let text = &comment.body_md;
    announce(txn, idea_id, comment.id, now).await?;
    tell_mentioned(txn, author_id, idea_title, idea_id, comment.id, text, now).await?;
    let name = crate::entity::user::Entity::find_by_id(author_id)
        .one(txn)
        .await?
        .map(|u| u.display_name)
        .unwrap_or_default();
    crate::notification::tell_comment_followers(
        txn,
        crate::notification::CommentNews {
            idea_id,
            number: i64::from(idea_id),
            title: idea_title,
            actor_id: author_id,
            actor_name: &name,
            text,
        },
        now,
    )
    .await?;
    Ok(())
}

/// Notifies the people the comment mentions (`@Name`), except its author.
async fn tell_mentioned<C: sea_orm::ConnectionTrait>(
    db: &C,
    author_id: i32,
    idea_title: &str,
    idea_id: i32,
    comment_id: i32,
    text: &str,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    if !text.contains('@') {
        return Ok(());
    }
    let people = crate::mention::idea_participants(db, idea_id).await?;
    let mentioned = crate::mention::mentioned(text, &people);
    if mentioned.iter().all(|&id| id == author_id) {
        return Ok(());
    }
    let author = people
        .iter()
        .find(|(id, _)| *id == author_id)
        .map_or_else(String::new, |(_, name)| name.clone());
    let excerpt: String = text.chars().take(500).collect();
    for id in mentioned.into_iter().filter(|&id| id != author_id) {
        crate::notification::tell_member(
            db,
            crate::notification::Notice {
                member_id: id,
                kind: shared::NotificationKind::Mention,
                actor_id: author_id,
                subject: crate::msg!("notice.mention", author = &author, title = idea_title),
                text: crate::i18n::Message::said(excerpt.clone()),
                link: format!("/ideas/{idea_id}#comment-{comment_id}"),
            },
            at,
        )
        .await?;
    }
    Ok(())
}

async fn own_comment(
    ctx: &Ctx,
    actor: &Actor,
    id: i64,
    action: Action,
) -> Result<idea_comment::Model> {
    let not_found = || Error::NotFound(crate::msg!("not_found.comment", id = id));
    let comment_id = i32::try_from(id).map_err(|_| not_found())?;
    let row = idea_comment::Entity::find_by_id(comment_id)
        .one(&ctx.db)
        .await?
        .filter(|c| c.deleted_at.is_none())
        .ok_or_else(not_found)?;
    let scope = if actor.member().is_some_and(|m| m.id == row.author_id) {
        Scope::Own
    } else {
        Scope::Others
    };
    policy::authorize(actor, action, scope)?;
    Ok(row)
}

/// Changes one's own comment within the edit window; it is marked edited.
pub async fn edit(ctx: &Ctx, actor: &Actor, id: i64, input: NewComment) -> Result<CommentView> {
    let row = own_comment(ctx, actor, id, Action::EditComment).await?;
    validate(&input.body)?;
    if row.hidden_at.is_some() {
        return Err(Error::Conflict(crate::msg!(
            "comment.moderator_hid_comment_cannot_edited"
        )));
    }
    let now = ctx.clock.now();
    if now - row.created_at > EDIT_WINDOW {
        return Err(Error::Conflict(crate::msg!(
            "comment.comments_can_edited_15_minutes"
        )));
    }
    let mut active = row.into_active_model();
    active.body_html = Set(markdown::render(&input.body));
    active.body_md = Set(input.body);
    active.edited_at = Set(Some(now));
    let txn = ctx.begin_write().await?;
    let row = active.update(&txn).await?;
    announce(&txn, row.idea_id, row.id, now).await?;
    txn.commit().await?;
    view(ctx, actor, row).await
}

/// Deletes one's own comment; a tombstone keeps the thread readable.
pub async fn delete(ctx: &Ctx, actor: &Actor, id: i64) -> Result<()> {
    let row = own_comment(ctx, actor, id, Action::DeleteComment).await?;
    let idea_id = row.idea_id;
    let txn = ctx.begin_write().await?;
    let mut active = row.into_active_model();
    active.deleted_at = Set(Some(ctx.clock.now()));
    active.update(&txn).await?;
    recount(&txn, idea_id, ctx.clock.now()).await?;
    announce(
        &txn,
        idea_id,
        i32::try_from(id).unwrap_or(0),
        ctx.clock.now(),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The comments on an idea, oldest first (deleted ones as tombstones).
pub async fn list(ctx: &Ctx, actor: &Actor, number: i64) -> Result<Vec<CommentView>> {
    let idea_id = crate::idea::store::find_visible(&ctx.db, actor, number)
        .await?
        .id;
    let rows: Vec<_> = idea_comment::Entity::find()
        .filter(idea_comment::Column::IdeaId.eq(idea_id))
        .order_by_asc(idea_comment::Column::Id)
        .all(&ctx.db)
        .await?
        .into_iter()
        .filter(|row| visibility::comment_visible_to(row, actor))
        .collect();
    let authors = user::refs(ctx, rows.iter().map(|r| r.author_id)).await?;
    rows.into_iter()
        .map(|row| {
            let author = authors
                .get(&row.author_id)
                .cloned()
                .ok_or_else(|| Error::Internal(format!("comment {} has no author", row.id)))?;
            Ok(to_view(row, author, actor, ctx.clock.now()))
        })
        .collect()
}
