//! `/verify?token=…`: the link in the confirmation mail. Opening it confirms
//! the address (server-rendered, so it works before the client loads).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::rpc::confirm_email;

/// The confirmation page.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let query = use_query_map();
    let done = load(
        move || query.read().get("token").unwrap_or_default(),
        confirm_email,
    );
    view! {
        <Title text=locale.t("verify.title")/>
        <h1>{locale.t("verify.title")}</h1>
        <Suspense fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match done.await {
                    Ok(()) => view! {
                        <p class="notice verified" role="status">{locale.t("verify.done")}</p>
                        <p><A href="/" attr:class="button primary">{locale.t("verify.to_board")}</A></p>
                    }.into_any(),
                    Err(error) => view! {
                        <p class="error" role="alert">{error.errors.get("token").cloned().unwrap_or(error.detail)}</p>
                        <p>{locale.t("verify.again")} " " <A href="/me">{locale.t("me.title")}</A></p>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
