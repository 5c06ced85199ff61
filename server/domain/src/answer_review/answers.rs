//! A public staff answer: a public reply in a ticket thread or a comment on
//! an idea, written by a member who is staff now, not hidden or deleted.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use shared::TicketPostKind;
use shared::answer_review::{AnswerKind, AnswerRef, AnswerToReview};
use shared::ticket::ticket_number;

use crate::entity::{idea, idea_comment, ticket, ticket_post, user};
use crate::{Ctx, Error, Result};

/// One answer, before its author is looked up.
#[derive(Clone, Debug)]
pub(super) struct Answer {
    pub(super) reference: AnswerRef,
    pub(super) author_id: i32,
    pub(super) thread_title: String,
    pub(super) url: String,
    pub(super) body_html: String,
    pub(super) answered_at: DateTime<Utc>,
}

fn not_found() -> Error {
    Error::NotFound(crate::msg!("answer_review.no_answer"))
}

pub(super) fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The ids of members who are staff now.
async fn staff_ids(ctx: &Ctx) -> Result<HashSet<i32>> {
    Ok(user::Entity::find()
        .filter(user::Column::Role.is_in([
            shared::Role::Employee,
            shared::Role::Moderator,
            shared::Role::Admin,
        ]))
        .filter(user::Column::DeletedAt.is_null())
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect())
}

async fn ticket_titles(ctx: &Ctx, ids: impl Iterator<Item = i32>) -> Result<HashMap<i32, String>> {
    let ids: Vec<i32> = ids.collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(ticket::Entity::find()
        .filter(ticket::Column::Id.is_in(ids))
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.title))
        .collect())
}

async fn idea_titles(ctx: &Ctx, ids: impl Iterator<Item = i32>) -> Result<HashMap<i32, String>> {
    let ids: Vec<i32> = ids.collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(idea::Entity::find()
        .filter(idea::Column::Id.is_in(ids))
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|i| (i.id, i.title))
        .collect())
}

async fn from_replies(ctx: &Ctx, rows: Vec<ticket_post::Model>) -> Result<Vec<Answer>> {
    let titles = ticket_titles(ctx, rows.iter().map(|p| p.ticket_id)).await?;
    Ok(rows
        .into_iter()
        .map(|p| Answer {
            reference: AnswerRef {
                kind: AnswerKind::TicketReply,
                id: i64::from(p.id),
            },
            author_id: p.author_id,
            thread_title: titles.get(&p.ticket_id).cloned().unwrap_or_default(),
            url: format!(
                "/tickets/{}#post-{}",
                ticket_number(i64::from(p.ticket_id)),
                p.id
            ),
            body_html: p.body_html,
            answered_at: p.created_at,
        })
        .collect())
}

async fn from_comments(ctx: &Ctx, rows: Vec<idea_comment::Model>) -> Result<Vec<Answer>> {
    let titles = idea_titles(ctx, rows.iter().map(|c| c.idea_id)).await?;
    Ok(rows
        .into_iter()
        .map(|c| Answer {
            reference: AnswerRef {
                kind: AnswerKind::IdeaComment,
                id: i64::from(c.id),
            },
            author_id: c.author_id,
            thread_title: titles.get(&c.idea_id).cloned().unwrap_or_default(),
            url: format!("/ideas/{}#comment-{}", c.idea_id, c.id),
            body_html: c.body_html,
            answered_at: c.created_at,
        })
        .collect())
}

/// One answer as stored, hidden, deleted or not, by whomever.
async fn stored(ctx: &Ctx, answer: AnswerRef, public_only: bool) -> Result<Option<Answer>> {
    let Ok(id) = i32::try_from(answer.id) else {
        return Ok(None);
    };
    let found = match answer.kind {
        AnswerKind::TicketReply => {
            let mut select = ticket_post::Entity::find_by_id(id)
                .filter(ticket_post::Column::Kind.eq(TicketPostKind::Reply));
            if public_only {
                select = select.filter(ticket_post::Column::HiddenAt.is_null());
            }
            from_replies(ctx, select.all(&ctx.db).await?).await?
        }
        AnswerKind::IdeaComment => {
            let mut select = idea_comment::Entity::find_by_id(id);
            if public_only {
                select = select
                    .filter(idea_comment::Column::HiddenAt.is_null())
                    .filter(idea_comment::Column::DeletedAt.is_null());
            }
            from_comments(ctx, select.all(&ctx.db).await?).await?
        }
    };
    Ok(found.into_iter().next())
}

/// One answer to review: 404 unless it is a public staff answer.
pub(super) async fn find(ctx: &Ctx, answer: AnswerRef) -> Result<Answer> {
    let found = stored(ctx, answer, true).await?.ok_or_else(not_found)?;
    if staff_ids(ctx).await?.contains(&found.author_id) {
        Ok(found)
    } else {
        Err(not_found())
    }
}

/// A reviewed answer as it is now: since hidden or deleted it still
/// shows to its reviewer and employee (both staff); gone from the
/// database, it shows empty.
pub(super) async fn reviewed(
    ctx: &Ctx,
    answer: AnswerRef,
    employee_id: i32,
    answered_at: DateTime<Utc>,
) -> Result<Answer> {
    Ok(stored(ctx, answer, false).await?.unwrap_or(Answer {
        reference: answer,
        author_id: employee_id,
        thread_title: String::new(),
        url: String::new(),
        body_html: String::new(),
        answered_at,
    }))
}

/// Every public staff answer since an instant, newest first.
pub(super) async fn since(ctx: &Ctx, since: DateTime<Utc>) -> Result<Vec<Answer>> {
    let staff = staff_ids(ctx).await?;
    if staff.is_empty() {
        return Ok(Vec::new());
    }
    let replies = ticket_post::Entity::find()
        .filter(ticket_post::Column::Kind.eq(TicketPostKind::Reply))
        .filter(ticket_post::Column::HiddenAt.is_null())
        .filter(ticket_post::Column::CreatedAt.gte(since))
        .filter(ticket_post::Column::AuthorId.is_in(staff.iter().copied()))
        .order_by_desc(ticket_post::Column::Id)
        .all(&ctx.db)
        .await?;
    let comments = idea_comment::Entity::find()
        .filter(idea_comment::Column::HiddenAt.is_null())
        .filter(idea_comment::Column::DeletedAt.is_null())
        .filter(idea_comment::Column::CreatedAt.gte(since))
        .filter(idea_comment::Column::AuthorId.is_in(staff.iter().copied()))
        .order_by_desc(idea_comment::Column::Id)
        .all(&ctx.db)
        .await?;
    let mut all = from_replies(ctx, replies).await?;
    all.extend(from_comments(ctx, comments).await?);
    all.sort_by(|a, b| {
        b.answered_at
            .cmp(&a.answered_at)
            .then(b.reference.id.cmp(&a.reference.id))
    });
    Ok(all)
}

/// The answers as a reviewer reads them, with their authors.
pub(super) async fn views(ctx: &Ctx, answers: Vec<Answer>) -> Result<Vec<AnswerToReview>> {
    let people = crate::user::refs(ctx, answers.iter().map(|a| a.author_id)).await?;
    answers
        .into_iter()
        .map(|a| {
            let employee = people.get(&a.author_id).cloned().ok_or_else(|| {
                Error::Internal(format!("answer {:?} has no author", a.reference))
            })?;
            Ok(AnswerToReview {
                answer: a.reference,
                department: employee
                    .staff
                    .as_ref()
                    .and_then(|s| s.department.as_ref())
                    .map(|d| d.slug.clone()),
                employee,
                thread_title: a.thread_title,
                url: a.url,
                body_html: a.body_html,
                answered_at: rfc3339(a.answered_at),
            })
        })
        .collect()
}
