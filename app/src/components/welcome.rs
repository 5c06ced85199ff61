//! The short welcome a new member sees on the page they came back to
//! (`?welcome=1`, set by sign-up), instead of landing on account settings.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::i18n::{Locale, Translate};

/// A dismissable greeting, shown only right after sign-up.
#[component]
pub fn WelcomeNotice() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let query = use_query_map();
    let dismissed = RwSignal::new(false);
    let shown = move || query.read().get("welcome").is_some() && !dismissed.get();
    view! {
        <Show when=shown>
            <div class="notice welcome" role="status">
                <p>
                    <strong>{locale.t("welcome.title")}</strong> " " {locale.t("welcome.text")} " "
                    <A href="/me">{locale.t("welcome.settings")}</A>
                </p>
                <button type="button" class="button small" on:click=move |_| dismissed.set(true)>
                    {locale.t("welcome.close")}
                </button>
            </div>
        </Show>
    }
}
