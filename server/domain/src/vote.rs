//! Votes: one per member per idea, idempotent. The stored count is set from
//! the votes table in the same transaction, with the idea row locked, so it
//! never drifts, however many members vote at once.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect, Set};
use shared::VoteState;

use crate::actor::Actor;
use crate::entity::{idea, idea_vote};
use crate::policy::{self, Action, Scope};
use crate::privacy::recount_votes;
use crate::{Ctx, Error, Result, db};

async fn change(ctx: &Ctx, actor: &Actor, number: i64, voted: bool) -> Result<VoteState> {
    let member = policy::member_for(actor, Action::VoteIdea, Scope::Others)?;
    let not_found = || Error::NotFound(format!("idea {number}"));
    let idea_id = i32::try_from(number).map_err(|_| not_found())?;
    let txn = db::begin_write(&ctx.db).await?;
    // Locks the idea row on PostgreSQL (SQLite already holds the write lock),
    // so concurrent votes on one idea count one after another.
    let row = idea::Entity::find_by_id(idea_id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or_else(not_found)?;
    if let Some(target) = row.merged_into_id {
        return Err(Error::Conflict(format!(
            "idea {number} was merged into idea {target}; vote there"
        )));
    }
    if voted {
        idea_vote::Entity::insert(idea_vote::ActiveModel {
            idea_id: Set(idea_id),
            user_id: Set(member.id),
            recorded_by_id: Set(None),
            created_at: Set(ctx.clock.now()),
        })
        .on_conflict_do_nothing_on([idea_vote::Column::IdeaId, idea_vote::Column::UserId])
        .exec(&txn)
        .await?;
    } else {
        idea_vote::Entity::delete_many()
            .filter(idea_vote::Column::IdeaId.eq(idea_id))
            .filter(idea_vote::Column::UserId.eq(member.id))
            .exec(&txn)
            .await?;
    }
    let votes = recount_votes(&txn, idea_id).await?;
    txn.commit().await?;
    Ok(VoteState { voted, votes })
}

/// Votes for an idea (again is fine: still one vote).
pub async fn cast(ctx: &Ctx, actor: &Actor, number: i64) -> Result<VoteState> {
    change(ctx, actor, number, true).await
}

/// Withdraws a vote (when there is none, nothing changes).
pub async fn retract(ctx: &Ctx, actor: &Actor, number: i64) -> Result<VoteState> {
    change(ctx, actor, number, false).await
}

/// The member's votes among the given ideas, for marking board cards.
pub async fn voted_among(
    ctx: &Ctx,
    actor: &Actor,
    idea_ids: &[i32],
) -> Result<std::collections::HashSet<i32>> {
    let Some(member) = actor.member() else {
        return Ok(std::collections::HashSet::new());
    };
    if idea_ids.is_empty() {
        return Ok(std::collections::HashSet::new());
    }
    Ok(idea_vote::Entity::find()
        .filter(idea_vote::Column::UserId.eq(member.id))
        .filter(idea_vote::Column::IdeaId.is_in(idea_ids.to_vec()))
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|v| v.idea_id)
        .collect())
}
