//! How tickets are stored and read back: finding one by number, who may
//! see what, the department promise and its clock, and the posts of a thread
//! (each announced to the open pages that may see it).

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, QuerySelect, Set};
use shared::idea::BODY_MAX_CHARS;
use shared::staff::DepartmentRef;
use shared::ticket::{parse_ticket_number, ticket_number};
use shared::{FirstResponse, TicketCard, TicketStatus, UserRef};

use crate::actor::{Actor, Member};
use crate::entity::{department, ticket, ticket_post};
use crate::policy::Scope;
use crate::{Ctx, Error, Result, markdown};
use shared::TicketPostKind;

/// How long after resolution the author may reopen a ticket.
pub const REOPEN_WINDOW: Duration = Duration::days(14);
/// The promise for a ticket no department holds yet.
pub const DEFAULT_TARGET_MINUTES: i32 = 60;
/// The department that triages tickets filed without one, when it exists.
pub const TRIAGE_DEPARTMENT: &str = "customer-care";
/// Longest private details accepted (an order number, a phone number).
pub const PRIVATE_DETAILS_MAX_CHARS: usize = 500;

pub(super) fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub(super) fn parse_status(raw: &str) -> Result<TicketStatus> {
    raw.parse()
        .map_err(|e: shared::ticket::UnknownTicketStatus| Error::Internal(e.to_string()))
}

pub(super) fn staff_member(actor: &Actor) -> Option<&Member> {
    actor.member().filter(|m| m.role.is_staff())
}

pub(super) fn scope_for(actor: &Actor, row: &ticket::Model) -> Scope {
    match actor.member() {
        Some(member) if member.id == row.author_id => Scope::Own,
        _ => Scope::Others,
    }
}

/// The ticket with this public number (`VOC-000123`), or 404 naming it.
pub(super) async fn find<C: sea_orm::ConnectionTrait>(
    db: &C,
    number: &str,
    lock: bool,
) -> Result<ticket::Model> {
    let not_found = || Error::NotFound(format!("ticket {number}"));
    let id = parse_ticket_number(number)
        .and_then(|id| i32::try_from(id).ok())
        .ok_or_else(not_found)?;
    let mut select = ticket::Entity::find_by_id(id);
    if lock {
        select = select.lock_exclusive();
    }
    select.one(db).await?.ok_or_else(not_found)
}

/// Departments by id, for naming them in views.
pub(super) async fn departments(ctx: &Ctx) -> Result<HashMap<i32, department::Model>> {
    Ok(department::Entity::find()
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect())
}

pub(super) fn department_ref(
    all: &HashMap<i32, department::Model>,
    id: Option<i32>,
) -> Option<DepartmentRef> {
    id.and_then(|id| all.get(&id)).map(|d| DepartmentRef {
        slug: d.slug.clone(),
        name: d.name.clone(),
    })
}

pub(super) fn target_minutes(all: &HashMap<i32, department::Model>, id: Option<i32>) -> i32 {
    id.and_then(|id| all.get(&id))
        .map_or(DEFAULT_TARGET_MINUTES, |d| d.first_response_minutes)
}

/// The promise of a ticket, how long it has run, and whether it broke.
pub(super) fn first_response(
    row: &ticket::Model,
    target: i32,
    people: &HashMap<i32, UserRef>,
    now: DateTime<Utc>,
) -> FirstResponse {
    let due = row.sla_started_at + Duration::minutes(i64::from(target));
    let minutes = row
        .first_response_at
        .map(|at| Ord::max((at - row.sla_started_at).num_minutes(), 0));
    let breached = match row.first_response_at {
        Some(at) => at > due,
        None => now > due,
    };
    FirstResponse {
        target_minutes: i64::from(target),
        started_at: rfc3339(row.sla_started_at),
        due_at: row.first_response_at.is_none().then(|| rfc3339(due)),
        answered_at: row.first_response_at.map(rfc3339),
        by: row
            .first_response_by_id
            .and_then(|id| people.get(&id))
            .and_then(|p| p.staff.clone()),
        minutes,
        breached,
        waiting_minutes: row
            .first_response_at
            .is_none()
            .then(|| Ord::max((now - row.created_at).num_minutes(), 0)),
    }
}

pub(super) fn person(people: &HashMap<i32, UserRef>, id: i32) -> Result<UserRef> {
    people
        .get(&id)
        .cloned()
        .ok_or_else(|| Error::Internal(format!("member {id} missing")))
}

pub(super) fn card(
    row: ticket::Model,
    all: &HashMap<i32, department::Model>,
    people: &HashMap<i32, UserRef>,
    now: DateTime<Utc>,
) -> Result<TicketCard> {
    let first = first_response(&row, target_minutes(all, row.department_id), people, now);
    Ok(TicketCard {
        number: ticket_number(i64::from(row.id)),
        kind: row.kind,
        status: row.status,
        department: department_ref(all, row.department_id),
        author: person(people, row.author_id)?,
        assignee: row.assignee_id.map(|id| person(people, id)).transpose()?,
        me_too: i64::from(row.me_too_count),
        first_response: first,
        created_at: rfc3339(row.created_at),
        title: row.title,
    })
}

pub(super) fn validate_text(field: &str, text: &str, min: usize) -> Result<()> {
    let chars = text.trim().chars().count();
    if chars < min {
        let message = if min <= 1 {
            "must not be empty".to_owned()
        } else {
            format!("must be at least {min} characters")
        };
        return Err(Error::invalid(field, message));
    }
    if chars > BODY_MAX_CHARS {
        return Err(Error::invalid(
            field,
            format!("must be at most {BODY_MAX_CHARS} characters"),
        ));
    }
    Ok(())
}

pub(super) async fn insert_post(
    txn: &sea_orm::DatabaseTransaction,
    ticket_id: i32,
    author_id: i32,
    kind: TicketPostKind,
    text: &str,
    at: DateTime<Utc>,
) -> Result<ticket_post::Model> {
    let post = ticket_post::ActiveModel {
        ticket_id: Set(ticket_id),
        author_id: Set(author_id),
        kind: Set(kind),
        body_md: Set(text.to_owned()),
        body_html: Set(markdown::render(text)),
        created_at: Set(at),
        from_department_id: Set(None),
        to_department_id: Set(None),
        status: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    // Payloads carry ids only: pages fetch the post as their reader may
    // see it, so no text ever travels to the wrong person.
    let number = ticket_number(i64::from(ticket_id));
    let audience = if kind == TicketPostKind::Internal {
        crate::events::Audience::Staff
    } else {
        crate::events::Audience::Public
    };
    crate::events::publish(
        txn,
        crate::events::ticket_topic(&number),
        audience,
        &shared::LiveEvent::Post {
            number: number.clone(),
            post: i64::from(post.id),
            kind,
        },
        at,
    )
    .await?;
    crate::events::publish(
        txn,
        crate::events::QUEUE.to_owned(),
        crate::events::Audience::Staff,
        &shared::LiveEvent::Ticket {
            number,
            post: Some(i64::from(post.id)),
            kind: Some(kind),
        },
        at,
    )
    .await?;
    Ok(post)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticket_at(started: DateTime<Utc>, answered: Option<DateTime<Utc>>) -> ticket::Model {
        ticket::Model {
            id: 1,
            kind: shared::TicketKind::Complaint,
            title: "t".to_owned(),
            body_md: String::new(),
            body_html: String::new(),
            private_details: None,
            status: TicketStatus::Open,
            department_id: None,
            author_id: 1,
            created_at: started,
            updated_at: started,
            sla_started_at: started,
            first_response_at: answered,
            first_response_by_id: None,
            resolved_at: None,
            assignee_id: None,
            sla_due_at: None,
            me_too_count: 0,
            rating_score: None,
            rating_comment: None,
        }
    }

    #[test]
    fn the_promise_breaks_only_after_its_minutes() {
        let start = DateTime::<Utc>::from_timestamp(1_790_000_000, 0).expect("time");
        let people = HashMap::new();
        let waiting = ticket_at(start, None);
        assert!(!first_response(&waiting, 30, &people, start + Duration::minutes(30)).breached);
        assert!(first_response(&waiting, 30, &people, start + Duration::minutes(31)).breached);
        let answered = ticket_at(start, Some(start + Duration::minutes(7)));
        let kept = first_response(&answered, 12, &people, start + Duration::days(1));
        assert!(!kept.breached);
        assert_eq!(kept.minutes, Some(7));
        assert_eq!(kept.due_at, None);
    }
}
