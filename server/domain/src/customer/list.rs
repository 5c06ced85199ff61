//! `GET /api/v1/customers`: search by name or address, filter by tag, sort
//! by last activity, open tickets or remedies this year.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QuerySelect};
use shared::customer::{CustomerQuery, CustomerSummary};
use shared::{Page, RemedyStatus, Role};

use super::figures::{figures, is_open, year_start};
use super::view::summary;
use crate::actor::Actor;
use crate::entity::{idea, idea_comment, idea_vote, remedy, session, ticket, ticket_post, user};
use crate::pagination::{next_offset, offset, page_limit};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result};

/// How the list is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sort {
    LastActivity,
    OpenTickets,
    Remedies,
}

fn sort_of(raw: Option<&str>) -> Result<Sort> {
    match raw.map(str::trim).unwrap_or_default() {
        "" | "last_activity" => Ok(Sort::LastActivity),
        "open_tickets" => Ok(Sort::OpenTickets),
        "remedies" => Ok(Sort::Remedies),
        _ => Err(Error::invalid("sort", crate::msg!("customer.unknown_sort"))),
    }
}

/// A sort key: bigger comes first; ties go to the newer member.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    #[default]
    Nothing,
    Count(i64),
    At(DateTime<Utc>),
}

/// Customers matching the query, one page.
pub async fn list(
    ctx: &Ctx,
    actor: &Actor,
    query: &CustomerQuery,
) -> Result<Page<CustomerSummary>> {
    policy::authorize(actor, Action::ReadCustomers, Scope::Others)?;
    let limit = page_limit(query.limit)?;
    let skip = offset(query.cursor.as_deref())?;
    let sort = sort_of(query.sort.as_deref())?;

    let mut matching = Condition::all()
        .add(user::Column::Role.eq(Role::Customer))
        .add(user::Column::DeletedAt.is_null());
    if let Some(q) = query.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let pattern = format!("%{}%", q.to_lowercase().replace(['%', '_'], ""));
        matching = matching.add(
            Condition::any()
                .add(Expr::expr(Func::lower(Expr::col(user::Column::DisplayName))).like(&pattern))
                .add(Expr::expr(Func::lower(Expr::col(user::Column::Email))).like(&pattern)),
        );
    }
    if let Some(tag) = query
        .tag
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        matching = matching.add(user::Column::Id.is_in(super::tags::tagged_with(ctx, tag).await?));
    }
    let candidates: Vec<(i32, DateTime<Utc>)> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::CreatedAt)
        .filter(matching)
        .into_tuple()
        .all(&ctx.db)
        .await?;

    let keys = sort_keys(ctx, sort).await?;
    let mut ordered: Vec<(Key, i32)> = candidates
        .into_iter()
        .map(|(id, joined)| {
            let key = match sort {
                Sort::LastActivity => Key::At(keys.get(&id).copied().map_or(joined, |k| match k {
                    Key::At(at) => Ord::max(at, joined),
                    _ => joined,
                })),
                _ => keys.get(&id).copied().unwrap_or(Key::Count(0)),
            };
            (key, id)
        })
        .collect();
    ordered.sort_by(|a, b| b.cmp(a));
    let total = ordered.len() as u64;
    let page_ids: Vec<i32> = ordered
        .into_iter()
        .skip(usize::try_from(skip).unwrap_or(usize::MAX))
        .take(usize::try_from(limit).unwrap_or(usize::MAX))
        .map(|(_, id)| id)
        .collect();

    let rows: HashMap<i32, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(page_ids.clone()))
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let counted = figures(ctx, &page_ids).await?;
    let mut tags = super::tags::names_by_customer(ctx, &page_ids).await?;
    let items = page_ids
        .iter()
        .filter_map(|id| {
            let row = rows.get(id)?;
            let figures = counted.get(id).cloned().unwrap_or_default();
            Some(summary(row, &figures, tags.remove(id).unwrap_or_default()))
        })
        .collect();
    let next_cursor = (skip + limit < total).then(|| next_offset(skip, limit));
    Ok(Page { items, next_cursor })
}

/// The sort key of every member who has one (others count as nothing,
/// or their joining time for last activity).
async fn sort_keys(ctx: &Ctx, sort: Sort) -> Result<HashMap<i32, Key>> {
    let mut keys: HashMap<i32, Key> = HashMap::new();
    match sort {
        Sort::LastActivity => {
            let mut newest = |rows: Vec<(i32, Option<DateTime<Utc>>)>| {
                for (id, at) in rows {
                    if let Some(at) = at {
                        let key = keys.entry(id).or_insert(Key::At(at));
                        *key = (*key).max(Key::At(at));
                    }
                }
            };
            newest(
                max_by(
                    ticket::Entity::find(),
                    ticket::Column::AuthorId,
                    ticket::Column::CreatedAt,
                    ctx,
                )
                .await?,
            );
            newest(
                max_by(
                    ticket_post::Entity::find(),
                    ticket_post::Column::AuthorId,
                    ticket_post::Column::CreatedAt,
                    ctx,
                )
                .await?,
            );
            newest(
                max_by(
                    idea::Entity::find(),
                    idea::Column::AuthorId,
                    idea::Column::CreatedAt,
                    ctx,
                )
                .await?,
            );
            newest(
                max_by(
                    idea_comment::Entity::find(),
                    idea_comment::Column::AuthorId,
                    idea_comment::Column::CreatedAt,
                    ctx,
                )
                .await?,
            );
            newest(
                max_by(
                    idea_vote::Entity::find(),
                    idea_vote::Column::UserId,
                    idea_vote::Column::CreatedAt,
                    ctx,
                )
                .await?,
            );
            newest(
                max_by(
                    session::Entity::find(),
                    session::Column::UserId,
                    session::Column::LastSeenAt,
                    ctx,
                )
                .await?,
            );
        }
        Sort::OpenTickets => {
            let statuses: Vec<(i32, shared::TicketStatus)> = ticket::Entity::find()
                .select_only()
                .column(ticket::Column::AuthorId)
                .column(ticket::Column::Status)
                .into_tuple()
                .all(&ctx.db)
                .await?;
            for (author, status) in statuses {
                if is_open(status) {
                    let key = keys.entry(author).or_insert(Key::Count(0));
                    if let Key::Count(n) = key {
                        *n += 1;
                    }
                }
            }
        }
        Sort::Remedies => {
            let since = year_start(ctx, ctx.clock.now());
            let granted: Vec<(i32, i64)> = remedy::Entity::find()
                .select_only()
                .column(remedy::Column::TicketId)
                .column(remedy::Column::AmountWon)
                .filter(remedy::Column::Status.eq(RemedyStatus::Granted))
                .filter(remedy::Column::CreatedAt.gte(since))
                .into_tuple()
                .all(&ctx.db)
                .await?;
            let ticket_ids: Vec<i32> = granted.iter().map(|g| g.0).collect();
            let authors: HashMap<i32, i32> = ticket::Entity::find()
                .select_only()
                .column(ticket::Column::Id)
                .column(ticket::Column::AuthorId)
                .filter(ticket::Column::Id.is_in(ticket_ids))
                .into_tuple::<(i32, i32)>()
                .all(&ctx.db)
                .await?
                .into_iter()
                .collect();
            for (ticket_id, amount) in granted {
                if let Some(author) = authors.get(&ticket_id) {
                    let key = keys.entry(*author).or_insert(Key::Count(0));
                    if let Key::Count(n) = key {
                        *n += amount;
                    }
                }
            }
        }
    }
    Ok(keys)
}

/// The newest `at` per `who` over a whole table.
async fn max_by<E, C>(
    select: sea_orm::Select<E>,
    who: C,
    at: C,
    ctx: &Ctx,
) -> Result<Vec<(i32, Option<DateTime<Utc>>)>>
where
    E: EntityTrait,
    C: ColumnTrait,
{
    Ok(select
        .select_only()
        .column(who)
        .column_as(at.max(), "at")
        .group_by(who)
        .into_tuple()
        .all(&ctx.db)
        .await?)
}
