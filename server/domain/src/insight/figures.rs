//! The figures both the dashboard and the scorecard show: rows of one range
//! fetched by indexed ranges, and the percentiles, shares and per-department
//! promise figures computed from them.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use shared::insight::{CommitmentFigures, DepartmentFigures, DurationFigures, MonthCount};

use super::range::Range;
use crate::entity::{commitment, department, idea_status_change, ticket, ticket_clock, user};
use crate::{Ctx, Result, business_hours};
use shared::{ClockKind, ClockOutcome, CommitmentStatus, Role};

/// Rows in the top lists.
pub(super) const TOP: usize = 5;

/// The value at nearest rank `ceil(p × n)` of sorted values.
pub(super) fn nearest_rank(sorted: &[i64], percent: usize) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (sorted.len() * percent).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

pub(super) fn durations(mut minutes: Vec<i64>) -> DurationFigures {
    minutes.sort_unstable();
    DurationFigures {
        count: i64::try_from(minutes.len()).unwrap_or(i64::MAX),
        median_minutes: nearest_rank(&minutes, 50),
        p90_minutes: nearest_rank(&minutes, 90),
    }
}

pub(super) fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

pub(super) fn percent(part: i64, whole: i64) -> Option<f64> {
    #[expect(
        clippy::cast_precision_loss,
        reason = "counts and sizes here are far below 2^52, where f64 is exact"
    )]
    (whole > 0).then(|| (part as f64) * 100.0 / (whole as f64))
}

/// Staff members' ids, as a subquery: their own tickets, ratings, votes
/// and "me too" marks stay out of the figures.
pub(super) fn staff_members() -> sea_orm::sea_query::SelectStatement {
    sea_orm::sea_query::Query::select()
        .column(user::Column::Id)
        .from(user::Entity)
        .and_where(user::Column::Role.is_in([Role::Employee, Role::Moderator, Role::Admin]))
        .to_owned()
}

/// A customer's ticket as the figures read it: only the times they use,
/// not its text (a year of full rows took a quarter of a second).
pub(super) struct TicketTimes {
    pub(super) id: i32,
    pub(super) created_at: DateTime<Utc>,
    /// The first answer (filed tickets) or the resolution (resolved ones).
    pub(super) ended_at: DateTime<Utc>,
    pub(super) rating_score: Option<i32>,
}

/// Customers' tickets whose `column` (a time) falls in the range, with the
/// time `ended` set.
async fn ticket_times(
    ctx: &Ctx,
    column: ticket::Column,
    ended: ticket::Column,
    range: Range,
) -> Result<Vec<TicketTimes>> {
    type Row = (i32, DateTime<Utc>, DateTime<Utc>, Option<i32>);
    let rows: Vec<Row> = ticket::Entity::find()
        .select_only()
        .column(ticket::Column::Id)
        .column(ticket::Column::CreatedAt)
        .column(ended)
        .column(ticket::Column::RatingScore)
        .filter(column.gte(range.start))
        .filter(column.lt(range.end))
        .filter(ended.is_not_null())
        .filter(ticket::Column::AuthorId.not_in_subquery(staff_members()))
        .into_tuple()
        .all(&ctx.db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, created_at, ended_at, rating_score)| TicketTimes {
            id,
            created_at,
            ended_at,
            rating_score,
        })
        .collect())
}

/// Customers' tickets filed in the range that have had a first answer.
pub(super) async fn answered(ctx: &Ctx, range: Range) -> Result<Vec<TicketTimes>> {
    ticket_times(
        ctx,
        ticket::Column::CreatedAt,
        ticket::Column::FirstResponseAt,
        range,
    )
    .await
}

/// Tickets staff filed themselves (as a subquery), whose clocks, promises
/// and ratings are left out.
fn staff_tickets() -> sea_orm::sea_query::SelectStatement {
    sea_orm::sea_query::Query::select()
        .column(ticket::Column::Id)
        .from(ticket::Entity)
        .and_where(ticket::Column::AuthorId.in_subquery(staff_members()))
        .to_owned()
}

/// Response clocks started in the range on customers' tickets.
pub(super) async fn clocks_started(ctx: &Ctx, range: Range) -> Result<Vec<ticket_clock::Model>> {
    Ok(ticket_clock::Entity::find()
        .filter(ticket_clock::Column::StartedAt.gte(range.start))
        .filter(ticket_clock::Column::StartedAt.lt(range.end))
        .filter(ticket_clock::Column::TicketId.not_in_subquery(staff_tickets()))
        .all(&ctx.db)
        .await?)
}

/// Whether a clock counts yet: stopped other than by the customer, or
/// running past its deadline.
fn counted(clock: &ticket_clock::Model, now: DateTime<Utc>) -> bool {
    match clock.outcome {
        Some(ClockOutcome::Withdrawn) => false,
        Some(_) => true,
        None => now > clock.due_at,
    }
}

/// Answers and promises per department, from the response clocks started
/// in the range: each clock is one promise (first answer, after a hand-off,
/// next reply), met when it stopped by its deadline (answered, or handed on
/// in time), breached when it stopped later or still runs past it; clocks
/// the customer withdrew and clocks still within their time are not counted.
pub(super) fn department_figures(
    departments: &[department::Model],
    clocks: &[ticket_clock::Model],
    now: DateTime<Utc>,
) -> Vec<DepartmentFigures> {
    departments
        .iter()
        .map(|d| {
            let mine: Vec<&ticket_clock::Model> = clocks
                .iter()
                .filter(|c| c.department_id == Some(d.id))
                .collect();
            let minutes: Vec<i64> = mine
                .iter()
                .filter(|c| c.outcome == Some(ClockOutcome::Answered))
                .filter_map(|c| c.stopped_at.map(|at| crate::ticket::taken(c, at)))
                .collect();
            let (mut met, mut breached) = (0, 0);
            for c in mine.iter().filter(|c| counted(c, now)) {
                if crate::ticket::breached(c, now) {
                    breached += 1;
                } else {
                    met += 1;
                }
            }
            let stats = durations(minutes);
            DepartmentFigures {
                slug: d.slug.clone(),
                name: d.local_name(),
                target_minutes: i64::from(d.first_response_minutes),
                answered: stats.count,
                median_minutes: stats.median_minutes,
                p90_minutes: stats.p90_minutes,
                sla_met: met,
                sla_breached: breached,
                sla_percent: percent(met, met + breached),
            }
        })
        .collect()
}

/// Filing to first answer, in the business minutes of the department the
/// ticket was filed with when it keeps hours (plain minutes otherwise).
pub(super) async fn first_response(
    ctx: &Ctx,
    range: Range,
    answered: &[TicketTimes],
) -> Result<DurationFigures> {
    // Only the first clocks that kept hours: usually few, whatever the range.
    let kept_hours: HashMap<i32, ticket_clock::Model> = ticket_clock::Entity::find()
        .filter(ticket_clock::Column::Kind.eq(ClockKind::First))
        .filter(ticket_clock::Column::BusinessHours.is_not_null())
        .filter(ticket_clock::Column::StartedAt.gte(range.start))
        .filter(ticket_clock::Column::StartedAt.lt(range.end))
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|c| (c.ticket_id, c))
        .collect();
    let holidays = if kept_hours.is_empty() {
        BTreeSet::new()
    } else {
        business_hours::holidays(&ctx.db).await?
    };
    Ok(durations(
        answered
            .iter()
            .map(|t| match kept_hours.get(&t.id) {
                Some(clock) => business_hours::schedule_of(
                    clock.business_hours.as_deref(),
                    clock.time_zone.as_deref(),
                    ctx.settings.time_zone,
                    &holidays,
                )
                .minutes_between(t.created_at, t.ended_at),
                None => (t.ended_at - t.created_at).num_minutes(),
            })
            .collect(),
    ))
}

pub(super) async fn all_departments(ctx: &Ctx) -> Result<Vec<department::Model>> {
    let mut rows = department::Entity::find().all(&ctx.db).await?;
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(rows)
}

pub(super) async fn commitment_figures(ctx: &Ctx, range: Range) -> Result<CommitmentFigures> {
    let now = ctx.clock.now();
    let rows = commitment::Entity::find()
        .filter(commitment::Column::CreatedAt.gte(range.start))
        .filter(commitment::Column::CreatedAt.lt(range.end))
        .filter(commitment::Column::TicketId.not_in_subquery(staff_tickets()))
        .all(&ctx.db)
        .await?;
    let mut figures = CommitmentFigures::default();
    for row in &rows {
        match crate::commitment::status_of(row, now, ctx.settings.time_zone) {
            CommitmentStatus::Kept
                if row.settled_at.is_some_and(|at| {
                    crate::commitment::today(at, ctx.settings.time_zone) <= row.due_on
                }) =>
            {
                figures.kept_on_time += 1;
            }
            CommitmentStatus::Kept => figures.kept_late += 1,
            CommitmentStatus::Withdrawn => figures.withdrawn += 1,
            CommitmentStatus::Overdue => figures.overdue += 1,
            CommitmentStatus::Pending => figures.pending += 1,
        }
    }
    Ok(figures)
}

/// Status changes to done in the range, per `YYYY-MM`.
pub(super) async fn delivered(ctx: &Ctx, range: Range) -> Result<Vec<MonthCount>> {
    let times: Vec<DateTime<Utc>> = idea_status_change::Entity::find()
        .select_only()
        .column(idea_status_change::Column::CreatedAt)
        .filter(idea_status_change::Column::ToStatus.eq("done"))
        .filter(idea_status_change::Column::CreatedAt.gte(range.start))
        .filter(idea_status_change::Column::CreatedAt.lt(range.end))
        .into_tuple()
        .all(&ctx.db)
        .await?;
    let mut months: BTreeMap<String, i64> = BTreeMap::new();
    for at in times {
        let month = at.with_timezone(&range.zone).format("%Y-%m").to_string();
        *months.entry(month).or_default() += 1;
    }
    Ok(months
        .into_iter()
        .map(|(month, count)| MonthCount { month, count })
        .collect())
}

/// Customers' tickets resolved in the range (with their ratings).
pub(super) async fn resolved(ctx: &Ctx, range: Range) -> Result<Vec<TicketTimes>> {
    ticket_times(
        ctx,
        ticket::Column::ResolvedAt,
        ticket::Column::ResolvedAt,
        range,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    pub(super) fn percentiles_use_the_nearest_rank() {
        let values = [5, 10, 20, 40, 80];
        assert_eq!(nearest_rank(&values, 50), Some(20));
        assert_eq!(nearest_rank(&values, 90), Some(80));
        assert_eq!(nearest_rank(&[7, 9], 50), Some(7));
        assert_eq!(nearest_rank(&[], 50), None);
    }
}
