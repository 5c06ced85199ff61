//! Hiding content with a reason stated in public (a tombstone, never a
//! silent deletion), showing it again, and the posts the word list holds
//! for review.

use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use shared::{ContentKind, ContentRef, HeldPost, HideRequest, UnhideRequest};

use super::report::{check_reason, excerpt};
use crate::actor::Actor;
use crate::entity::{idea, idea_comment, report, ticket_post, user};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, audit};
use shared::{ReportStatus, TicketPostKind};

/// Who hid something, why, and when (`None` in `write_hidden` shows it again).
struct Hiding {
    reason: String,
    guideline: Option<String>,
    by: i32,
    at: chrono::DateTime<chrono::Utc>,
}

/// What a hideable row holds now.
struct Hideable {
    id: i32,
    text: String,
    reason: Option<String>,
    hidden: bool,
    /// The idea a comment belongs to (its count changes).
    idea_id: Option<i32>,
}

async fn hideable(txn: &DatabaseTransaction, target: &ContentRef) -> Result<Hideable> {
    let not_found = || {
        Error::NotFound(crate::msg!("not_found.content", id = target.id).arg_word(
            "kind",
            "content_kind",
            target.kind.as_str(),
        ))
    };
    let id = i32::try_from(target.id).map_err(|_| not_found())?;
    let found = match target.kind {
        ContentKind::Idea => idea::Entity::find_by_id(id)
            .one(txn)
            .await?
            .map(|r| Hideable {
                id,
                text: format!("{}\n\n{}", r.title, r.body_md),
                hidden: r.hidden_at.is_some(),
                reason: r.hidden_reason,
                idea_id: None,
            }),
        ContentKind::Comment => idea_comment::Entity::find_by_id(id)
            .one(txn)
            .await?
            .filter(|r| r.deleted_at.is_none())
            .map(|r| Hideable {
                id,
                text: r.body_md,
                hidden: r.hidden_at.is_some(),
                reason: r.hidden_reason,
                idea_id: Some(r.idea_id),
            }),
        ContentKind::TicketPost => ticket_post::Entity::find_by_id(id)
            .one(txn)
            .await?
            .filter(|r| r.kind != TicketPostKind::Internal)
            .map(|r| Hideable {
                id,
                text: r.body_md,
                hidden: r.hidden_at.is_some(),
                reason: r.hidden_reason,
                idea_id: None,
            }),
        ContentKind::Profile => {
            let row = user::Entity::find_by_id(id)
                .one(txn)
                .await?
                .filter(|u| u.deleted_at.is_none());
            if row.as_ref().is_some_and(|u| u.role.is_staff()) {
                return Err(Error::Forbidden(crate::msg!(
                    "hide.staff_profiles_stay_visible_staff"
                )));
            }
            row.map(|r| Hideable {
                id,
                text: r.display_name,
                hidden: r.hidden_at.is_some(),
                reason: r.hidden_reason,
                idea_id: None,
            })
        }
    };
    found.ok_or_else(not_found)
}

/// Sets (or with `None` clears) the four hiding columns of one row; every
/// hideable table has the same four.
macro_rules! write_hiding {
    ($entity:ident, $txn:expr, $id:expr, $hiding:expr) => {
        $entity::Entity::update_many()
            .col_expr(
                $entity::Column::HiddenReason,
                Expr::value($hiding.map(|h| h.reason.clone())),
            )
            .col_expr(
                $entity::Column::HiddenGuideline,
                Expr::value($hiding.and_then(|h| h.guideline.clone())),
            )
            .col_expr(
                $entity::Column::HiddenById,
                Expr::value($hiding.map(|h| h.by)),
            )
            .col_expr(
                $entity::Column::HiddenAt,
                Expr::value($hiding.map(|h| h.at)),
            )
            .filter($entity::Column::Id.eq($id))
            .exec($txn)
            .await?
    };
}

async fn write_hidden(
    txn: &DatabaseTransaction,
    kind: ContentKind,
    row: &Hideable,
    hiding: Option<&Hiding>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    match kind {
        ContentKind::Idea => write_hiding!(idea, txn, row.id, hiding),
        ContentKind::Comment => write_hiding!(idea_comment, txn, row.id, hiding),
        ContentKind::TicketPost => write_hiding!(ticket_post, txn, row.id, hiding),
        ContentKind::Profile => write_hiding!(user, txn, row.id, hiding),
    };
    if let Some(idea_id) = row.idea_id {
        crate::comment::recount(txn, idea_id, now).await?;
        crate::comment::announce(txn, idea_id, row.id, now).await?;
    }
    if kind == ContentKind::Idea {
        crate::events::publish(
            txn,
            crate::events::idea_topic(row.id),
            crate::events::Audience::Public,
            &shared::LiveEvent::Idea {
                number: i64::from(row.id),
            },
            now,
        )
        .await?;
    }
    Ok(())
}

/// Hides an idea, comment, public ticket post or profile with a reason
/// stated in public (a tombstone); the text is kept for the audit trail and
/// the moderators. Hiding a post held for review rejects it. Open reports on
/// it are closed as actioned.
pub async fn hide(ctx: &Ctx, actor: &Actor, input: HideRequest) -> Result<()> {
    let moderator = policy::member_for(actor, Action::HideContent, Scope::Others)?;
    check_reason(&input.reason)?;
    let guideline = crate::guideline::cited_guideline(ctx, input.guideline.as_deref()).await?;
    let now = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    let row = hideable(&txn, &input.target).await?;
    if row.hidden && !crate::visibility::is_held(row.reason.as_deref()) {
        return Err(Error::Conflict(
            crate::msg!("hide.already_hidden").arg_word(
                "kind",
                "content_kind",
                input.target.kind.as_str(),
            ),
        ));
    }
    let hiding = Hiding {
        reason: input.reason.clone(),
        guideline: guideline.clone(),
        by: moderator.id,
        at: now,
    };
    write_hidden(&txn, input.target.kind, &row, Some(&hiding), now).await?;
    report::Entity::update_many()
        .col_expr(report::Column::Status, Expr::value(ReportStatus::Actioned))
        .col_expr(report::Column::HandledById, Expr::value(moderator.id))
        .col_expr(report::Column::HandledAt, Expr::value(now))
        .filter(report::Column::TargetType.eq(input.target.kind))
        .filter(report::Column::TargetId.eq(row.id))
        .filter(report::Column::Status.eq(ReportStatus::Open))
        .exec(&txn)
        .await?;
    if input.target.kind == ContentKind::Idea {
        crate::curation::record(
            &txn,
            crate::curation::Record {
                idea_id: row.id,
                kind: shared::CurationKind::Hidden,
                by: moderator.id,
                before: None,
                after: None,
                reason: Some(crate::visibility::tombstone(Some(&input.reason), None)),
                guideline: guideline.clone(),
            },
            now,
        )
        .await?;
    }
    audit::record(
        &txn,
        audit::Entry {
            guideline,
            actor_id: moderator.id,
            action: shared::AuditAction::ContentHidden,
            target_type: input.target.kind.as_str(),
            target_id: row.id.to_string(),
            before: Some(serde_json::json!({"text": row.text, "hidden": row.reason})),
            after: Some(serde_json::json!({"hidden": true, "reason": input.reason})),
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Shows hidden content again, or releases a post held for review
/// (moderators); audited either way.
pub async fn unhide(ctx: &Ctx, actor: &Actor, input: UnhideRequest) -> Result<()> {
    let moderator = policy::member_for(actor, Action::HideContent, Scope::Others)?;
    let now = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    let row = hideable(&txn, &input.target).await?;
    if !row.hidden {
        return Err(Error::Conflict(crate::msg!("hide.not_hidden").arg_word(
            "kind",
            "content_kind",
            input.target.kind.as_str(),
        )));
    }
    let held = crate::visibility::is_held(row.reason.as_deref());
    write_hidden(&txn, input.target.kind, &row, None, now).await?;
    if input.target.kind == ContentKind::Idea && !held {
        crate::curation::record(
            &txn,
            crate::curation::Record {
                idea_id: row.id,
                kind: shared::CurationKind::Unhidden,
                by: moderator.id,
                before: None,
                after: None,
                reason: None,
                guideline: None,
            },
            now,
        )
        .await?;
    }
    audit::record(
        &txn,
        audit::Entry {
            guideline: None,
            actor_id: moderator.id,
            action: if held {
                shared::AuditAction::ContentReleased
            } else {
                shared::AuditAction::ContentUnhidden
            },
            target_type: input.target.kind.as_str(),
            target_id: row.id.to_string(),
            before: Some(serde_json::json!({"hidden": row.reason})),
            after: Some(serde_json::json!({"hidden": null})),
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Posts waiting for review, oldest first (moderators), with the listed
/// words each contains.
pub async fn held_posts(ctx: &Ctx, actor: &Actor) -> Result<Vec<HeldPost>> {
    policy::authorize(actor, Action::HandleReports, Scope::Others)?;
    let words = crate::review::words(ctx).await?;
    let ideas = idea::Entity::find()
        .filter(idea::Column::HiddenReason.eq(crate::visibility::HELD))
        .order_by_asc(idea::Column::Id)
        .limit(100)
        .all(&ctx.db)
        .await?;
    let comments = idea_comment::Entity::find()
        .filter(idea_comment::Column::HiddenReason.eq(crate::visibility::HELD))
        .filter(idea_comment::Column::DeletedAt.is_null())
        .order_by_asc(idea_comment::Column::Id)
        .limit(100)
        .all(&ctx.db)
        .await?;
    let people = crate::user::refs(
        ctx,
        ideas
            .iter()
            .map(|i| i.author_id)
            .chain(comments.iter().map(|c| c.author_id)),
    )
    .await?;
    let author = |id: i32| {
        people
            .get(&id)
            .cloned()
            .ok_or_else(|| Error::Internal(format!("member {id} missing")))
    };
    let stamp =
        |at: chrono::DateTime<chrono::Utc>| at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let mut out = Vec::with_capacity(ideas.len() + comments.len());
    for i in ideas {
        out.push((
            i.created_at,
            HeldPost {
                target: ContentRef {
                    kind: ContentKind::Idea,
                    id: i64::from(i.id),
                },
                matched: crate::review::matches(&words, &[&i.title, &i.body_md]),
                excerpt: format!("{} — {}", i.title, excerpt(&i.body_md)),
                link: format!("/ideas/{}", i.id),
                author: author(i.author_id)?,
                created_at: stamp(i.created_at),
            },
        ));
    }
    for c in comments {
        out.push((
            c.created_at,
            HeldPost {
                target: ContentRef {
                    kind: ContentKind::Comment,
                    id: i64::from(c.id),
                },
                matched: crate::review::matches(&words, &[&c.body_md]),
                excerpt: excerpt(&c.body_md),
                link: format!("/ideas/{}#comment-{}", c.idea_id, c.id),
                author: author(c.author_id)?,
                created_at: stamp(c.created_at),
            },
        ));
    }
    out.sort_by_key(|(at, _)| *at);
    Ok(out.into_iter().map(|(_, post)| post).collect())
}
