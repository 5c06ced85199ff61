//! The full view of one customer (`GET /api/v1/customers/{id}`).

use std::collections::HashMap;

use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use shared::customer::{
    CustomerComment, CustomerIdea, CustomerMeToo, CustomerSummary, CustomerTicket, CustomerView,
    RemedyTotals, ReportAgainst,
};
use shared::ticket::ticket_number;
use shared::{ContentKind, EmailMode};

use super::figures::{Figures, figures};
use super::record::{VIEW_LIST_LIMIT, customer, find, rfc3339};
use crate::actor::Actor;
use crate::entity::{
    commitment, department, idea, idea_comment, idea_vote, notification_setting, remedy, report,
    ticket, ticket_me_too, user,
};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Result};

/// The list's line for a customer, from their row and figures.
pub(super) fn summary(row: &user::Model, figures: &Figures, tags: Vec<String>) -> CustomerSummary {
    let influence = &figures.influence;
    CustomerSummary {
        id: i64::from(row.id),
        display_name: row.display_name.clone(),
        email: row.email.clone(),
        tags,
        member_since: rfc3339(row.created_at),
        last_active_at: row.last_active_at.map(rfc3339),
        tickets: figures.tickets,
        open_tickets: figures.open_tickets,
        open_promises: figures.open_promises,
        remedies_this_year_won: figures.remedies_this_year_won,
        opinion_leader_suggested: influence.threshold > 0 && influence.reach >= influence.threshold,
    }
}

/// The list's line for one member if they are a customer (the ticket
/// thread's staff sidebar); the caller has checked the viewer is staff.
pub(crate) async fn summary_of(ctx: &Ctx, user_id: i32) -> Result<Option<CustomerSummary>> {
    let Some(row) = find(ctx, user_id).await? else {
        return Ok(None);
    };
    let figures = figures(ctx, &[row.id])
        .await?
        .remove(&row.id)
        .unwrap_or_default();
    let tags = super::tags::names_by_customer(ctx, &[row.id])
        .await?
        .remove(&row.id)
        .unwrap_or_default();
    Ok(Some(summary(&row, &figures, tags)))
}

/// Everything one customer did here, for staff.
pub async fn view(ctx: &Ctx, actor: &Actor, id: i64) -> Result<CustomerView> {
    let viewer = policy::member_for(actor, Action::ReadCustomers, Scope::Others)?;
    let row = customer(ctx, id).await?;
    let figures = figures(ctx, &[row.id])
        .await?
        .remove(&row.id)
        .unwrap_or_default();
    let tags = super::tags::marks(ctx, row.id).await?;
    let summary = summary(
        &row,
        &figures,
        tags.iter().map(|t| t.name.clone()).collect(),
    );
    let tickets = ticket::Entity::find()
        .filter(ticket::Column::AuthorId.eq(row.id))
        .order_by_desc(ticket::Column::Id)
        .all(&ctx.db)
        .await?;
    let ticket_ids: Vec<i32> = tickets.iter().map(|t| t.id).collect();
    let departments: HashMap<i32, String> = department::Entity::find()
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|d| (d.id, d.local_name()))
        .collect();
    let notification_mail = notification_setting::Entity::find_by_id(row.id)
        .one(&ctx.db)
        .await?
        .map_or_else(
            || EmailMode::default().as_str().to_owned(),
            |s| s.email_mode,
        );
    Ok(CustomerView {
        language: row.locale.clone(),
        email_confirmed: row.email_verified_at.is_some(),
        notification_mail,
        suspended_until: row
            .suspended_until
            .filter(|until| *until > ctx.clock.now())
            .map(rfc3339),
        suspended_reason: row
            .suspended_until
            .filter(|until| *until > ctx.clock.now())
            .and(row.suspended_reason.clone()),
        notes: super::notes::for_customer(ctx, viewer.id, row.id).await?,
        influence: figures.influence.clone(),
        remedy_totals: RemedyTotals {
            this_year_won: figures.remedies_this_year_won,
            this_month_won: figures.remedies_this_month_won,
            viewer_month_limit_won: crate::remedy::month_limit(&ctx.db, viewer).await?,
        },
        ideas: ideas(ctx, row.id).await?,
        votes: votes(ctx, row.id).await?,
        comments: comments(ctx, row.id).await?,
        me_too: me_too(ctx, row.id).await?,
        promises: promises(ctx, ticket_ids.clone()).await?,
        remedies: remedies(ctx, ticket_ids).await?,
        reports_against: reports_against(ctx, row.id).await?,
        tickets: tickets
            .into_iter()
            .take(usize::try_from(VIEW_LIST_LIMIT).unwrap_or(usize::MAX))
            .map(|t| CustomerTicket {
                number: ticket_number(i64::from(t.id)),
                kind: t.kind,
                title: t.title,
                status: t.status,
                department: t.department_id.and_then(|d| departments.get(&d).cloned()),
                private_details: t.private_details,
                rating: t.rating_score.map(i64::from),
                rating_comment: t.rating_comment,
                created_at: rfc3339(t.created_at),
            })
            .collect(),
        tags,
        summary,
    })
}

/// Promises made on the customer's tickets, newest first.
async fn promises(ctx: &Ctx, ticket_ids: Vec<i32>) -> Result<Vec<shared::CommitmentView>> {
    let rows = commitment::Entity::find()
        .filter(commitment::Column::TicketId.is_in(ticket_ids))
        .order_by_desc(commitment::Column::Id)
        .limit(VIEW_LIST_LIMIT)
        .all(&ctx.db)
        .await?;
    crate::commitment::views(ctx, rows).await
}

/// Remedies granted or asked on the customer's tickets, newest first.
async fn remedies(ctx: &Ctx, ticket_ids: Vec<i32>) -> Result<Vec<shared::RemedyView>> {
    let rows = remedy::Entity::find()
        .filter(remedy::Column::TicketId.is_in(ticket_ids))
        .order_by_desc(remedy::Column::Id)
        .limit(VIEW_LIST_LIMIT)
        .all(&ctx.db)
        .await?;
    crate::remedy::views(ctx, rows).await
}

async fn ideas(ctx: &Ctx, user_id: i32) -> Result<Vec<CustomerIdea>> {
    Ok(idea::Entity::find()
        .filter(idea::Column::AuthorId.eq(user_id))
        .order_by_desc(idea::Column::Id)
        .limit(VIEW_LIST_LIMIT)
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|i| CustomerIdea {
            number: i64::from(i.id),
            title: i.title,
            status: i.status,
            votes: i64::from(i.votes_count),
            comments: i64::from(i.comments_count),
            hidden: i.hidden_at.is_some(),
            created_at: rfc3339(i.created_at),
        })
        .collect())
}

/// Titles of ideas by number.
async fn idea_titles(ctx: &Ctx, ids: Vec<i32>) -> Result<HashMap<i32, String>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(idea::Entity::find()
        .select_only()
        .column(idea::Column::Id)
        .column(idea::Column::Title)
        .filter(idea::Column::Id.is_in(ids))
        .into_tuple::<(i32, String)>()
        .all(&ctx.db)
        .await?
        .into_iter()
        .collect())
}

async fn votes(ctx: &Ctx, user_id: i32) -> Result<Vec<shared::customer::CustomerVote>> {
    let rows = idea_vote::Entity::find()
        .filter(idea_vote::Column::UserId.eq(user_id))
        .order_by_desc(idea_vote::Column::CreatedAt)
        .limit(VIEW_LIST_LIMIT)
        .all(&ctx.db)
        .await?;
    let titles = idea_titles(ctx, rows.iter().map(|v| v.idea_id).collect()).await?;
    Ok(rows
        .into_iter()
        .map(|v| shared::customer::CustomerVote {
            idea_number: i64::from(v.idea_id),
            idea_title: titles.get(&v.idea_id).cloned().unwrap_or_default(),
            created_at: rfc3339(v.created_at),
        })
        .collect())
}

async fn comments(ctx: &Ctx, user_id: i32) -> Result<Vec<CustomerComment>> {
    let rows = idea_comment::Entity::find()
        .filter(idea_comment::Column::AuthorId.eq(user_id))
        .order_by_desc(idea_comment::Column::Id)
        .limit(VIEW_LIST_LIMIT)
        .all(&ctx.db)
        .await?;
    let titles = idea_titles(ctx, rows.iter().map(|c| c.idea_id).collect()).await?;
    Ok(rows
        .into_iter()
        .map(|c| CustomerComment {
            id: i64::from(c.id),
            idea_number: i64::from(c.idea_id),
            idea_title: titles.get(&c.idea_id).cloned().unwrap_or_default(),
            body_markdown: c.body_md,
            deleted: c.deleted_at.is_some(),
            hidden: c.hidden_at.is_some(),
            created_at: rfc3339(c.created_at),
        })
        .collect())
}

async fn me_too(ctx: &Ctx, user_id: i32) -> Result<Vec<CustomerMeToo>> {
    let rows = ticket_me_too::Entity::find()
        .filter(ticket_me_too::Column::UserId.eq(user_id))
        .order_by_desc(ticket_me_too::Column::CreatedAt)
        .limit(VIEW_LIST_LIMIT)
        .all(&ctx.db)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|m| m.ticket_id).collect();
    let titles: HashMap<i32, String> = if ids.is_empty() {
        HashMap::new()
    } else {
        ticket::Entity::find()
            .select_only()
            .column(ticket::Column::Id)
            .column(ticket::Column::Title)
            .filter(ticket::Column::Id.is_in(ids))
            .into_tuple::<(i32, String)>()
            .all(&ctx.db)
            .await?
            .into_iter()
            .collect()
    };
    Ok(rows
        .into_iter()
        .map(|m| CustomerMeToo {
            ticket_number: ticket_number(i64::from(m.ticket_id)),
            ticket_title: titles.get(&m.ticket_id).cloned().unwrap_or_default(),
            created_at: rfc3339(m.created_at),
        })
        .collect())
}

/// Reports about the customer's ideas, comments and profile.
async fn reports_against(ctx: &Ctx, user_id: i32) -> Result<Vec<ReportAgainst>> {
    let idea_ids: Vec<i32> = idea::Entity::find()
        .select_only()
        .column(idea::Column::Id)
        .filter(idea::Column::AuthorId.eq(user_id))
        .into_tuple()
        .all(&ctx.db)
        .await?;
    let comment_ids: Vec<i32> = idea_comment::Entity::find()
        .select_only()
        .column(idea_comment::Column::Id)
        .filter(idea_comment::Column::AuthorId.eq(user_id))
        .into_tuple()
        .all(&ctx.db)
        .await?;
    let about = Condition::any()
        .add(
            Condition::all()
                .add(report::Column::TargetType.eq(ContentKind::Idea))
                .add(report::Column::TargetId.is_in(idea_ids)),
        )
        .add(
            Condition::all()
                .add(report::Column::TargetType.eq(ContentKind::Comment))
                .add(report::Column::TargetId.is_in(comment_ids)),
        )
        .add(
            Condition::all()
                .add(report::Column::TargetType.eq(ContentKind::Profile))
                .add(report::Column::TargetId.eq(user_id)),
        );
    Ok(report::Entity::find()
        .filter(about)
        .order_by_desc(report::Column::Id)
        .limit(VIEW_LIST_LIMIT)
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|r| ReportAgainst {
            target_type: r.target_type,
            target_id: i64::from(r.target_id),
            reason: r.reason,
            status: r.status,
            created_at: rfc3339(r.created_at),
        })
        .collect())
}
