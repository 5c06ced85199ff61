//! The response clocks of a ticket: each one a department's promise to
//! answer by a deadline. One starts when a ticket is filed, another at each
//! hand-off (the receiving department's own promise, whatever was said
//! before) and another when the customer writes again after an answer
//! (next reply time). A clock stops only at an answer from the department
//! that holds it, at a hand-off, or when the customer withdraws.
//!
//! The ticket row mirrors the running clock (`sla_started_at`,
//! `sla_due_at`) so the staff queue can sort by deadline in SQL.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};
use shared::{ClockKind, ClockOutcome, FirstResponse, ResponseClock, Role, UserRef};

use super::store::{DEFAULT_TARGET_MINUTES, department_ref, rfc3339};
use crate::actor::Member;
use crate::entity::{department, ticket, ticket_clock};
use crate::{Result, business_hours};

/// Starts a clock for the department now holding the ticket and mirrors
/// it on the ticket. The deadline counts the department's business hours
/// (in its zone, minus holidays); the hours are kept on the clock, so the
/// promise stands as made if the hours change later.
pub(super) async fn start<C: ConnectionTrait>(
    db: &C,
    ticket: &mut ticket::ActiveModel,
    ticket_id: i32,
    department: Option<&department::Model>,
    kind: ClockKind,
    now: DateTime<Utc>,
    company_zone: Tz,
) -> Result<ticket_clock::Model> {
    let target = department.map_or(DEFAULT_TARGET_MINUTES, |d| d.first_response_minutes);
    let hours = department.and_then(|d| d.business_hours.clone());
    let zone = department
        .and_then(|d| d.time_zone.clone())
        .unwrap_or_else(|| company_zone.name().to_owned());
    let holidays = match hours {
        Some(_) => business_hours::holidays(db).await?,
        None => BTreeSet::new(),
    };
    let schedule =
        business_hours::schedule_of(hours.as_deref(), Some(&zone), company_zone, &holidays);
    let minutes = i64::from(target);
    let due = schedule
        .add(now, minutes)
        .unwrap_or(now + Duration::minutes(minutes));
    let clock = ticket_clock::ActiveModel {
        ticket_id: Set(ticket_id),
        department_id: Set(department.map(|d| d.id)),
        kind: Set(kind),
        target_minutes: Set(target),
        started_at: Set(now),
        due_at: Set(due),
        stopped_at: Set(None),
        outcome: Set(None),
        stopped_by_id: Set(None),
        business_hours: Set(hours.filter(|_| !schedule.is_around_the_clock())),
        time_zone: Set(Some(zone)),
        counts_from: Set(schedule.next_open(now).filter(|at| *at > now)),
        business_minutes: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    ticket.sla_started_at = Set(now);
    ticket.sla_due_at = Set(Some(due));
    Ok(clock)
}

/// The schedule a clock was promised under.
async fn schedule_of_clock<C: ConnectionTrait>(
    db: &C,
    clock: &ticket_clock::Model,
) -> Result<business_hours::Schedule> {
    let holidays = match clock.business_hours {
        Some(_) => business_hours::holidays(db).await?,
        None => BTreeSet::new(),
    };
    Ok(business_hours::schedule_of(
        clock.business_hours.as_deref(),
        clock.time_zone.as_deref(),
        chrono_tz::UTC,
        &holidays,
    ))
}

/// The clock that is running on a ticket, if any.
pub(super) async fn running<C: ConnectionTrait>(
    db: &C,
    ticket_id: i32,
) -> Result<Option<ticket_clock::Model>> {
    Ok(ticket_clock::Entity::find()
        .filter(ticket_clock::Column::TicketId.eq(ticket_id))
        .filter(ticket_clock::Column::StoppedAt.is_null())
        .order_by_desc(ticket_clock::Column::Id)
        .one(db)
        .await?)
}

/// Whether this staff member's public answer keeps the department's
/// promise: staff of that department, or an admin (a manager answering
/// counts). Another department's "passing you on" does not.
pub(super) fn answers(clock: &ticket_clock::Model, staff: &Member) -> bool {
    clock.department_id.is_none()
        || clock.department_id == staff.department_id
        || staff.role == Role::Admin
}

/// Stops a clock and clears the running deadline on the ticket.
pub(super) async fn stop<C: ConnectionTrait>(
    db: &C,
    ticket: &mut ticket::ActiveModel,
    clock: ticket_clock::Model,
    outcome: ClockOutcome,
    by: Option<i32>,
    now: DateTime<Utc>,
) -> Result<()> {
    let schedule = schedule_of_clock(db, &clock).await?;
    let minutes = schedule.minutes_between(clock.started_at, now);
    let mut active = clock.into_active_model();
    active.business_minutes = Set(Some(i32::try_from(minutes).unwrap_or(i32::MAX)));
    active.stopped_at = Set(Some(now));
    active.outcome = Set(Some(outcome));
    active.stopped_by_id = Set(by);
    active.update(db).await?;
    ticket.sla_due_at = Set(None);
    Ok(())
}

/// The clocks of these tickets, oldest first per ticket.
pub(crate) async fn for_tickets<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, Vec<ticket_clock::Model>>> {
    let ids: Vec<i32> = ids.into_iter().collect();
    let mut grouped: HashMap<i32, Vec<ticket_clock::Model>> = HashMap::new();
    if ids.is_empty() {
        return Ok(grouped);
    }
    let rows = ticket_clock::Entity::find()
        .filter(ticket_clock::Column::TicketId.is_in(ids))
        .order_by_asc(ticket_clock::Column::Id)
        .all(db)
        .await?;
    for row in rows {
        grouped.entry(row.ticket_id).or_default().push(row);
    }
    Ok(grouped)
}

/// Whether a clock broke its promise: stopped after its deadline, or still
/// running past it. A withdrawn clock never counts.
pub fn breached(clock: &ticket_clock::Model, now: DateTime<Utc>) -> bool {
    match (clock.outcome, clock.stopped_at) {
        (Some(ClockOutcome::Withdrawn), _) => false,
        (_, Some(at)) => at > clock.due_at,
        (_, None) => now > clock.due_at,
    }
}

fn minutes_between(from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
    Ord::max((to - from).num_minutes(), 0)
}

/// Minutes a stopped clock took: business minutes when it kept hours (set
/// as it stopped), otherwise plain minutes.
pub(crate) fn taken(clock: &ticket_clock::Model, stopped_at: DateTime<Utc>) -> i64 {
    clock
        .business_minutes
        .map_or_else(|| minutes_between(clock.started_at, stopped_at), i64::from)
}

/// One clock as the thread shows it.
pub(super) fn view(
    clock: &ticket_clock::Model,
    departments: &HashMap<i32, department::Model>,
    people: &HashMap<i32, UserRef>,
    now: DateTime<Utc>,
) -> ResponseClock {
    ResponseClock {
        kind: clock.kind,
        department: department_ref(departments, clock.department_id),
        target_minutes: i64::from(clock.target_minutes),
        started_at: rfc3339(clock.started_at),
        due_at: rfc3339(clock.due_at),
        stopped_at: clock.stopped_at.map(rfc3339),
        outcome: clock.outcome,
        by: clock
            .stopped_by_id
            .and_then(|id| people.get(&id))
            .and_then(|p| p.staff.clone()),
        minutes: clock.stopped_at.map(|at| taken(clock, at)),
        breached: breached(clock, now),
        waiting_minutes: clock
            .stopped_at
            .is_none()
            .then(|| minutes_between(clock.started_at, now)),
        business_hours: clock.business_hours.as_deref().and_then(|h| {
            business_hours::parse_week(h)
                .ok()
                .flatten()
                .map(|week| business_hours::week_text(&week))
        }),
        time_zone: clock.business_hours.as_ref().and(clock.time_zone.clone()),
        counts_from: clock.counts_from.map(rfc3339),
    }
}

/// The first-answer promise: the clock the first answer kept or broke, or
/// while nobody has answered, the one running now (after a hand-off, the
/// receiving department's).
pub(super) fn first_response(
    row: &ticket::Model,
    clocks: &[ticket_clock::Model],
    people: &HashMap<i32, UserRef>,
    now: DateTime<Utc>,
) -> FirstResponse {
    let answered = clocks
        .iter()
        .find(|c| c.outcome == Some(ClockOutcome::Answered));
    let Some(clock) = answered.or_else(|| clocks.last()) else {
        // A ticket from before clocks were kept: nothing to measure.
        return FirstResponse {
            target_minutes: i64::from(DEFAULT_TARGET_MINUTES),
            started_at: rfc3339(row.sla_started_at),
            due_at: None,
            answered_at: row.first_response_at.map(rfc3339),
            by: None,
            minutes: None,
            breached: false,
            waiting_minutes: None,
        };
    };
    let answer = answered.and_then(|c| c.stopped_at);
    let waiting = answered.is_none() && clock.stopped_at.is_none();
    FirstResponse {
        target_minutes: i64::from(clock.target_minutes),
        started_at: rfc3339(clock.started_at),
        due_at: waiting.then(|| rfc3339(clock.due_at)),
        answered_at: answer.map(rfc3339),
        by: answered
            .and_then(|c| c.stopped_by_id)
            .and_then(|id| people.get(&id))
            .and_then(|p| p.staff.clone()),
        minutes: answer.map(|at| taken(clock, at)),
        breached: (answered.is_some() || waiting) && breached(clock, now),
        waiting_minutes: waiting.then(|| minutes_between(row.created_at, now)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(
        started: DateTime<Utc>,
        target: i64,
        stopped: Option<(i64, ClockOutcome)>,
    ) -> ticket_clock::Model {
        ticket_clock::Model {
            id: 1,
            ticket_id: 1,
            department_id: None,
            kind: ClockKind::First,
            target_minutes: i32::try_from(target).expect("minutes"),
            started_at: started,
            due_at: started + Duration::minutes(target),
            stopped_at: stopped.map(|(m, _)| started + Duration::minutes(m)),
            outcome: stopped.map(|(_, o)| o),
            stopped_by_id: None,
            business_hours: None,
            time_zone: None,
            counts_from: None,
            business_minutes: None,
        }
    }

    #[test]
    fn a_promise_breaks_only_after_its_minutes_and_never_when_withdrawn() {
        let start = DateTime::<Utc>::from_timestamp(1_790_000_000, 0).expect("time");
        let running = clock(start, 30, None);
        assert!(!breached(&running, start + Duration::minutes(30)));
        assert!(breached(&running, start + Duration::minutes(31)));
        let kept = clock(start, 12, Some((7, ClockOutcome::Answered)));
        assert!(!breached(&kept, start + Duration::days(1)));
        let late = clock(start, 12, Some((13, ClockOutcome::Answered)));
        assert!(breached(&late, start + Duration::days(1)));
        let withdrawn = clock(start, 12, Some((600, ClockOutcome::Withdrawn)));
        assert!(!breached(&withdrawn, start + Duration::days(1)));
    }
}
