//! The review queue: a fair sample of the last seven days' public staff
//! answers — for each staff member their newest answers not yet reviewed,
//! up to the weekly number minus those of theirs already reviewed — so
//! managers coach everyone, not only the busiest or the loudest.

use std::collections::{HashMap, HashSet};

use chrono::Duration;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use shared::answer_review::{AnswerRef, ReviewQueue};

use super::answers::{self, rfc3339};
use crate::actor::Actor;
use crate::entity::answer_review;
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Result};

/// How far back the sample reaches.
const WINDOW_DAYS: i64 = 7;

/// The answers to review now (admins), newest first; the reviewer's own
/// answers are left out, since nobody reviews themselves.
pub async fn queue(ctx: &Ctx, actor: &Actor) -> Result<ReviewQueue> {
    let reviewer = policy::member_for(actor, Action::ReviewAnswers, Scope::Others)?;
    let per_employee = ctx.settings.reviews_per_week.max(1);
    let since = ctx.clock.now() - Duration::days(WINDOW_DAYS);
    let reviewed = answer_review::Entity::find()
        .filter(answer_review::Column::AnsweredAt.gte(since))
        .all(&ctx.db)
        .await?;
    let done: HashSet<AnswerRef> = reviewed
        .iter()
        .map(|r| AnswerRef {
            kind: r.answer_kind,
            id: i64::from(r.answer_id),
        })
        .collect();
    let mut taken: HashMap<i32, i64> = HashMap::new();
    for review in &reviewed {
        *taken.entry(review.employee_id).or_default() += 1;
    }
    let mut sample = Vec::new();
    for answer in answers::since(ctx, since).await? {
        if answer.author_id == reviewer.id || done.contains(&answer.reference) {
            continue;
        }
        let count = taken.entry(answer.author_id).or_default();
        if *count < per_employee {
            *count += 1;
            sample.push(answer);
        }
    }
    Ok(ReviewQueue {
        per_employee,
        since: rfc3339(since),
        items: answers::views(ctx, sample).await?,
    })
}
