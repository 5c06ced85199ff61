//! An idea's status as a coloured, translated badge.

use leptos::prelude::*;
use shared::IdeaStatus;

use crate::i18n::{Locale, Translate};

/// The translation key of a status label.
#[must_use]
pub fn status_key(status: IdeaStatus) -> &'static str {
    match status {
        IdeaStatus::New => "status.new",
        IdeaStatus::UnderReview => "status.under_review",
        IdeaStatus::Planned => "status.planned",
        IdeaStatus::InProgress => "status.in_progress",
        IdeaStatus::Done => "status.done",
        IdeaStatus::Declined => "status.declined",
        IdeaStatus::Duplicate => "status.duplicate",
    }
}

/// A badge such as "Planned" styled by status.
#[component]
pub fn StatusBadge(status: IdeaStatus) -> impl IntoView {
    let locale = expect_context::<Locale>();
    view! {
        <span class=format!("status status-{}", status.as_str()) data-status=status.as_str()>
            {locale.t(status_key(status))}
        </span>
    }
}
