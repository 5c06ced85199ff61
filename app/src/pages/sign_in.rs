//! Sign-in page (accounts arrive with the accounts issue).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::Locale;

/// The sign-in page.
#[component]
pub fn SignInPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    view! {
        <Title text=locale.t("signin.title")/>
        <h1>{locale.t("signin.title")}</h1>
        <p class="lead">{locale.t("signin.soon")}</p>
    }
}
