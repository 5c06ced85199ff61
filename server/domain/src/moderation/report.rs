//! Reports: members flag content with a reason; moderators read the open
//! ones with the reported words in context, and dismiss them.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use shared::moderation::REASONS;
use shared::{ContentKind, ContentRef, NewReport, ReportView};

use crate::actor::Actor;
use crate::entity::{idea, idea_comment, report, ticket_post, user};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, audit};
use shared::{ReportStatus, TicketPostKind};

/// Characters of reported text shown to the moderator.
pub(super) const EXCERPT_CHARS: usize = 280;

pub(super) fn check_reason(reason: &str) -> Result<()> {
    if REASONS.contains(&reason) {
        Ok(())
    } else {
        Err(Error::invalid(
            "reason",
            crate::msg!("report.must_spam_abuse_personal_information"),
        ))
    }
}

pub(super) fn excerpt(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > EXCERPT_CHARS {
        format!("{}…", flat.chars().take(EXCERPT_CHARS).collect::<String>())
    } else {
        flat
    }
}

/// The reported thing's text and where it is shown; 404 when it does not
/// exist or the actor may not see it (an idea or comment held for review,
/// an internal ticket note), exactly as reading it would answer.
pub(super) async fn context(
    ctx: &Ctx,
    actor: &Actor,
    target: &ContentRef,
) -> Result<(String, String)> {
    let not_found = || {
        Error::NotFound(crate::msg!("not_found.content", id = target.id).arg_word(
            "kind",
            "content_kind",
            target.kind.as_str(),
        ))
    };
    let id = i32::try_from(target.id).map_err(|_| not_found())?;
    match target.kind {
        ContentKind::Idea => {
            let row = idea::Entity::find_by_id(id)
                .one(&ctx.db)
                .await?
                .filter(|row| crate::visibility::idea_visible_to(row, actor))
                .ok_or_else(not_found)?;
            Ok((
                format!("{} — {}", row.title, excerpt(&row.body_md)),
                format!("/ideas/{}", row.id),
            ))
        }
        ContentKind::Comment => {
            let row = idea_comment::Entity::find_by_id(id)
                .one(&ctx.db)
                .await?
                .filter(|row| crate::visibility::comment_visible_to(row, actor))
                .ok_or_else(not_found)?;
            idea::Entity::find_by_id(row.idea_id)
                .one(&ctx.db)
                .await?
                .filter(|idea| crate::visibility::idea_visible_to(idea, actor))
                .ok_or_else(not_found)?;
            Ok((
                excerpt(&row.body_md),
                format!("/ideas/{}#comment-{}", row.idea_id, row.id),
            ))
        }
        ContentKind::TicketPost => {
            let row = ticket_post::Entity::find_by_id(id)
                .one(&ctx.db)
                .await?
                .filter(|p| p.kind != TicketPostKind::Internal)
                .ok_or_else(not_found)?;
            Ok((
                excerpt(&row.body_md),
                format!(
                    "/tickets/{}",
                    shared::ticket::ticket_number(i64::from(row.ticket_id))
                ),
            ))
        }
        ContentKind::Profile => {
            let row = user::Entity::find_by_id(id)
                .one(&ctx.db)
                .await?
                .filter(|u| u.deleted_at.is_none())
                .ok_or_else(not_found)?;
            Ok((row.display_name, format!("/members/{}", row.id)))
        }
    }
}

/// A member reports content; reporting the same thing again changes nothing.
pub async fn report(ctx: &Ctx, actor: &Actor, input: NewReport) -> Result<ReportView> {
    let member = policy::member_for(actor, Action::ReportContent, Scope::Others)?;
    check_reason(&input.reason)?;
    let note = input
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned);
    if note.as_deref().is_some_and(|n| n.chars().count() > 1000) {
        return Err(Error::invalid(
            "note",
            crate::msg!("field.must_at_most_1000_characters"),
        ));
    }
    context(ctx, actor, &input.target).await?;
    let target_id = i32::try_from(input.target.id).map_err(|_| {
        Error::NotFound(
            crate::msg!("not_found.content", id = input.target.id).arg_word(
                "kind",
                "content_kind",
                input.target.kind.as_str(),
            ),
        )
    })?;
    let existing = report::Entity::find()
        .filter(report::Column::TargetType.eq(input.target.kind))
        .filter(report::Column::TargetId.eq(target_id))
        .filter(report::Column::ReporterId.eq(member.id))
        .filter(report::Column::Status.eq(ReportStatus::Open))
        .one(&ctx.db)
        .await?;
    let row = match existing {
        Some(row) => row,
        None => {
            report::ActiveModel {
                target_type: Set(input.target.kind),
                target_id: Set(target_id),
                reason: Set(input.reason.clone()),
                note: Set(note),
                reporter_id: Set(member.id),
                status: Set(ReportStatus::Open),
                handled_by_id: Set(None),
                handled_at: Set(None),
                created_at: Set(ctx.clock.now()),
                ..Default::default()
            }
            .insert(&ctx.db)
            .await?
        }
    };
    views(ctx, actor, vec![row])
        .await?
        .pop()
        .ok_or_else(|| Error::Internal("report vanished".to_owned()))
}

pub(super) async fn views(
    ctx: &Ctx,
    actor: &Actor,
    rows: Vec<report::Model>,
) -> Result<Vec<ReportView>> {
    let people = crate::user::refs(ctx, rows.iter().map(|r| r.reporter_id)).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let target = ContentRef {
            kind: row.target_type,
            id: i64::from(row.target_id),
        };
        let (excerpt, link) = context(ctx, actor, &target)
            .await
            .unwrap_or_else(|_| (String::new(), String::new()));
        out.push(ReportView {
            id: i64::from(row.id),
            target,
            reason: row.reason,
            note: row.note,
            reporter: people
                .get(&row.reporter_id)
                .cloned()
                .ok_or_else(|| Error::Internal(format!("report {} has no reporter", row.id)))?,
            status: row.status,
            excerpt,
            link,
            created_at: row
                .created_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        });
    }
    Ok(out)
}

/// Open reports, oldest first (moderators).
pub async fn open_reports(ctx: &Ctx, actor: &Actor) -> Result<Vec<ReportView>> {
    policy::authorize(actor, Action::HandleReports, Scope::Others)?;
    let rows = report::Entity::find()
        .filter(report::Column::Status.eq(ReportStatus::Open))
        .order_by_asc(report::Column::Id)
        .limit(200)
        .all(&ctx.db)
        .await?;
    views(ctx, actor, rows).await
}

/// Closes a report without acting on the content (moderators).
pub async fn dismiss(ctx: &Ctx, actor: &Actor, id: i64) -> Result<()> {
    let moderator = policy::member_for(actor, Action::HandleReports, Scope::Others)?;
    let not_found = || Error::NotFound(crate::msg!("not_found.report", id = id));
    let key = i32::try_from(id).map_err(|_| not_found())?;
    let now = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    let row = report::Entity::find_by_id(key)
        .one(&txn)
        .await?
        .ok_or_else(not_found)?;
    if row.status != ReportStatus::Open {
        return Err(Error::Conflict(crate::msg!(
            "report.report_already",
            id = id,
            status = row.status
        )));
    }
    let (target_type, target_id) = (row.target_type, row.target_id);
    let mut active = row.into_active_model();
    active.status = Set(ReportStatus::Dismissed);
    active.handled_by_id = Set(Some(moderator.id));
    active.handled_at = Set(Some(now));
    active.update(&txn).await?;
    audit::record(
        &txn,
        audit::Entry {
            guideline: None,
            actor_id: moderator.id,
            action: shared::AuditAction::ReportDismissed,
            target_type: "report",
            target_id: id.to_string(),
            before: Some(serde_json::json!({"status": ReportStatus::Open, "target": {"type": target_type, "id": target_id}})),
            after: Some(serde_json::json!({"status": ReportStatus::Dismissed})),
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
