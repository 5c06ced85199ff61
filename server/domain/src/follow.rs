//! Following ideas. Authors follow their own ideas from the start, and
//! commenters when they join the discussion, as on Fider and Canny; anyone
//! may stop following.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use shared::FollowState;

use crate::actor::Actor;
use crate::entity::idea_follow;
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Result};

/// Makes the member follow the idea; following twice is one follow.
pub async fn add<C: ConnectionTrait>(
    db: &C,
    idea_id: i32,
    user_id: i32,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    idea_follow::Entity::insert(idea_follow::ActiveModel {
        idea_id: Set(idea_id),
        user_id: Set(user_id),
        created_at: Set(at),
    })
    .on_conflict_do_nothing_on([idea_follow::Column::IdeaId, idea_follow::Column::UserId])
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// How many members follow the idea.
pub async fn count<C: ConnectionTrait>(db: &C, idea_id: i32) -> Result<i64> {
    let n = idea_follow::Entity::find()
        .filter(idea_follow::Column::IdeaId.eq(idea_id))
        .count(db)
        .await?;
    Ok(i64::try_from(n).unwrap_or(i64::MAX))
}

/// Whether the caller follows the idea (false for visitors).
pub async fn is_following(ctx: &Ctx, actor: &Actor, idea_id: i32) -> Result<bool> {
    match actor.member() {
        Some(member) => Ok(idea_follow::Entity::find_by_id((idea_id, member.id))
            .one(&ctx.db)
            .await?
            .is_some()),
        None => Ok(false),
    }
}

/// Follows or unfollows an idea by number (idempotent both ways).
pub async fn set(ctx: &Ctx, actor: &Actor, number: i64, following: bool) -> Result<FollowState> {
    let member = policy::member_for(actor, Action::FollowIdea, Scope::Own)?;
    let idea_id = crate::idea::store::find_visible(&ctx.db, actor, number)
        .await?
        .id;
    if following {
        add(&ctx.db, idea_id, member.id, ctx.clock.now()).await?;
    } else {
        idea_follow::Entity::delete_many()
            .filter(idea_follow::Column::IdeaId.eq(idea_id))
            .filter(idea_follow::Column::UserId.eq(member.id))
            .exec(&ctx.db)
            .await?;
    }
    Ok(FollowState {
        following,
        followers: count(&ctx.db, idea_id).await?,
    })
}
