//! Who may see held and hidden content, and what everyone else sees instead.
//! Every way in (pages, votes, follows, comments, reports) and every channel
//! (live events, webhooks, feeds) asks this module, so the rule is one rule.

use crate::actor::Actor;
use crate::entity::{idea, idea_comment};
use crate::policy::{self, Action, Scope};

/// Reason stored on a post the word list holds: hidden until a moderator
/// releases it, with nobody's name on it yet.
pub const HELD: &str = "held_for_review";

/// Whether a stored hiding reason means "held for review".
#[must_use]
pub fn is_held(reason: Option<&str>) -> bool {
    reason == Some(HELD)
}

/// The public tombstone text: "personal information — guideline 4".
#[must_use]
pub fn tombstone(reason: Option<&str>, guideline: Option<&str>) -> String {
    let reason = reason.unwrap_or_default().replace('_', " ");
    match guideline {
        Some(guideline) => format!("{reason} — guideline {guideline}"),
        None => reason,
    }
}

/// Whether held content by this author reaches the actor: its author and
/// the moderators see it before it is released; nobody else does.
fn sees_held(actor: &Actor, author_id: i32) -> bool {
    actor.member().is_some_and(|m| m.id == author_id)
        || policy::can(actor, Action::HandleReports, Scope::Others)
}

/// Whether the actor may reach this idea at all.
pub(crate) fn idea_visible_to(row: &idea::Model, actor: &Actor) -> bool {
    !is_held(row.hidden_reason.as_deref()) || sees_held(actor, row.author_id)
}

/// Whether the actor may see this comment at all.
pub(crate) fn comment_visible_to(row: &idea_comment::Model, actor: &Actor) -> bool {
    !is_held(row.hidden_reason.as_deref()) || sees_held(actor, row.author_id)
}
