//! The support hub: which team answers what, and how fast each promises to.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use leptos_router::components::A;
use shared::TicketQuery;

use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::pages::tickets::TicketList;
use crate::rpc::{list_departments, list_tickets};

/// The support page.
#[component]
pub fn SupportPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let departments = load(|| (), |()| list_departments());
    let tickets = load(|| (), |()| list_tickets(TicketQuery::default()));
    view! {
        <Title text=locale.t("support.title")/>
        <Meta name="description" content=locale.t("meta.support")/>
        <div class="board-head">
            <div>
                <h1>{locale.t("support.title")}</h1>
                <p class="lead">{locale.t("support.lead")}</p>
            </div>
            <div class="board-actions">
                <A href="/commitments" attr:class="button">{locale.t("nav.commitments")}</A>
                <A href="/tickets/new" attr:class="button primary" attr:id="new-ticket">{locale.t("ticket.new_button")}</A>
            </div>
        </div>
        <Suspense fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match departments.await {
                    Ok(list) => view! {
                        <ul class="departments">
                            {list.into_iter().map(|d| view! {
                                <li class="department" data-department=d.slug.clone()>
                                    <h2>{d.name}</h2>
                                    <p>{d.description}</p>
                                    <p class="promise">
                                        <strong>{d.first_response_minutes}</strong>
                                        " " {locale.t("support.minutes")}
                                    </p>
                                    <span class="handle">{d.handle}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(_) => view! { <p class="error" role="alert">{locale.t("error.load")}</p> }.into_any(),
                }
            })}
        </Suspense>
        <h2>{locale.t("support.recent")}</h2>
        <Suspense fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match tickets.await {
                    Ok(page) => view! { <TicketList tickets=page.items/> }.into_any(),
                    Err(_) => view! { <p class="error" role="alert">{locale.t("error.load")}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
