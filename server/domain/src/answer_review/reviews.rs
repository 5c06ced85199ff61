//! Writing, reading and replying to answer reviews. Admins review anyone
//! but themselves and read every review; a staff member reads the reviews
//! of their own answers and replies to them; nobody else learns a review
//! exists.

use std::collections::{HashMap, HashSet};

use sea_orm::{
    ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    SqlErr,
};
use shared::AuditAction;
use shared::answer_review::{
    AnswerRef, AnswerReview, GuidelineScore, ReviewDraft, ReviewInput, ReviewList, ReviewQuery,
    ReviewReplyInput,
};

use super::answers::{self, rfc3339};
use crate::actor::{Actor, Member};
use crate::entity::{answer_review, answer_review_score};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, audit};

/// Longest coaching comment or reply accepted.
pub const MAX_CHARS: usize = 4_000;
/// Most reviews one list returns.
const LIST_LIMIT: u64 = 200;

fn not_found() -> Error {
    Error::NotFound(crate::msg!("answer_review.no_review"))
}

fn text(field: &str, raw: &str) -> Result<String> {
    let body = raw.trim();
    if body.is_empty() {
        return Err(Error::invalid(field, crate::msg!("field.must_not_empty")));
    }
    let chars = body.chars().count();
    if chars > MAX_CHARS {
        return Err(Error::invalid(
            field,
            crate::msg!(
                "comment.must_at_most_characters_has",
                max_chars = MAX_CHARS,
                chars = chars
            ),
        ));
    }
    Ok(body.to_owned())
}

fn score(field: &str, value: i64) -> Result<i32> {
    match i32::try_from(value) {
        Ok(v) if (1..=5).contains(&v) => Ok(v),
        _ => Err(Error::invalid(
            field,
            crate::msg!("answer_review.score_range", score = value),
        )),
    }
}

/// The scores checked against the guidelines list: each guideline known
/// and scored at most once.
async fn scores(ctx: &Ctx, input: &ReviewInput) -> Result<Vec<(i32, i32)>> {
    let known: HashSet<i32> = crate::guideline::all_guidelines(ctx)
        .await?
        .iter()
        .map(|g| g.id)
        .collect();
    let mut seen = HashSet::new();
    input
        .scores
        .iter()
        .map(|s| {
            let id = i32::try_from(s.guideline_id)
                .ok()
                .filter(|id| known.contains(id))
                .ok_or_else(|| {
                    Error::invalid(
                        "scores",
                        crate::msg!("answer_review.no_guideline", id = s.guideline_id),
                    )
                })?;
            if !seen.insert(id) {
                return Err(Error::invalid(
                    "scores",
                    crate::msg!("answer_review.guideline_twice", id = s.guideline_id),
                ));
            }
            Ok((id, score("scores", s.score)?))
        })
        .collect()
}

/// Reviews an answer (admins): an overall score, per-guideline scores and
/// a coaching comment; one review per answer, never of one's own.
pub async fn create(ctx: &Ctx, actor: &Actor, input: ReviewInput) -> Result<AnswerReview> {
    let reviewer = policy::member_for(actor, Action::ReviewAnswers, Scope::Others)?;
    let answer = answers::find(ctx, input.answer).await?;
    if answer.author_id == reviewer.id {
        return Err(Error::Forbidden(crate::msg!("answer_review.not_own")));
    }
    let overall = score("overall", input.overall)?;
    let comment = text("comment", &input.comment)?;
    let scores = scores(ctx, &input).await?;
    let answer_id = i32::try_from(answer.reference.id).map_err(|_| not_found())?;
    let now = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    let saved = answer_review::ActiveModel {
        answer_kind: Set(answer.reference.kind),
        answer_id: Set(answer_id),
        employee_id: Set(answer.author_id),
        reviewer_id: Set(reviewer.id),
        overall: Set(overall),
        comment: Set(comment.clone()),
        answered_at: Set(answer.answered_at),
        created_at: Set(now),
        reply: Set(None),
        replied_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(already_reviewed)?;
    for (guideline_id, score) in &scores {
        answer_review_score::ActiveModel {
            review_id: Set(saved.id),
            guideline_id: Set(*guideline_id),
            score: Set(*score),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    audit::Entry::new(
        reviewer.id,
        AuditAction::AnswerReviewed,
        "answer_review",
        saved.id,
    )
    .after(serde_json::json!({
        "answer": { "kind": answer.reference.kind.as_str(), "id": answer.reference.id },
        "employee": answer.author_id,
        "overall": overall,
        "scores": scores
            .iter()
            .map(|(g, s)| serde_json::json!({ "guideline_id": g, "score": s }))
            .collect::<Vec<_>>(),
        "comment": comment,
    }))
    .write(&txn, now)
    .await?;
    txn.commit().await?;
    one(ctx, saved.id).await
}

fn already_reviewed(err: DbErr) -> Error {
    match err.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => {
            Error::Conflict(crate::msg!("answer_review.already_reviewed"))
        }
        _ => Error::Db(err),
    }
}

/// Who may read a review: an admin, or the employee it is about.
fn may_read(actor: &Actor, review: &answer_review::Model) -> Result<()> {
    if policy::can(actor, Action::ReviewAnswers, Scope::Others) {
        return Ok(());
    }
    let scope = match actor.member() {
        Some(m) if m.id == review.employee_id => Scope::Own,
        Some(_) => return Err(not_found()),
        None => Scope::Others,
    };
    policy::authorize(actor, Action::ReadOwnReviews, scope)
}

/// One review, to its employee or an admin; 404 to anyone else.
pub async fn get(ctx: &Ctx, actor: &Actor, id: i64) -> Result<AnswerReview> {
    let review = row(ctx, id).await?;
    may_read(actor, &review)?;
    one(ctx, review.id).await
}

/// Reviews, newest first: admins read anyone's (`employee` narrows), a
/// staff member reads their own.
pub async fn list(ctx: &Ctx, actor: &Actor, query: &ReviewQuery) -> Result<ReviewList> {
    let employee = if policy::can(actor, Action::ReviewAnswers, Scope::Others) {
        match query.employee.map(i32::try_from) {
            Some(Ok(id)) => Some(id),
            // No member has such an id, so nobody's reviews match.
            Some(Err(_)) => return Ok(ReviewList { items: Vec::new() }),
            None => None,
        }
    } else {
        let me: &Member = policy::member_for(actor, Action::ReadOwnReviews, Scope::Own)?;
        // Only staff answer in public, so only staff have reviews to read.
        if !me.role.is_staff() {
            return Err(Error::Forbidden(crate::msg!("policy.staff")));
        }
        if query.employee.is_some_and(|id| id != i64::from(me.id)) {
            return Err(Error::Forbidden(crate::msg!("answer_review.own_only")));
        }
        Some(me.id)
    };
    let mut select = answer_review::Entity::find()
        .order_by_desc(answer_review::Column::Id)
        .limit(LIST_LIMIT);
    if let Some(id) = employee {
        select = select.filter(answer_review::Column::EmployeeId.eq(id));
    }
    let rows = select.all(&ctx.db).await?;
    Ok(ReviewList {
        items: views(ctx, rows).await?,
    })
}

/// The reviewed employee's reply (they may rewrite it; the time says when).
pub async fn reply(
    ctx: &Ctx,
    actor: &Actor,
    id: i64,
    input: ReviewReplyInput,
) -> Result<AnswerReview> {
    let review = row(ctx, id).await?;
    may_read(actor, &review)?;
    let scope = match actor.member() {
        Some(m) if m.id == review.employee_id => Scope::Own,
        _ => Scope::Others,
    };
    if scope == Scope::Others && actor.member().is_some() {
        return Err(Error::Forbidden(crate::msg!(
            "answer_review.reply_employee_only"
        )));
    }
    policy::authorize(actor, Action::ReplyToReview, scope)?;
    let body = text("body", &input.body)?;
    let review_id = review.id;
    let mut active: answer_review::ActiveModel = review.into();
    active.reply = Set(Some(body));
    active.replied_at = Set(Some(ctx.clock.now()));
    let txn = ctx.begin_write().await?;
    active.update(&txn).await?;
    txn.commit().await?;
    one(ctx, review_id).await
}

async fn row(ctx: &Ctx, id: i64) -> Result<answer_review::Model> {
    let id = i32::try_from(id).map_err(|_| not_found())?;
    answer_review::Entity::find_by_id(id)
        .one(&ctx.db)
        .await?
        .ok_or_else(not_found)
}

async fn one(ctx: &Ctx, id: i32) -> Result<AnswerReview> {
    let row = answer_review::Entity::find_by_id(id)
        .one(&ctx.db)
        .await?
        .ok_or_else(not_found)?;
    views(ctx, vec![row]).await?.pop().ok_or_else(not_found)
}

/// Reviews as their readers see them; a review whose answer was since
/// hidden or deleted still shows, with what the answer said then gone.
async fn views(ctx: &Ctx, rows: Vec<answer_review::Model>) -> Result<Vec<AnswerReview>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let guidelines: HashMap<i32, shared::Guideline> = crate::guideline::all_guidelines(ctx)
        .await?
        .into_iter()
        .map(|g| (g.id, crate::guideline::guideline_view(g)))
        .collect();
    let mut scores: HashMap<i32, Vec<GuidelineScore>> = HashMap::new();
    for s in answer_review_score::Entity::find()
        .filter(answer_review_score::Column::ReviewId.is_in(rows.iter().map(|r| r.id)))
        .all(&ctx.db)
        .await?
    {
        if let Some(g) = guidelines.get(&s.guideline_id) {
            scores.entry(s.review_id).or_default().push(GuidelineScore {
                guideline_id: g.id,
                position: g.position,
                text: g.text.clone(),
                score: i64::from(s.score),
            });
        }
    }
    let people = crate::user::refs(ctx, rows.iter().map(|r| r.reviewer_id)).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let reference = AnswerRef {
            kind: row.answer_kind,
            id: i64::from(row.answer_id),
        };
        let answer = answers::reviewed(ctx, reference, row.employee_id, row.answered_at).await?;
        let answer = answers::views(ctx, vec![answer])
            .await?
            .pop()
            .ok_or_else(not_found)?;
        let mut their_scores = scores.remove(&row.id).unwrap_or_default();
        their_scores.sort_by_key(|s| (s.position, s.guideline_id));
        out.push(AnswerReview {
            id: i64::from(row.id),
            answer,
            reviewer: people
                .get(&row.reviewer_id)
                .cloned()
                .ok_or_else(|| Error::Internal(format!("review {} has no reviewer", row.id)))?,
            overall: i64::from(row.overall),
            scores: their_scores,
            comment: row.comment,
            created_at: rfc3339(row.created_at),
            reply: row.reply,
            replied_at: row.replied_at.map(rfc3339),
        });
    }
    Ok(out)
}

/// What the review form needs for one answer (admins).
pub async fn draft(ctx: &Ctx, actor: &Actor, answer: AnswerRef) -> Result<ReviewDraft> {
    let reviewer = policy::member_for(actor, Action::ReviewAnswers, Scope::Others)?;
    let found = answers::find(ctx, answer).await?;
    let own = found.author_id == reviewer.id;
    let reviewed = match i32::try_from(answer.id) {
        Ok(id) => answer_review::Entity::find()
            .filter(answer_review::Column::AnswerKind.eq(answer.kind))
            .filter(answer_review::Column::AnswerId.eq(id))
            .one(&ctx.db)
            .await?
            .map(|r| i64::from(r.id)),
        Err(_) => None,
    };
    Ok(ReviewDraft {
        answer: answers::views(ctx, vec![found])
            .await?
            .pop()
            .ok_or_else(not_found)?,
        guidelines: crate::guideline::list_guidelines(ctx).await?,
        reviewed,
        own,
    })
}
