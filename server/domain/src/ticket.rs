//! Voice-of-the-customer tickets: complaints, inquiries, suggestions and
//! requests handled in public threads, by named staff, against each
//! department's first-response promise.
//!
//! What only some may see is decided here and nowhere else: private details
//! reach the author and staff, internal notes reach staff.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use shared::idea::BODY_MAX_CHARS;
use shared::page::{DEFAULT_PAGE_LIMIT, PAGE_LIMIT_RANGE};
use shared::staff::DepartmentRef;
use shared::ticket::{parse_ticket_number, ticket_number};
use shared::{
    FirstResponse, Incident, MeTooState, NewTicket, NewTicketReply, Page, Rating, TicketAbilities,
    TicketAssignment, TicketCard, TicketKind, TicketPost, TicketQuery, TicketStatus,
    TicketStatusChange, TicketTransfer, TicketView, UserRef,
};

use crate::actor::{Actor, Member};
use crate::entity::{department, ticket, ticket_me_too, ticket_post, user};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, db, markdown};

/// How long after resolution the author may reopen a ticket.
pub const REOPEN_WINDOW: Duration = Duration::days(14);
/// The promise for a ticket no department holds yet.
pub const DEFAULT_TARGET_MINUTES: i32 = 60;
/// The department that triages tickets filed without one, when it exists.
pub const TRIAGE_DEPARTMENT: &str = "customer-care";
/// Longest private details accepted (an order number, a phone number).
pub const PRIVATE_DETAILS_MAX_CHARS: usize = 500;

const POST_REPLY: &str = "reply";
const POST_INTERNAL: &str = "internal";
const POST_TRANSFER: &str = "transfer";
const POST_STATUS: &str = "status";

fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn parse_kind(raw: &str) -> Result<TicketKind> {
    raw.parse()
        .map_err(|e: shared::ticket::UnknownTicketKind| Error::Internal(e.to_string()))
}

fn parse_status(raw: &str) -> Result<TicketStatus> {
    raw.parse()
        .map_err(|e: shared::ticket::UnknownTicketStatus| Error::Internal(e.to_string()))
}

fn staff_member(actor: &Actor) -> Option<&Member> {
    actor.member().filter(|m| m.role.is_staff())
}

fn scope_for(actor: &Actor, row: &ticket::Model) -> Scope {
    match actor.member() {
        Some(member) if member.id == row.author_id => Scope::Own,
        _ => Scope::Others,
    }
}

/// The ticket with this public number (`VOC-000123`), or 404 naming it.
async fn find<C: sea_orm::ConnectionTrait>(
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
async fn departments(ctx: &Ctx) -> Result<HashMap<i32, department::Model>> {
    Ok(department::Entity::find()
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect())
}

fn department_ref(all: &HashMap<i32, department::Model>, id: Option<i32>) -> Option<DepartmentRef> {
    id.and_then(|id| all.get(&id)).map(|d| DepartmentRef {
        slug: d.slug.clone(),
        name: d.name.clone(),
    })
}

fn target_minutes(all: &HashMap<i32, department::Model>, id: Option<i32>) -> i32 {
    id.and_then(|id| all.get(&id))
        .map_or(DEFAULT_TARGET_MINUTES, |d| d.first_response_minutes)
}

/// The promise of a ticket, how long it has run, and whether it broke.
fn first_response(
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

fn person(people: &HashMap<i32, UserRef>, id: i32) -> Result<UserRef> {
    people
        .get(&id)
        .cloned()
        .ok_or_else(|| Error::Internal(format!("member {id} missing")))
}

fn card(
    row: ticket::Model,
    all: &HashMap<i32, department::Model>,
    people: &HashMap<i32, UserRef>,
    now: DateTime<Utc>,
) -> Result<TicketCard> {
    let first = first_response(&row, target_minutes(all, row.department_id), people, now);
    Ok(TicketCard {
        number: ticket_number(i64::from(row.id)),
        kind: parse_kind(&row.kind)?,
        status: parse_status(&row.status)?,
        department: department_ref(all, row.department_id),
        author: person(people, row.author_id)?,
        assignee: row.assignee_id.map(|id| person(people, id)).transpose()?,
        me_too: i64::from(row.me_too_count),
        first_response: first,
        created_at: rfc3339(row.created_at),
        title: row.title,
    })
}

fn validate_new(input: &NewTicket) -> Result<(String, Option<String>)> {
    let mut errors = BTreeMap::new();
    let title = input.title.trim().to_owned();
    if !(5..=120).contains(&title.chars().count()) {
        errors.insert("title".to_owned(), "must be 5–120 characters".to_owned());
    }
    let body_chars = input.body.chars().count();
    if input.body.trim().is_empty() {
        errors.insert("body".to_owned(), "must describe what happened".to_owned());
    } else if body_chars > BODY_MAX_CHARS {
        errors.insert(
            "body".to_owned(),
            format!("must be at most {BODY_MAX_CHARS} characters (it has {body_chars})"),
        );
    }
    let private = input
        .private_details
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned);
    if private
        .as_deref()
        .is_some_and(|p| p.chars().count() > PRIVATE_DETAILS_MAX_CHARS)
    {
        errors.insert(
            "private_details".to_owned(),
            format!("must be at most {PRIVATE_DETAILS_MAX_CHARS} characters"),
        );
    }
    if errors.is_empty() {
        Ok((title, private))
    } else {
        Err(Error::Invalid(errors))
    }
}

/// Files a ticket. Without a department, Customer Care triages it.
pub async fn create(ctx: &Ctx, actor: &Actor, input: NewTicket) -> Result<TicketView> {
    let member = policy::member_for(actor, Action::OpenTicket, Scope::Others)?;
    let (title, private) = validate_new(&input)?;
    let slug = input.department.as_deref().filter(|s| !s.is_empty());
    let department = match crate::department::find_for_field(ctx, slug).await? {
        Some(found) => Some(found),
        None => {
            department::Entity::find()
                .filter(department::Column::Slug.eq(TRIAGE_DEPARTMENT))
                .one(&ctx.db)
                .await?
        }
    };
    let target = department
        .as_ref()
        .map_or(DEFAULT_TARGET_MINUTES, |d| d.first_response_minutes);
    crate::guard::admit(
        ctx,
        member,
        crate::guard::Post::Ticket,
        "body",
        &[&title, &input.body],
    )
    .await?;
    let now = ctx.clock.now();
    let txn = crate::db::begin_write(&ctx.db).await?;
    let row = ticket::ActiveModel {
        kind: Set(input.kind.as_str().to_owned()),
        title: Set(title),
        body_html: Set(markdown::render(&input.body)),
        body_md: Set(input.body),
        private_details: Set(private),
        status: Set(TicketStatus::Open.as_str().to_owned()),
        department_id: Set(department.map(|d| d.id)),
        author_id: Set(member.id),
        created_at: Set(now),
        updated_at: Set(now),
        sla_started_at: Set(now),
        sla_due_at: Set(Some(now + Duration::minutes(i64::from(target)))),
        first_response_at: Set(None),
        first_response_by_id: Set(None),
        resolved_at: Set(None),
        assignee_id: Set(None),
        me_too_count: Set(0),
        rating_score: Set(None),
        rating_comment: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let number = ticket_number(i64::from(row.id));
    crate::events::publish(
        &txn,
        crate::events::QUEUE.to_owned(),
        "ticket",
        crate::events::Audience::Staff,
        serde_json::json!({"number": number}),
        now,
    )
    .await?;
    txn.commit().await?;
    get(ctx, actor, &number).await
}

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
        .filter(|p| p.kind != POST_INTERNAL || staff)
        .collect::<Vec<_>>();
    let people = crate::user::refs(
        ctx,
        [row.author_id]
            .into_iter()
            .chain(row.assignee_id)
            .chain(row.first_response_by_id)
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
    let status = parse_status(&row.status)?;
    let finished = matches!(status, TicketStatus::Resolved | TicketStatus::Closed);
    let own = scope == Scope::Own;
    let can = TicketAbilities {
        reply: status != TicketStatus::Closed && (own || staff),
        staff,
        reopen: own && finished && row.resolved_at.is_some_and(|at| now - at <= REOPEN_WINDOW),
        rate: own && finished,
        me_too: actor.member().is_some() && !own,
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
            Ok(TicketPost {
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
        kind: parse_kind(&row.kind)?,
        status,
        department: department_ref(&all, row.department_id),
        author: person(&people, row.author_id)?,
        assignee: row.assignee_id.map(|id| person(&people, id)).transpose()?,
        me_too: i64::from(row.me_too_count),
        me_too_mine,
        first_response: first_response(&row, target_minutes(&all, row.department_id), &people, now),
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

/// Public tickets, newest first, or the staff queue (`sort=urgent`): open
/// work ordered by the first-answer deadline, answered tickets after.
pub async fn list(ctx: &Ctx, actor: &Actor, query: &TicketQuery) -> Result<Page<TicketCard>> {
    let limit = query.limit.unwrap_or(DEFAULT_PAGE_LIMIT);
    if !PAGE_LIMIT_RANGE.contains(&limit) {
        return Err(Error::invalid("limit", "must be between 1 and 100"));
    }
    let urgent = match query.sort.as_deref() {
        None | Some("" | "new") => false,
        Some("urgent") => true,
        Some(other) => {
            return Err(Error::invalid(
                "sort",
                format!("`{other}` is not a sort order; use `new` or `urgent`"),
            ));
        }
    };
    if urgent {
        policy::authorize(actor, Action::ReadStaffQueue, Scope::Others)?;
    }
    if urgent {
        policy::authorize(actor, Action::ReadStaffQueue, Scope::Others)?;
    }
    let mut select = ticket::Entity::find();
    if let Some(status) = query.status {
        select = select.filter(ticket::Column::Status.eq(status.as_str()));
    } else if urgent {
        select = select.filter(ticket::Column::Status.is_not_in([
            TicketStatus::Resolved.as_str(),
            TicketStatus::Closed.as_str(),
        ]));
    }
    if let Some(kind) = query.kind {
        select = select.filter(ticket::Column::Kind.eq(kind.as_str()));
    }
    if let Some(slug) = query.department.as_deref().filter(|s| !s.is_empty()) {
        let found = crate::department::find_for_field(ctx, Some(slug)).await?;
        select = select.filter(ticket::Column::DepartmentId.eq(found.map(|d| d.id)));
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
                let id: i32 = id
                    .parse()
                    .map_err(|_| Error::invalid("assignee", "use `me`, `none` or a member id"))?;
                select.filter(ticket::Column::AssigneeId.eq(id))
            }
        };
    }
    let (rows, next_cursor) = if urgent {
        let offset: u64 = match query.cursor.as_deref().filter(|c| !c.is_empty()) {
            Some(raw) => raw
                .strip_prefix("o.")
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| Error::invalid("cursor", "is not a cursor of this list"))?,
            None => 0,
        };
        let mut rows = select
            .order_by_asc(Expr::col(ticket::Column::SlaDueAt).is_null())
            .order_by_asc(ticket::Column::SlaDueAt)
            .order_by_asc(ticket::Column::Id)
            .offset(offset)
            .limit(limit + 1)
            .all(&ctx.db)
            .await?;
        let more = rows.len() as u64 > limit;
        rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        (rows, more.then(|| format!("o.{}", offset + limit)))
    } else {
        if let Some(raw) = query.cursor.as_deref().filter(|c| !c.is_empty()) {
            let before: i32 = raw
                .strip_prefix("n.")
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| Error::invalid("cursor", "is not a cursor of this list"))?;
            select = select.filter(ticket::Column::Id.lt(before));
        }
        let mut rows = select
            .order_by_desc(ticket::Column::Id)
            .limit(limit + 1)
            .all(&ctx.db)
            .await?;
        let more = rows.len() as u64 > limit;
        rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        let next = if more {
            rows.last().map(|r| format!("n.{}", r.id))
        } else {
            None
        };
        (rows, next)
    };
    let mut ids: Vec<i32> = Vec::with_capacity(rows.len() * 3);
    for row in &rows {
        ids.push(row.author_id);
        ids.extend(row.assignee_id);
        ids.extend(row.first_response_by_id);
    }
    let people = crate::user::refs(ctx, ids).await?;
    let all = departments(ctx).await?;
    let now = ctx.clock.now();
    let items = rows
        .into_iter()
        .map(|row| card(row, &all, &people, now))
        .collect::<Result<Vec<_>>>()?;
    Ok(Page { items, next_cursor })
}

fn validate_text(field: &str, text: &str, min: usize) -> Result<()> {
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

async fn insert_post(
    txn: &sea_orm::DatabaseTransaction,
    ticket_id: i32,
    author_id: i32,
    kind: &str,
    text: &str,
    at: DateTime<Utc>,
) -> Result<ticket_post::Model> {
    let post = ticket_post::ActiveModel {
        ticket_id: Set(ticket_id),
        author_id: Set(author_id),
        kind: Set(kind.to_owned()),
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
    let audience = if kind == POST_INTERNAL {
        crate::events::Audience::Staff
    } else {
        crate::events::Audience::Public
    };
    let payload = serde_json::json!({"number": number, "post": post.id, "kind": kind});
    crate::events::publish(
        txn,
        crate::events::ticket_topic(&number),
        "post",
        audience,
        payload.clone(),
        at,
    )
    .await?;
    crate::events::publish(
        txn,
        crate::events::QUEUE.to_owned(),
        "ticket",
        crate::events::Audience::Staff,
        payload,
        at,
    )
    .await?;
    Ok(post)
}

/// A reply in the thread: public from the author or staff (the first staff
/// reply keeps the promise), or an internal note from staff.
pub async fn reply(
    ctx: &Ctx,
    actor: &Actor,
    number: &str,
    input: NewTicketReply,
) -> Result<TicketView> {
    validate_text("body", &input.body, 1)?;
    let now = ctx.clock.now();
    let promise = match &input.commitment {
        Some(commitment) => {
            policy::authorize(actor, Action::MakeCommitment, Scope::Others)?;
            Some((commitment, crate::commitment::validate(commitment, now)?))
        }
        None => None,
    };
    let remedy = match &input.remedy {
        Some(remedy) => {
            policy::authorize(actor, Action::GrantRemedy, Scope::Others)?;
            Some(crate::remedy::validate(remedy)?)
        }
        None => None,
    };
    if input.internal && (promise.is_some() || remedy.is_some()) {
        return Err(Error::invalid(
            "internal",
            "promises and remedies are made in public replies, not internal notes",
        ));
    }
    let txn = db::begin_write(&ctx.db).await?;
    let row = find(&txn, number, true).await?;
    let scope = scope_for(actor, &row);
    let member = if input.internal {
        policy::member_for(actor, Action::PostInternalNote, Scope::Others)?
    } else {
        policy::member_for(actor, Action::ReplyTicket, scope)?
    };
    let status = parse_status(&row.status)?;
    if status == TicketStatus::Closed {
        return Err(Error::Conflict(
            "this ticket is closed; file a new one or ask staff to reopen it".to_owned(),
        ));
    }
    let kind = if input.internal {
        POST_INTERNAL
    } else {
        POST_REPLY
    };
    let post = insert_post(&txn, row.id, member.id, kind, &input.body, now).await?;
    if let Some((commitment, due_on)) = promise {
        crate::commitment::make(&txn, member, &row, post.id, commitment, due_on, now).await?;
    }
    if let Some(valid) = remedy {
        crate::remedy::grant(&txn, member, &row, valid, now).await?;
    }
    let staff_reply = !input.internal && member.role.is_staff() && scope == Scope::Others;
    let author_reply = scope == Scope::Own;
    let mut active = row.clone().into_active_model();
    active.updated_at = Set(now);
    if staff_reply && row.first_response_at.is_none() {
        active.first_response_at = Set(Some(now));
        active.first_response_by_id = Set(Some(member.id));
        active.sla_due_at = Set(None);
        if status == TicketStatus::Open {
            active.status = Set(TicketStatus::Acknowledged.as_str().to_owned());
        }
    }
    if staff_reply {
        crate::notification::tell_member(
            &txn,
            row.author_id,
            crate::notification::TICKET_ANSWERED,
            member.id,
            format!("{number}: {} answered", row.title),
            &input.body,
            format!("/tickets/{number}"),
            now,
        )
        .await?;
    }
    if author_reply && status == TicketStatus::WaitingForCustomer {
        active.status = Set(TicketStatus::InProgress.as_str().to_owned());
    }
    active.update(&txn).await?;
    txn.commit().await?;
    get(ctx, actor, number).await
}

/// Hands a ticket to the department that can solve it, with a public note;
/// if nobody has answered yet, the new department's promise starts now.
pub async fn transfer(
    ctx: &Ctx,
    actor: &Actor,
    number: &str,
    input: TicketTransfer,
) -> Result<TicketView> {
    let member = policy::member_for(actor, Action::TransferTicket, Scope::Others)?;
    validate_text("note", &input.note, 5)?;
    let target = crate::department::find_for_field(ctx, Some(input.department.as_str()))
        .await?
        .ok_or_else(|| Error::invalid("department", "name the department to hand it to"))?;
    let txn = db::begin_write(&ctx.db).await?;
    let row = find(&txn, number, true).await?;
    if row.department_id == Some(target.id) {
        return Err(Error::invalid(
            "department",
            format!("the ticket is already with {}", target.name),
        ));
    }
    let now = ctx.clock.now();
    let mut post = insert_post(&txn, row.id, member.id, POST_TRANSFER, &input.note, now)
        .await?
        .into_active_model();
    post.from_department_id = Set(row.department_id);
    post.to_department_id = Set(Some(target.id));
    post.update(&txn).await?;
    crate::audit::Entry::new(member.id, "ticket.transferred", "ticket", number)
        .before(serde_json::json!({"department_id": row.department_id}))
        .after(serde_json::json!({"department_id": target.id, "note": input.note}))
        .write(&txn, now)
        .await?;
    let unanswered = row.first_response_at.is_none();
    let mut active = row.into_active_model();
    active.department_id = Set(Some(target.id));
    active.assignee_id = Set(None);
    active.updated_at = Set(now);
    if unanswered {
        active.sla_started_at = Set(now);
        active.sla_due_at = Set(Some(
            now + Duration::minutes(i64::from(target.first_response_minutes)),
        ));
    }
    active.update(&txn).await?;
    txn.commit().await?;
    get(ctx, actor, number).await
}

/// Moves a ticket to a new status. Staff may set any; the author may mark
/// it resolved or closed, and reopen it within 14 days of resolution.
pub async fn change_status(
    ctx: &Ctx,
    actor: &Actor,
    number: &str,
    input: TicketStatusChange,
) -> Result<TicketView> {
    let note = input
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned);
    if let Some(text) = &note {
        validate_text("note", text, 1)?;
    }
    let txn = db::begin_write(&ctx.db).await?;
    let row = find(&txn, number, true).await?;
    let scope = scope_for(actor, &row);
    let from = parse_status(&row.status)?;
    let now = ctx.clock.now();
    let member = if let Some(staff) = staff_member(actor) {
        staff
    } else {
        let member = actor.member().ok_or(Error::Unauthenticated)?;
        if scope != Scope::Own {
            return Err(Error::Forbidden(
                "Only staff or the ticket's author may change its status.".to_owned(),
            ));
        }
        let finished = matches!(from, TicketStatus::Resolved | TicketStatus::Closed);
        match input.status {
            TicketStatus::Resolved | TicketStatus::Closed => {}
            TicketStatus::Open if finished => {
                policy::authorize(actor, Action::ReopenTicket, scope)?;
                let in_window = row.resolved_at.is_some_and(|at| now - at <= REOPEN_WINDOW);
                if !in_window {
                    return Err(Error::Conflict(
                        "tickets can be reopened for 14 days after resolution; please file a new one"
                            .to_owned(),
                    ));
                }
            }
            _ => {
                return Err(Error::Forbidden(
                    "Authors may resolve, close or reopen their ticket; other statuses are set by staff."
                        .to_owned(),
                ));
            }
        }
        member
    };
    if from == input.status {
        return Err(Error::Conflict(format!(
            "the ticket is already {}",
            input.status.as_str()
        )));
    }
    let mut post = insert_post(
        &txn,
        row.id,
        member.id,
        POST_STATUS,
        note.as_deref().unwrap_or_default(),
        now,
    )
    .await?
    .into_active_model();
    post.status = Set(Some(input.status.as_str().to_owned()));
    post.update(&txn).await?;
    if member.role.is_staff() {
        crate::audit::Entry::new(member.id, "ticket.status_changed", "ticket", number)
            .before(serde_json::json!({"status": from.as_str()}))
            .after(serde_json::json!({"status": input.status.as_str(), "note": note}))
            .write(&txn, now)
            .await?;
    }
    let mut active = row.into_active_model();
    active.status = Set(input.status.as_str().to_owned());
    active.updated_at = Set(now);
    match input.status {
        TicketStatus::Resolved => active.resolved_at = Set(Some(now)),
        TicketStatus::Closed => {}
        _ => active.resolved_at = Set(None),
    }
    active.update(&txn).await?;
    txn.commit().await?;
    get(ctx, actor, number).await
}

/// Claims or assigns a ticket to a staff member (or releases it).
pub async fn assign(
    ctx: &Ctx,
    actor: &Actor,
    number: &str,
    input: TicketAssignment,
) -> Result<TicketView> {
    let staff = policy::member_for(actor, Action::AssignTicket, Scope::Others)?;
    let assignee = match input.assignee {
        Some(id) => {
            let staff = i32::try_from(id).ok().map(user::Entity::find_by_id);
            let found = match staff {
                Some(select) => select.one(&ctx.db).await?,
                None => None,
            };
            let found = found
                .filter(|u| u.deleted_at.is_none())
                .filter(|u| {
                    u.role
                        .parse::<shared::Role>()
                        .is_ok_and(shared::Role::is_staff)
                })
                .ok_or_else(|| Error::invalid("assignee", "must be a staff member"))?;
            Some(found.id)
        }
        None => None,
    };
    let row = find(&ctx.db, number, false).await?;
    let now = ctx.clock.now();
    crate::audit::Entry::new(staff.id, "ticket.assigned", "ticket", number)
        .before(serde_json::json!({"assignee_id": row.assignee_id}))
        .after(serde_json::json!({"assignee_id": assignee}))
        .write(&ctx.db, now)
        .await?;
    let mut active = row.into_active_model();
    active.assignee_id = Set(assignee);
    active.updated_at = Set(now);
    active.update(&ctx.db).await?;
    get(ctx, actor, number).await
}

/// Says (or takes back) "me too": another member is affected as well.
pub async fn me_too(ctx: &Ctx, actor: &Actor, number: &str, affected: bool) -> Result<MeTooState> {
    let member = policy::member_for(actor, Action::MeToo, Scope::Others)?;
    let txn = db::begin_write(&ctx.db).await?;
    let row = find(&txn, number, true).await?;
    if row.author_id == member.id {
        return Err(Error::Conflict(
            "you filed this ticket; \"me too\" is for others affected".to_owned(),
        ));
    }
    if affected {
        ticket_me_too::Entity::insert(ticket_me_too::ActiveModel {
            ticket_id: Set(row.id),
            user_id: Set(member.id),
            created_at: Set(ctx.clock.now()),
        })
        .on_conflict_do_nothing_on([
            ticket_me_too::Column::TicketId,
            ticket_me_too::Column::UserId,
        ])
        .exec_without_returning(&txn)
        .await?;
    } else {
        ticket_me_too::Entity::delete_many()
            .filter(ticket_me_too::Column::TicketId.eq(row.id))
            .filter(ticket_me_too::Column::UserId.eq(member.id))
            .exec(&txn)
            .await?;
    }
    let count = ticket_me_too::Entity::find()
        .filter(ticket_me_too::Column::TicketId.eq(row.id))
        .count(&txn)
        .await?;
    let count = i32::try_from(count).unwrap_or(i32::MAX);
    ticket::Entity::update_many()
        .col_expr(ticket::Column::MeTooCount, Expr::value(count))
        .filter(ticket::Column::Id.eq(row.id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(MeTooState {
        me_too: i64::from(count),
        mine: affected,
    })
}

/// The author rates how the ticket was handled, once it is resolved;
/// rating again replaces the rating.
pub async fn rate(ctx: &Ctx, actor: &Actor, number: &str, input: Rating) -> Result<TicketView> {
    let row = find(&ctx.db, number, false).await?;
    policy::authorize(actor, Action::RateTicket, scope_for(actor, &row))?;
    let mut errors = BTreeMap::new();
    if !(1..=5).contains(&input.score) {
        errors.insert("score".to_owned(), "must be 1 to 5".to_owned());
    }
    let comment = input
        .comment
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned);
    if comment.as_deref().is_some_and(|c| c.chars().count() > 1000) {
        errors.insert(
            "comment".to_owned(),
            "must be at most 1000 characters".to_owned(),
        );
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let status = parse_status(&row.status)?;
    if !matches!(status, TicketStatus::Resolved | TicketStatus::Closed) {
        return Err(Error::Conflict(
            "a ticket can be rated once it is resolved".to_owned(),
        ));
    }
    let mut active = row.into_active_model();
    active.rating_score = Set(i32::try_from(input.score).ok());
    active.rating_comment = Set(comment);
    active.update(&ctx.db).await?;
    get(ctx, actor, number).await
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ticket_at(started: DateTime<Utc>, answered: Option<DateTime<Utc>>) -> ticket::Model {
        ticket::Model {
            id: 1,
            kind: "complaint".to_owned(),
            title: "t".to_owned(),
            body_md: String::new(),
            body_html: String::new(),
            private_details: None,
            status: "open".to_owned(),
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
