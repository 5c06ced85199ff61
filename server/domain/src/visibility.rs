//! Who may see held and hidden content, and what everyone else sees instead.
//! Every way in (pages, votes, follows, comments, reports) and every channel
//! (live events, webhooks, feeds) asks this module, so the rule is one rule.

use crate::actor::Actor;
use crate::entity::{idea, idea_comment};
use crate::policy::{self, Action, Scope};

/// Reason stored on a post the word list holds: hidden until a moderator
/// releases it, with nobody's name on it yet.
pub const HELD: &str = "held_for_review";

/// Reason stored on a post of a member whose e-mail address is not
/// confirmed yet, when the site holds those (`--hold-unconfirmed-posts`):
/// it shows once they confirm.
pub const AWAITING_CONFIRMATION: &str = "awaiting_confirmation";

/// Whether a stored hiding reason means "not public yet" (held for review
/// or waiting for the author's confirmation): only the author and the
/// moderators see it, and nobody sees a tombstone.
#[must_use]
pub fn is_held(reason: Option<&str>) -> bool {
    matches!(reason, Some(HELD | AWAITING_CONFIRMATION))
}

/// Whether a post waits for its author to confirm their address.
#[must_use]
pub fn awaits_confirmation(reason: Option<&str>) -> bool {
    reason == Some(AWAITING_CONFIRMATION)
}

/// The public tombstone text in the reader's language: "personal
/// information — guideline 4", "개인정보 — 운영원칙 4번".
#[must_use]
pub fn tombstone(reason: Option<&str>, guideline: Option<&str>) -> String {
    tombstone_in(crate::i18n::request_locale(), reason, guideline)
}

/// The tombstone text in a given language.
#[must_use]
pub fn tombstone_in(
    locale: shared::Locale,
    reason: Option<&str>,
    guideline: Option<&str>,
) -> String {
    let message = match guideline {
        Some(guideline) => crate::msg!("tombstone.with_guideline", guideline = guideline),
        None => crate::msg!("tombstone.reason"),
    };
    message
        .arg_word("reason", "hidden_reason", reason.unwrap_or_default())
        .text(locale)
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

#[cfg(test)]
mod tests {
    use shared::Locale;

    use super::tombstone_in;

    #[test]
    fn tombstones_name_the_reason_and_guideline_in_the_readers_language() {
        assert_eq!(
            tombstone_in(Locale::En, Some("personal_information"), Some("4")),
            "personal information — guideline 4"
        );
        assert_eq!(
            tombstone_in(Locale::Ko, Some("personal_information"), Some("4")),
            "개인정보 — 운영원칙 4번"
        );
        assert_eq!(tombstone_in(Locale::Ko, Some("spam"), None), "스팸");
        for reason in shared::moderation::REASONS.into_iter().chain([super::HELD]) {
            assert_ne!(
                tombstone_in(Locale::Ko, Some(reason), None),
                reason,
                "{reason}"
            );
        }
    }
}
