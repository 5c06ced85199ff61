//! The event log behind live pages. A change that open pages should show
//! (a vote, a comment, a status, a reply, a hand-off, a notification) is
//! appended to `events` in the change's own transaction, so an event exists
//! exactly when its change does. Every server instance tails the log and
//! fans new entries out to its subscribers; a reconnecting browser replays
//! what it missed after its `Last-Event-ID`. Each entry names its audience,
//! so private details and internal notes reach only those allowed.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use shared::{LiveEvent, LiveEventKind};

use crate::actor::Actor;
use crate::entity::event;
use crate::policy::{self, Action, Scope};
use crate::{Error, Result};

/// Who may receive an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Anyone who may read the topic.
    Public,
    /// Employees, moderators and admins.
    Staff,
    /// One member (their notifications).
    Member(i32),
}

impl Audience {
    fn encode(self) -> String {
        match self {
            Audience::Public => "public".to_owned(),
            Audience::Staff => "staff".to_owned(),
            Audience::Member(id) => format!("member:{id}"),
        }
    }

    /// Reads the stored form back.
    fn decode(raw: &str) -> Option<Self> {
        match raw {
            "public" => Some(Audience::Public),
            "staff" => Some(Audience::Staff),
            _ => raw
                .strip_prefix("member:")
                .and_then(|id| id.parse().ok())
                .map(Audience::Member),
        }
    }

    /// Whether the actor may receive events for this audience.
    #[must_use]
    pub fn admits(self, actor: &Actor) -> bool {
        match self {
            Audience::Public => true,
            Audience::Staff => policy::can(actor, Action::ReadInternalNotes, Scope::Others),
            Audience::Member(id) => actor.member().is_some_and(|m| m.id == id),
        }
    }
}

/// The board: ideas posted, votes, statuses.
pub const BOARD: &str = "board";
/// The staff queue: tickets filed, answered, handed off, resolved.
pub const QUEUE: &str = "queue";

/// One idea's page.
#[must_use]
pub fn idea_topic(id: i32) -> String {
    format!("idea:{id}")
}

/// One ticket's thread.
#[must_use]
pub fn ticket_topic(number: &str) -> String {
    format!("ticket:{number}")
}

/// One member's notifications.
#[must_use]
pub fn member_topic(id: i32) -> String {
    format!("member:{id}")
}

/// The `PostgreSQL` channel on which a commit that appended events wakes
/// every instance's hub (`NOTIFY` inside the transaction is delivered at
/// commit, and only then), so live pages hear of it within milliseconds.
pub const NOTIFY_CHANNEL: &str = "madang_events";

/// One entry of the log as readers see it: where it goes, who may hear
/// it, and the typed event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Its position in the log; readers resume after it.
    pub id: i32,
    /// `board`, `queue`, `idea:N`, `ticket:VOC-N` or `member:N`.
    pub topic: String,
    /// Who may receive it.
    pub audience: Audience,
    /// What happened.
    pub event: LiveEvent,
    /// When.
    pub at: chrono::DateTime<chrono::Utc>,
    /// The event's fields as stored (JSON text), kept so that fanning one
    /// entry out to many streams does not serialize it again for each.
    data: String,
}

impl Entry {
    /// An entry for this event (its stored fields derived from it).
    #[must_use]
    pub fn new(
        id: i32,
        topic: String,
        audience: Audience,
        event: LiveEvent,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Self {
        let data = split(&event).1.to_string();
        Entry {
            id,
            topic,
            audience,
            event,
            at,
            data,
        }
    }

    /// Whether the actor may receive this entry.
    #[must_use]
    pub fn admits(&self, actor: &Actor) -> bool {
        self.audience.admits(actor)
    }

    /// Whether anybody may see it (then a stream need not ask again
    /// whether its subscriber still may).
    #[must_use]
    pub fn is_public(&self) -> bool {
        self.audience == Audience::Public
    }

    /// The event's fields as JSON text: the `data` of the SSE message and
    /// of a webhook delivery.
    #[must_use]
    pub fn data(&self) -> &str {
        &self.data
    }

    /// Reads a stored row; `None` when it no longer parses (written by a
    /// newer version, say), so readers skip it.
    fn decode(row: event::Model) -> Option<Entry> {
        let payload: serde_json::Value = serde_json::from_str(&row.payload).ok()?;
        let event =
            serde_json::from_value(serde_json::json!({"kind": row.kind.as_str(), "data": payload}))
                .ok()?;
        Some(Entry {
            id: row.id,
            topic: row.topic,
            audience: Audience::decode(&row.audience)?,
            event,
            at: row.created_at,
            data: row.payload,
        })
    }
}

/// The stored form of an event: its kind and its fields.
fn split(event: &LiveEvent) -> (LiveEventKind, serde_json::Value) {
    let data = serde_json::to_value(event)
        .ok()
        .and_then(|mut tagged| tagged.get_mut("data").map(serde_json::Value::take))
        .unwrap_or_default();
    (event.kind(), data)
}

/// Appends an event in the caller's transaction (always call it inside
/// one). Readers tail the log by id, so ids must become visible in order:
/// on `PostgreSQL` two transactions could otherwise commit ids 11 before 10,
/// and a reader that saw 11 would never look at 10 again. An advisory lock
/// held until commit makes event writers take turns from here on (`SQLite`
/// has one writer at a time anyway).
pub async fn publish<C: ConnectionTrait>(
    db: &C,
    topic: String,
    audience: Audience,
    event: &LiveEvent,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        db.execute_unprepared("SELECT pg_advisory_xact_lock(7242001)")
            .await?;
    }
    let (kind, data) = split(event);
    event::ActiveModel {
        topic: Set(topic),
        kind: Set(kind),
        audience: Set(audience.encode()),
        payload: Set(data.to_string()),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        db.execute_unprepared(&format!("NOTIFY {NOTIFY_CHANNEL}"))
            .await?;
    }
    Ok(())
}

/// A stretch of the log: its entries, and how far it reached (readers
/// move past rows that no longer parse too).
#[derive(Clone, Debug, Default)]
pub struct Batch {
    /// The entries, oldest first.
    pub entries: Vec<Entry>,
    /// The id of the last row read, if any.
    pub read_up_to: Option<i32>,
    /// Whether the limit was reached (more may follow at once).
    pub full: bool,
}

/// Events after `after`, oldest first; only these topics when given.
pub async fn after<C: ConnectionTrait>(
    db: &C,
    after: i32,
    topics: Option<&[String]>,
    limit: u64,
) -> Result<Batch> {
    let mut select = event::Entity::find().filter(event::Column::Id.gt(after));
    if let Some(topics) = topics {
        select = select.filter(event::Column::Topic.is_in(topics.iter().cloned()));
    }
    let rows = select
        .order_by_asc(event::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    Ok(Batch {
        full: rows.len() as u64 == limit,
        read_up_to: rows.last().map(|r| r.id),
        entries: rows.into_iter().filter_map(Entry::decode).collect(),
    })
}

/// The newest event's id (0 when the log is empty).
pub async fn latest<C: ConnectionTrait>(db: &C) -> Result<i32> {
    Ok(event::Entity::find()
        .order_by_desc(event::Column::Id)
        .one(db)
        .await?
        .map_or(0, |e| e.id))
}

/// Forgets events older than the retention; a browser away longer reloads.
pub async fn prune<C: ConnectionTrait>(
    db: &C,
    before: chrono::DateTime<chrono::Utc>,
) -> Result<u64> {
    Ok(event::Entity::delete_many()
        .filter(event::Column::CreatedAt.lt(before))
        .exec(db)
        .await?
        .rows_affected)
}

/// The topics a subscription asks for, checked and translated: `board`,
/// `idea:12`, `ticket:VOC-000001`, `queue` (staff), `me` (the caller's own
/// notifications).
pub fn subscription(actor: &Actor, raw: &str) -> Result<Vec<String>> {
    let mut topics = Vec::new();
    for name in raw.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        let topic = if name == BOARD {
            BOARD.to_owned()
        } else if name == QUEUE {
            if !policy::can(actor, Action::ReadStaffQueue, Scope::Others) {
                return Err(Error::Forbidden(crate::msg!(
                    "events.staff_queue_s_events_are"
                )));
            }
            QUEUE.to_owned()
        } else if name == "me" {
            let member = actor.member().ok_or(Error::Unauthenticated)?;
            member_topic(member.id)
        } else if let Some(id) = name
            .strip_prefix("idea:")
            .and_then(|n| n.parse::<i32>().ok())
        {
            idea_topic(id)
        } else if let Some(number) = name
            .strip_prefix("ticket:")
            .filter(|n| shared::ticket::parse_ticket_number(n).is_some())
        {
            ticket_topic(number)
        } else {
            return Err(Error::invalid(
                "topics",
                crate::msg!("events.unknown_topic_use_board_queue", name = name),
            ));
        };
        if !topics.contains(&topic) {
            topics.push(topic);
        }
    }
    if topics.is_empty() {
        return Err(Error::invalid(
            "topics",
            crate::msg!("events.name_at_least_one_topic"),
        ));
    }
    if topics.len() > 20 {
        return Err(Error::invalid(
            "topics",
            crate::msg!("events.at_most_20_topics"),
        ));
    }
    Ok(topics)
}
