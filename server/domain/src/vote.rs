//! Votes: one per member per idea, idempotent. A vote is one write
//! transaction: the idea row is locked, the vote row written, the stored
//! count moved by what that write changed (so it never drifts, however many
//! members vote at once) and the member's quota place taken — only when the
//! vote changed something, so a refused or failed vote costs nothing.

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use shared::{ProxyVoteState, VoteState};

use crate::actor::Actor;
use crate::entity::{idea_vote, user};
use crate::idea::store::{Lock, adjust_votes, find_by_number};
use crate::policy::{self, Action, Scope};
use crate::rate_limit::{self, Quota};
use crate::{Ctx, Error, Result};

/// Whose vote changes and who records it: the member themselves, or a
/// staff member for a customer (then `recorded_by` names the staff member).
#[derive(Clone, Copy)]
struct Ballot {
    voter_id: i32,
    recorded_by: Option<i32>,
}

/// The quota a change of vote takes a place of: the voter's own (none for
/// staff, and none when staff record a vote for a customer).
type VoteQuota = Option<Quota>;

/// What a vote change did: the new count, and whether a vote now stands
/// and was recorded by staff.
struct Outcome {
    voted: bool,
    votes: i64,
    on_behalf: bool,
}

async fn change(
    ctx: &Ctx,
    actor: &Actor,
    number: i64,
    ballot: Ballot,
    voted: bool,
    quota: VoteQuota,
) -> Result<Outcome> {
    let txn = ctx.begin_write().await?;
    // Concurrent votes on one idea count one after another.
    let row = find_by_number(&txn, number, Lock::ForUpdate).await?;
    if !crate::visibility::idea_visible_to(&row, actor) {
        return Err(Error::NotFound(crate::msg!(
            "not_found.idea",
            number = number
        )));
    }
    // A held idea's count is nobody's business but its author's and the
    // moderators': its votes are not announced to anyone.
    let public = !crate::visibility::is_held(row.hidden_reason.as_deref());
    let idea_id = row.id;
    if let Some(target) = row.merged_into_id {
        return Err(Error::Conflict(crate::msg!(
            "vote.idea_was_merged_into_idea",
            number = number,
            target = target
        )));
    }
    let existing = idea_vote::Entity::find_by_id((idea_id, ballot.voter_id))
        .one(&txn)
        .await?;
    let changes = existing.is_some() != voted;
    if let (true, Some(quota)) = (changes, &quota) {
        rate_limit::take_quota_in(&txn, ctx.clock.now(), quota).await?;
    }
    let mut delta = 0;
    let on_behalf = match (&existing, voted) {
        (Some(vote), true) => vote.recorded_by_id.is_some(),
        (None, true) => {
            let inserted = idea_vote::Entity::insert(idea_vote::ActiveModel {
                idea_id: Set(idea_id),
                user_id: Set(ballot.voter_id),
                recorded_by_id: Set(ballot.recorded_by),
                created_at: Set(ctx.clock.now()),
            })
            .on_conflict_do_nothing_on([idea_vote::Column::IdeaId, idea_vote::Column::UserId])
            .exec_without_returning(&txn)
            .await?;
            if let sea_orm::TryInsertResult::Inserted(rows) = inserted {
                delta = i32::try_from(rows).unwrap_or(0);
            }
            ballot.recorded_by.is_some()
        }
        (Some(vote), false) => {
            // Staff take back only votes staff recorded; a member's own vote
            // is theirs to withdraw.
            if ballot.recorded_by.is_some() && vote.recorded_by_id.is_none() {
                return Err(Error::Conflict(crate::msg!(
                    "vote.member_cast_vote_themselves_only"
                )));
            }
            let deleted = idea_vote::Entity::delete_many()
                .filter(idea_vote::Column::IdeaId.eq(idea_id))
                .filter(idea_vote::Column::UserId.eq(ballot.voter_id))
                .exec(&txn)
                .await?;
            delta = -i32::try_from(deleted.rows_affected).unwrap_or(0);
            false
        }
        (None, false) => false,
    };
    let votes = adjust_votes(&txn, &row, delta).await?;
    if public && changes {
        let event = shared::LiveEvent::Vote {
            number: i64::from(idea_id),
            votes,
        };
        for topic in [
            crate::events::idea_topic(idea_id),
            crate::events::BOARD.to_owned(),
        ] {
            crate::events::publish(
                &txn,
                topic,
                crate::events::Audience::Public,
                &event,
                ctx.clock.now(),
            )
            .await?;
        }
    }
    txn.commit().await?;
    Ok(Outcome {
        voted,
        votes,
        on_behalf,
    })
}

async fn own(ctx: &Ctx, actor: &Actor, number: i64, voted: bool) -> Result<VoteState> {
    let member = policy::member_for(actor, Action::VoteIdea, Scope::Others)?;
    let quota = crate::guard::quota(member, crate::guard::Post::Vote);
    let ballot = Ballot {
        voter_id: member.id,
        recorded_by: None,
    };
    let outcome = change(ctx, actor, number, ballot, voted, quota).await?;
    Ok(VoteState {
        voted: outcome.voted,
        votes: outcome.votes,
    })
}

/// Votes for an idea (again is fine: still one vote).
pub async fn cast(ctx: &Ctx, actor: &Actor, number: i64) -> Result<VoteState> {
    own(ctx, actor, number, true).await
}

/// Withdraws a vote (when there is none, nothing changes).
pub async fn retract(ctx: &Ctx, actor: &Actor, number: i64) -> Result<VoteState> {
    own(ctx, actor, number, false).await
}

/// Staff record (or take back) a customer's vote, e.g. one given on the
/// phone; the vote is marked with who recorded it.
pub async fn on_behalf(
    ctx: &Ctx,
    actor: &Actor,
    number: i64,
    member_id: i64,
    voted: bool,
) -> Result<ProxyVoteState> {
    let staff = policy::member_for(actor, Action::VoteOnBehalf, Scope::Others)?;
    let no_member = || Error::NotFound(crate::msg!("not_found.member", member_id = member_id));
    let voter_id = i32::try_from(member_id).map_err(|_| no_member())?;
    let voter = user::Entity::find_by_id(voter_id)
        .one(&ctx.db)
        .await?
        .filter(|u| u.deleted_at.is_none())
        .ok_or_else(no_member)?;
    if voter.id == staff.id {
        return Err(Error::Conflict(crate::msg!(
            "vote.vote_yourself_with_put_api"
        )));
    }
    let ballot = Ballot {
        voter_id: voter.id,
        recorded_by: Some(staff.id),
    };
    let outcome = change(ctx, actor, number, ballot, voted, None).await?;
    crate::audit::Entry::new(
        staff.id,
        if voted {
            shared::AuditAction::VoteRecordedForMember
        } else {
            shared::AuditAction::VoteWithdrawnForMember
        },
        "idea",
        number,
    )
    .after(
        serde_json::json!({"member_id": member_id, "voted": outcome.voted, "votes": outcome.votes}),
    )
    .write(&ctx.db, ctx.clock.now())
    .await?;
    Ok(ProxyVoteState {
        member_id,
        voted: outcome.voted,
        votes: outcome.votes,
        on_behalf: outcome.on_behalf,
    })
}

/// The staff form's way in: records a vote for the customer with this
/// e-mail address (staff hear the address on the phone, not an id).
pub async fn on_behalf_by_email(
    ctx: &Ctx,
    actor: &Actor,
    number: i64,
    email: &str,
) -> Result<ProxyVoteState> {
    policy::authorize(actor, Action::VoteOnBehalf, Scope::Others)?;
    let voter = user::Entity::find()
        .filter(user::Column::Email.eq(crate::user::normalize_email(email)))
        .filter(user::Column::DeletedAt.is_null())
        .one(&ctx.db)
        .await?
        .ok_or_else(|| Error::invalid("email", crate::msg!("vote.no_member_has_e_mail")))?;
    on_behalf(ctx, actor, number, i64::from(voter.id), true).await
}

/// How many of the idea's votes staff recorded for customers.
pub async fn count_on_behalf(ctx: &Ctx, idea_id: i32) -> Result<i64> {
    let n = idea_vote::Entity::find()
        .filter(idea_vote::Column::IdeaId.eq(idea_id))
        .filter(idea_vote::Column::RecordedById.is_not_null())
        .count(&ctx.db)
        .await?;
    Ok(i64::try_from(n).unwrap_or(i64::MAX))
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
