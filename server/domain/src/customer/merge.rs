//! Merging two accounts of the same person (admins): everything the
//! duplicate did here moves to the account kept — ideas, comments, votes,
//! follows, tickets and their posts, "me too" marks, reports, notifications,
//! staff notes and tags — where both did the same thing (voted for one
//! idea) it counts once; the duplicate is then closed like a deleted
//! account, and the audit log says what moved where.

use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QuerySelect, Set,
};
use shared::AuditAction;
use shared::customer::{CustomerView, MergeInput};

use super::record::customer;
use crate::actor::Actor;
use crate::entity::{
    api_token, customer_note, customer_tag_link, idea, idea_comment, idea_follow,
    idea_merge_carried, idea_vote, notification, notification_setting, one_time_token, report,
    session, ticket, ticket_me_too, ticket_post, user,
};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, audit};

/// Moves rows of a (thing, member) table from `from` to `into`, leaving
/// out the things `into` already has (those of `from` are deleted), and
/// returns the things that lost a duplicate.
macro_rules! move_unique {
    ($txn:expr, $entity:ident, $thing:ident, $from:expr, $into:expr) => {{
        let theirs = Query::select()
            .column($entity::Column::$thing)
            .from($entity::Entity)
            .and_where($entity::Column::UserId.eq($into))
            .to_owned();
        let doubled: Vec<i32> = $entity::Entity::find()
            .select_only()
            .column($entity::Column::$thing)
            .filter($entity::Column::UserId.eq($from))
            .filter($entity::Column::$thing.in_subquery(theirs.clone()))
            .into_tuple()
            .all($txn)
            .await?;
        $entity::Entity::update_many()
            .col_expr($entity::Column::UserId, Expr::value($into))
            .filter($entity::Column::UserId.eq($from))
            .filter($entity::Column::$thing.not_in_subquery(theirs))
            .exec($txn)
            .await?;
        $entity::Entity::delete_many()
            .filter($entity::Column::UserId.eq($from))
            .exec($txn)
            .await?;
        doubled
    }};
}

/// Moves a column that names the member from `from` to `into`; the rows moved.
macro_rules! move_all {
    ($txn:expr, $entity:ident, $column:ident, $from:expr, $into:expr) => {
        $entity::Entity::update_many()
            .col_expr($entity::Column::$column, Expr::value($into))
            .filter($entity::Column::$column.eq($from))
            .exec($txn)
            .await?
            .rows_affected
    };
}

/// Merges customer `id` (the duplicate) into `input.into` (admins) and
/// returns the kept customer as staff see them.
pub async fn merge(ctx: &Ctx, actor: &Actor, id: i64, input: MergeInput) -> Result<CustomerView> {
    let admin = policy::member_for(actor, Action::MergeCustomers, Scope::Others)?.clone();
    if id == input.into {
        return Err(Error::invalid("into", crate::msg!("customer.merge_same")));
    }
    let from = customer(ctx, id).await?;
    let into = customer(ctx, input.into)
        .await
        .map_err(|_| Error::invalid("into", crate::msg!("customer.merge_no_target")))?;
    let (f, t) = (from.id, into.id);
    let now = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    let ideas = move_all!(&txn, idea, AuthorId, f, t);
    let comments = move_all!(&txn, idea_comment, AuthorId, f, t);
    let tickets = move_all!(&txn, ticket, AuthorId, f, t);
    move_all!(&txn, ticket_post, AuthorId, f, t);
    move_all!(&txn, report, ReporterId, f, t);
    move_all!(&txn, notification, UserId, f, t);
    let notes = move_all!(&txn, customer_note, CustomerId, f, t);
    let votes = idea_vote::Entity::find()
        .filter(idea_vote::Column::UserId.eq(f))
        .count(&txn)
        .await?;
    for idea_id in move_unique!(&txn, idea_vote, IdeaId, f, t) {
        crate::idea::store::recount_votes(&txn, idea_id).await?;
    }
    move_unique!(&txn, idea_follow, IdeaId, f, t);
    // What an idea merge carried for the duplicate now counts for the
    // kept account (unless it has its own record for that merge).
    move_unique!(&txn, idea_merge_carried, MergeId, f, t);
    move_unique!(&txn, customer_tag_link, TagId, f, t);
    for ticket_id in move_unique!(&txn, ticket_me_too, TicketId, f, t) {
        recount_me_too(&txn, ticket_id).await?;
    }
    notification_setting::Entity::delete_many()
        .filter(notification_setting::Column::UserId.eq(f))
        .exec(&txn)
        .await?;
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(f))
        .exec(&txn)
        .await?;
    api_token::Entity::delete_many()
        .filter(api_token::Column::UserId.eq(f))
        .exec(&txn)
        .await?;
    one_time_token::Entity::delete_many()
        .filter(one_time_token::Column::UserId.eq(f))
        .exec(&txn)
        .await?;
    let before = serde_json::json!({
        "id": f,
        "display_name": from.display_name,
        "email": from.email,
    });
    // The kept account was active whenever either was.
    if from.last_active_at > into.last_active_at {
        user::Entity::update_many()
            .col_expr(user::Column::LastActiveAt, Expr::value(from.last_active_at))
            .filter(user::Column::Id.eq(t))
            .exec(&txn)
            .await?;
    }
    let mut closed = from.into_active_model();
    closed.email = Set(format!("merged-{f}@deleted.invalid"));
    closed.password_hash = Set(None);
    closed.display_name = Set(crate::user::DELETED_NAME.to_owned());
    closed.deleted_at = Set(Some(now));
    closed.update(&txn).await?;
    audit::Entry::new(admin.id, AuditAction::MemberMerged, "member", f)
        .before(before)
        .after(serde_json::json!({
            "into": t,
            "into_name": into.display_name,
            "ideas": ideas,
            "comments": comments,
            "tickets": tickets,
            "votes": votes,
            "notes": notes,
        }))
        .write(&txn, now)
        .await?;
    txn.commit().await?;
    super::view(ctx, actor, i64::from(t)).await
}

async fn recount_me_too<C: ConnectionTrait>(txn: &C, ticket_id: i32) -> Result<()> {
    let count = ticket_me_too::Entity::find()
        .filter(ticket_me_too::Column::TicketId.eq(ticket_id))
        .count(txn)
        .await?;
    ticket::Entity::update_many()
        .col_expr(
            ticket::Column::MeTooCount,
            Expr::value(i32::try_from(count).unwrap_or(i32::MAX)),
        )
        .filter(ticket::Column::Id.eq(ticket_id))
        .exec(txn)
        .await?;
    Ok(())
}
