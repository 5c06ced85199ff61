//! Live events: what open pages and integrations hear when something
//! changes. They carry ids and counts only, never content, so a page that
//! hears one refetches what its reader may see.

use serde::{Deserialize, Serialize};

use crate::idea::IdeaStatus;
use crate::notification::NotificationKind;
use crate::vocabulary::{CommitmentStatus, TicketPostKind};

vocabulary! {
    /// The name of a live event: the SSE `event:` field and the stored kind.
    pub enum LiveEventKind (UnknownLiveEventKind, "live event kind") {
        /// An idea appeared on the board (or a held one was released).
        Idea = "idea",
        /// An idea's vote count changed.
        Vote = "vote",
        /// An idea's public status changed.
        Status = "status",
        /// A comment was added, edited or hidden.
        Comment = "comment",
        /// The staff queue changed: a ticket was filed or written in.
        Ticket = "ticket",
        /// A post was added to a ticket thread.
        Post = "post",
        /// A promise in a ticket was made, kept, withdrawn or went overdue.
        Commitment = "commitment",
        /// A notification for one member.
        Notification = "notification",
    }
}

/// One live event. On the wire (SSE) the variant's name is the `event:`
/// field and its fields are the `data`, hence serde's adjacent tagging.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "data", rename_all = "snake_case")]
pub enum LiveEvent {
    /// An idea appeared on the board.
    Idea {
        /// The idea's number.
        number: i64,
    },
    /// An idea's vote count changed.
    Vote {
        /// The idea's number.
        number: i64,
        /// Its votes now.
        votes: i64,
    },
    /// An idea's public status changed.
    Status {
        /// The idea's number.
        number: i64,
        /// The new status.
        status: IdeaStatus,
    },
    /// A comment under an idea changed.
    Comment {
        /// The idea's number.
        number: i64,
        /// The comment's id.
        comment: i64,
    },
    /// The staff queue changed.
    Ticket {
        /// The ticket's number, e.g. `VOC-000123`.
        number: String,
        /// The new post, when the change is one (absent: the ticket was filed).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        post: Option<i64>,
        /// The new post's kind.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kind: Option<TicketPostKind>,
    },
    /// A post was added to a ticket thread.
    Post {
        /// The ticket's number.
        number: String,
        /// The post's id.
        post: i64,
        /// Reply, internal note, hand-off or status post.
        kind: TicketPostKind,
    },
    /// A promise in a ticket changed.
    Commitment {
        /// The ticket's number.
        number: String,
        /// The promise's id.
        commitment: i64,
        /// Where it stands now.
        status: CommitmentStatus,
    },
    /// A notification for the member the event is addressed to.
    Notification {
        /// What it is about.
        kind: NotificationKind,
        /// Where to read more (a site path).
        link: String,
    },
}

impl LiveEvent {
    /// The event's name.
    #[must_use]
    pub fn kind(&self) -> LiveEventKind {
        match self {
            LiveEvent::Idea { .. } => LiveEventKind::Idea,
            LiveEvent::Vote { .. } => LiveEventKind::Vote,
            LiveEvent::Status { .. } => LiveEventKind::Status,
            LiveEvent::Comment { .. } => LiveEventKind::Comment,
            LiveEvent::Ticket { .. } => LiveEventKind::Ticket,
            LiveEvent::Post { .. } => LiveEventKind::Post,
            LiveEvent::Commitment { .. } => LiveEventKind::Commitment,
            LiveEvent::Notification { .. } => LiveEventKind::Notification,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_of_each() -> Vec<LiveEvent> {
        vec![
            LiveEvent::Idea { number: 1 },
            LiveEvent::Vote {
                number: 1,
                votes: 3,
            },
            LiveEvent::Status {
                number: 1,
                status: IdeaStatus::Planned,
            },
            LiveEvent::Comment {
                number: 1,
                comment: 9,
            },
            LiveEvent::Ticket {
                number: "VOC-000001".to_owned(),
                post: None,
                kind: None,
            },
            LiveEvent::Post {
                number: "VOC-000001".to_owned(),
                post: 4,
                kind: TicketPostKind::Reply,
            },
            LiveEvent::Commitment {
                number: "VOC-000001".to_owned(),
                commitment: 2,
                status: CommitmentStatus::Overdue,
            },
            LiveEvent::Notification {
                kind: NotificationKind::Mention,
                link: "/ideas/1".to_owned(),
            },
        ]
    }

    #[test]
    fn the_tag_is_the_kind_and_every_kind_has_an_event() {
        let events = one_of_each();
        for event in &events {
            let json = serde_json::to_value(event).expect("json");
            assert_eq!(json["kind"], event.kind().as_str(), "{event:?}");
            let back: LiveEvent = serde_json::from_value(json).expect("reads back");
            assert_eq!(&back, event);
        }
        let kinds: Vec<_> = events.iter().map(LiveEvent::kind).collect();
        assert_eq!(kinds, LiveEventKind::ALL);
    }

    #[test]
    fn a_filed_ticket_has_only_its_number() {
        let json = serde_json::to_string(&LiveEvent::Ticket {
            number: "VOC-000002".to_owned(),
            post: None,
            kind: None,
        })
        .expect("json");
        assert_eq!(json, r#"{"kind":"ticket","data":{"number":"VOC-000002"}}"#);
    }
}
