//! The audit log: every staff and moderator action that changes what
//! customers get or see, with who, what, when, and the state before and
//! after. Written in the same transaction as the action, so it never
//! misses one.

use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

use shared::AuditAction;

use crate::Result;
use crate::entity::audit_event;

/// One action to record.
pub struct Entry<'a> {
    /// Who did it.
    pub actor_id: i32,
    /// What was done.
    pub action: AuditAction,
    /// What kind of thing, e.g. `ticket`.
    pub target_type: &'a str,
    /// Which one, e.g. `VOC-000123`.
    pub target_id: String,
    /// The state before (JSON), if any.
    pub before: Option<serde_json::Value>,
    /// The state after (JSON), if any.
    pub after: Option<serde_json::Value>,
    /// The guideline the action enforces (its number), if cited.
    pub guideline: Option<String>,
}

impl<'a> Entry<'a> {
    /// An entry with no states yet; add them with `before` and `after`.
    #[must_use]
    pub fn new(
        actor_id: i32,
        action: AuditAction,
        target_type: &'a str,
        target_id: impl ToString,
    ) -> Self {
        Entry {
            actor_id,
            action,
            target_type,
            target_id: target_id.to_string(),
            before: None,
            after: None,
            guideline: None,
        }
    }

    /// The state before the action.
    #[must_use]
    pub fn before(mut self, state: serde_json::Value) -> Self {
        self.before = Some(state);
        self
    }

    /// The state after the action.
    #[must_use]
    pub fn after(mut self, state: serde_json::Value) -> Self {
        self.after = Some(state);
        self
    }

    /// Appends the entry to the log.
    pub async fn write<C: ConnectionTrait>(
        self,
        db: &C,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Result<()> {
        record(db, self, at).await
    }
}

/// Appends an entry to the log.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    entry: Entry<'_>,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    audit_event::ActiveModel {
        actor_id: Set(Some(entry.actor_id)),
        action: Set(entry.action),
        target_type: Set(entry.target_type.to_owned()),
        target_id: Set(entry.target_id),
        before: Set(entry.before.map(|v| v.to_string())),
        after: Set(entry.after.map(|v| v.to_string())),
        guideline: Set(entry.guideline),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
