//! A ticket's status: staff move it anywhere (resolving or closing one that
//! someone waits on needs a public note, which is the answer; open promises
//! are kept or withdrawn on purpose), the author resolves, closes or
//! reopens their own.

use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
use shared::ticket::OpenPromises;
use shared::{
    ClockKind, ClockOutcome, TicketPostKind, TicketStatus, TicketStatusChange, TicketView,
};

use super::clock;
use super::news::{self, Audience, News};
use super::store::{
    REOPEN_WINDOW, find, holding_department, insert_post, scope_for, staff_member, validate_text,
};
use super::view::get;
use crate::actor::Actor;
use crate::entity::ticket;
use crate::personal_data::{self, Instead};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result};

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
    let txn = ctx.begin_write().await?;
    let row = find(&txn, number, true).await?;
    let scope = scope_for(actor, &row);
    let from = row.status;
    let now = ctx.clock.now();
    let member = if let Some(staff) = staff_member(actor) {
        staff
    } else {
        let member = actor.member().ok_or(Error::Unauthenticated)?;
        if scope != Scope::Own {
            return Err(Error::Forbidden(crate::msg!(
                "status.only_staff_ticket_s_author"
            )));
        }
        let finished = matches!(from, TicketStatus::Resolved | TicketStatus::Closed);
        match input.status {
            TicketStatus::Resolved | TicketStatus::Closed => {}
            TicketStatus::Open if finished => {
                policy::authorize(actor, Action::ReopenTicket, scope)?;
                let in_window = row.resolved_at.is_some_and(|at| now - at <= REOPEN_WINDOW);
                if !in_window {
                    return Err(Error::Conflict(crate::msg!(
                        "status.tickets_can_reopened_14_days"
                    )));
                }
            }
            _ => {
                return Err(Error::Forbidden(crate::msg!(
                    "status.authors_may_resolve_close_reopen"
                )));
            }
        }
        member
    };
    if from == input.status {
        return Err(Error::Conflict(
            crate::msg!("status.ticket_already").arg_word(
                "status",
                "ticket_status",
                input.status.as_str(),
            ),
        ));
    }
    let finishing = matches!(input.status, TicketStatus::Resolved | TicketStatus::Closed);
    let running = clock::running(&txn, row.id).await?;
    let staff_finishes_unanswered = finishing && scope == Scope::Others && running.is_some();
    if staff_finishes_unanswered && note.is_none() {
        return Err(Error::invalid(
            "note",
            crate::msg!("status.customer_waiting_answer_say_publicly"),
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
                did: crate::msg!("notice.did.marked").arg_word(
                    "status",
                    "ticket_status",
                    input.status.as_str(),
                ),
                text: crate::i18n::Message::said(note.clone().unwrap_or_default()),
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
                ctx.settings.time_zone,
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
            crate::msg!(
                "status.promise_s_not_yet_kept",
                promises = promises.len(),
                remedies = remedies.len()
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
                        crate::msg!("status.say_publicly_why_promises_are"),
                    )
                })?;
            personal_data::refuse(&[("withdraw_reason", reason)], Instead::TicketThread)?;
            crate::commitment::withdraw_all(txn, member, promises, reason, now).await?;
            crate::remedy::withdraw_waiting(txn, member, remedies, reason, now).await
        }
    }
}
