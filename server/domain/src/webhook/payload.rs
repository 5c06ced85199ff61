//! What a webhook receives: which events integrations see (the same
//! visibility rule as pages), the JSON body of each, and its signature.

use hmac::{Hmac, Mac};
use sea_orm::EntityTrait;
use sha2::Sha256;

use shared::{CommitmentStatus, LiveEvent, TicketPostKind};

use crate::entity::{department, idea, ticket, ticket_post, user};
use crate::events::Entry;
use crate::{Ctx, Result};

/// The header carrying `sha256=<hex HMAC of the body>`.
pub const SIGNATURE_HEADER: &str = "X-Madang-Signature-256";
/// The header naming the event type.
pub const EVENT_HEADER: &str = "X-Madang-Event";
/// The header with the delivery id (the same on every retry).
pub const DELIVERY_HEADER: &str = "X-Madang-Delivery";

/// The event type a test delivery carries.
pub(super) const PING: &str = "ping";

/// `sha256=` and the hex HMAC-SHA256 of `body` under `secret`, as in the
/// signature header: receivers compute the same and compare.
#[must_use]
pub fn signature(secret: &str, body: &[u8]) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        return String::new();
    };
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// The public webhook event type of a log entry, if integrations get it:
/// only what everybody may see (never internal notes or notifications).
pub(super) fn event_type(entry: &Entry) -> Option<&'static str> {
    if !entry.is_public() {
        // The one staff-audience event integrations get: a ticket was filed
        // (its public thread exists; the event names only its number).
        let opened = entry.topic == crate::events::QUEUE
            && matches!(entry.event, LiveEvent::Ticket { post: None, .. });
        return opened.then_some("ticket.opened");
    }
    let on_idea = entry.topic.starts_with("idea:");
    let on_ticket = entry.topic.starts_with("ticket:");
    let on_board = entry.topic == crate::events::BOARD;
    match &entry.event {
        LiveEvent::Idea { .. } if on_board => Some("idea.created"),
        LiveEvent::Vote { .. } if on_board => Some("idea.voted"),
        LiveEvent::Status { .. } if on_board => Some("idea.status_changed"),
        LiveEvent::Comment { .. } if on_idea => Some("comment.changed"),
        LiveEvent::Post { kind, .. } if on_ticket => match kind {
            TicketPostKind::Reply => Some("ticket.replied"),
            TicketPostKind::Status => Some("ticket.status_changed"),
            TicketPostKind::Transfer => Some("ticket.transferred"),
            TicketPostKind::Internal => None,
        },
        LiveEvent::Commitment { status, .. } if on_ticket => match status {
            CommitmentStatus::Kept => Some("commitment.kept"),
            CommitmentStatus::Overdue => Some("commitment.overdue"),
            CommitmentStatus::Pending | CommitmentStatus::Withdrawn => None,
        },
        _ => None,
    }
}

/// The JSON body of a delivery: the type, the log entry's id (stable
/// across retries, for receivers that deduplicate), when it happened, and
/// the entry's ids and counts with the page to read more — plus what a
/// chat channel would show, as anybody may read it on the site: the idea
/// (unless a moderator hid it) or the ticket's public head, and the text of
/// a public reply.
pub(super) async fn body(ctx: &Ctx, kind: &str, entry: &Entry) -> Result<String> {
    let mut data: serde_json::Value =
        serde_json::from_str(entry.data()).unwrap_or_else(|_| serde_json::json!({}));
    let mut extra = serde_json::Map::new();
    match data.get("number") {
        Some(serde_json::Value::Number(n)) => {
            extra.insert(
                "url".to_owned(),
                format!("{}/ideas/{n}", ctx.settings.base_url).into(),
            );
            let idea = match n.as_i64().and_then(|n| i32::try_from(n).ok()) {
                Some(id) => idea::Entity::find_by_id(id).one(&ctx.db).await?,
                None => None,
            };
            if let Some(idea) = idea.filter(|i| i.hidden_at.is_none()) {
                extra.insert(
                    "idea".to_owned(),
                    serde_json::json!({
                        "number": idea.id,
                        "title": idea.title,
                        "status": idea.status,
                        "votes": idea.votes_count,
                        "comments": idea.comments_count,
                    }),
                );
            }
        }
        Some(serde_json::Value::String(number)) => {
            extra.insert(
                "url".to_owned(),
                format!("{}/tickets/{number}", ctx.settings.base_url).into(),
            );
            let ticket = match shared::ticket::parse_ticket_number(number)
                .and_then(|id| i32::try_from(id).ok())
            {
                Some(id) => ticket::Entity::find_by_id(id).one(&ctx.db).await?,
                None => None,
            };
            if let Some(ticket) = ticket {
                let department = match ticket.department_id {
                    Some(id) => department::Entity::find_by_id(id)
                        .one(&ctx.db)
                        .await?
                        .map(|d| d.slug),
                    None => None,
                };
                extra.insert(
                    "ticket".to_owned(),
                    serde_json::json!({
                        "number": number,
                        "title": ticket.title,
                        "kind": ticket.kind,
                        "status": ticket.status,
                        "department": department,
                    }),
                );
            }
        }
        _ => {}
    }
    if let Some(post_id) = data.get("post").and_then(serde_json::Value::as_i64) {
        let post = match i32::try_from(post_id) {
            Ok(id) => ticket_post::Entity::find_by_id(id).one(&ctx.db).await?,
            Err(_) => None,
        };
        if let Some(post) =
            post.filter(|p| p.kind == shared::TicketPostKind::Reply && p.hidden_at.is_none())
        {
            let author = user::Entity::find_by_id(post.author_id)
                .one(&ctx.db)
                .await?
                .filter(|u| u.hidden_at.is_none() && u.deleted_at.is_none())
                .map_or_else(|| "Hidden member".to_owned(), |u| u.display_name);
            extra.insert(
                "post".to_owned(),
                serde_json::json!({"id": post.id, "author": author, "body": post.body_md}),
            );
        }
    }
    if let Some(object) = data.as_object_mut() {
        object.extend(extra);
    }
    Ok(serde_json::json!({
        "event": kind,
        "event_id": entry.id,
        "occurred_at": entry.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "data": data,
    })
    .to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::Audience;
    use chrono::Utc;

    #[test]
    fn the_signature_is_the_hex_hmac_sha256_of_the_body() {
        // GitHub's documented example for the same header scheme.
        assert_eq!(
            signature("It's a Secret to Everybody", b"Hello, World!"),
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
        );
    }

    fn entry(topic: &str, audience: Audience, event: LiveEvent) -> Entry {
        Entry::new(1, topic.to_owned(), audience, event, Utc::now())
    }

    fn post(kind: TicketPostKind) -> LiveEvent {
        LiveEvent::Post {
            number: "VOC-000001".to_owned(),
            post: 3,
            kind,
        }
    }

    #[test]
    fn only_public_events_and_filed_tickets_reach_integrations() {
        let vote = LiveEvent::Vote {
            number: 5,
            votes: 3,
        };
        let ticket = |post: Option<i64>| LiveEvent::Ticket {
            number: "VOC-000001".to_owned(),
            post,
            kind: post.map(|_| TicketPostKind::Reply),
        };
        let cases = [
            (
                entry("board", Audience::Public, vote.clone()),
                Some("idea.voted"),
            ),
            (entry("idea:5", Audience::Public, vote), None),
            (
                entry(
                    "ticket:VOC-000001",
                    Audience::Public,
                    post(TicketPostKind::Reply),
                ),
                Some("ticket.replied"),
            ),
            (
                entry(
                    "ticket:VOC-000001",
                    Audience::Staff,
                    post(TicketPostKind::Internal),
                ),
                None,
            ),
            (
                entry("queue", Audience::Staff, ticket(None)),
                Some("ticket.opened"),
            ),
            (entry("queue", Audience::Staff, ticket(Some(3))), None),
            (
                entry(
                    "member:7",
                    Audience::Member(7),
                    LiveEvent::Notification {
                        kind: shared::NotificationKind::Mention,
                        link: "/ideas/5".to_owned(),
                    },
                ),
                None,
            ),
        ];
        for (entry, expected) in cases {
            assert_eq!(event_type(&entry), expected, "{entry:?}");
        }
    }
}
