//! The header's bell: the signed-in member's unread notifications, counted
//! live (the `me` event topic), linking to the notification centre.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::my_notifications;
use crate::i18n::Locale;

/// The bell with its unread badge.
#[component]
pub fn NotificationBell() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let live = crate::live::live_counter(|| Some("me".to_owned()));
    let list = Resource::new(move || live.get(), |_| my_notifications());
    let unread = move || list.get().and_then(Result::ok).map_or(0, |l| l.unread);
    view! {
        <A href="/notifications" attr:class="nav-bell" attr:aria-label=locale.t("notifications.title")>
            <span aria-hidden="true">"🔔"</span>
            <Transition fallback=|| ()>
                {move || (unread() > 0).then(|| view! { <span class="badge unread-badge" data-unread=unread()>{unread()}</span> })}
            </Transition>
        </A>
    }
}
