//! Merging duplicate ideas, reversibly. The source's voters and followers
//! are carried to the target as distinct members (someone who backed both
//! counts once); its comments stay on its page, which points to the target.
//! Each merge records what it added, so unmerging restores both ideas
//! exactly.

use std::collections::HashSet;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};
use shared::{IdeaStatus, IdeaView};

use crate::actor::Actor;
use crate::entity::{idea_follow, idea_merge, idea_merge_carried, idea_status_change, idea_vote};
use crate::idea::store::recount_votes;
use crate::idea::store::{Lock, find_by_number};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, audit, markdown};

const VOTE: &str = "vote";
const FOLLOW: &str = "follow";

async fn note_in_timeline(
    txn: &sea_orm::DatabaseTransaction,
    idea_id: i32,
    from: IdeaStatus,
    to: IdeaStatus,
    note: &str,
    by: i32,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let english = crate::idea::system_note::markdown(note, shared::Locale::En).unwrap_or_default();
    idea_status_change::ActiveModel {
        idea_id: Set(idea_id),
        from_status: Set(from),
        to_status: Set(to),
        explanation_html: Set(markdown::render(&english)),
        explanation_md: Set(english),
        system_note: Set(Some(note.to_owned())),
        by_id: Set(by),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(())
}

/// Merges idea `number` into idea `into` (moderators).
pub async fn merge(ctx: &Ctx, actor: &Actor, number: i64, into: i64) -> Result<IdeaView> {
    let moderator = policy::member_for(actor, Action::MergeIdeas, Scope::Others)?;
    if number == into {
        return Err(Error::invalid(
            "into",
            crate::msg!("merge.idea_cannot_merged_into_itself"),
        ));
    }
    let now = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    let source = find_by_number(&txn, number, Lock::ForUpdate).await?;
    let target = find_by_number(&txn, into, Lock::ForUpdate)
        .await
        .map_err(|_| Error::invalid("into", crate::msg!("merge.no_idea", into = into)))?;
    if let Some(already) = source.merged_into_id {
        return Err(Error::Conflict(crate::msg!(
            "merge.idea_already_merged_into_idea",
            number = number,
            already = already
        )));
    }
    if let Some(further) = target.merged_into_id {
        return Err(Error::invalid(
            "into",
            crate::msg!(
                "merge.was_merged_into_merge_into",
                into = into,
                further = further
            ),
        ));
    }
    let record = idea_merge::ActiveModel {
        source_id: Set(source.id),
        target_id: Set(target.id),
        source_status: Set(source.status),
        by_id: Set(moderator.id),
        created_at: Set(now),
        undone_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;

    let target_voters: HashSet<i32> = idea_vote::Entity::find()
        .filter(idea_vote::Column::IdeaId.eq(target.id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|v| v.user_id)
        .collect();
    for vote in idea_vote::Entity::find()
        .filter(idea_vote::Column::IdeaId.eq(source.id))
        .all(&txn)
        .await?
        .into_iter()
        .filter(|v| !target_voters.contains(&v.user_id))
    {
        idea_vote::ActiveModel {
            idea_id: Set(target.id),
            user_id: Set(vote.user_id),
            recorded_by_id: Set(vote.recorded_by_id),
            created_at: Set(vote.created_at),
        }
        .insert(&txn)
        .await?;
        carried(&txn, record.id, vote.user_id, VOTE).await?;
    }
    let target_followers: HashSet<i32> = idea_follow::Entity::find()
        .filter(idea_follow::Column::IdeaId.eq(target.id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|f| f.user_id)
        .collect();
    for follow in idea_follow::Entity::find()
        .filter(idea_follow::Column::IdeaId.eq(source.id))
        .all(&txn)
        .await?
        .into_iter()
        .filter(|f| !target_followers.contains(&f.user_id))
    {
        crate::follow::add(&txn, target.id, follow.user_id, follow.created_at).await?;
        carried(&txn, record.id, follow.user_id, FOLLOW).await?;
    }

    let text = format!("merged_into:{into}");
    note_in_timeline(
        &txn,
        source.id,
        source.status,
        IdeaStatus::Duplicate,
        &text,
        moderator.id,
        now,
    )
    .await?;
    let before_votes = target.votes_count;
    let mut active = source.into_active_model();
    active.merged_into_id = Set(Some(target.id));
    active.status = Set(IdeaStatus::Duplicate);
    active.updated_at = Set(now);
    active.update(&txn).await?;
    let after_votes = recount_votes(&txn, target.id).await?;
    audit::record(
        &txn,
        audit::Entry {
            guideline: None,
            actor_id: moderator.id,
            action: shared::AuditAction::IdeaMerged,
            target_type: "idea",
            target_id: number.to_string(),
            before: Some(serde_json::json!({"merged_into": null, "target_votes": before_votes})),
            after: Some(serde_json::json!({"merged_into": into, "target_votes": after_votes})),
        },
        now,
    )
    .await?;
    txn.commit().await?;
    crate::idea::get(ctx, actor, into).await
}

async fn carried(
    txn: &sea_orm::DatabaseTransaction,
    merge_id: i32,
    user_id: i32,
    kind: &str,
) -> Result<()> {
    idea_merge_carried::ActiveModel {
        merge_id: Set(merge_id),
        user_id: Set(user_id),
        kind: Set(kind.to_owned()),
    }
    .insert(txn)
    .await?;
    Ok(())
}

/// Undoes the merge of idea `number`: the target loses exactly the votes
/// and follows the merge added; the source gets its status back (moderators).
pub async fn unmerge(ctx: &Ctx, actor: &Actor, number: i64) -> Result<IdeaView> {
    let moderator = policy::member_for(actor, Action::MergeIdeas, Scope::Others)?;
    let now = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    let source = find_by_number(&txn, number, Lock::ForUpdate).await?;
    let Some(target_id) = source.merged_into_id else {
        return Err(Error::Conflict(crate::msg!(
            "merge.idea_not_merged",
            number = number
        )));
    };
    find_by_number(&txn, i64::from(target_id), Lock::ForUpdate).await?;
    let record = idea_merge::Entity::find()
        .filter(idea_merge::Column::SourceId.eq(source.id))
        .filter(idea_merge::Column::UndoneAt.is_null())
        .order_by_desc(idea_merge::Column::Id)
        .one(&txn)
        .await?
        .ok_or_else(|| {
            Error::Conflict(crate::msg!("merge.idea_has_no_merge_undo", number = number))
        })?;
    let added = idea_merge_carried::Entity::find()
        .filter(idea_merge_carried::Column::MergeId.eq(record.id))
        .all(&txn)
        .await?;
    let ids = |kind: &str| -> Vec<i32> {
        added
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| c.user_id)
            .collect()
    };
    let (votes, follows) = (ids(VOTE), ids(FOLLOW));
    if !votes.is_empty() {
        idea_vote::Entity::delete_many()
            .filter(idea_vote::Column::IdeaId.eq(target_id))
            .filter(idea_vote::Column::UserId.is_in(votes))
            .exec(&txn)
            .await?;
    }
    if !follows.is_empty() {
        idea_follow::Entity::delete_many()
            .filter(idea_follow::Column::IdeaId.eq(target_id))
            .filter(idea_follow::Column::UserId.is_in(follows))
            .exec(&txn)
            .await?;
    }
    let text = format!("unmerged_from:{target_id}");
    note_in_timeline(
        &txn,
        source.id,
        source.status,
        record.source_status,
        &text,
        moderator.id,
        now,
    )
    .await?;
    let source_id = source.id;
    let mut active = source.into_active_model();
    active.merged_into_id = Set(None);
    active.status = Set(record.source_status);
    active.updated_at = Set(now);
    active.update(&txn).await?;
    let mut undone = record.into_active_model();
    undone.undone_at = Set(Some(now));
    undone.update(&txn).await?;
    let target_votes = recount_votes(&txn, target_id).await?;
    recount_votes(&txn, source_id).await?;
    audit::record(
        &txn,
        audit::Entry {
            guideline: None,
            actor_id: moderator.id,
            action: shared::AuditAction::IdeaUnmerged,
            target_type: "idea",
            target_id: number.to_string(),
            before: Some(serde_json::json!({"merged_into": target_id})),
            after: Some(serde_json::json!({"merged_into": null, "target_votes": target_votes})),
        },
        now,
    )
    .await?;
    txn.commit().await?;
    crate::idea::get(ctx, actor, number).await
}
