//! Changing tickets: filing one, replies and internal notes, hand-offs
//! between departments and assignment (status changes: `status`).

use std::collections::BTreeMap;

use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use shared::idea::BODY_MAX_CHARS;
use shared::ticket::ticket_number;
use shared::{
    NewTicket, NewTicketReply, TicketAssignment, TicketStatus, TicketTransfer, TicketView,
};

use super::clock;
use super::news::{self, Audience, News};
use super::store::{
    PRIVATE_DETAILS_MAX_CHARS, TRIAGE_DEPARTMENT, find, holding_department, insert_post, scope_for,
    validate_text,
};
use super::view::get;
use crate::actor::Actor;
use crate::entity::{department, ticket, user};
use crate::i18n::Message;
use crate::personal_data::{self, Instead};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, markdown};
use shared::{ClockKind, ClockOutcome, TicketPostKind};

fn validate_new(input: &NewTicket) -> Result<(String, Option<String>)> {
    let mut errors = BTreeMap::new();
    let title = input.title.trim().to_owned();
    if !(5..=120).contains(&title.chars().count()) {
        errors.insert(
            "title".to_owned(),
            crate::msg!("field.must_5_120_characters"),
        );
    }
    let body_chars = input.body.chars().count();
    if input.body.trim().is_empty() {
        errors.insert(
            "body".to_owned(),
            crate::msg!("command.must_describe_what_happened"),
        );
    } else if body_chars > BODY_MAX_CHARS {
        errors.insert(
            "body".to_owned(),
            crate::msg!(
                "field.must_at_most_characters_has",
                body_max_chars = BODY_MAX_CHARS,
                body_chars = body_chars
            ),
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
            crate::msg!(
                "command.must_at_most_characters_2",
                private_details_max_chars = PRIVATE_DETAILS_MAX_CHARS
            ),
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
    let txn = ctx.begin_write().await?;
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
        ctx.settings.time_zone,
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
            Some((
                commitment,
                crate::commitment::validate(commitment, now, ctx.settings.time_zone)?,
            ))
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
            crate::msg!("command.promises_remedies_are_made_public"),
        ));
    }
    let txn = ctx.begin_write().await?;
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
        return Err(Error::Conflict(crate::msg!(
            "command.ticket_closed_file_new_one"
        )));
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
                did: crate::msg!("notice.did.promised", due_on = &due_on),
                text: Message::said(commitment.text.clone()),
            },
            &[Audience::Author],
            now,
        )
        .await?;
    }
    if let Some(valid) = remedy {
        let granted = crate::remedy::grant(
            &txn,
            member,
            &row,
            post.id,
            valid,
            now,
            crate::remedy::month_start(now, &ctx.settings),
        )
        .await?;
        if granted.status == shared::RemedyStatus::Granted {
            let remedy =
                crate::remedy::described(granted.kind, granted.amount_won, &granted.description);
            news::tell(
                &txn,
                News {
                    ticket: &row,
                    actor_id: member.id,
                    kind: shared::NotificationKind::RemedyGranted,
                    did: crate::msg!(
                        "notice.did.granted",
                        amount = shared::promise::won(granted.amount_won)
                    )
                    .arg_message("remedy", remedy.clone()),
                    text: remedy,
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
                did: Message::new("notice.did.answered"),
                text: Message::said(input.body.clone()),
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
                ctx.settings.time_zone,
            )
            .await?;
        }
        news::tell(
            &txn,
            News {
                ticket: &row,
                actor_id: member.id,
                kind: shared::NotificationKind::CustomerReplied,
                did: Message::new("notice.did.wrote_again"),
                text: Message::said(input.body.clone()),
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
        .ok_or_else(|| Error::invalid("department", crate::msg!("command.name_department_hand")))?;
    let txn = ctx.begin_write().await?;
    let row = find(&txn, number, true).await?;
    if row.department_id == Some(target.id) {
        return Err(Error::invalid(
            "department",
            crate::msg!("command.ticket_already_with").arg_names("name", target.names()),
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
    let did = crate::msg!("notice.did.handed").arg_names("department", target.names());
    news::tell(
        &txn,
        News {
            ticket: &row,
            actor_id: member.id,
            kind: shared::NotificationKind::TicketHandedOff,
            did: did.clone(),
            text: Message::said(input.note.clone()),
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
            text: Message::said(input.note.clone()),
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
            ctx.settings.time_zone,
        )
        .await?;
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
                .filter(|u| u.role.is_staff())
                .ok_or_else(|| {
                    Error::invalid("assignee", crate::msg!("command.must_staff_member"))
                })?;
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
