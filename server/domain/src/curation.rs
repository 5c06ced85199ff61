//! Curation of ideas by moderators: correcting the title, category and
//! tags, locking and unlocking the discussion, featuring (pinning) ideas.
//! Every step is stated in the idea's public timeline, signed, with the
//! reason and guideline, and written to the audit log — moderators keep the
//! board useful without quietly rewriting what customers said.

use std::collections::BTreeMap;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use shared::{AuditAction, CurationKind, IdeaEdit, LockRequest, StaffIdentity, TimelineEntry};

use crate::actor::Actor;
use crate::entity::{category, idea, idea_curation, idea_tag};
use crate::idea::store::{Lock, find_by_number};
use crate::markdown::escape_text;
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, audit};

/// Most ideas featured at once: a featured list longer than this is a board.
pub const MAX_PINNED: u64 = 5;

/// One curation to keep in the idea's history.
pub(crate) struct Record {
    pub idea_id: i32,
    pub kind: CurationKind,
    pub by: i32,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub reason: Option<String>,
    pub guideline: Option<String>,
}

/// Appends a curation to the idea's history.
pub(crate) async fn record<C: ConnectionTrait>(
    db: &C,
    entry: Record,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    idea_curation::ActiveModel {
        idea_id: Set(entry.idea_id),
        kind: Set(entry.kind),
        by_id: Set(entry.by),
        before: Set(entry.before.map(|v| v.to_string())),
        after: Set(entry.after.map(|v| v.to_string())),
        reason: Set(entry.reason),
        guideline: Set(entry.guideline),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The idea's curation history, oldest first.
pub(crate) async fn for_idea<C: ConnectionTrait>(
    db: &C,
    idea_id: i32,
) -> Result<Vec<idea_curation::Model>> {
    Ok(idea_curation::Entity::find()
        .filter(idea_curation::Column::IdeaId.eq(idea_id))
        .order_by_asc(idea_curation::Column::Id)
        .all(db)
        .await?)
}

/// A field's old and new value as the timeline says it.
fn change_html(field: &str, before: &serde_json::Value, after: &serde_json::Value) -> String {
    let show = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) if s.is_empty() => "—".to_owned(),
        serde_json::Value::String(s) => format!("“{}”", escape_text(s)),
        serde_json::Value::Array(items) if items.is_empty() => "—".to_owned(),
        serde_json::Value::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str())
            .map(|i| format!("#{}", escape_text(i)))
            .collect::<Vec<_>>()
            .join(" "),
        serde_json::Value::Null => "—".to_owned(),
        other => escape_text(&other.to_string()),
    };
    let field = crate::i18n::word(crate::i18n::request_locale(), "curation_field", field);
    format!(
        "{}: {} → {}",
        escape_text(&field),
        show(before),
        show(after)
    )
}

/// The signed timeline entry for one curation.
pub(crate) fn timeline_entry(row: idea_curation::Model, by: StaffIdentity) -> TimelineEntry {
    let parse = |raw: &Option<String>| -> serde_json::Value {
        raw.as_deref()
            .and_then(|r| serde_json::from_str(r).ok())
            .unwrap_or(serde_json::Value::Null)
    };
    let mut parts = Vec::new();
    if row.kind == CurationKind::Edited {
        let (before, after) = (parse(&row.before), parse(&row.after));
        for field in ["title", "category", "tags"] {
            if let Some(new) = after.get(field) {
                let old = before.get(field).unwrap_or(&serde_json::Value::Null);
                parts.push(format!("<p>{}</p>", change_html(field, old, new)));
            }
        }
    }
    if let Some(reason) = row.reason.as_deref().filter(|r| !r.is_empty()) {
        parts.push(format!("<p>{}</p>", escape_text(reason)));
    }
    if let Some(guideline) = &row.guideline {
        let cited = crate::msg!("timeline.guideline", number = guideline)
            .text(crate::i18n::request_locale());
        parts.push(format!(
            "<p class=\"guideline\">{}</p>",
            escape_text(&cited)
        ));
    }
    TimelineEntry {
        kind: row.kind.into(),
        at: row
            .created_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        by,
        status: None,
        from_status: None,
        text_html: parts.join(""),
        announcement: None,
    }
}

fn reason_of(raw: Option<&str>, required: bool) -> Result<Option<String>> {
    let reason = raw.map(str::trim).filter(|r| !r.is_empty());
    match reason {
        None if required => Err(Error::invalid(
            "reason",
            crate::msg!("field.say_why_3_500_characters"),
        )),
        None => Ok(None),
        Some(r) if !(3..=500).contains(&r.chars().count()) => Err(Error::invalid(
            "reason",
            crate::msg!("field.say_why_3_500_characters"),
        )),
        Some(r) => Ok(Some(r.to_owned())),
    }
}

async fn tags_of<C: ConnectionTrait>(db: &C, idea_id: i32) -> Result<Vec<String>> {
    Ok(idea_tag::Entity::find()
        .filter(idea_tag::Column::IdeaId.eq(idea_id))
        .order_by_asc(idea_tag::Column::Tag)
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.tag)
        .collect())
}

async fn category_name<C: ConnectionTrait>(db: &C, id: Option<i32>) -> Result<String> {
    Ok(match id {
        Some(id) => category::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|c| c.name)
            .unwrap_or_default(),
        None => String::new(),
    })
}

/// Corrects an idea's title, category or tags (moderators). Only what
/// actually changes is recorded; asking for the current values changes
/// nothing.
pub async fn edit(ctx: &Ctx, actor: &Actor, number: i64, input: IdeaEdit) -> Result<()> {
    let moderator = policy::member_for(actor, Action::EditIdeaMetadata, Scope::Others)?;
    let mut errors = BTreeMap::new();
    let title = match input.title.as_deref().map(crate::idea::store::check_title) {
        Some(Ok(title)) => Some(title),
        Some(Err(e)) => {
            errors.insert("title".to_owned(), e);
            None
        }
        None => None,
    };
    let tags = match input.tags.as_deref().map(crate::idea::store::check_tags) {
        Some(Ok(tags)) => Some(tags),
        Some(Err(e)) => {
            errors.insert("tags".to_owned(), e);
            None
        }
        None => None,
    };
    if input.title.is_none() && input.category.is_none() && input.tags.is_none() {
        errors.insert(
            "title".to_owned(),
            crate::msg!("curation.give_new_title_category_tags"),
        );
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let reason = reason_of(input.reason.as_deref(), false)?;
    let guideline = crate::guideline::cited_guideline(ctx, input.guideline.as_deref()).await?;
    let now = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    let row = find_by_number(&txn, number, Lock::ForUpdate).await?;
    let new_category = match input.category.as_deref().map(str::trim) {
        Some("") => Some(None),
        Some(slug) => Some(Some(crate::idea::store::category_id(&txn, slug).await?)),
        None => None,
    };
    let old_tags = tags_of(&txn, row.id).await?;
    let mut before = serde_json::Map::new();
    let mut after = serde_json::Map::new();
    if let Some(title) = title.as_ref().filter(|t| **t != row.title) {
        before.insert("title".into(), row.title.clone().into());
        after.insert("title".into(), title.clone().into());
    }
    if let Some(category_id) = new_category.filter(|c| *c != row.category_id) {
        before.insert(
            "category".into(),
            category_name(&txn, row.category_id).await?.into(),
        );
        after.insert(
            "category".into(),
            category_name(&txn, category_id).await?.into(),
        );
    }
    if let Some(tags) = tags.as_ref().filter(|t| **t != old_tags) {
        before.insert("tags".into(), serde_json::json!(old_tags));
        after.insert("tags".into(), serde_json::json!(tags));
    }
    if after.is_empty() {
        return Ok(());
    }
    let idea_id = row.id;
    let final_title = title.unwrap_or_else(|| row.title.clone());
    let final_tags = tags.unwrap_or(old_tags);
    let mut active: idea::ActiveModel = row.into();
    active.title = Set(final_title.clone());
    if let Some(category_id) = new_category {
        active.category_id = Set(category_id);
    }
    active.update(&txn).await?;
    idea_tag::Entity::delete_many()
        .filter(idea_tag::Column::IdeaId.eq(idea_id))
        .exec(&txn)
        .await?;
    for tag in &final_tags {
        idea_tag::ActiveModel {
            idea_id: Set(idea_id),
            tag: Set(tag.clone()),
        }
        .insert(&txn)
        .await?;
    }
    crate::search::index_idea(&txn, idea_id, &final_title, &final_tags).await?;
    let (before, after) = (
        serde_json::Value::Object(before),
        serde_json::Value::Object(after),
    );
    logged(
        &txn,
        Record {
            idea_id,
            kind: CurationKind::Edited,
            by: moderator.id,
            before: Some(before),
            after: Some(after),
            reason,
            guideline: guideline.clone(),
        },
        now,
    )
    .await?;
    Ok(txn.commit().await?)
}

/// The audit log's name for a curation.
fn audit_action(kind: CurationKind) -> AuditAction {
    match kind {
        CurationKind::Edited => AuditAction::IdeaEdited,
        CurationKind::Locked => AuditAction::IdeaLocked,
        CurationKind::Unlocked => AuditAction::IdeaUnlocked,
        CurationKind::Pinned => AuditAction::IdeaPinned,
        CurationKind::Unpinned => AuditAction::IdeaUnpinned,
        CurationKind::Hidden => AuditAction::IdeaHidden,
        CurationKind::Unhidden => AuditAction::IdeaUnhidden,
    }
}

/// Keeps one curation in the idea's public history and in the audit log
/// (with the same before and after).
async fn logged<C: ConnectionTrait>(
    db: &C,
    entry: Record,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    audit::record(
        db,
        audit::Entry {
            guideline: entry.guideline.clone(),
            actor_id: entry.by,
            action: audit_action(entry.kind),
            target_type: "idea",
            target_id: entry.idea_id.to_string(),
            before: entry.before.clone(),
            after: entry.after.clone(),
        },
        at,
    )
    .await?;
    record(db, entry, at).await
}

/// Closes an idea's discussion with a stated reason (moderators): votes
/// still count, customers cannot comment, staff still answer.
pub async fn lock(ctx: &Ctx, actor: &Actor, number: i64, input: LockRequest) -> Result<()> {
    let moderator = policy::member_for(actor, Action::LockThread, Scope::Others)?;
    let reason = reason_of(Some(&input.reason), true)?.unwrap_or_default();
    let guideline = crate::guideline::cited_guideline(ctx, input.guideline.as_deref()).await?;
    let now = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    let row = find_by_number(&txn, number, Lock::ForUpdate).await?;
    if row.locked_at.is_some() {
        return Err(Error::Conflict(crate::msg!(
            "curation.discussion_already_locked"
        )));
    }
    let idea_id = row.id;
    let mut active: idea::ActiveModel = row.into();
    active.locked_at = Set(Some(now));
    active.locked_reason = Set(Some(reason.clone()));
    active.update(&txn).await?;
    logged(
        &txn,
        Record {
            idea_id,
            kind: CurationKind::Locked,
            by: moderator.id,
            before: Some(serde_json::json!({"locked": false})),
            after: Some(serde_json::json!({"locked": true, "reason": reason})),
            reason: Some(reason.clone()),
            guideline: guideline.clone(),
        },
        now,
    )
    .await?;
    Ok(txn.commit().await?)
}

/// Reopens a locked discussion (moderators).
pub async fn unlock(ctx: &Ctx, actor: &Actor, number: i64) -> Result<()> {
    let moderator = policy::member_for(actor, Action::LockThread, Scope::Others)?;
    let now = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    let row = find_by_number(&txn, number, Lock::ForUpdate).await?;
    if row.locked_at.is_none() {
        return Err(Error::Conflict(crate::msg!(
            "curation.discussion_not_locked"
        )));
    }
    let (idea_id, old_reason) = (row.id, row.locked_reason.clone());
    let mut active: idea::ActiveModel = row.into();
    active.locked_at = Set(None);
    active.locked_reason = Set(None);
    active.update(&txn).await?;
    logged(
        &txn,
        Record {
            idea_id,
            kind: CurationKind::Unlocked,
            by: moderator.id,
            before: Some(serde_json::json!({"locked": true, "reason": old_reason})),
            after: Some(serde_json::json!({"locked": false})),
            reason: None,
            guideline: None,
        },
        now,
    )
    .await?;
    Ok(txn.commit().await?)
}

/// Features an idea above the board, or stops featuring it (moderators).
pub async fn set_pinned(ctx: &Ctx, actor: &Actor, number: i64, pinned: bool) -> Result<()> {
    let moderator = policy::member_for(actor, Action::PinIdea, Scope::Others)?;
    let now = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    let row = find_by_number(&txn, number, Lock::ForUpdate).await?;
    if row.pinned_at.is_some() == pinned {
        return Err(Error::Conflict(if pinned {
            crate::msg!("curation.already_featured")
        } else {
            crate::msg!("curation.not_featured")
        }));
    }
    if pinned {
        if row.hidden_at.is_some() || row.merged_into_id.is_some() {
            return Err(Error::Conflict(crate::msg!(
                "curation.hidden_merged_ideas_cannot_featured"
            )));
        }
        let featured = idea::Entity::find()
            .filter(idea::Column::PinnedAt.is_not_null())
            .count(&txn)
            .await?;
        if featured >= MAX_PINNED {
            return Err(Error::Conflict(crate::msg!(
                "curation.at_most_ideas_can_featured",
                max_pinned = MAX_PINNED
            )));
        }
    }
    let idea_id = row.id;
    let mut active: idea::ActiveModel = row.into();
    active.pinned_at = Set(pinned.then_some(now));
    active.update(&txn).await?;
    logged(
        &txn,
        Record {
            idea_id,
            kind: if pinned {
                CurationKind::Pinned
            } else {
                CurationKind::Unpinned
            },
            by: moderator.id,
            before: Some(serde_json::json!({"pinned": !pinned})),
            after: Some(serde_json::json!({"pinned": pinned})),
            reason: None,
            guideline: None,
        },
        now,
    )
    .await?;
    Ok(txn.commit().await?)
}
