//! What a visitor was doing (voting, following) when sent to sign in or
//! up: carried through the form as hidden fields, so the action is done and
//! the visitor comes back to it, whichever of the two forms they use.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::url::{CARRIED, carried_query};

/// Hidden `next`, `vote` and `follow` fields, only those the address has.
#[component]
pub fn CarriedFields() -> impl IntoView {
    let query = use_query_map();
    move || {
        CARRIED
            .iter()
            .filter_map(|key| {
                let value = query.read().get(key)?;
                let ok = *key == "next" || value.parse::<i64>().is_ok();
                ok.then(|| view! { <input type="hidden" name=*key value=value/> })
            })
            .collect_view()
    }
}

/// A link to the other form (`/signin` ↔ `/signup`) that keeps them.
#[component]
pub fn CarryingLink(
    href: &'static str,
    text: &'static str,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let query = use_query_map();
    let target = move || format!("{href}{}", carried_query(|key| query.read().get(key)));
    view! { <a href=target class=class>{text}</a> }
}
