//! `/commitments`: every promise the company made in public, pending, kept,
//! overdue or withdrawn — so promises stay real.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::pages::tickets::Commitment;
use crate::rpc::list_commitments;

const TABS: [(&str, &str); 5] = [
    ("", "commitment.all"),
    ("pending", "commitment.pending"),
    ("overdue", "commitment.overdue"),
    ("kept", "commitment.kept"),
    ("withdrawn", "commitment.withdrawn"),
];

/// The public commitments page.
#[component]
pub fn CommitmentsPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let params = use_query_map();
    let status = Memo::new(move |_| params.read().get("status").filter(|s| !s.is_empty()));
    let list = load(move || status.get(), list_commitments);
    let tabs = move || {
        let current = status.get().unwrap_or_default();
        TABS.into_iter()
            .map(|(value, key)| {
                let selected = current == value;
                let href = if value.is_empty() {
                    "/commitments".to_owned()
                } else {
                    format!("/commitments?status={value}")
                };
                view! {
                    <A href=href attr:class=if selected { "tab selected" } else { "tab" } attr:aria-current=selected.then_some("page") attr:data-status=value>
                        {locale.t(key)}
                    </A>
                }
            })
            .collect_view()
    };
    view! {
        <Title text=locale.t("commitment.page_title")/>
        <h1>{locale.t("commitment.page_title")}</h1>
        <p class="lead">{locale.t("commitment.lead")}</p>
        <nav class="tabs" aria-label=locale.t("commitment.page_title")>{tabs}</nav>
        <Transition fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(page) if page.items.is_empty() => view! { <p class="empty">{locale.t("commitment.none")}</p> }.into_any(),
                    Ok(page) => view! {
                        <ul class="commitment-list">
                            {page.items.into_iter().map(|c| view! { <Commitment c settle=None/> }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(_) => view! { <p class="error" role="alert">{locale.t("error.load")}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}
