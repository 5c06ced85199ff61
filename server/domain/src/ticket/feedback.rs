//! What customers add to tickets besides words: "me too" on a public
//! ticket, and a satisfaction rating once it is resolved.

use std::collections::BTreeMap;

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, Set,
};
use shared::{MeTooState, Rating, TicketStatus, TicketView};

use super::store::{find, scope_for};
use super::view::get;
use crate::actor::Actor;
use crate::entity::{ticket, ticket_me_too};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result};

/// Says (or takes back) "me too": another member is affected as well.
pub async fn me_too(ctx: &Ctx, actor: &Actor, number: &str, affected: bool) -> Result<MeTooState> {
    let member = policy::member_for(actor, Action::MeToo, Scope::Others)?;
    let txn = ctx.begin_write().await?;
    let row = find(&txn, number, true).await?;
    if row.author_id == member.id {
        return Err(Error::Conflict(crate::msg!(
            "feedback.you_filed_ticket_me_too"
        )));
    }
    if affected {
        ticket_me_too::Entity::insert(ticket_me_too::ActiveModel {
            ticket_id: Set(row.id),
            user_id: Set(member.id),
            created_at: Set(ctx.clock.now()),
        })
        .on_conflict_do_nothing_on([
            ticket_me_too::Column::TicketId,
            ticket_me_too::Column::UserId,
        ])
        .exec_without_returning(&txn)
        .await?;
    } else {
        ticket_me_too::Entity::delete_many()
            .filter(ticket_me_too::Column::TicketId.eq(row.id))
            .filter(ticket_me_too::Column::UserId.eq(member.id))
            .exec(&txn)
            .await?;
    }
    let count = ticket_me_too::Entity::find()
        .filter(ticket_me_too::Column::TicketId.eq(row.id))
        .count(&txn)
        .await?;
    let count = i32::try_from(count).unwrap_or(i32::MAX);
    ticket::Entity::update_many()
        .col_expr(ticket::Column::MeTooCount, Expr::value(count))
        .filter(ticket::Column::Id.eq(row.id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(MeTooState {
        me_too: i64::from(count),
        mine: affected,
    })
}

/// The author rates how the ticket was handled, once it is resolved;
/// rating again replaces the rating.
pub async fn rate(ctx: &Ctx, actor: &Actor, number: &str, input: Rating) -> Result<TicketView> {
    let row = find(&ctx.db, number, false).await?;
    policy::authorize(actor, Action::RateTicket, scope_for(actor, &row))?;
    let mut errors = BTreeMap::new();
    if !(1..=5).contains(&input.score) {
        errors.insert("score".to_owned(), crate::msg!("feedback.must_1_5"));
    }
    let comment = input
        .comment
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned);
    if comment.as_deref().is_some_and(|c| c.chars().count() > 1000) {
        errors.insert(
            "comment".to_owned(),
            crate::msg!("field.must_at_most_1000_characters"),
        );
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let status = row.status;
    if !matches!(status, TicketStatus::Resolved | TicketStatus::Closed) {
        return Err(Error::Conflict(crate::msg!(
            "feedback.ticket_can_rated_once_resolved"
        )));
    }
    let mut active = row.into_active_model();
    active.rating_score = Set(i32::try_from(input.score).ok());
    active.rating_comment = Set(comment);
    active.update(&ctx.db).await?;
    get(ctx, actor, number).await
}
