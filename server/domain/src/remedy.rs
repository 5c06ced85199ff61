//! Remedies: the empowered front line. Staff grant a remedy (a free month,
//! a credit, something custom) on their own up to the limits admins set for
//! their role and department, counted as sums (per ticket, per customer per
//! month) so five grants cannot do what one may not; above them, the grant
//! waits for an admin's approval. Every grant and decision goes to the
//! audit log with its amount.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use shared::ticket::ticket_number;
use shared::{RemedyAllowance, RemedyInput, RemedyLimit, RemedyView, Role};

use crate::actor::{Actor, Member};
use crate::entity::{department, remedy, remedy_limit, ticket, ticket_post, user};
use crate::i18n::Message;
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, audit};
use shared::{RemedyKind, RemedyStatus};

/// No single remedy is worth more than this (a typo guard).
const MAX_AMOUNT_WON: i64 = 10_000_000;

/// A remedy that passed its checks.
pub(crate) struct Valid {
    kind: RemedyKind,
    amount: i64,
    description: String,
}

/// Checks a remedy offered in a reply.
pub(crate) fn validate(input: &RemedyInput) -> Result<Valid> {
    let mut errors = BTreeMap::new();
    let kind = input.kind.trim().parse::<RemedyKind>().ok();
    if kind.is_none() {
        errors.insert(
            "remedy.kind".to_owned(),
            crate::msg!("remedy.must_month_free_credit_custom"),
        );
    }
    let amount = input.amount.unwrap_or(0);
    if !(1..=MAX_AMOUNT_WON).contains(&amount) {
        errors.insert(
            "remedy.amount".to_owned(),
            crate::msg!(
                "remedy.give_its_value_won_1",
                max_amount_won = MAX_AMOUNT_WON
            ),
        );
    }
    let description = input
        .description
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(str::to_owned);
    if kind == Some(RemedyKind::Custom) && description.is_none() {
        errors.insert(
            "remedy.description".to_owned(),
            crate::msg!("remedy.say_what_custom_remedy"),
        );
    }
    let Some(kind) = kind.filter(|_| errors.is_empty()) else {
        return Err(Error::Invalid(errors));
    };
    // Without words of the staff member's own, the kind is worded for
    // each reader (see `described`).
    let description = description.unwrap_or_default();
    Ok(Valid {
        kind,
        amount,
        description,
    })
}

/// What a remedy is, for a reader: the granter's own words, else its kind
/// ("한 달 무료", "55,000원 크레딧") in the reader's language.
pub(crate) fn described(kind: RemedyKind, amount_won: i64, description: &str) -> Message {
    if !description.trim().is_empty() {
        return Message::said(description);
    }
    match kind {
        RemedyKind::MonthFree => crate::msg!("remedy.kind_month_free"),
        RemedyKind::Credit | RemedyKind::Custom => {
            crate::msg!(
                "remedy.kind_credit",
                amount = shared::promise::won(amount_won)
            )
        }
    }
}

/// How much a staff member may grant without approval: per ticket and per
/// customer per month (`None`: unlimited).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Limits {
    ticket: i64,
    month: i64,
}

/// This staff member's limits: their role's in their department, else their
/// role's everywhere, else nothing. Admins, who approve, are not limited.
async fn limits_for<C: ConnectionTrait>(db: &C, staff: &Member) -> Result<Option<Limits>> {
    if staff.role == Role::Admin {
        return Ok(None);
    }
    let rows = remedy_limit::Entity::find()
        .filter(remedy_limit::Column::Role.eq(staff.role))
        .all(db)
        .await?;
    let own = rows
        .iter()
        .find(|r| r.department_id.is_some() && r.department_id == staff.department_id);
    let everywhere = rows.iter().find(|r| r.department_id.is_none());
    Ok(Some(own.or(everywhere).map_or(
        Limits {
            ticket: 0,
            month: 0,
        },
        |r| Limits {
            ticket: r.max_won,
            month: r.monthly_max_won.unwrap_or(r.max_won),
        },
    )))
}

/// The first instant of the calendar month, in the company's zone, that
/// `now` is in.
pub(crate) fn month_start(now: DateTime<Utc>, settings: &crate::Settings) -> DateTime<Utc> {
    settings
        .today(now)
        .with_day(1)
        .map_or(now, |first| settings.start_of(first))
}

/// Won granted (not waiting, not rejected) on this ticket, and to its
/// author this month over all their tickets.
async fn granted_sums<C: ConnectionTrait>(
    db: &C,
    row: &ticket::Model,
    month_began: DateTime<Utc>,
) -> Result<(i64, i64)> {
    let their_tickets: Vec<i32> = ticket::Entity::find()
        .select_only()
        .column(ticket::Column::Id)
        .filter(ticket::Column::AuthorId.eq(row.author_id))
        .into_tuple()
        .all(db)
        .await?;
    let granted: Vec<(i32, i64, DateTime<Utc>)> = remedy::Entity::find()
        .select_only()
        .column(remedy::Column::TicketId)
        .column(remedy::Column::AmountWon)
        .column(remedy::Column::CreatedAt)
        .filter(remedy::Column::TicketId.is_in(their_tickets))
        .filter(remedy::Column::Status.eq(RemedyStatus::Granted))
        .into_tuple()
        .all(db)
        .await?;
    let since = month_began;
    let on_ticket = granted
        .iter()
        .filter(|(ticket_id, _, _)| *ticket_id == row.id)
        .map(|(_, amount, _)| amount)
        .sum();
    let this_month = granted
        .iter()
        .filter(|(_, _, at)| *at >= since)
        .map(|(_, amount, _)| amount)
        .sum();
    Ok((on_ticket, this_month))
}

/// Refuses promises and remedies on a ticket the staff member filed
/// themselves: a colleague decides those.
pub(crate) fn refuse_own(staff: &Member, row: &ticket::Model) -> Result<()> {
    if staff.id == row.author_id {
        return Err(Error::Forbidden(crate::msg!(
            "remedy.you_filed_ticket_yourself_colleague"
        )));
    }
    Ok(())
}

/// What this staff member may still grant on a ticket without approval.
pub(crate) async fn allowance<C: ConnectionTrait>(
    db: &C,
    staff: &Member,
    row: &ticket::Model,
    month_began: DateTime<Utc>,
) -> Result<RemedyAllowance> {
    let allowed = refuse_own(staff, row).is_ok();
    let Some(limits) = limits_for(db, staff).await? else {
        return Ok(RemedyAllowance {
            ticket_left_won: None,
            month_left_won: None,
            allowed,
        });
    };
    let (on_ticket, this_month) = granted_sums(db, row, month_began).await?;
    Ok(RemedyAllowance {
        ticket_left_won: Some(Ord::max(limits.ticket - on_ticket, 0)),
        month_left_won: Some(Ord::max(limits.month - this_month, 0)),
        allowed,
    })
}

/// Grants a remedy offered in a reply, or files it for approval when the
/// sum granted on the ticket or to the customer this month would pass the
/// staff member's limits. The caller holds the ticket row locked; the
/// customer's row is locked here so two tickets of one customer cannot
/// both spend the same monthly allowance.
pub(crate) async fn grant<C: ConnectionTrait>(
    db: &C,
    staff: &Member,
    row: &ticket::Model,
    post_id: i32,
    valid: Valid,
    now: DateTime<Utc>,
    month_began: DateTime<Utc>,
) -> Result<remedy::Model> {
    refuse_own(staff, row)?;
    user::Entity::find_by_id(row.author_id)
        .lock_exclusive()
        .one(db)
        .await?;
    let status = match limits_for(db, staff).await? {
        Some(limits) => {
            let (on_ticket, this_month) = granted_sums(db, row, month_began).await?;
            if on_ticket + valid.amount > limits.ticket || this_month + valid.amount > limits.month
            {
                RemedyStatus::PendingApproval
            } else {
                RemedyStatus::Granted
            }
        }
        None => RemedyStatus::Granted,
    };
    let saved = remedy::ActiveModel {
        ticket_id: Set(row.id),
        post_id: Set(Some(post_id)),
        kind: Set(valid.kind),
        amount_won: Set(valid.amount),
        description: Set(valid.description),
        status: Set(status),
        granted_by_id: Set(staff.id),
        decided_by_id: Set(None),
        created_at: Set(now),
        decided_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    audit::record(
        db,
        audit::Entry {
            guideline: None,
            actor_id: staff.id,
            action: if status == RemedyStatus::Granted {
                shared::AuditAction::RemedyGranted
            } else {
                shared::AuditAction::RemedyRequested
            },
            target_type: "ticket",
            target_id: ticket_number(i64::from(row.id)),
            before: None,
            after: Some(serde_json::json!({
                "remedy": saved.id, "kind": saved.kind, "amount_won": saved.amount_won, "status": status
            })),
        },
        now,
    )
    .await?;
    Ok(saved)
}

/// Remedies as threads and approval lists show them.
pub(crate) async fn views(ctx: &Ctx, rows: Vec<remedy::Model>) -> Result<Vec<RemedyView>> {
    let post_ids: Vec<i32> = rows.iter().filter_map(|r| r.post_id).collect();
    let replies: std::collections::HashMap<i32, String> = if post_ids.is_empty() {
        std::collections::HashMap::new()
    } else {
        ticket_post::Entity::find()
            .filter(ticket_post::Column::Id.is_in(post_ids))
            .all(&ctx.db)
            .await?
            .into_iter()
            .map(|p| {
                let html = if p.hidden_at.is_some() {
                    String::new()
                } else {
                    p.body_html
                };
                (p.id, html)
            })
            .collect()
    };
    let people = crate::user::refs(
        ctx,
        rows.iter()
            .map(|r| r.granted_by_id)
            .chain(rows.iter().filter_map(|r| r.decided_by_id)),
    )
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(RemedyView {
                id: i64::from(r.id),
                ticket: ticket_number(i64::from(r.ticket_id)),
                reply_html: r.post_id.and_then(|id| replies.get(&id).cloned()),
                granted_by: people
                    .get(&r.granted_by_id)
                    .cloned()
                    .ok_or_else(|| Error::Internal(format!("remedy {} has no granter", r.id)))?,
                decided_by: r.decided_by_id.and_then(|id| people.get(&id).cloned()),
                created_at: r
                    .created_at
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                kind: r.kind,
                amount: r.amount_won,
                description: described(r.kind, r.amount_won, &r.description)
                    .text(crate::i18n::request_locale()),
                status: r.status,
            })
        })
        .collect()
}

/// The remedies on one ticket, oldest first.
pub(crate) async fn for_ticket(ctx: &Ctx, ticket_id: i32) -> Result<Vec<RemedyView>> {
    let rows = remedy::Entity::find()
        .filter(remedy::Column::TicketId.eq(ticket_id))
        .order_by_asc(remedy::Column::Id)
        .all(&ctx.db)
        .await?;
    views(ctx, rows).await
}

/// The most this staff member may grant one customer in a month without
/// approval; `None` for admins, who approve.
pub(crate) async fn month_limit<C: ConnectionTrait>(db: &C, staff: &Member) -> Result<Option<i64>> {
    Ok(limits_for(db, staff).await?.map(|l| l.month))
}

/// Remedies on a ticket still waiting for approval.
pub(crate) async fn waiting_on_ticket<C: ConnectionTrait>(
    db: &C,
    ticket_id: i32,
) -> Result<Vec<remedy::Model>> {
    Ok(remedy::Entity::find()
        .filter(remedy::Column::TicketId.eq(ticket_id))
        .filter(remedy::Column::Status.eq(RemedyStatus::PendingApproval))
        .all(db)
        .await?)
}

/// Withdraws remedies that were waiting for approval (the ticket was
/// resolved without them): they end as not approved, decided by the staff
/// member who withdrew them, each in the audit log.
pub(crate) async fn withdraw_waiting<C: ConnectionTrait>(
    db: &C,
    staff: &Member,
    rows: Vec<remedy::Model>,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    for row in rows {
        let (id, ticket_id, amount) = (row.id, row.ticket_id, row.amount_won);
        let mut active = row.into_active_model();
        active.status = Set(RemedyStatus::Rejected);
        active.decided_by_id = Set(Some(staff.id));
        active.decided_at = Set(Some(now));
        active.update(db).await?;
        audit::record(
            db,
            audit::Entry {
                guideline: None,
                actor_id: staff.id,
                action: shared::AuditAction::RemedyRejected,
                target_type: "ticket",
                target_id: ticket_number(i64::from(ticket_id)),
                before: Some(serde_json::json!({"remedy": id, "status": RemedyStatus::PendingApproval, "amount_won": amount})),
                after: Some(serde_json::json!({"remedy": id, "status": RemedyStatus::Rejected, "reason": reason})),
            },
            now,
        )
        .await?;
    }
    Ok(())
}

/// Remedies waiting for approval, oldest first (admins).
pub async fn pending(ctx: &Ctx, actor: &Actor) -> Result<Vec<RemedyView>> {
    policy::authorize(actor, Action::ApproveRemedy, Scope::Others)?;
    let rows = remedy::Entity::find()
        .filter(remedy::Column::Status.eq(RemedyStatus::PendingApproval))
        .order_by_asc(remedy::Column::Id)
        .all(&ctx.db)
        .await?;
    views(ctx, rows).await
}

/// An admin approves or rejects a remedy above its granter's limit.
pub async fn decide(ctx: &Ctx, actor: &Actor, id: i64, approve: bool) -> Result<RemedyView> {
    let admin = policy::member_for(actor, Action::ApproveRemedy, Scope::Others)?;
    let not_found = || Error::NotFound(crate::msg!("not_found.remedy", id = id));
    let key = i32::try_from(id).map_err(|_| not_found())?;
    let txn = ctx.begin_write().await?;
    let row = remedy::Entity::find_by_id(key)
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or_else(not_found)?;
    if row.status != RemedyStatus::PendingApproval {
        return Err(Error::Conflict(
            crate::msg!("remedy.remedy_not_waiting_approval", id = id).arg_word(
                "status",
                "remedy_status",
                row.status.as_str(),
            ),
        ));
    }
    let now = ctx.clock.now();
    let status = if approve {
        RemedyStatus::Granted
    } else {
        RemedyStatus::Rejected
    };
    let ticket_id = row.ticket_id;
    let amount = row.amount_won;
    let description = described(row.kind, row.amount_won, &row.description);
    let mut active = row.into_active_model();
    active.status = Set(status);
    active.decided_by_id = Set(Some(admin.id));
    active.decided_at = Set(Some(now));
    let saved = active.update(&txn).await?;
    audit::record(
        &txn,
        audit::Entry {
            guideline: None,
            actor_id: admin.id,
            action: if approve {
                shared::AuditAction::RemedyApproved
            } else {
                shared::AuditAction::RemedyRejected
            },
            target_type: "ticket",
            target_id: ticket_number(i64::from(ticket_id)),
            before: Some(
                serde_json::json!({"remedy": id, "status": RemedyStatus::PendingApproval, "amount_won": amount}),
            ),
            after: Some(serde_json::json!({"remedy": id, "status": status, "amount_won": amount})),
        },
        now,
    )
    .await?;
    if let Some(ticket) = ticket::Entity::find_by_id(ticket_id).one(&txn).await? {
        let (kind, did) = if approve {
            (
                shared::NotificationKind::RemedyGranted,
                "notice.did.approved",
            )
        } else {
            (
                shared::NotificationKind::RemedyRejected,
                "notice.did.not_approved",
            )
        };
        crate::ticket::news::tell(
            &txn,
            crate::ticket::news::News {
                ticket: &ticket,
                actor_id: admin.id,
                kind,
                did: Message::new(did)
                    .arg_message("remedy", description.clone())
                    .arg("amount", shared::promise::won(amount)),
                text: description,
            },
            &[crate::ticket::news::Audience::Author],
            now,
        )
        .await?;
    }
    txn.commit().await?;
    views(ctx, vec![saved]).await?.pop().ok_or_else(not_found)
}

/// Every limit (staff may read them; they decide what they can promise).
pub async fn limits(ctx: &Ctx, actor: &Actor) -> Result<Vec<RemedyLimit>> {
    policy::authorize(actor, Action::GrantRemedy, Scope::Others)?;
    let departments: std::collections::HashMap<i32, String> = department::Entity::find()
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|d| (d.id, d.slug))
        .collect();
    remedy_limit::Entity::find()
        .order_by_asc(remedy_limit::Column::Role)
        .order_by_asc(remedy_limit::Column::Id)
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|r| {
            Ok(RemedyLimit {
                role: r.role,
                department: r.department_id.and_then(|id| departments.get(&id).cloned()),
                max_won: r.max_won,
                monthly_max_won: r.monthly_max_won,
            })
        })
        .collect()
}

/// Sets the limit for a role (in one department, or everywhere); admins.
pub async fn set_limit(ctx: &Ctx, actor: &Actor, input: RemedyLimit) -> Result<RemedyLimit> {
    let admin = policy::member_for(actor, Action::ManageStaff, Scope::Others)?;
    if !input.role.is_staff() {
        return Err(Error::invalid(
            "role",
            crate::msg!("remedy.limits_are_staff_roles"),
        ));
    }
    if !(0..=MAX_AMOUNT_WON).contains(&input.max_won) {
        return Err(Error::invalid(
            "max_won",
            crate::msg!("remedy.must_0", max_amount_won = MAX_AMOUNT_WON),
        ));
    }
    if input
        .monthly_max_won
        .is_some_and(|m| !(0..=MAX_AMOUNT_WON).contains(&m))
    {
        return Err(Error::invalid(
            "monthly_max_won",
            crate::msg!("remedy.must_0", max_amount_won = MAX_AMOUNT_WON),
        ));
    }
    let department = crate::department::find_for_field(ctx, input.department.as_deref()).await?;
    let department_id = department.map(|d| d.id);
    let now = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    let existing = remedy_limit::Entity::find()
        .filter(remedy_limit::Column::Role.eq(input.role))
        .filter(match department_id {
            Some(id) => remedy_limit::Column::DepartmentId.eq(id),
            None => remedy_limit::Column::DepartmentId.is_null(),
        })
        .one(&txn)
        .await?;
    let before = existing
        .as_ref()
        .map(|r| serde_json::json!({"max_won": r.max_won, "monthly_max_won": r.monthly_max_won}));
    match existing {
        Some(row) => {
            let mut active = row.into_active_model();
            active.max_won = Set(input.max_won);
            active.monthly_max_won = Set(input.monthly_max_won);
            active.update(&txn).await?;
        }
        None => {
            remedy_limit::ActiveModel {
                role: Set(input.role),
                department_id: Set(department_id),
                max_won: Set(input.max_won),
                monthly_max_won: Set(input.monthly_max_won),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }
    audit::record(
        &txn,
        audit::Entry {
            guideline: None,
            actor_id: admin.id,
            action: shared::AuditAction::RemedyLimitSet,
            target_type: "remedy_limit",
            target_id: format!(
                "{}/{}",
                input.role.as_str(),
                input.department.as_deref().unwrap_or("*")
            ),
            before,
            after: Some(
                serde_json::json!({"max_won": input.max_won, "monthly_max_won": input.monthly_max_won}),
            ),
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(input)
}
