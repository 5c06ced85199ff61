//! How tickets are stored and read back: finding one by number, who may
//! see what, the department promise and its clock, and the posts of a thread
//! (each announced to the open pages that may see it).

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, QuerySelect, Set};
use shared::idea::BODY_MAX_CHARS;
use shared::staff::DepartmentRef;
use shared::ticket::{parse_ticket_number, ticket_number};
use shared::{TicketStatus, UserRef};

use crate::actor::{Actor, Member};
use crate::entity::{department, ticket, ticket_post};
use crate::policy::Scope;
use crate::{Ctx, Error, Result, markdown};
use shared::TicketPostKind;

/// How long after posting the author may still correct a ticket or reply.
pub const EDIT_WINDOW: Duration = Duration::minutes(15);
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
    let not_found = || Error::NotFound(crate::msg!("not_found.ticket", number = number));
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
        name: d.local_name(),
    })
}

pub(super) fn person(people: &HashMap<i32, UserRef>, id: i32) -> Result<UserRef> {
    people
        .get(&id)
        .cloned()
        .ok_or_else(|| Error::Internal(format!("member {id} missing")))
}

/// The department holding a ticket, whose promise a new clock carries.
pub(super) async fn holding_department(
    txn: &sea_orm::DatabaseTransaction,
    id: Option<i32>,
) -> Result<Option<department::Model>> {
    Ok(match id {
        Some(id) => department::Entity::find_by_id(id).one(txn).await?,
        None => None,
    })
}

pub(super) fn validate_text(field: &str, text: &str, min: usize) -> Result<()> {
    let chars = text.trim().chars().count();
    if chars < min {
        let message = if min <= 1 {
            crate::msg!("field.must_not_empty")
        } else {
            crate::msg!("field.at_least_characters", min = min)
        };
        return Err(Error::invalid(field, message));
    }
    if chars > BODY_MAX_CHARS {
        return Err(Error::invalid(
            field,
            crate::msg!(
                "field.must_at_most_characters",
                body_max_chars = BODY_MAX_CHARS
            ),
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
