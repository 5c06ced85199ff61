//! Follow / unfollow an idea: followers hear about every status change.
//! Like the vote button, it changes at once and then takes the server's
//! answer, works as a plain form before the page is interactive, and sends
//! visitors to sign in.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::toggle_form::{SignInFirst, ToggleForm};
use crate::i18n::{Locale, Translate};
use crate::rpc::{SetFollow, set_follow};

/// A toggle showing whether the member follows, and how many do.
#[component]
pub fn FollowButton(number: i64, following: bool, followers: i64) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let on = RwSignal::new(following);
    let count = RwSignal::new(followers);
    let busy = RwSignal::new(false);
    let on_toggle = move || {
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
    let fields = vec![
        ("number", Signal::stored(number.to_string())),
        ("following", Signal::derive(move || (!on.get()).to_string())),
    ];
    let sign_in_first = SignInFirst {
        next: format!("/ideas/{number}"),
        carried: ("follow", number.to_string()),
    };
    view! {
        <ToggleForm action=SetFollow::PATH fields sign_in_first on_toggle class="follow-form">
            <button type="submit" class="button small follow-button" class:following=move || on.get()
                aria-pressed=move || on.get().to_string()>
                {move || if on.get() { locale.t("idea.following") } else { locale.t("idea.follow") }}
                " · " <span class="follower-count">{move || count.get()}</span>
            </button>
        </ToggleForm>
    }
}
