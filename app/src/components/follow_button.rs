//! Follow / unfollow an idea: followers hear about every status change.
//! Like the vote button, it changes at once and then takes the server's
//! answer; visitors are sent to sign in.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::auth_state::CurrentUser;
use crate::i18n::{Locale, Translate};
use crate::rpc::set_follow;

/// A toggle showing whether the member follows, and how many do.
#[component]
pub fn FollowButton(number: i64, following: bool, followers: i64) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let CurrentUser(user) = expect_context::<CurrentUser>();
    let on = RwSignal::new(following);
    let count = RwSignal::new(followers);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let on_click = move |_| {
        if !matches!(user.get_untracked(), Some(Ok(Some(_)))) {
            navigate(
                &format!("/signin?next=/ideas/{number}&follow={number}"),
                leptos_router::NavigateOptions::default(),
            );
            return;
        }
        if busy.get_untracked() {
            return;
        }
        let (was_on, was_count) = (on.get_untracked(), count.get_untracked());
        on.set(!was_on);
        count.set(was_count + if was_on { -1 } else { 1 });
        busy.set(true);
        leptos::task::spawn_local(async move {
            if let Ok(state) = set_follow(number, !was_on).await {
                on.set(state.following);
                count.set(state.followers);
            } else {
                on.set(was_on);
                count.set(was_count);
            }
            busy.set(false);
        });
    };
    view! {
        <button type="button" class="button small follow-button" class:following=move || on.get()
            aria-pressed=move || on.get().to_string() on:click=on_click>
            {move || if on.get() { locale.t("idea.following") } else { locale.t("idea.follow") }}
            " · " <span class="follower-count">{move || count.get()}</span>
        </button>
    }
}
