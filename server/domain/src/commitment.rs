//! Commitments: promises made in official replies ("promises must be
//! real"). Each has a due date and an owner department, and is publicly
//! pending, kept (with evidence), overdue (by itself, once its date has
//! passed) or withdrawn (with a reason).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use shared::staff::DepartmentRef;
use shared::ticket::ticket_number;
use shared::{CommitmentInput, CommitmentQuery, CommitmentUpdate, CommitmentView, Page};

use crate::actor::{Actor, Member};
use crate::entity::{commitment, department, ticket};
use crate::i18n::Message;
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, audit};
use chrono_tz::Tz;
use shared::CommitmentStatus;

/// Today's date as promises count it: a date in the company's zone, the
/// one the promise's due date was given in.
pub(crate) fn today(now: DateTime<Utc>, zone: Tz) -> String {
    now.with_timezone(&zone)
        .date_naive()
        .format("%Y-%m-%d")
        .to_string()
}

/// The public status: a pending promise past its date is overdue.
pub(crate) fn status_of(row: &commitment::Model, now: DateTime<Utc>, zone: Tz) -> CommitmentStatus {
    match row.status {
        CommitmentStatus::Kept => CommitmentStatus::Kept,
        CommitmentStatus::Withdrawn => CommitmentStatus::Withdrawn,
        _ if row.due_on < today(now, zone) => CommitmentStatus::Overdue,
        _ => CommitmentStatus::Pending,
    }
}

/// Checks a commitment in a reply; returns the due date.
pub(crate) fn validate(input: &CommitmentInput, now: DateTime<Utc>, zone: Tz) -> Result<String> {
    let text = input.text.trim();
    if text.chars().count() < 5 || text.chars().count() > 500 {
        return Err(Error::invalid(
            "commitment.text",
            crate::msg!("commitment.say_what_will_done_5"),
        ));
    }
    let due = NaiveDate::parse_from_str(input.due_on.trim(), "%Y-%m-%d").map_err(|_| {
        Error::invalid(
            "commitment.due_on",
            crate::msg!("commitment.must_date_like_2026_12"),
        )
    })?;
    let due = due.format("%Y-%m-%d").to_string();
    if due < today(now, zone) {
        return Err(Error::invalid(
            "commitment.due_on",
            crate::msg!("commitment.must_today_later"),
        ));
    }
    Ok(due)
}

/// Records a promise made in the reply `post_id`, owned by the named
/// department or the ticket's.
pub(crate) async fn make<C: ConnectionTrait>(
    db: &C,
    staff: &Member,
    row: &ticket::Model,
    post_id: i32,
    input: &CommitmentInput,
    due_on: String,
    now: DateTime<Utc>,
) -> Result<()> {
    crate::remedy::refuse_own(staff, row)?;
    let department_id = match input.department.as_deref().filter(|d| !d.is_empty()) {
        Some(slug) => Some(
            department::Entity::find()
                .filter(department::Column::Slug.eq(slug))
                .one(db)
                .await?
                .ok_or_else(|| {
                    Error::invalid(
                        "commitment.department",
                        crate::msg!("commitment.no_department", slug = slug),
                    )
                })?
                .id,
        ),
        None => row.department_id,
    };
    let saved = commitment::ActiveModel {
        ticket_id: Set(row.id),
        post_id: Set(Some(post_id)),
        text: Set(input.text.trim().to_owned()),
        due_on: Set(due_on),
        department_id: Set(department_id),
        status: Set(CommitmentStatus::Pending),
        evidence: Set(None),
        reason: Set(None),
        made_by_id: Set(staff.id),
        created_at: Set(now),
        settled_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    audit::record(
        db,
        audit::Entry {
            guideline: None,
            actor_id: staff.id,
            action: shared::AuditAction::CommitmentMade,
            target_type: "ticket",
            target_id: ticket_number(i64::from(row.id)),
            before: None,
            after: Some(serde_json::json!({"commitment": saved.id, "text": saved.text, "due_on": saved.due_on})),
        },
        now,
    )
    .await
}

/// Promises as threads and `/commitments` show them.
pub(crate) async fn views(ctx: &Ctx, rows: Vec<commitment::Model>) -> Result<Vec<CommitmentView>> {
    let now = ctx.clock.now();
    let zone = ctx.settings.time_zone;
    let ticket_ids: Vec<i32> = rows.iter().map(|r| r.ticket_id).collect();
    let titles: HashMap<i32, String> = if ticket_ids.is_empty() {
        HashMap::new()
    } else {
        ticket::Entity::find()
            .filter(ticket::Column::Id.is_in(ticket_ids))
            .all(&ctx.db)
            .await?
            .into_iter()
            .map(|t| (t.id, t.title))
            .collect()
    };
    let departments: HashMap<i32, DepartmentRef> = department::Entity::find()
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|d| {
            (
                d.id,
                DepartmentRef {
                    name: d.local_name(),
                    slug: d.slug,
                },
            )
        })
        .collect();
    let people = crate::user::refs(ctx, rows.iter().map(|r| r.made_by_id)).await?;
    rows.into_iter()
        .map(|row| {
            let status = status_of(&row, now, zone);
            let on_time = (status == CommitmentStatus::Kept).then(|| {
                row.settled_at
                    .is_some_and(|at| today(at, zone) <= row.due_on)
            });
            Ok(CommitmentView {
                id: i64::from(row.id),
                ticket: ticket_number(i64::from(row.ticket_id)),
                ticket_title: titles.get(&row.ticket_id).cloned().unwrap_or_default(),
                status,
                on_time,
                department: row
                    .department_id
                    .and_then(|id| departments.get(&id).cloned()),
                made_by: people.get(&row.made_by_id).cloned().ok_or_else(|| {
                    Error::Internal(format!("commitment {} has no maker", row.id))
                })?,
                created_at: row
                    .created_at
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                text: row.text,
                due_on: row.due_on,
                evidence: row.evidence,
                reason: row.reason,
            })
        })
        .collect()
}

/// The promises made on one ticket, oldest first.
pub(crate) async fn for_ticket(ctx: &Ctx, ticket_id: i32) -> Result<Vec<CommitmentView>> {
    let rows = commitment::Entity::find()
        .filter(commitment::Column::TicketId.eq(ticket_id))
        .order_by_asc(commitment::Column::Id)
        .all(&ctx.db)
        .await?;
    views(ctx, rows).await
}

/// Every promise, soonest due first, filtered by public status.
pub async fn list(ctx: &Ctx, query: &CommitmentQuery) -> Result<Page<CommitmentView>> {
    let limit = crate::pagination::page_limit(query.limit)?;
    let today = today(ctx.clock.now(), ctx.settings.time_zone);
    let mut select = commitment::Entity::find();
    let status = match query
        .status
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(raw) => Some(raw.parse::<CommitmentStatus>().map_err(|_| {
            Error::invalid(
                "status",
                crate::msg!("commitment.not_one_pending_kept_overdue", raw = raw),
            )
        })?),
    };
    select = match status {
        None => select,
        Some(CommitmentStatus::Pending) => select
            .filter(commitment::Column::Status.eq(CommitmentStatus::Pending))
            .filter(commitment::Column::DueOn.gte(today.as_str())),
        Some(CommitmentStatus::Overdue) => select
            .filter(commitment::Column::Status.eq(CommitmentStatus::Pending))
            .filter(commitment::Column::DueOn.lt(today.as_str())),
        Some(status @ (CommitmentStatus::Kept | CommitmentStatus::Withdrawn)) => {
            select.filter(commitment::Column::Status.eq(status))
        }
    };
    let offset = crate::pagination::offset(query.cursor.as_deref())?;
    let rows = select
        .order_by_asc(commitment::Column::DueOn)
        .order_by_asc(commitment::Column::Id)
        .offset(offset)
        .limit(limit + 1)
        .all(&ctx.db)
        .await?;
    let (rows, next_cursor) = crate::pagination::split_page(rows, limit, |_| {
        crate::pagination::next_offset(offset, limit)
    });
    Ok(Page {
        items: views(ctx, rows).await?,
        next_cursor,
    })
}

/// Tells the ticket's author (and, for an overdue promise, the staff
/// member who made it) what became of a promise, and the thread's open
/// pages and integrations through the event log.
async fn tell_about_promise<C: ConnectionTrait>(
    db: &C,
    row: &commitment::Model,
    status: CommitmentStatus,
    actor_id: i32,
    now: DateTime<Utc>,
) -> Result<()> {
    let Some(ticket) = ticket::Entity::find_by_id(row.ticket_id).one(db).await? else {
        return Ok(());
    };
    let number = ticket_number(i64::from(ticket.id));
    let link = format!("/tickets/{number}");
    let (kind, subject) = if status == CommitmentStatus::Kept {
        (
            shared::NotificationKind::CommitmentKept,
            crate::msg!("notice.promise_kept", number = &number, promise = &row.text),
        )
    } else {
        (
            shared::NotificationKind::CommitmentOverdue,
            crate::msg!(
                "notice.promise_overdue",
                number = &number,
                promise = &row.text
            ),
        )
    };
    let text = if status == CommitmentStatus::Kept {
        Message::said(row.evidence.clone().unwrap_or_default())
    } else {
        crate::msg!("notice.promise_overdue.customer", due_on = &row.due_on)
    };
    crate::notification::tell_member(
        db,
        crate::notification::Notice {
            member_id: ticket.author_id,
            kind,
            actor_id,
            subject: subject.clone(),
            text,
            link: link.clone(),
        },
        now,
    )
    .await?;
    if status == CommitmentStatus::Overdue && row.made_by_id != ticket.author_id {
        crate::notification::tell_member(
            db,
            crate::notification::Notice {
                member_id: row.made_by_id,
                kind,
                actor_id,
                subject,
                text: crate::msg!("notice.promise_overdue.staff", due_on = &row.due_on),
                link,
            },
            now,
        )
        .await?;
    }
    crate::events::publish(
        db,
        crate::events::ticket_topic(&number),
        crate::events::Audience::Public,
        &shared::LiveEvent::Commitment {
            number: number.clone(),
            commitment: i64::from(row.id),
            status,
        },
        now,
    )
    .await
}

/// Notices promises that passed their date unkept, once each: their
/// ticket's author and the staff member who made them are told. Run by a
/// background worker; returns how many were noticed.
pub async fn notice_overdue(ctx: &Ctx) -> Result<usize> {
    let now = ctx.clock.now();
    let rows = commitment::Entity::find()
        .filter(commitment::Column::Status.eq(CommitmentStatus::Pending))
        .filter(commitment::Column::DueOn.lt(today(now, ctx.settings.time_zone)))
        .filter(commitment::Column::OverdueNotifiedAt.is_null())
        .order_by_asc(commitment::Column::Id)
        .limit(50)
        .all(&ctx.db)
        .await?;
    let mut noticed = 0;
    for row in rows {
        let txn = ctx.begin_write().await?;
        let won = commitment::Entity::update_many()
            .col_expr(
                commitment::Column::OverdueNotifiedAt,
                sea_orm::sea_query::Expr::value(Some(now)),
            )
            .filter(commitment::Column::Id.eq(row.id))
            .filter(commitment::Column::OverdueNotifiedAt.is_null())
            .exec(&txn)
            .await?
            .rows_affected
            == 1;
        if won {
            tell_about_promise(&txn, &row, CommitmentStatus::Overdue, row.made_by_id, now).await?;
            noticed += 1;
        }
        txn.commit().await?;
    }
    Ok(noticed)
}

/// Promises on a ticket not yet kept or withdrawn (pending or overdue).
pub(crate) async fn open_on_ticket<C: ConnectionTrait>(
    db: &C,
    ticket_id: i32,
) -> Result<Vec<commitment::Model>> {
    Ok(commitment::Entity::find()
        .filter(commitment::Column::TicketId.eq(ticket_id))
        .filter(commitment::Column::Status.eq(CommitmentStatus::Pending))
        .all(db)
        .await?)
}

/// Withdraws these promises with one public reason (a ticket resolved or
/// closed without them), each in the audit log.
pub(crate) async fn withdraw_all<C: ConnectionTrait>(
    db: &C,
    staff: &Member,
    rows: Vec<commitment::Model>,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    for row in rows {
        let id = row.id;
        let before = serde_json::json!({"status": row.status});
        let mut active = row.into_active_model();
        active.status = Set(CommitmentStatus::Withdrawn);
        active.reason = Set(Some(reason.to_owned()));
        active.settled_at = Set(Some(now));
        active.update(db).await?;
        audit::record(
            db,
            audit::Entry {
                guideline: None,
                actor_id: staff.id,
                action: shared::AuditAction::CommitmentUpdated,
                target_type: "commitment",
                target_id: id.to_string(),
                before: Some(before),
                after: Some(
                    serde_json::json!({"status": CommitmentStatus::Withdrawn, "reason": reason}),
                ),
            },
            now,
        )
        .await?;
    }
    Ok(())
}

/// Staff settle a promise: kept (with evidence), withdrawn (with a
/// reason), or back to pending.
pub async fn update(
    ctx: &Ctx,
    actor: &Actor,
    id: i64,
    input: CommitmentUpdate,
) -> Result<CommitmentView> {
    let staff = policy::member_for(actor, Action::UpdateCommitment, Scope::Others)?;
    let not_found = || Error::NotFound(crate::msg!("not_found.commitment", id = id));
    let key = i32::try_from(id).map_err(|_| not_found())?;
    let row = commitment::Entity::find_by_id(key)
        .one(&ctx.db)
        .await?
        .ok_or_else(not_found)?;
    let text = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    };
    let status = input
        .status
        .trim()
        .parse::<CommitmentStatus>()
        .map_err(|_| {
            Error::invalid(
                "status",
                crate::msg!(
                    "commitment.not_one_pending_kept_withdrawn",
                    status = input.status
                ),
            )
        })?;
    let (evidence, reason) = match status {
        CommitmentStatus::Kept => (
            Some(text(&input.evidence).ok_or_else(|| {
                Error::invalid(
                    "evidence",
                    crate::msg!("commitment.show_that_was_done_link"),
                )
            })?),
            None,
        ),
        CommitmentStatus::Withdrawn => (
            None,
            Some(text(&input.reason).ok_or_else(|| {
                Error::invalid(
                    "reason",
                    crate::msg!("commitment.say_publicly_why_promise_withdrawn"),
                )
            })?),
        ),
        CommitmentStatus::Pending => (None, None),
        other @ CommitmentStatus::Overdue => {
            return Err(Error::invalid(
                "status",
                crate::msg!("commitment.not_one_pending_kept_withdrawn_2", other = other),
            ));
        }
    };
    let now = ctx.clock.now();
    let before =
        serde_json::json!({"status": row.status, "evidence": row.evidence, "reason": row.reason});
    let txn = ctx.begin_write().await?;
    let mut active = row.clone().into_active_model();
    active.status = Set(status);
    active.evidence = Set(evidence.clone());
    active.reason = Set(reason.clone());
    active.settled_at = Set((status != CommitmentStatus::Pending).then_some(now));
    active.update(&txn).await?;
    if status == CommitmentStatus::Kept && row.status != CommitmentStatus::Kept {
        let kept = commitment::Model {
            evidence: evidence.clone(),
            ..row.clone()
        };
        tell_about_promise(&txn, &kept, CommitmentStatus::Kept, staff.id, now).await?;
    }
    audit::record(
        &txn,
        audit::Entry {
            guideline: None,
            actor_id: staff.id,
            action: shared::AuditAction::CommitmentUpdated,
            target_type: "commitment",
            target_id: id.to_string(),
            before: Some(before),
            after: Some(
                serde_json::json!({"status": status, "evidence": evidence, "reason": reason}),
            ),
        },
        now,
    )
    .await?;
    txn.commit().await?;
    let row = commitment::Entity::find_by_id(key)
        .one(&ctx.db)
        .await?
        .ok_or_else(not_found)?;
    views(ctx, vec![row]).await?.pop().ok_or_else(not_found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn promise(due_on: &str, status: CommitmentStatus) -> commitment::Model {
        commitment::Model {
            id: 1,
            ticket_id: 1,
            post_id: None,
            text: "fix it".to_owned(),
            due_on: due_on.to_owned(),
            department_id: None,
            status,
            evidence: None,
            reason: None,
            made_by_id: 1,
            created_at: Utc::now(),
            settled_at: None,
            overdue_notified_at: None,
        }
    }

    #[test]
    fn a_pending_promise_turns_overdue_the_day_after_its_date_in_the_company_zone() {
        let seoul = chrono_tz::Asia::Seoul;
        // 23:59 and 00:00:01 in Seoul (UTC+9).
        let on_the_day = Utc
            .with_ymd_and_hms(2026, 12, 3, 14, 59, 0)
            .single()
            .expect("time");
        let next_day = Utc
            .with_ymd_and_hms(2026, 12, 3, 15, 0, 1)
            .single()
            .expect("time");
        let pending = promise("2026-12-03", CommitmentStatus::Pending);
        assert_eq!(
            status_of(&pending, on_the_day, seoul),
            CommitmentStatus::Pending
        );
        assert_eq!(
            status_of(&pending, next_day, seoul),
            CommitmentStatus::Overdue
        );
        // The same instant is still the 3rd in London.
        assert_eq!(
            status_of(&pending, next_day, chrono_tz::Europe::London),
            CommitmentStatus::Pending
        );
        assert_eq!(
            status_of(
                &promise("2026-12-03", CommitmentStatus::Kept),
                next_day,
                seoul
            ),
            CommitmentStatus::Kept
        );
        assert_eq!(
            status_of(
                &promise("2026-12-03", CommitmentStatus::Withdrawn),
                next_day,
                seoul
            ),
            CommitmentStatus::Withdrawn
        );
    }
}
