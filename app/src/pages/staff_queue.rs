//! The staff queue: unresolved tickets, the earliest first-answer deadline
//! first, with breaches marked, filters, and a claim button.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Form};
use leptos_router::hooks::use_query_map;
use shared::{TicketKind, TicketQuery, TicketStatus};

use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::pages::tickets::{TicketList, kind_key, staff_status_key};
use crate::rpc::{ClaimTicket, list_customer_tags, list_departments, list_incidents, list_tickets};

/// `/staff/queue`.
#[component]
pub fn StaffQueuePage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let params = use_query_map();
    let claim = ServerAction::<ClaimTicket>::new();
    let departments = load(|| (), |()| list_departments());
    let query = Memo::new(move |_| {
        let params = params.read();
        let text = |key: &str| params.get(key).filter(|v| !v.is_empty());
        TicketQuery {
            sort: Some("urgent".to_owned()),
            // An employee's queue opens on their own department.
            department: Some(text("department").unwrap_or_else(|| "mine".to_owned())),
            kind: text("kind").and_then(|k| k.parse().ok()),
            status: text("status").and_then(|s| s.parse().ok()),
            assignee: text("assignee"),
            tag: text("tag"),
            limit: Some(100),
            ..TicketQuery::default()
        }
    });
    let live = crate::live::live_counter(|| Some("queue".to_owned()));
    let tickets = load(
        move || (query.get(), claim.version().get(), live.get()),
        |(q, _, _)| list_tickets(q),
    );
    let incidents = load(|| (), |()| list_incidents());
    let tags = load(|| (), |()| list_customer_tags());
    view! {
        <Title text=locale.t("queue.title")/>
        <h1>{locale.t("queue.title")}</h1>
        <p class="lead">{locale.t("queue.lead")}</p>
        {move || (query.get().department.as_deref() == Some("mine")).then(|| view! {
            <p class="queue-scope">{locale.t("queue.showing_mine")} " " <A href="/staff/queue?department=all" attr:class="all-departments">{locale.t("queue.show_all")}</A></p>
        })}
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                incidents.await.unwrap_or_default().into_iter().map(|i| {
                    let dept = i.department.map(|d| d.name).unwrap_or_default();
                    view! {
                        <div class="incident-banner" role="alert" data-me-too=i.me_too>
                            <strong>{locale.t("queue.incident")}</strong> " "
                            {format!("{} · {} {} {}", dept, i.me_too, locale.t("queue.incident_marks"), crate::pages::tickets::format_minutes(i.window_minutes, locale))}
                            " — " {i.tickets.into_iter().map(|n| view! { <A href=format!("/tickets/{n}")>{n.clone()}</A> " " }).collect_view()}
                        </div>
                    }
                }).collect_view()
            })}
        </Suspense>
        <Form method="GET" action="/staff/queue">
            <div class="board-filters">
                <select name="department" aria-label=locale.t("ticket.field_department")>
                    <option value="mine" selected=move || query.get().department.as_deref() == Some("mine")>{locale.t("queue.my_department")}</option>
                    <option value="all" selected=move || query.get().department.as_deref() == Some("all")>{locale.t("queue.any_department")}</option>
                    <Suspense fallback=|| ()>
                        {move || Suspend::new(async move {
                            departments.await.unwrap_or_default().into_iter().map(|d| {
                                let slug = d.slug.clone();
                                view! { <option value=d.slug selected=move || query.get().department.as_deref() == Some(slug.as_str())>{d.name}</option> }
                            }).collect_view()
                        })}
                    </Suspense>
                </select>
                <select name="kind" aria-label=locale.t("ticket.field_kind")>
                    <option value="">{locale.t("queue.any_kind")}</option>
                    {TicketKind::ALL.into_iter().map(|k| view! {
                        <option value=k.as_str() selected=move || query.get().kind == Some(k)>{locale.t(kind_key(k))}</option>
                    }).collect_view()}
                </select>
                <select name="status" aria-label=locale.t("decision.status")>
                    <option value="">{locale.t("queue.any_open_status")}</option>
                    {[TicketStatus::Open, TicketStatus::Acknowledged, TicketStatus::InProgress, TicketStatus::WaitingForCustomer].into_iter().map(|s| view! {
                        <option value=s.as_str() selected=move || query.get().status == Some(s)>{locale.t(staff_status_key(s))}</option>
                    }).collect_view()}
                </select>
                <select name="assignee" aria-label=locale.t("queue.assignee")>
                    <option value="">{locale.t("queue.anyone")}</option>
                    <option value="none" selected=move || query.get().assignee.as_deref() == Some("none")>{locale.t("queue.unclaimed")}</option>
                    <option value="me" selected=move || query.get().assignee.as_deref() == Some("me")>{locale.t("queue.mine")}</option>
                </select>
                <select name="tag" id="queue-tag" aria-label=locale.t("customers.tag")>
                    <option value="">{locale.t("customers.any_tag")}</option>
                    <Suspense fallback=|| ()>
                        {move || Suspend::new(async move {
                            tags.await.unwrap_or_default().into_iter().map(|t| {
                                let name = t.name.clone();
                                view! { <option value=t.name.clone() selected=move || query.get().tag.as_deref() == Some(name.as_str())>{t.name.clone()}</option> }
                            }).collect_view()
                        })}
                    </Suspense>
                </select>
                <button type="submit" class="button">{locale.t("queue.filter")}</button>
            </div>
        </Form>
        <h2 class="visually-hidden">{locale.t("queue.list")}</h2>
        <Transition fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match tickets.await {
                    Ok(page) => view! { <TicketList tickets=page.items claim/> }.into_any(),
                    Err(p) => {
                        view! {
                            <p class="error" role="alert">{p.detail}</p>
                            <A href="/signin?next=/staff/queue">{locale.t("signin.submit")}</A>
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}
