//! Moderation: members report content with a reason; moderators dismiss
//! reports or hide the content with a reason stated in public (a tombstone,
//! never a silent deletion); every action goes to the audit log, which
//! moderators read, filter and export as CSV.

use std::collections::HashMap;

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use shared::moderation::REASONS;
use shared::page::{DEFAULT_PAGE_LIMIT, PAGE_LIMIT_RANGE};
use shared::{
    AuditEntry, AuditQuery, ContentRef, HeldPost, HideRequest, NewReport, Page, ReportView,
    Suspension, UnhideRequest,
};

use crate::actor::Actor;
use crate::entity::{audit_event, idea, idea_comment, report, ticket_post, user};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, audit};

const TARGET_TYPES: [&str; 4] = ["idea", "comment", "ticket_post", "profile"];
const OPEN: &str = "open";
const DISMISSED: &str = "dismissed";
const ACTIONED: &str = "actioned";
/// Characters of reported text shown to the moderator.
const EXCERPT_CHARS: usize = 280;

fn check_reason(reason: &str) -> Result<()> {
    if REASONS.contains(&reason) {
        Ok(())
    } else {
        Err(Error::invalid(
            "reason",
            "must be spam, abuse, personal_information, off_topic or other",
        ))
    }
}

fn excerpt(text: &str) -> String {
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
async fn context(ctx: &Ctx, actor: &Actor, target: &ContentRef) -> Result<(String, String)> {
    let not_found = || Error::NotFound(format!("{} {}", target.kind, target.id));
    let id = i32::try_from(target.id).map_err(|_| not_found())?;
    match target.kind.as_str() {
        "idea" => {
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
        "comment" => {
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
        "ticket_post" => {
            let row = ticket_post::Entity::find_by_id(id)
                .one(&ctx.db)
                .await?
                .filter(|p| p.kind != "internal")
                .ok_or_else(not_found)?;
            Ok((
                excerpt(&row.body_md),
                format!(
                    "/tickets/{}",
                    shared::ticket::ticket_number(i64::from(row.ticket_id))
                ),
            ))
        }
        "profile" => {
            let row = user::Entity::find_by_id(id)
                .one(&ctx.db)
                .await?
                .filter(|u| u.deleted_at.is_none())
                .ok_or_else(not_found)?;
            Ok((row.display_name, format!("/members/{}", row.id)))
        }
        _ => Err(Error::invalid(
            "target.type",
            "must be idea, comment, ticket_post or profile",
        )),
    }
}

/// A member reports content; reporting the same thing again changes nothing.
pub async fn report(ctx: &Ctx, actor: &Actor, input: NewReport) -> Result<ReportView> {
    let member = policy::member_for(actor, Action::ReportContent, Scope::Others)?;
    if !TARGET_TYPES.contains(&input.target.kind.as_str()) {
        return Err(Error::invalid(
            "target.type",
            "must be idea, comment, ticket_post or profile",
        ));
    }
    check_reason(&input.reason)?;
    let note = input
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned);
    if note.as_deref().is_some_and(|n| n.chars().count() > 1000) {
        return Err(Error::invalid("note", "must be at most 1000 characters"));
    }
    context(ctx, actor, &input.target).await?;
    let target_id = i32::try_from(input.target.id)
        .map_err(|_| Error::NotFound(format!("{} {}", input.target.kind, input.target.id)))?;
    let existing = report::Entity::find()
        .filter(report::Column::TargetType.eq(input.target.kind.as_str()))
        .filter(report::Column::TargetId.eq(target_id))
        .filter(report::Column::ReporterId.eq(member.id))
        .filter(report::Column::Status.eq(OPEN))
        .one(&ctx.db)
        .await?;
    let row = match existing {
        Some(row) => row,
        None => {
            report::ActiveModel {
                target_type: Set(input.target.kind.clone()),
                target_id: Set(target_id),
                reason: Set(input.reason.clone()),
                note: Set(note),
                reporter_id: Set(member.id),
                status: Set(OPEN.to_owned()),
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

async fn views(ctx: &Ctx, actor: &Actor, rows: Vec<report::Model>) -> Result<Vec<ReportView>> {
    let people = crate::user::refs(ctx, rows.iter().map(|r| r.reporter_id)).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let target = ContentRef {
            kind: row.target_type.clone(),
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
        .filter(report::Column::Status.eq(OPEN))
        .order_by_asc(report::Column::Id)
        .limit(200)
        .all(&ctx.db)
        .await?;
    views(ctx, actor, rows).await
}

/// Closes a report without acting on the content (moderators).
pub async fn dismiss(ctx: &Ctx, actor: &Actor, id: i64) -> Result<()> {
    let moderator = policy::member_for(actor, Action::HandleReports, Scope::Others)?;
    let not_found = || Error::NotFound(format!("report {id}"));
    let key = i32::try_from(id).map_err(|_| not_found())?;
    let now = ctx.clock.now();
    let txn = crate::db::begin_write(&ctx.db).await?;
    let row = report::Entity::find_by_id(key)
        .one(&txn)
        .await?
        .ok_or_else(not_found)?;
    if row.status != OPEN {
        return Err(Error::Conflict(format!(
            "report {id} is already {}",
            row.status
        )));
    }
    let (target_type, target_id) = (row.target_type.clone(), row.target_id);
    let mut active = row.into_active_model();
    active.status = Set(DISMISSED.to_owned());
    active.handled_by_id = Set(Some(moderator.id));
    active.handled_at = Set(Some(now));
    active.update(&txn).await?;
    audit::record(
        &txn,
        audit::Entry {
            guideline: None,
            actor_id: moderator.id,
            action: "report.dismissed",
            target_type: "report",
            target_id: id.to_string(),
            before: Some(serde_json::json!({"status": OPEN, "target": {"type": target_type, "id": target_id}})),
            after: Some(serde_json::json!({"status": DISMISSED})),
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Who hid something, why, and when (`None` in `write_hidden` shows it again).
struct Hiding {
    reason: String,
    guideline: Option<String>,
    by: i32,
    at: chrono::DateTime<chrono::Utc>,
}

/// What a hideable row holds now.
struct Hideable {
    id: i32,
    text: String,
    reason: Option<String>,
    hidden: bool,
    /// The idea a comment belongs to (its count changes).
    idea_id: Option<i32>,
}

async fn hideable(txn: &DatabaseTransaction, target: &ContentRef) -> Result<Hideable> {
    let not_found = || Error::NotFound(format!("{} {}", target.kind, target.id));
    let id = i32::try_from(target.id).map_err(|_| not_found())?;
    let found = match target.kind.as_str() {
        "idea" => idea::Entity::find_by_id(id)
            .one(txn)
            .await?
            .map(|r| Hideable {
                id,
                text: format!("{}\n\n{}", r.title, r.body_md),
                hidden: r.hidden_at.is_some(),
                reason: r.hidden_reason,
                idea_id: None,
            }),
        "comment" => idea_comment::Entity::find_by_id(id)
            .one(txn)
            .await?
            .filter(|r| r.deleted_at.is_none())
            .map(|r| Hideable {
                id,
                text: r.body_md,
                hidden: r.hidden_at.is_some(),
                reason: r.hidden_reason,
                idea_id: Some(r.idea_id),
            }),
        "ticket_post" => ticket_post::Entity::find_by_id(id)
            .one(txn)
            .await?
            .filter(|r| r.kind != "internal")
            .map(|r| Hideable {
                id,
                text: r.body_md,
                hidden: r.hidden_at.is_some(),
                reason: r.hidden_reason,
                idea_id: None,
            }),
        "profile" => {
            let row = user::Entity::find_by_id(id)
                .one(txn)
                .await?
                .filter(|u| u.deleted_at.is_none());
            if row.as_ref().is_some_and(|u| {
                u.role
                    .parse::<shared::Role>()
                    .is_ok_and(shared::Role::is_staff)
            }) {
                return Err(Error::Forbidden(
                    "Staff profiles stay visible: staff answer in their own name.".to_owned(),
                ));
            }
            row.map(|r| Hideable {
                id,
                text: r.display_name,
                hidden: r.hidden_at.is_some(),
                reason: r.hidden_reason,
                idea_id: None,
            })
        }
        _ => {
            return Err(Error::invalid(
                "target.type",
                "must be idea, comment, ticket_post or profile",
            ));
        }
    };
    found.ok_or_else(not_found)
}

/// Sets (or with `None` clears) the four hiding columns of one row; every
/// hideable table has the same four.
macro_rules! write_hiding {
    ($entity:ident, $txn:expr, $id:expr, $hiding:expr) => {
        $entity::Entity::update_many()
            .col_expr(
                $entity::Column::HiddenReason,
                Expr::value($hiding.map(|h| h.reason.clone())),
            )
            .col_expr(
                $entity::Column::HiddenGuideline,
                Expr::value($hiding.and_then(|h| h.guideline.clone())),
            )
            .col_expr(
                $entity::Column::HiddenById,
                Expr::value($hiding.map(|h| h.by)),
            )
            .col_expr(
                $entity::Column::HiddenAt,
                Expr::value($hiding.map(|h| h.at)),
            )
            .filter($entity::Column::Id.eq($id))
            .exec($txn)
            .await?
    };
}

async fn write_hidden(
    txn: &DatabaseTransaction,
    kind: &str,
    row: &Hideable,
    hiding: Option<&Hiding>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    match kind {
        "idea" => write_hiding!(idea, txn, row.id, hiding),
        "comment" => write_hiding!(idea_comment, txn, row.id, hiding),
        "ticket_post" => write_hiding!(ticket_post, txn, row.id, hiding),
        _ => write_hiding!(user, txn, row.id, hiding),
    };
    if let Some(idea_id) = row.idea_id {
        crate::comment::recount(txn, idea_id, now).await?;
        crate::comment::announce(txn, idea_id, row.id, now).await?;
    }
    if kind == "idea" {
        crate::events::publish(
            txn,
            crate::events::idea_topic(row.id),
            "idea",
            crate::events::Audience::Public,
            serde_json::json!({"number": row.id}),
            now,
        )
        .await?;
    }
    Ok(())
}

/// Hides an idea, comment, public ticket post or profile with a reason
/// stated in public (a tombstone); the text is kept for the audit trail and
/// the moderators. Hiding a post held for review rejects it. Open reports on
/// it are closed as actioned.
pub async fn hide(ctx: &Ctx, actor: &Actor, input: HideRequest) -> Result<()> {
    let moderator = policy::member_for(actor, Action::HideContent, Scope::Others)?;
    check_reason(&input.reason)?;
    let guideline = crate::guideline::cited_guideline(ctx, input.guideline.as_deref()).await?;
    let now = ctx.clock.now();
    let txn = crate::db::begin_write(&ctx.db).await?;
    let row = hideable(&txn, &input.target).await?;
    if row.hidden && !crate::visibility::is_held(row.reason.as_deref()) {
        return Err(Error::Conflict(format!(
            "the {} is already hidden",
            input.target.kind.replace('_', " ")
        )));
    }
    let hiding = Hiding {
        reason: input.reason.clone(),
        guideline: guideline.clone(),
        by: moderator.id,
        at: now,
    };
    write_hidden(&txn, &input.target.kind, &row, Some(&hiding), now).await?;
    report::Entity::update_many()
        .col_expr(report::Column::Status, Expr::value(ACTIONED))
        .col_expr(report::Column::HandledById, Expr::value(moderator.id))
        .col_expr(report::Column::HandledAt, Expr::value(now))
        .filter(report::Column::TargetType.eq(input.target.kind.as_str()))
        .filter(report::Column::TargetId.eq(row.id))
        .filter(report::Column::Status.eq(OPEN))
        .exec(&txn)
        .await?;
    if input.target.kind == "idea" {
        crate::curation::record(
            &txn,
            crate::curation::Record {
                idea_id: row.id,
                kind: crate::curation::HIDDEN,
                by: moderator.id,
                before: None,
                after: None,
                reason: Some(crate::visibility::tombstone(Some(&input.reason), None)),
                guideline: guideline.clone(),
            },
            now,
        )
        .await?;
    }
    audit::record(
        &txn,
        audit::Entry {
            guideline,
            actor_id: moderator.id,
            action: "content.hidden",
            target_type: &input.target.kind,
            target_id: row.id.to_string(),
            before: Some(serde_json::json!({"text": row.text, "hidden": row.reason})),
            after: Some(serde_json::json!({"hidden": true, "reason": input.reason})),
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Shows hidden content again, or releases a post held for review
/// (moderators); audited either way.
pub async fn unhide(ctx: &Ctx, actor: &Actor, input: UnhideRequest) -> Result<()> {
    let moderator = policy::member_for(actor, Action::HideContent, Scope::Others)?;
    let now = ctx.clock.now();
    let txn = crate::db::begin_write(&ctx.db).await?;
    let row = hideable(&txn, &input.target).await?;
    if !row.hidden {
        return Err(Error::Conflict(format!(
            "the {} is not hidden",
            input.target.kind.replace('_', " ")
        )));
    }
    let held = crate::visibility::is_held(row.reason.as_deref());
    write_hidden(&txn, &input.target.kind, &row, None, now).await?;
    if input.target.kind == "idea" && !held {
        crate::curation::record(
            &txn,
            crate::curation::Record {
                idea_id: row.id,
                kind: crate::curation::UNHIDDEN,
                by: moderator.id,
                before: None,
                after: None,
                reason: None,
                guideline: None,
            },
            now,
        )
        .await?;
    }
    audit::record(
        &txn,
        audit::Entry {
            guideline: None,
            actor_id: moderator.id,
            action: if held {
                "content.released"
            } else {
                "content.unhidden"
            },
            target_type: &input.target.kind,
            target_id: row.id.to_string(),
            before: Some(serde_json::json!({"hidden": row.reason})),
            after: Some(serde_json::json!({"hidden": null})),
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Posts waiting for review, oldest first (moderators), with the listed
/// words each contains.
pub async fn held_posts(ctx: &Ctx, actor: &Actor) -> Result<Vec<HeldPost>> {
    policy::authorize(actor, Action::HandleReports, Scope::Others)?;
    let words = crate::review::words(ctx).await?;
    let ideas = idea::Entity::find()
        .filter(idea::Column::HiddenReason.eq(crate::visibility::HELD))
        .order_by_asc(idea::Column::Id)
        .limit(100)
        .all(&ctx.db)
        .await?;
    let comments = idea_comment::Entity::find()
        .filter(idea_comment::Column::HiddenReason.eq(crate::visibility::HELD))
        .filter(idea_comment::Column::DeletedAt.is_null())
        .order_by_asc(idea_comment::Column::Id)
        .limit(100)
        .all(&ctx.db)
        .await?;
    let people = crate::user::refs(
        ctx,
        ideas
            .iter()
            .map(|i| i.author_id)
            .chain(comments.iter().map(|c| c.author_id)),
    )
    .await?;
    let author = |id: i32| {
        people
            .get(&id)
            .cloned()
            .ok_or_else(|| Error::Internal(format!("member {id} missing")))
    };
    let stamp =
        |at: chrono::DateTime<chrono::Utc>| at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let mut out = Vec::with_capacity(ideas.len() + comments.len());
    for i in ideas {
        out.push((
            i.created_at,
            HeldPost {
                target: ContentRef {
                    kind: "idea".to_owned(),
                    id: i64::from(i.id),
                },
                matched: crate::review::matches(&words, &[&i.title, &i.body_md]),
                excerpt: format!("{} — {}", i.title, excerpt(&i.body_md)),
                link: format!("/ideas/{}", i.id),
                author: author(i.author_id)?,
                created_at: stamp(i.created_at),
            },
        ));
    }
    for c in comments {
        out.push((
            c.created_at,
            HeldPost {
                target: ContentRef {
                    kind: "comment".to_owned(),
                    id: i64::from(c.id),
                },
                matched: crate::review::matches(&words, &[&c.body_md]),
                excerpt: excerpt(&c.body_md),
                link: format!("/ideas/{}#comment-{}", c.idea_id, c.id),
                author: author(c.author_id)?,
                created_at: stamp(c.created_at),
            },
        ));
    }
    out.sort_by_key(|(at, _)| *at);
    Ok(out.into_iter().map(|(_, post)| post).collect())
}

/// Suspends a member for a number of hours with a reason (moderators): they
/// can read, and every write answers 403 with the reason and end date.
pub async fn suspend(ctx: &Ctx, actor: &Actor, input: Suspension) -> Result<()> {
    let moderator = policy::member_for(actor, Action::SuspendMember, Scope::Others)?;
    let mut errors = std::collections::BTreeMap::new();
    if !(1..=8_760).contains(&input.hours) {
        errors.insert("hours".to_owned(), "must be 1 to 8760 (a year)".to_owned());
    }
    let reason = input.reason.trim().to_owned();
    if !(3..=500).contains(&reason.chars().count()) {
        errors.insert(
            "reason".to_owned(),
            "say why in 3–500 characters".to_owned(),
        );
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let guideline = crate::guideline::cited_guideline(ctx, input.guideline.as_deref()).await?;
    let not_found = || Error::NotFound(format!("member {}", input.member));
    let id = i32::try_from(input.member).map_err(|_| not_found())?;
    if id == moderator.id {
        return Err(Error::Conflict("you cannot suspend yourself".to_owned()));
    }
    let now = ctx.clock.now();
    let until = now + chrono::Duration::hours(input.hours);
    let txn = crate::db::begin_write(&ctx.db).await?;
    let row = user::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .filter(|u| u.deleted_at.is_none())
        .ok_or_else(not_found)?;
    if row.role == shared::Role::Admin.as_str() {
        return Err(Error::Forbidden("Admins cannot be suspended.".to_owned()));
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
            action: "member.suspended",
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
    let not_found = || Error::NotFound(format!("member {member}"));
    let id = i32::try_from(member).map_err(|_| not_found())?;
    let now = ctx.clock.now();
    let txn = crate::db::begin_write(&ctx.db).await?;
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
            action: "member.unsuspended",
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

fn entry_view(row: audit_event::Model, people: &HashMap<i32, shared::UserRef>) -> AuditEntry {
    AuditEntry {
        id: i64::from(row.id),
        actor: row.actor_id.and_then(|id| people.get(&id).cloned()),
        action: row.action,
        target_type: row.target_type,
        target_id: row.target_id,
        before: row.before,
        after: row.after,
        guideline: row.guideline,
        created_at: row
            .created_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    }
}

/// The audit log, newest first, filtered (moderators; read-only).
pub async fn audit_log(ctx: &Ctx, actor: &Actor, query: &AuditQuery) -> Result<Page<AuditEntry>> {
    policy::authorize(actor, Action::ReadAuditLog, Scope::Others)?;
    let limit = query.limit.unwrap_or(DEFAULT_PAGE_LIMIT);
    if !PAGE_LIMIT_RANGE.contains(&limit) {
        return Err(Error::invalid("limit", "must be between 1 and 100"));
    }
    let mut select = audit_event::Entity::find();
    if let Some(action) = query.action.as_deref().filter(|a| !a.is_empty()) {
        select = select.filter(audit_event::Column::Action.eq(action));
    }
    if let Some(actor_id) = query.actor {
        select =
            select.filter(audit_event::Column::ActorId.eq(i32::try_from(actor_id).unwrap_or(-1)));
    }
    if let Some(raw) = query.cursor.as_deref().filter(|c| !c.is_empty()) {
        let before: i32 = raw
            .parse()
            .map_err(|_| Error::invalid("cursor", "is not a cursor of this list"))?;
        select = select.filter(audit_event::Column::Id.lt(before));
    }
    let mut rows = select
        .order_by_desc(audit_event::Column::Id)
        .limit(limit + 1)
        .all(&ctx.db)
        .await?;
    let more = rows.len() as u64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let next_cursor = if more {
        rows.last().map(|r| r.id.to_string())
    } else {
        None
    };
    let people = crate::user::refs(ctx, rows.iter().filter_map(|r| r.actor_id)).await?;
    Ok(Page {
        items: rows.into_iter().map(|r| entry_view(r, &people)).collect(),
        next_cursor,
    })
}

/// Every matching audit entry as CSV (moderators), newest first.
pub async fn audit_csv(ctx: &Ctx, actor: &Actor, query: &AuditQuery) -> Result<String> {
    let mut out =
        String::from("id,at,actor_id,actor,action,target_type,target_id,guideline,before,after\n");
    let mut page_query = AuditQuery {
        limit: Some(100),
        cursor: None,
        format: None,
        ..query.clone()
    };
    loop {
        let page = audit_log(ctx, actor, &page_query).await?;
        for e in &page.items {
            let fields = [
                e.id.to_string(),
                e.created_at.clone(),
                e.actor
                    .as_ref()
                    .map(|a| a.id.to_string())
                    .unwrap_or_default(),
                e.actor
                    .as_ref()
                    .map(|a| a.display_name.clone())
                    .unwrap_or_default(),
                e.action.clone(),
                e.target_type.clone(),
                e.target_id.clone(),
                e.guideline.clone().unwrap_or_default(),
                e.before.clone().unwrap_or_default(),
                e.after.clone().unwrap_or_default(),
            ];
            out.push_str(&crate::csv::line(&fields));
        }
        match page.next_cursor {
            Some(cursor) => page_query.cursor = Some(cursor),
            None => break,
        }
    }
    Ok(out)
}
