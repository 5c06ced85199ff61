//! Suspending members who break the guidelines, and lifting it.

use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
use shared::Suspension;

use crate::actor::Actor;
use crate::entity::user;
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, audit};

/// Suspends a member for a number of hours with a reason (moderators): they
/// can read, and every write answers 403 with the reason and end date.
pub async fn suspend(ctx: &Ctx, actor: &Actor, input: Suspension) -> Result<()> {
    let moderator = policy::member_for(actor, Action::SuspendMember, Scope::Others)?;
    let mut errors = std::collections::BTreeMap::new();
    if !(1..=8_760).contains(&input.hours) {
        errors.insert("hours".to_owned(), crate::msg!("suspend.must_1_8760_year"));
    }
    let reason = input.reason.trim().to_owned();
    if !(3..=500).contains(&reason.chars().count()) {
        errors.insert(
            "reason".to_owned(),
            crate::msg!("field.say_why_3_500_characters"),
        );
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let guideline = crate::guideline::cited_guideline(ctx, input.guideline.as_deref()).await?;
    let not_found = || Error::NotFound(crate::msg!("not_found.member_3", member = input.member));
    let id = i32::try_from(input.member).map_err(|_| not_found())?;
    if id == moderator.id {
        return Err(Error::Conflict(crate::msg!(
            "suspend.you_cannot_suspend_yourself"
        )));
    }
    let now = ctx.clock.now();
    let until = now + chrono::Duration::hours(input.hours);
    let txn = ctx.begin_write().await?;
    let row = user::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .filter(|u| u.deleted_at.is_none())
        .ok_or_else(not_found)?;
    if row.role == shared::Role::Admin {
        return Err(Error::Forbidden(crate::msg!(
            "suspend.admins_cannot_suspended"
        )));
    }
    let before =
        serde_json::json!({"suspended_until": row.suspended_until.map(|t| t.to_rfc3339())});
    let mut active = row.into_active_model();
    active.suspended_until = Set(Some(until));
    active.suspended_reason = Set(Some(reason.clone()));
    active.update(&txn).await?;
    audit::record(
        &txn,
        audit::Entry {
            guideline,
            actor_id: moderator.id,
            action: shared::AuditAction::MemberSuspended,
            target_type: "member",
            target_id: id.to_string(),
            before: Some(before),
            after: Some(
                serde_json::json!({"suspended_until": until.to_rfc3339(), "reason": reason}),
            ),
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Ends a suspension early (moderators).
pub async fn lift_suspension(ctx: &Ctx, actor: &Actor, member: i64) -> Result<()> {
    let moderator = policy::member_for(actor, Action::SuspendMember, Scope::Others)?;
    let not_found = || Error::NotFound(crate::msg!("not_found.member_3", member = member));
    let id = i32::try_from(member).map_err(|_| not_found())?;
    let now = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    let row = user::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or_else(not_found)?;
    let before =
        serde_json::json!({"suspended_until": row.suspended_until.map(|t| t.to_rfc3339())});
    let mut active = row.into_active_model();
    active.suspended_until = Set(None);
    active.suspended_reason = Set(None);
    active.update(&txn).await?;
    audit::record(
        &txn,
        audit::Entry {
            guideline: None,
            actor_id: moderator.id,
            action: shared::AuditAction::MemberUnsuspended,
            target_type: "member",
            target_id: id.to_string(),
            before: Some(before),
            after: Some(serde_json::json!({"suspended_until": null})),
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
