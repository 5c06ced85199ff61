//! Announcements: the company blog beside the board (posts arrive with the
//! idea-board issue; until then the page says so plainly).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::Locale;

/// The announcements page.
#[component]
pub fn AnnouncementsPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    view! {
        <Title text=locale.t("announcements.title")/>
        <h1>{locale.t("announcements.title")}</h1>
        <p class="empty">{locale.t("announcements.empty")}</p>
    }
}
