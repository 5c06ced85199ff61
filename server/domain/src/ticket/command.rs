//! Changing tickets: filing one, replies and internal notes, hand-offs
//! between departments, status changes and assignment.

use std::collections::BTreeMap;

use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use shared::idea::BODY_MAX_CHARS;
use shared::ticket::ticket_number;
use shared::{
    NewTicket, NewTicketReply, TicketAssignment, TicketStatus, TicketStatusChange, TicketTransfer,
    TicketView,
};

use super::clock;
use super::news::{self, Audience, News};
use super::store::{
    PRIVATE_DETAILS_MAX_CHARS, REOPEN_WINDOW, TRIAGE_DEPARTMENT, find, insert_post, scope_for,
    staff_member, validate_text,
};
use super::view::get;
use crate::actor::Actor;
use crate::entity::{department, ticket, user};
use crate::personal_data::{self, Instead};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, db, markdown};
use shared::ticket::OpenPromises;
use shared::{ClockKind, ClockOutcome, TicketPostKind};

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
    personal_data::refuse(
        &[("title", &title), ("body", &input.body)],
        Instead::PrivateDetails,
    )?;
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
    let saved = ticket::ActiveModel {
        kind: Set(input.kind),
        title: Set(title),
        body_html: Set(markdown::render(&input.body)),
        body_md: Set(input.body),
        private_details: Set(private),
        status: Set(TicketStatus::Open),
        department_id: Set(department.as_ref().map(|d| d.id)),
        author_id: Set(member.id),
        created_at: Set(now),
        updated_at: Set(now),
        sla_started_at: Set(now),
        sla_due_at: Set(None),
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
    let mut row = saved.clone().into_active_model();
    clock::start(
        &txn,
        &mut row,
        saved.id,
        department.as_ref(),
        ClockKind::First,
        now,
    )
    .await?;
    row.update(&txn).await?;
    let number = ticket_number(i64::from(saved.id));
    crate::events::publish(
        &txn,
        crate::events::QUEUE.to_owned(),
        crate::events::Audience::Staff,
        &shared::LiveEvent::Ticket {
            number: number.clone(),
            post: None,
            kind: None,
        },
        now,
    )
    .await?;
    txn.commit().await?;
    get(ctx, actor, &number).await
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
    if !input.internal {
        personal_data::refuse(&[("body", &input.body)], Instead::TicketThread)?;
    }
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
    if promise.is_some() || remedy.is_some() {
        crate::remedy::refuse_own(member, &row)?;
    }
    let status = row.status;
    if status == TicketStatus::Closed {
        return Err(Error::Conflict(
            "this ticket is closed; file a new one or ask staff to reopen it".to_owned(),
        ));
    }
    let kind = if input.internal {
        TicketPostKind::Internal
    } else {
        TicketPostKind::Reply
    };
    let post = insert_post(&txn, row.id, member.id, kind, &input.body, now).await?;
    if let Some((commitment, due_on)) = promise {
        crate::commitment::make(&txn, member, &row, post.id, commitment, due_on.clone(), now)
            .await?;
        news::tell(
            &txn,
            News {
                ticket: &row,
                actor_id: member.id,
                kind: shared::NotificationKind::CommitmentMade,
                did: format!("promised by {due_on}"),
                text: &commitment.text,
            },
            &[Audience::Author],
            now,
        )
        .await?;
    }
    if let Some(valid) = remedy {
        let granted = crate::remedy::grant(&txn, member, &row, post.id, valid, now).await?;
        if granted.status == shared::RemedyStatus::Granted {
            news::tell(
                &txn,
                News {
                    ticket: &row,
                    actor_id: member.id,
                    kind: shared::NotificationKind::RemedyGranted,
                    did: format!(
                        "granted {} ({} won)",
                        granted.description, granted.amount_won
                    ),
                    text: &granted.description,
                },
                &[Audience::Author],
                now,
            )
            .await?;
        }
    }
    let staff_reply = !input.internal && member.role.is_staff() && scope == Scope::Others;
    let author_reply = scope == Scope::Own;
    let running = clock::running(&txn, row.id).await?;
    let mut active = row.clone().into_active_model();
    active.updated_at = Set(now);
    if staff_reply {
        if status == TicketStatus::Open {
            active.status = Set(TicketStatus::Acknowledged);
        }
        if let Some(kept) = running.filter(|c| clock::answers(c, member)) {
            clock::stop(
                &txn,
                &mut active,
                kept,
                ClockOutcome::Answered,
                Some(member.id),
                now,
            )
            .await?;
            if row.first_response_at.is_none() {
                active.first_response_at = Set(Some(now));
                active.first_response_by_id = Set(Some(member.id));
            }
        }
        news::tell(
            &txn,
            News {
                ticket: &row,
                actor_id: member.id,
                kind: shared::NotificationKind::TicketAnswered,
                did: "answered".to_owned(),
                text: &input.body,
            },
            &[Audience::Author, Audience::MeToo],
            now,
        )
        .await?;
    } else if author_reply {
        if running.is_none() {
            // The customer wrote again after an answer: the department's
            // promise applies again to the next answer.
            let holder = holding_department(&txn, row.department_id).await?;
            clock::start(
                &txn,
                &mut active,
                row.id,
                holder.as_ref(),
                ClockKind::NextReply,
                now,
            )
            .await?;
        }
        news::tell(
            &txn,
            News {
                ticket: &row,
                actor_id: member.id,
                kind: shared::NotificationKind::CustomerReplied,
                did: "wrote again".to_owned(),
                text: &input.body,
            },
            &[Audience::Assignee],
            now,
        )
        .await?;
    }
    if author_reply && status == TicketStatus::WaitingForCustomer {
        active.status = Set(TicketStatus::InProgress);
    }
    active.update(&txn).await?;
    txn.commit().await?;
    get(ctx, actor, number).await
}

/// The department holding a ticket, whose promise a new clock carries.
async fn holding_department(
    txn: &sea_orm::DatabaseTransaction,
    id: Option<i32>,
) -> Result<Option<department::Model>> {
    Ok(match id {
        Some(id) => department::Entity::find_by_id(id).one(txn).await?,
        None => None,
    })
}

/// Hands a ticket to the department that can solve it, with a public note.
/// The note is not an answer: the receiving department's own promise starts
/// now and runs until it answers.
pub async fn transfer(
    ctx: &Ctx,
    actor: &Actor,
    number: &str,
    input: TicketTransfer,
) -> Result<TicketView> {
    let member = policy::member_for(actor, Action::TransferTicket, Scope::Others)?;
    validate_text("note", &input.note, 5)?;
    personal_data::refuse(&[("note", &input.note)], Instead::TicketThread)?;
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
    let mut post = insert_post(
        &txn,
        row.id,
        member.id,
        TicketPostKind::Transfer,
        &input.note,
        now,
    )
    .await?
    .into_active_model();
    post.from_department_id = Set(row.department_id);
    post.to_department_id = Set(Some(target.id));
    post.update(&txn).await?;
    crate::audit::Entry::new(
        member.id,
        shared::AuditAction::TicketTransferred,
        "ticket",
        number,
    )
    .before(serde_json::json!({"department_id": row.department_id}))
    .after(serde_json::json!({"department_id": target.id, "note": input.note}))
    .write(&txn, now)
    .await?;
    let did = format!("handed it to {}", target.name);
    news::tell(
        &txn,
        News {
            ticket: &row,
            actor_id: member.id,
            kind: shared::NotificationKind::TicketHandedOff,
            did: did.clone(),
            text: &input.note,
        },
        &[Audience::Author, Audience::MeToo],
        now,
    )
    .await?;
    news::tell(
        &txn,
        News {
            ticket: &row,
            actor_id: member.id,
            kind: shared::NotificationKind::TicketHandedToDepartment,
            did,
            text: &input.note,
        },
        &[Audience::Department(target.id)],
        now,
    )
    .await?;
    let finished = matches!(row.status, TicketStatus::Resolved | TicketStatus::Closed);
    let ticket_id = row.id;
    let mut active = row.into_active_model();
    active.department_id = Set(Some(target.id));
    active.assignee_id = Set(None);
    active.updated_at = Set(now);
    if let Some(passed) = clock::running(&txn, ticket_id).await? {
        clock::stop(
            &txn,
            &mut active,
            passed,
            ClockOutcome::HandedOff,
            Some(member.id),
            now,
        )
        .await?;
    }
    if !finished {
        clock::start(
            &txn,
            &mut active,
            ticket_id,
            Some(&target),
            ClockKind::HandOff,
            now,
        )
        .await?;
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
        personal_data::refuse(&[("note", text)], Instead::TicketThread)?;
    }
    let txn = db::begin_write(&ctx.db).await?;
    let row = find(&txn, number, true).await?;
    let scope = scope_for(actor, &row);
    let from = row.status;
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
    let finishing = matches!(input.status, TicketStatus::Resolved | TicketStatus::Closed);
    let running = clock::running(&txn, row.id).await?;
    let staff_finishes_unanswered = finishing && scope == Scope::Others && running.is_some();
    if staff_finishes_unanswered && note.is_none() {
        return Err(Error::invalid(
            "note",
            "the customer is waiting for an answer: say publicly why it is closed (for example “duplicate of VOC-000123”)",
        ));
    }
    if finishing && scope == Scope::Others {
        settle_open_promises(&txn, member, &row, &input, now).await?;
    }
    let mut post = insert_post(
        &txn,
        row.id,
        member.id,
        TicketPostKind::Status,
        note.as_deref().unwrap_or_default(),
        now,
    )
    .await?
    .into_active_model();
    post.status = Set(Some(input.status.as_str().to_owned()));
    post.update(&txn).await?;
    if scope == Scope::Others {
        // The author hears of every change; "me too" members of the end.
        let audiences: &[Audience] = if finishing {
            &[Audience::Author, Audience::MeToo]
        } else {
            &[Audience::Author]
        };
        news::tell(
            &txn,
            News {
                ticket: &row,
                actor_id: member.id,
                kind: shared::NotificationKind::TicketStatusChanged,
                did: format!("marked it {}", input.status.as_str().replace('_', " ")),
                text: note.as_deref().unwrap_or_default(),
            },
            audiences,
            now,
        )
        .await?;
    }
    if member.role.is_staff() {
        crate::audit::Entry::new(
            member.id,
            shared::AuditAction::TicketStatusChanged,
            "ticket",
            number,
        )
        .before(serde_json::json!({"status": from.as_str()}))
        .after(serde_json::json!({"status": input.status.as_str(), "note": note}))
        .write(&txn, now)
        .await?;
    }
    let answered_before = row.first_response_at.is_some();
    let (ticket_id, department_id) = (row.id, row.department_id);
    let mut active = row.into_active_model();
    active.status = Set(input.status);
    active.updated_at = Set(now);
    match running {
        // The public closing note is the answer, and its time counts
        // against the promise like any other answer.
        Some(open) if staff_finishes_unanswered => {
            clock::stop(
                &txn,
                &mut active,
                open,
                ClockOutcome::Answered,
                Some(member.id),
                now,
            )
            .await?;
            if !answered_before {
                active.first_response_at = Set(Some(now));
                active.first_response_by_id = Set(Some(member.id));
            }
        }
        // The customer closed it themselves: nobody waits any more.
        Some(open) if finishing => {
            clock::stop(&txn, &mut active, open, ClockOutcome::Withdrawn, None, now).await?;
        }
        // The customer reopened it: the next answer is owed again.
        None if scope == Scope::Own && input.status == TicketStatus::Open => {
            let holder = holding_department(&txn, department_id).await?;
            clock::start(
                &txn,
                &mut active,
                ticket_id,
                holder.as_ref(),
                ClockKind::NextReply,
                now,
            )
            .await?;
        }
        _ => {}
    }
    match input.status {
        TicketStatus::Resolved => active.resolved_at = Set(Some(now)),
        TicketStatus::Closed => {}
        _ => active.resolved_at = Set(None),
    }
    active.update(&txn).await?;
    txn.commit().await?;
    get(ctx, actor, number).await
}

/// Staff resolving or closing a ticket say what happens to its promises not
/// yet kept and remedies waiting for approval: kept open with their dates,
/// or withdrawn with a public reason. Promises never vanish unasked.
async fn settle_open_promises(
    txn: &sea_orm::DatabaseTransaction,
    member: &crate::actor::Member,
    row: &ticket::Model,
    input: &TicketStatusChange,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let promises = crate::commitment::open_on_ticket(txn, row.id).await?;
    let remedies = crate::remedy::waiting_on_ticket(txn, row.id).await?;
    if promises.is_empty() && remedies.is_empty() {
        return Ok(());
    }
    match input.open_promises {
        None => Err(Error::invalid(
            "open_promises",
            format!(
                "{} promise(s) not yet kept and {} remedy(ies) waiting for approval: keep them open with their dates, or withdraw them with a reason",
                promises.len(),
                remedies.len()
            ),
        )),
        Some(OpenPromises::Keep) => Ok(()),
        Some(OpenPromises::Withdraw) => {
            let reason = input
                .withdraw_reason
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .ok_or_else(|| {
                    Error::invalid(
                        "withdraw_reason",
                        "say publicly why the promises are withdrawn",
                    )
                })?;
            personal_data::refuse(&[("withdraw_reason", reason)], Instead::TicketThread)?;
            crate::commitment::withdraw_all(txn, member, promises, reason, now).await?;
            crate::remedy::withdraw_waiting(txn, member, remedies, reason, now).await
        }
    }
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
                .filter(|u| u.role.is_staff())
                .ok_or_else(|| Error::invalid("assignee", "must be a staff member"))?;
            Some(found.id)
        }
        None => None,
    };
    let row = find(&ctx.db, number, false).await?;
    let now = ctx.clock.now();
    crate::audit::Entry::new(
        staff.id,
        shared::AuditAction::TicketAssigned,
        "ticket",
        number,
    )
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
