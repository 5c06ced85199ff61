//! `/me/tickets`: the member's own tickets with where each stands and when
//! it last moved, so nobody has to keep ticket numbers.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::pages::tickets::TicketList;
use crate::rpc::my_tickets;

/// `/me/tickets`.
#[component]
pub fn MyTicketsPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let tickets = load(
        || (),
        |()| {
            my_tickets(shared::MyTicketsQuery {
                limit: Some(100),
                ..shared::MyTicketsQuery::default()
            })
        },
    );
    view! {
        <Title text=locale.t("my_tickets.title")/>
        <h1>{locale.t("my_tickets.title")}</h1>
        <p class="lead">{locale.t("my_tickets.lead")} " " <A href="/tickets/new">{locale.t("my_tickets.new")}</A></p>
        <h2 class="visually-hidden">{locale.t("my_tickets.list")}</h2>
        <Suspense fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match tickets.await {
                    Ok(page) => view! { <TicketList tickets=page.items/> }.into_any(),
                    Err(_) => view! {
                        <p class="notice">{locale.t("ticket.sign_in")}</p>
                        <A href="/signin?next=/me/tickets" attr:class="button primary">{locale.t("signin.submit")}</A>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
