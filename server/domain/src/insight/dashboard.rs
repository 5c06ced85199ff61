//! The managers' dashboard (admins) and the public scorecard (anyone).

use std::collections::HashMap;

use chrono::Duration;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use shared::insight::{
    Dashboard, DashboardQuery, DepartmentParticipation, MeTooTicket, SatisfactionFigures,
    Scorecard, StaffParticipation, TrendingIdea,
};
use shared::ticket::ticket_number;

use super::daily::{daily_figures, grouped};
use super::figures::{
    TOP, all_departments, answered, clocks_started, commitment_figures, count, delivered,
    department_figures, durations, first_response, percent, resolved, staff_members,
};
use super::range::{Range, SCORECARD_DAYS, range_of};
use super::trending::most_voted;
use crate::actor::Actor;
use crate::entity::{idea, ticket, ticket_me_too, user};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Result};

/// The managers' dashboard for a range (admins: the managers of PRODUCT.md).
pub async fn dashboard(ctx: &Ctx, actor: &Actor, query: &DashboardQuery) -> Result<Dashboard> {
    policy::authorize(actor, Action::ReadDashboard, Scope::Others)?;
    let now = ctx.clock.now();
    let range = range_of(query, now, &ctx.settings)?;
    let db = &ctx.db;

    let daily = daily_figures(ctx, range).await?;
    let answered = answered(ctx, range).await?;
    let clocks = clocks_started(ctx, range).await?;

    // Trending: votes gained in the range.
    let top = most_voted(ctx, range).await?;
    let titles: HashMap<i32, String> = if top.is_empty() {
        HashMap::new()
    } else {
        idea::Entity::find()
            .filter(idea::Column::Id.is_in(top.iter().map(|(id, _)| *id)))
            .all(db)
            .await?
            .into_iter()
            .map(|i| (i.id, i.title))
            .collect()
    };
    let trending = top
        .into_iter()
        .map(|(id, votes_gained)| TrendingIdea {
            number: i64::from(id),
            title: titles.get(&id).cloned().unwrap_or_default(),
            votes_gained,
        })
        .collect();

    // "Me too" marks in the range.
    let marks: Vec<i32> = ticket_me_too::Entity::find()
        .select_only()
        .column(ticket_me_too::Column::TicketId)
        .filter(ticket_me_too::Column::CreatedAt.gte(range.start))
        .filter(ticket_me_too::Column::CreatedAt.lt(range.end))
        .filter(ticket_me_too::Column::UserId.not_in_subquery(staff_members()))
        .into_tuple()
        .all(db)
        .await?;
    let mut per_ticket: HashMap<i32, i64> = HashMap::new();
    for id in marks {
        *per_ticket.entry(id).or_default() += 1;
    }
    let mut loud: Vec<(i32, i64)> = per_ticket.into_iter().collect();
    loud.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    loud.truncate(TOP);
    let departments = all_departments(ctx).await?;
    let slug_of: HashMap<i32, String> =
        departments.iter().map(|d| (d.id, d.slug.clone())).collect();
    let loud_tickets: HashMap<i32, ticket::Model> = if loud.is_empty() {
        HashMap::new()
    } else {
        ticket::Entity::find()
            .filter(ticket::Column::Id.is_in(loud.iter().map(|(id, _)| *id)))
            .all(db)
            .await?
            .into_iter()
            .map(|t| (t.id, t))
            .collect()
    };
    let me_too = loud
        .into_iter()
        .filter_map(|(id, marks)| {
            loud_tickets.get(&id).map(|t| MeTooTicket {
                number: ticket_number(i64::from(id)),
                title: t.title.clone(),
                department: t.department_id.and_then(|d| slug_of.get(&d).cloned()),
                marks,
            })
        })
        .collect();

    // Participation: every staff member, also those with no answers.
    let staff: Vec<user::Model> = user::Entity::find()
        .filter(user::Column::Role.is_in([
            shared::Role::Employee,
            shared::Role::Moderator,
            shared::Role::Admin,
        ]))
        .filter(user::Column::DeletedAt.is_null())
        .all(db)
        .await?;
    let per_author = |rows: Vec<(i32, i64)>| rows.into_iter().collect::<HashMap<i32, i64>>();
    let replies = per_author(
        grouped(
            ctx,
            "SELECT author_id, COUNT(*) FROM ticket_posts WHERE kind = 'reply' AND {range} GROUP BY author_id",
            range,
        )
        .await?,
    );
    let decisions = per_author(
        grouped(
            ctx,
            "SELECT by_id, COUNT(*) FROM idea_status_changes WHERE {range} GROUP BY by_id",
            range,
        )
        .await?,
    );
    let staff_ids: Vec<String> = staff.iter().map(|s| s.id.to_string()).collect();
    let comments = if staff_ids.is_empty() {
        HashMap::new()
    } else {
        per_author(
            grouped(
                ctx,
                &format!(
                    "SELECT author_id, COUNT(*) FROM idea_comments WHERE author_id IN ({}) AND {{range}} GROUP BY author_id",
                    staff_ids.join(", ")
                ),
                range,
            )
            .await?,
        )
    };
    let mut participation: Vec<StaffParticipation> = staff
        .iter()
        .map(|s| {
            let get = |m: &HashMap<i32, i64>| m.get(&s.id).copied().unwrap_or(0);
            let (replied, decided, commented) = (get(&replies), get(&decisions), get(&comments));
            StaffParticipation {
                id: i64::from(s.id),
                display_name: s.display_name.clone(),
                department: s.department_id.and_then(|d| slug_of.get(&d).cloned()),
                replies: replied,
                decisions: decided,
                comments: commented,
                total: replied + decided + commented,
            }
        })
        .collect();
    participation.sort_by(|a, b| {
        b.total
            .cmp(&a.total)
            .then(a.display_name.cmp(&b.display_name))
    });
    let department_participation = departments
        .iter()
        .map(|d| {
            let members: Vec<&StaffParticipation> = participation
                .iter()
                .filter(|p| p.department.as_deref() == Some(d.slug.as_str()))
                .collect();
            DepartmentParticipation {
                slug: d.slug.clone(),
                name: d.local_name(),
                staff: count(members.len()),
                staff_answering: count(members.iter().filter(|p| p.total > 0).count()),
                answers: members.iter().map(|p| p.total).sum(),
            }
        })
        .collect();

    let resolved = resolved(ctx, range).await?;
    let ratings: Vec<i32> = resolved.iter().filter_map(|t| t.rating_score).collect();
    #[expect(
        clippy::cast_precision_loss,
        reason = "counts and sizes here are far below 2^52, where f64 is exact"
    )]
    let satisfaction = SatisfactionFigures {
        count: count(ratings.len()),
        average: (!ratings.is_empty())
            .then(|| f64::from(ratings.iter().sum::<i32>()) / ratings.len() as f64),
    };
    let (quality, department_quality) =
        crate::answer_review::quality(ctx, range.start, range.end).await?;
    Ok(Dashboard {
        from: range.from.format("%Y-%m-%d").to_string(),
        to: range.to.format("%Y-%m-%d").to_string(),
        time_zone: range.zone.name().to_owned(),
        daily,
        departments: department_figures(&departments, &clocks, now),
        first_response: first_response(ctx, range, &answered).await?,
        resolution: durations(
            resolved
                .iter()
                .map(|t| (t.ended_at - t.created_at).num_minutes())
                .collect(),
        ),
        satisfaction,
        commitments: commitment_figures(ctx, range).await?,
        delivered: delivered(ctx, range).await?,
        trending,
        me_too,
        participation,
        department_participation,
        quality,
        department_quality,
    })
}

/// The public scorecard over the last 30 days (anyone).
pub async fn scorecard(ctx: &Ctx) -> Result<Scorecard> {
    let now = ctx.clock.now();
    let to = ctx.settings.today(now);
    let range = Range::new(to - Duration::days(SCORECARD_DAYS - 1), to, &ctx.settings);
    let answered = answered(ctx, range).await?;
    let clocks = clocks_started(ctx, range).await?;
    let departments = all_departments(ctx).await?;
    let promises = commitment_figures(ctx, range).await?;
    let counted = promises.kept_on_time + promises.kept_late + promises.overdue;
    let resolved = resolved(ctx, range).await?;
    let ideas_delivered = delivered(ctx, range).await?.iter().map(|m| m.count).sum();
    let quality = if ctx.settings.scorecard_quality {
        crate::answer_review::quality(ctx, range.start, range.end)
            .await?
            .1
    } else {
        Vec::new()
    };
    Ok(Scorecard {
        from: range.from.format("%Y-%m-%d").to_string(),
        to: range.to.format("%Y-%m-%d").to_string(),
        time_zone: range.zone.name().to_owned(),
        median_first_response_minutes: first_response(ctx, range, &answered).await?.median_minutes,
        commitments_kept_on_time_percent: percent(promises.kept_on_time, counted),
        commitments_counted: counted,
        ideas_delivered,
        tickets_resolved: count(resolved.len()),
        departments: department_figures(&departments, &clocks, now),
        quality,
    })
}
