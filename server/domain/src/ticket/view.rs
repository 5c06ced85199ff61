//! Reading tickets: one thread as its reader may see it, the staff queue
//! and a customer's own list, and incidents (many customers, one problem).

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use shared::ticket::ticket_number;
use shared::{
    Incident, MyTicketsQuery, Page, Rating, TicketAbilities, TicketCard, TicketPost, TicketQuery,
    TicketStatus, TicketView, UserRef,
};

use super::clock;
use super::store::{
    REOPEN_WINDOW, department_ref, departments, find, parse_status, person, rfc3339, scope_for,
    staff_member,
};
use crate::actor::Actor;
use crate::entity::{department, ticket, ticket_clock, ticket_me_too, ticket_post};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result};
use shared::TicketPostKind;

/// A ticket's thread as the caller may see it.
pub async fn get(ctx: &Ctx, actor: &Actor, number: &str) -> Result<TicketView> {
    let row = find(&ctx.db, number, false).await?;
    let scope = scope_for(actor, &row);
    let staff = staff_member(actor).is_some();
    let posts = ticket_post::Entity::find()
        .filter(ticket_post::Column::TicketId.eq(row.id))
        .order_by_asc(ticket_post::Column::CreatedAt)
        .order_by_asc(ticket_post::Column::Id)
        .all(&ctx.db)
        .await?
        .into_iter()
        .filter(|p| p.kind != TicketPostKind::Internal || staff)
        .collect::<Vec<_>>();
    let clocks = clock::for_tickets(&ctx.db, [row.id])
        .await?
        .remove(&row.id)
        .unwrap_or_default();
    let people = crate::user::refs(
        ctx,
        [row.author_id]
            .into_iter()
            .chain(row.assignee_id)
            .chain(clocks.iter().filter_map(|c| c.stopped_by_id))
            .chain(posts.iter().map(|p| p.author_id)),
    )
    .await?;
    let all = departments(ctx).await?;
    let now = ctx.clock.now();
    let me_too_mine = match actor.member() {
        Some(member) => ticket_me_too::Entity::find_by_id((row.id, member.id))
            .one(&ctx.db)
            .await?
            .is_some(),
        None => false,
    };
    let status = row.status;
    let finished = matches!(status, TicketStatus::Resolved | TicketStatus::Closed);
    let own = scope == Scope::Own;
    let can = TicketAbilities {
        reply: status != TicketStatus::Closed && (own || staff),
        staff,
        reopen: own && finished && row.resolved_at.is_some_and(|at| now - at <= REOPEN_WINDOW),
        rate: own && finished,
        me_too: actor.member().is_some() && !own,
        edit: own && now - row.created_at <= super::store::EDIT_WINDOW,
        review: policy::can(actor, Action::ReviewAnswers, Scope::Others),
    };
    let posts = posts
        .into_iter()
        .map(|p| {
            let hidden = p.hidden_at.map(|_| {
                crate::visibility::tombstone(
                    p.hidden_reason.as_deref(),
                    p.hidden_guideline.as_deref(),
                )
            });
            let editable = p.kind == TicketPostKind::Reply
                && hidden.is_none()
                && actor.member().is_some_and(|m| m.id == p.author_id)
                && now - p.created_at <= super::store::EDIT_WINDOW;
            Ok(TicketPost {
                source: editable.then(|| p.body_md.clone()),
                editable,
                id: i64::from(p.id),
                body_html: if hidden.is_some() {
                    String::new()
                } else {
                    p.body_html
                },
                hidden,
                author: person(&people, p.author_id)?,
                created_at: rfc3339(p.created_at),
                from_department: department_ref(&all, p.from_department_id),
                to_department: department_ref(&all, p.to_department_id),
                status: p.status.as_deref().map(parse_status).transpose()?,
                kind: p.kind,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let sees_private = policy::can(actor, Action::ReadTicketPrivate, scope);
    Ok(TicketView {
        number: ticket_number(i64::from(row.id)),
        url: format!(
            "{}/tickets/{}",
            ctx.settings.base_url.trim_end_matches('/'),
            ticket_number(i64::from(row.id))
        ),
        kind: row.kind,
        status,
        department: department_ref(&all, row.department_id),
        author: person(&people, row.author_id)?,
        assignee: row.assignee_id.map(|id| person(&people, id)).transpose()?,
        me_too: i64::from(row.me_too_count),
        me_too_mine,
        first_response: clock::first_response(&row, &clocks, &people, now),
        clocks: clocks
            .iter()
            .map(|c| clock::view(c, &all, &people, now))
            .collect(),
        remedy_allowance: match staff_member(actor) {
            Some(member) if policy::can(actor, Action::GrantRemedy, Scope::Others) => Some(
                crate::remedy::allowance(
                    &ctx.db,
                    member,
                    &row,
                    crate::remedy::month_start(now, &ctx.settings),
                )
                .await?,
            ),
            _ => None,
        },
        source: can.edit.then(|| row.body_md.clone()),
        customer: if policy::can(actor, Action::ReadCustomers, Scope::Others) {
            crate::customer::summary_of(ctx, row.author_id).await?
        } else {
            None
        },
        author_unconfirmed: if staff {
            Some(crate::verification::is_unconfirmed(&ctx.db, row.author_id).await?)
        } else {
            None
        },
        posts,
        commitments: crate::commitment::for_ticket(ctx, row.id).await?,
        remedies: crate::remedy::for_ticket(ctx, row.id).await?,
        private_details: if sees_private {
            row.private_details.clone()
        } else {
            None
        },
        rating: row.rating_score.map(|score| Rating {
            score: i64::from(score),
            comment: row.rating_comment.clone(),
        }),
        resolved_at: row.resolved_at.filter(|_| finished).map(rfc3339),
        created_at: rfc3339(row.created_at),
        can,
        body_html: row.body_html,
        title: row.title,
    })
}

/// Public tickets, newest first, or the staff queue (`sort=urgent`): work
/// waiting for an answer ordered by its deadline, answered tickets after.
pub async fn list(ctx: &Ctx, actor: &Actor, query: &TicketQuery) -> Result<Page<TicketCard>> {
    let limit = crate::pagination::page_limit(query.limit)?;
    let urgent = match query.sort.as_deref() {
        None | Some("" | "new") => false,
        Some("urgent") => true,
        Some(other) => {
            return Err(Error::invalid(
                "sort",
                crate::msg!("view.not_sort_order_use_new", other = other),
            ));
        }
    };
    if urgent {
        policy::authorize(actor, Action::ReadStaffQueue, Scope::Others)?;
    }
    let mut select = ticket::Entity::find();
    if let Some(status) = query.status {
        select = select.filter(ticket::Column::Status.eq(status));
    } else if urgent {
        select = select.filter(
            ticket::Column::Status.is_not_in([TicketStatus::Resolved, TicketStatus::Closed]),
        );
    }
    if let Some(kind) = query.kind {
        select = select.filter(ticket::Column::Kind.eq(kind));
    }
    match query.department.as_deref().filter(|s| !s.is_empty()) {
        None | Some("all") => {}
        // The staff member's own department (the queue's default view);
        // staff without one see every department.
        Some("mine") => {
            let staff = policy::member_for(actor, Action::ReadStaffQueue, Scope::Others)?;
            if let Some(id) = staff.department_id {
                select = select.filter(ticket::Column::DepartmentId.eq(id));
            }
        }
        Some(slug) => {
            let found = crate::department::find_for_field(ctx, Some(slug)).await?;
            select = select.filter(ticket::Column::DepartmentId.eq(found.map(|d| d.id)));
        }
    }
    if query.mine == Some(true) {
        let member = actor.member().ok_or(Error::Unauthenticated)?;
        select = select.filter(ticket::Column::AuthorId.eq(member.id));
    }
    if let Some(assignee) = query.assignee.as_deref().filter(|a| !a.is_empty()) {
        let staff = policy::member_for(actor, Action::ReadStaffQueue, Scope::Others)?;
        select = match assignee {
            "none" => select.filter(ticket::Column::AssigneeId.is_null()),
            "me" => select.filter(ticket::Column::AssigneeId.eq(staff.id)),
            id => {
                let id: i32 = id.parse().map_err(|_| {
                    Error::invalid("assignee", crate::msg!("view.use_me_none_member_id"))
                })?;
                select.filter(ticket::Column::AssigneeId.eq(id))
            }
        };
    }
    if let Some(tag) = query
        .tag
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        policy::authorize(actor, Action::ReadCustomers, Scope::Others)?;
        let tagged = crate::customer::tagged_with(ctx, tag).await?;
        select = select.filter(ticket::Column::AuthorId.is_in(tagged));
    }
    let (rows, next_cursor) = if urgent {
        let offset = crate::pagination::offset(query.cursor.as_deref())?;
        let rows = select
            // Waiting for an answer (first, after a hand-off, or after the
            // customer wrote again) comes first, the earliest deadline (so
            // the breached) on top; answered tickets after, the most
            // recently active first.
            .order_by_asc(Expr::col(ticket::Column::SlaDueAt).is_null())
            .order_by_asc(ticket::Column::SlaDueAt)
            .order_by_desc(ticket::Column::UpdatedAt)
            .order_by_asc(ticket::Column::Id)
            .offset(offset)
            .limit(limit + 1)
            .all(&ctx.db)
            .await?;
        crate::pagination::split_page(rows, limit, |_| {
            crate::pagination::next_offset(offset, limit)
        })
    } else {
        if let Some(before) = crate::pagination::id_before(query.cursor.as_deref(), "n.")? {
            select = select.filter(ticket::Column::Id.lt(before));
        }
        let rows = select
            .order_by_desc(ticket::Column::Id)
            .limit(limit + 1)
            .all(&ctx.db)
            .await?;
        crate::pagination::split_page(rows, limit, |r| format!("n.{}", r.id))
    };
    cards(ctx, rows, next_cursor).await
}

/// A page of ticket cards with their people, departments and clocks.
async fn cards(
    ctx: &Ctx,
    rows: Vec<ticket::Model>,
    next_cursor: Option<String>,
) -> Result<Page<TicketCard>> {
    let mut clocks = clock::for_tickets(&ctx.db, rows.iter().map(|r| r.id)).await?;
    let mut ids: Vec<i32> = Vec::with_capacity(rows.len() * 3);
    for row in &rows {
        ids.push(row.author_id);
        ids.extend(row.assignee_id);
    }
    ids.extend(clocks.values().flatten().filter_map(|c| c.stopped_by_id));
    let people = crate::user::refs(ctx, ids).await?;
    let all = departments(ctx).await?;
    let now = ctx.clock.now();
    let items = rows
        .into_iter()
        .map(|row| {
            let mine = clocks.remove(&row.id).unwrap_or_default();
            card(row, &mine, &all, &people, now)
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Page { items, next_cursor })
}

/// A ticket as lists show it, with the clock running on it, if any.
fn card(
    row: ticket::Model,
    clocks: &[ticket_clock::Model],
    all: &HashMap<i32, department::Model>,
    people: &HashMap<i32, UserRef>,
    now: DateTime<Utc>,
) -> Result<TicketCard> {
    let first = clock::first_response(&row, clocks, people, now);
    let running = clocks
        .iter()
        .rev()
        .find(|c| c.stopped_at.is_none())
        .map(|c| clock::view(c, all, people, now));
    Ok(TicketCard {
        number: ticket_number(i64::from(row.id)),
        kind: row.kind,
        status: row.status,
        department: department_ref(all, row.department_id),
        author: person(people, row.author_id)?,
        assignee: row.assignee_id.map(|id| person(people, id)).transpose()?,
        me_too: i64::from(row.me_too_count),
        first_response: first,
        clock: running,
        created_at: rfc3339(row.created_at),
        last_activity_at: rfc3339(row.updated_at),
        title: row.title,
    })
}

/// The signed-in member's own tickets, most recently active first: "my
/// tickets", linked from the header and the profile.
pub async fn mine(ctx: &Ctx, actor: &Actor, query: &MyTicketsQuery) -> Result<Page<TicketCard>> {
    let member = actor.member().ok_or(Error::Unauthenticated)?;
    let limit = crate::pagination::page_limit(query.limit)?;
    let offset = crate::pagination::offset(query.cursor.as_deref())?;
    let mut select = ticket::Entity::find().filter(ticket::Column::AuthorId.eq(member.id));
    if let Some(status) = query.status {
        select = select.filter(ticket::Column::Status.eq(status));
    }
    let rows = select
        .order_by_desc(ticket::Column::UpdatedAt)
        .order_by_desc(ticket::Column::Id)
        .offset(offset)
        .limit(limit + 1)
        .all(&ctx.db)
        .await?;
    let (rows, next_cursor) = crate::pagination::split_page(rows, limit, |_| {
        crate::pagination::next_offset(offset, limit)
    });
    cards(ctx, rows, next_cursor).await
}

/// Departments whose tickets drew a "me too" spike: at least the
/// configured number of marks within the configured window (staff).
pub async fn incidents(ctx: &Ctx, actor: &Actor) -> Result<Vec<Incident>> {
    policy::authorize(actor, Action::ReadStaffQueue, Scope::Others)?;
    let rule = ctx.settings.incident;
    let since = ctx.clock.now() - Duration::minutes(i64::from(rule.window_minutes));
    let marks = ticket_me_too::Entity::find()
        .filter(ticket_me_too::Column::CreatedAt.gte(since))
        .all(&ctx.db)
        .await?;
    if marks.is_empty() {
        return Ok(Vec::new());
    }
    let mut per_ticket: HashMap<i32, i64> = HashMap::new();
    for mark in &marks {
        *per_ticket.entry(mark.ticket_id).or_default() += 1;
    }
    let tickets = ticket::Entity::find()
        .filter(ticket::Column::Id.is_in(per_ticket.keys().copied()))
        .all(&ctx.db)
        .await?;
    let mut per_department: BTreeMap<Option<i32>, Vec<(i64, i32)>> = BTreeMap::new();
    for row in &tickets {
        let count = per_ticket.get(&row.id).copied().unwrap_or(0);
        per_department
            .entry(row.department_id)
            .or_default()
            .push((count, row.id));
    }
    let all = departments(ctx).await?;
    let mut found: Vec<Incident> = per_department
        .into_iter()
        .filter_map(|(department_id, mut rows)| {
            let total: i64 = rows.iter().map(|(n, _)| n).sum();
            (total >= i64::from(rule.threshold)).then(|| {
                rows.sort_by(|a, b| b.cmp(a));
                Incident {
                    department: department_ref(&all, department_id),
                    me_too: total,
                    window_minutes: i64::from(rule.window_minutes),
                    tickets: rows
                        .into_iter()
                        .map(|(_, id)| ticket_number(i64::from(id)))
                        .collect(),
                }
            })
        })
        .collect();
    found.sort_by_key(|i| std::cmp::Reverse(i.me_too));
    Ok(found)
}
