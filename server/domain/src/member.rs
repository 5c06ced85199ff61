//! Members' public profiles: who they are and what they have contributed
//! (ideas, votes received, ideas delivered, comments, official answers).

use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter, QuerySelect,
};
use shared::{MemberProfile, Recognition};

use crate::entity::{idea, idea_comment, idea_status_change, ticket_post, user};
use crate::{Ctx, Error, Result};

#[derive(Debug, FromQueryResult)]
struct Sum {
    total: Option<i64>,
}

/// A member's public profile; deleted accounts are not found.
pub async fn profile(ctx: &Ctx, id: i64) -> Result<MemberProfile> {
    let not_found = || Error::NotFound(crate::msg!("not_found.member_2", id = id));
    let user_id = i32::try_from(id).map_err(|_| not_found())?;
    let row = user::Entity::find_by_id(user_id)
        .one(&ctx.db)
        .await?
        .filter(|u| u.deleted_at.is_none())
        .ok_or_else(not_found)?;
    let reference = crate::user::refs(ctx, [user_id])
        .await?
        .remove(&user_id)
        .ok_or_else(not_found)?;

    let ideas_posted = idea::Entity::find()
        .filter(idea::Column::AuthorId.eq(user_id))
        .count(&ctx.db)
        .await?;
    let ideas_delivered = idea::Entity::find()
        .filter(idea::Column::AuthorId.eq(user_id))
        .filter(idea::Column::Status.eq(shared::IdeaStatus::Done))
        .count(&ctx.db)
        .await?;
    // SUM over an integer column is integer on SQLite but numeric on
    // PostgreSQL; the cast makes both answer a 64-bit integer.
    let votes_received = idea::Entity::find()
        .select_only()
        .column_as(
            Expr::cust("CAST(COALESCE(SUM(votes_count), 0) AS BIGINT)"),
            "total",
        )
        .filter(idea::Column::AuthorId.eq(user_id))
        .into_model::<Sum>()
        .one(&ctx.db)
        .await?
        .and_then(|s| s.total)
        .unwrap_or(0);
    let comments = idea_comment::Entity::find()
        .filter(idea_comment::Column::AuthorId.eq(user_id))
        .filter(idea_comment::Column::DeletedAt.is_null())
        .count(&ctx.db)
        .await?;
    let decisions = idea_status_change::Entity::find()
        .filter(idea_status_change::Column::ById.eq(user_id))
        .count(&ctx.db)
        .await?;
    let replies = ticket_post::Entity::find()
        .filter(ticket_post::Column::AuthorId.eq(user_id))
        .filter(ticket_post::Column::Kind.eq("reply"))
        .count(&ctx.db)
        .await?;
    let official_answers = if reference.staff.is_some() {
        decisions + replies
    } else {
        0
    };
    let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    let hidden = row.hidden_at.map(|_| {
        crate::visibility::tombstone(
            row.hidden_reason.as_deref(),
            row.hidden_guideline.as_deref(),
        )
    });
    Ok(MemberProfile {
        id,
        initials: if hidden.is_some() {
            "?".to_owned()
        } else {
            row.initials
                .clone()
                .unwrap_or_else(|| crate::user::derive_initials(&row.display_name))
        },
        display_name: if hidden.is_some() {
            crate::user::hidden_name()
        } else {
            row.display_name
        },
        avatar_color: row.avatar_color,
        staff: reference.staff,
        joined_at: row
            .created_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        recognition: Recognition {
            ideas_posted: count(ideas_posted),
            votes_received,
            ideas_delivered: count(ideas_delivered),
            comments: count(comments),
            official_answers: count(official_answers),
        },
        hidden,
    })
}
