//! `GET /api/v1/customers`: search by name or address, filter by tag, sort
//! by last activity, open tickets or remedies this year.

use std::collections::HashMap;

use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use shared::customer::{CustomerQuery, CustomerSummary};
use shared::{Page, RemedyStatus, Role};

use super::figures::{figures, is_open, year_start};
use super::view::summary;
use crate::actor::Actor;
use crate::entity::{remedy, ticket, user};
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
    let (page_ids, more) = match sort {
        Sort::LastActivity => by_last_activity(ctx, matching, skip, limit).await?,
        Sort::OpenTickets => by_count(ctx, matching, open_tickets(ctx).await?, skip, limit).await?,
        Sort::Remedies => by_count(ctx, matching, remedies(ctx).await?, skip, limit).await?,
    };

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
    let next_cursor = more.then(|| next_offset(skip, limit));
    Ok(Page { items, next_cursor })
}

/// One page of matching customers, most recently active first (ties: the
/// newer member), and whether more follow. The order is the index's
/// (`last_active_at`, kept by triggers), so a page reads a page of rows.
async fn by_last_activity(
    ctx: &Ctx,
    matching: Condition,
    skip: u64,
    limit: u64,
) -> Result<(Vec<i32>, bool)> {
    let mut ids: Vec<i32> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(matching)
        .order_by_desc(user::Column::LastActiveAt)
        .order_by_desc(user::Column::Id)
        .offset(skip)
        .limit(limit + 1)
        .into_tuple()
        .all(&ctx.db)
        .await?;
    let more = ids.len() as u64 > limit;
    ids.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    Ok((ids, more))
}

/// One page of matching customers by a count (open tickets, remedies this
/// year), biggest first (ties: the newer member), and whether more follow.
/// The counts are few rows (open tickets, this year's remedies); every
/// matching customer is ranked in memory.
async fn by_count(
    ctx: &Ctx,
    matching: Condition,
    keys: HashMap<i32, i64>,
    skip: u64,
    limit: u64,
) -> Result<(Vec<i32>, bool)> {
    let candidates: Vec<i32> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(matching)
        .into_tuple()
        .all(&ctx.db)
        .await?;
    let mut ordered: Vec<(i64, i32)> = candidates
        .into_iter()
        .map(|id| (keys.get(&id).copied().unwrap_or(0), id))
        .collect();
    ordered.sort_by(|a, b| b.cmp(a));
    let more = (ordered.len() as u64).saturating_sub(skip) > limit;
    let ids = ordered
        .into_iter()
        .skip(usize::try_from(skip).unwrap_or(usize::MAX))
        .take(usize::try_from(limit).unwrap_or(usize::MAX))
        .map(|(_, id)| id)
        .collect();
    Ok((ids, more))
}

/// Each customer's open tickets (customers without any are left out).
async fn open_tickets(ctx: &Ctx) -> Result<HashMap<i32, i64>> {
    let statuses: Vec<(i32, shared::TicketStatus)> = ticket::Entity::find()
        .select_only()
        .column(ticket::Column::AuthorId)
        .column(ticket::Column::Status)
        .into_tuple()
        .all(&ctx.db)
        .await?;
    let mut counts: HashMap<i32, i64> = HashMap::new();
    for (author, status) in statuses {
        if is_open(status) {
            *counts.entry(author).or_insert(0) += 1;
        }
    }
    Ok(counts)
}

/// What each customer was granted in remedies this year, in won.
async fn remedies(ctx: &Ctx) -> Result<HashMap<i32, i64>> {
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
    let mut amounts: HashMap<i32, i64> = HashMap::new();
    for (ticket_id, amount) in granted {
        if let Some(author) = authors.get(&ticket_id) {
            *amounts.entry(*author).or_insert(0) += amount;
        }
    }
    Ok(amounts)
}
