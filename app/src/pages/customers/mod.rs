//! `/staff/customers`: the social CRM's customer list — find a customer by
//! name or address, filter by tag, sort by last activity, open tickets or
//! remedies this year — and `/staff/customers/:id`, one customer whole.

mod view;

pub use view::CustomerPage;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Form};
use leptos_router::hooks::use_query_map;
use shared::customer::CustomerSummary;

use crate::components::when::When;
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::pages::tickets::won;
use crate::rpc::{list_customer_tags, list_customers};

const SORTS: [(&str, &str); 3] = [
    ("last_activity", "customers.sort_last_activity"),
    ("open_tickets", "customers.sort_open_tickets"),
    ("remedies", "customers.sort_remedies"),
];

/// The customer list.
#[component]
pub fn CustomersPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let params = params.read();
        let text = |key: &str| params.get(key).filter(|v| !v.is_empty());
        (text("q"), text("tag"), text("sort"), text("cursor"))
    });
    let customers = load(
        move || query.get(),
        |(q, tag, sort, cursor)| list_customers(q, tag, sort, cursor),
    );
    let tags = load(|| (), |()| list_customer_tags());
    view! {
        <Title text=locale.t("customers.title")/>
        <h1>{locale.t("customers.title")}</h1>
        <p class="lead">{locale.t("customers.lead")}</p>
        <Form method="GET" action="/staff/customers">
            <div class="board-filters">
                <input type="search" name="q" id="customer-search" aria-label=locale.t("customers.search")
                    placeholder=locale.t("customers.search") prop:value=move || query.get().0.unwrap_or_default()/>
                <select name="tag" id="customer-tag-filter" aria-label=locale.t("customers.tag")>
                    <option value="">{locale.t("customers.any_tag")}</option>
                    <Suspense fallback=|| ()>
                        {move || Suspend::new(async move {
                            tags.await.unwrap_or_default().into_iter().map(|t| {
                                let name = t.name.clone();
                                view! { <option value=t.name.clone() selected=move || query.get().1.as_deref() == Some(name.as_str())>{t.name.clone()}</option> }
                            }).collect_view()
                        })}
                    </Suspense>
                </select>
                <select name="sort" id="customer-sort" aria-label=locale.t("customers.sort")>
                    {SORTS.into_iter().map(|(value, key)| view! {
                        <option value=value selected=move || query.get().2.as_deref().unwrap_or("last_activity") == value>{locale.t(key)}</option>
                    }).collect_view()}
                </select>
                <button type="submit" class="button">{locale.t("customers.find")}</button>
            </div>
        </Form>
        <Transition fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match customers.await {
                    Ok(page) if page.items.is_empty() => view! { <p class="empty">{locale.t("customers.none")}</p> }.into_any(),
                    Ok(page) => {
                        let next = page.next_cursor.map(|cursor| {
                            let (q, tag, sort, _) = query.get_untracked();
                            let mut href = format!("/staff/customers?cursor={cursor}");
                            for (key, value) in [("q", q), ("tag", tag), ("sort", sort)] {
                                if let Some(value) = value {
                                    href.push_str(&format!("&{key}={}", crate::url::encode_component(&value)));
                                }
                            }
                            view! { <A href=href attr:class="more">{locale.t("customers.more")}</A> }
                        });
                        view! {
                            <table class="customer-list">
                                <thead><tr>
                                    <th scope="col">{locale.t("customers.name")}</th>
                                    <th scope="col">{locale.t("customers.tags")}</th>
                                    <th scope="col">{locale.t("customers.open_tickets")}</th>
                                    <th scope="col">{locale.t("customers.remedies_year")}</th>
                                    <th scope="col">{locale.t("customers.last_active")}</th>
                                </tr></thead>
                                <tbody>{page.items.into_iter().map(|c| view! { <CustomerRow c/> }).collect_view()}</tbody>
                            </table>
                            {next}
                        }.into_any()
                    }
                    Err(e) => view! { <p class="error" role="alert">{e.detail}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn CustomerRow(c: CustomerSummary) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let href = format!("/staff/customers/{}", c.id);
    view! {
        <tr class="customer" data-id=c.id>
            <th scope="row">
                <A href=href>{c.display_name}</A>
                <span class="customer-email">{c.email}</span>
                {c.opinion_leader_suggested.then(|| view! { <span class="badge opinion-leader">{locale.t("customers.opinion_leader")}</span> })}
            </th>
            <td class="customer-tags">{c.tags.into_iter().map(|t| view! { <span class="tag">{t}</span> " " }).collect_view()}</td>
            <td class="open-tickets">{c.open_tickets} " / " {c.tickets}</td>
            <td class="remedies">{won(c.remedies_this_year_won)} " " {locale.t("remedy.won")}</td>
            <td>{c.last_active_at.map(|at| view! { <When at/> })}</td>
        </tr>
    }
}
