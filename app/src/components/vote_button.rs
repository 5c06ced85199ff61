//! The vote button: the count changes at once when clicked, then takes the
//! server's answer (or goes back if the vote failed). A visitor who is not
//! signed in is sent to sign in, and the vote is applied right after. It is
//! a real form, so a vote clicked before the page is interactive counts.
//! A vote still on its way when the reader leaves the page (a link to
//! another site, the tab closed) goes again as a beacon, which the browser
//! sends after the page is gone; setting a vote is idempotent, so arriving
//! twice counts once.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::toggle_form::{SignInFirst, ToggleForm};
use crate::i18n::{Locale, Translate};
use crate::rpc::{SetVote, set_vote};

/// A vote toggle showing the current count, named for screen readers with
/// the idea's title and its count ("Vote for ‘Loyalty points’, 18 votes").
#[component]
pub fn VoteButton(
    number: i64,
    votes: i64,
    voted: bool,
    /// The idea's title, for the button's accessible name.
    #[prop(into)]
    title: String,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let count = RwSignal::new(votes);
    let mine = RwSignal::new(voted);
    // The vote on its way, while it is unanswered: a click meanwhile does
    // nothing, and leaving the page sends it again.
    let in_flight = StoredValue::new(None::<bool>);
    resend_when_leaving(number, in_flight);
    let on_toggle = move || {
        if in_flight.get_value().is_some() {
            return;
        }
        let (before_count, before_mine) = (count.get_untracked(), mine.get_untracked());
        let wanted = !before_mine;
        mine.set(wanted);
        count.set(before_count + if wanted { 1 } else { -1 });
        in_flight.set_value(Some(wanted));
        leptos::task::spawn_local(async move {
            if let Ok(state) = set_vote(number, wanted).await {
                count.set(state.votes);
                mine.set(state.voted);
            } else {
                count.set(before_count);
                mine.set(before_mine);
            }
            in_flight.set_value(None);
        });
    };
    let fields = vec![
        ("number", Signal::stored(number.to_string())),
        ("voted", Signal::derive(move || (!mine.get()).to_string())),
    ];
    let sign_in_first = SignInFirst {
        next: format!("/ideas/{number}"),
        carried: ("vote", number.to_string()),
    };
    view! {
        <ToggleForm action=SetVote::PATH fields sign_in_first on_toggle class="vote-form">
            <button
                type="submit"
                class="vote-box vote-button"
                class:voted=move || mine.get()
                aria-pressed=move || mine.get().to_string()
                data-idea=number
                title=locale.t("board.vote")
                aria-label=move || {
                    locale.format(
                        "board.vote_for",
                        &[("title", title.clone()), ("n", count.get().to_string())],
                    )
                }
            >
                <span class="vote-arrow" aria-hidden="true">"▲"</span>
                <span class="vote-count">{move || count.get()}</span>
                " "
                <span class="vote-label">{locale.t("board.votes")}</span>
            </button>
        </ToggleForm>
    }
}

/// When the page goes away while the vote `in_flight` is unanswered, sends
/// it once more with `navigator.sendBeacon`: the browser cancels the
/// page's own request as it leaves, and the server may never see it.
fn resend_when_leaving(number: i64, in_flight: StoredValue<Option<bool>>) {
    #[cfg(feature = "hydrate")]
    {
        let listener = window_event_listener(leptos::ev::pagehide, move |_| {
            let Some(wanted) = in_flight.try_get_value().flatten() else {
                return;
            };
            let Ok(fields) = web_sys::UrlSearchParams::new() else {
                return;
            };
            fields.append("number", &number.to_string());
            fields.append("voted", &wanted.to_string());
            let _ = window()
                .navigator()
                .send_beacon_with_opt_url_search_params(SetVote::PATH, Some(&fields));
        });
        on_cleanup(move || listener.remove());
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (number, in_flight);
}
