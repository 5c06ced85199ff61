//! The moderators' audit log: every action, signed, filtered and exported.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use shared::{AuditEntry, AuditQuery, Page};

use crate::actor::Actor;
use crate::entity::audit_event;
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Result};

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
    let limit = crate::pagination::page_limit(query.limit)?;
    let mut select = audit_event::Entity::find();
    if let Some(action) = query.action {
        select = select.filter(audit_event::Column::Action.eq(action));
    }
    if let Some(actor_id) = query.actor {
        select =
            select.filter(audit_event::Column::ActorId.eq(i32::try_from(actor_id).unwrap_or(-1)));
    }
    if let Some(before) = crate::pagination::id_before(query.cursor.as_deref(), "")? {
        select = select.filter(audit_event::Column::Id.lt(before));
    }
    let rows = select
        .order_by_desc(audit_event::Column::Id)
        .limit(limit + 1)
        .all(&ctx.db)
        .await?;
    let (rows, next_cursor) = crate::pagination::split_page(rows, limit, |r| r.id.to_string());
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
                e.action.to_string(),
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
