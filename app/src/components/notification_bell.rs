//! The header's bell: the signed-in member's unread notifications, counted
//! live (the `me` event topic), linking to the notification centre. The
//! count is fetched in the browser only, so the server-rendered header and
//! the hydrated one are the same (no badge until the count arrives).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{Locale, Translate};
use crate::rpc::my_notifications;

/// The bell with its unread badge.
#[component]
pub fn NotificationBell() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let live = crate::live::live_counter(|| Some("me".to_owned()));
    let unread = RwSignal::new(0_i64);
    Effect::new(move |_| {
        live.track();
        leptos::task::spawn_local(async move {
            if let Ok(list) = my_notifications().await {
                unread.try_set(list.unread);
            }
        });
    });
    view! {
        <A
            href="/notifications"
            attr:class="nav-bell"
            attr:aria-label=move || match unread.get() {
                0 => locale.t("notifications.title").to_owned(),
                n => locale.format("notifications.bell_unread", &[("n", n.to_string())]),
            }
        >
            <span aria-hidden="true">"🔔"</span>
            {move || {
                let n = unread.get();
                (n > 0).then(|| view! { <span class="badge unread-badge" data-unread=n>{n}</span> })
            }}
        </A>
    }
}
