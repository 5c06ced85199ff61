//! `/tickets/new`: filing a complaint, inquiry, suggestion or request.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use shared::TicketKind;

use super::kind_key;
use crate::auth_state::CurrentUser;
use crate::components::field::{field_error, form_error};
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::rpc::{FileTicket, list_departments};

/// `/tickets/new`: file a complaint, inquiry, suggestion or request.
#[component]
pub fn NewTicketPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let CurrentUser(user) = expect_context::<CurrentUser>();
    let departments = load(|| (), |()| list_departments());
    let action = ServerAction::<FileTicket>::new();
    let title = NodeRef::<leptos::html::Input>::new();
    let body = NodeRef::<leptos::html::Textarea>::new();
    let private = NodeRef::<leptos::html::Input>::new();
    let moved = RwSignal::new(false);
    let (typed, on_title) = crate::components::typing::after_pause();
    // The server refused personal data in public fields: one click moves
    // every finding (the same detector) into the private details.
    let move_private = move |_| {
        let (Some(title), Some(body), Some(private)) = (title.get(), body.get(), private.get())
        else {
            return;
        };
        let mut found = Vec::new();
        let mut title_text = title.value();
        let mut body_text = body.value();
        for text in [&mut title_text, &mut body_text] {
            for finding in shared::personal_data::find(text) {
                *text = text.replace(&finding.text, "…");
                found.push(finding.text);
            }
        }
        if found.is_empty() {
            return;
        }
        let current = private.value();
        let joined = [current.trim().to_owned(), found.join(", ")]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        title.set_value(&title_text);
        body.set_value(&body_text);
        private.set_value(&joined);
        moved.set(true);
    };
    let refused = move || {
        !moved.get()
            && (field_error(action, "body").get().is_some()
                || field_error(action, "title").get().is_some())
    };
    Effect::new(move |_| {
        if action.version().get() > 0 {
            moved.set(false);
        }
    });
    view! {
        <Title text=locale.t("ticket.new_title")/>
        <section class="auth-card wide">
            <h1>{locale.t("ticket.new_title")}</h1>
            <p class="lead">{locale.t("ticket.new_lead")}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    if !matches!(user.await, Ok(Some(_))) {
                        return view! {
                            <p class="notice">{locale.t("ticket.sign_in")}</p>
                            <A href="/signin?next=/tickets/new" attr:class="button primary">{locale.t("signin.submit")}</A>
                        }.into_any();
                    }
                    let options = departments.await.unwrap_or_default();
                    view! {
                        <ActionForm action=action attr:class="form" attr:id="ticket-form">
                            <p class="form-error" role="alert">{form_error(action)}</p>
                            <div class="field">
                                <label for="ticket-kind">{locale.t("ticket.field_kind")}</label>
                                <select id="ticket-kind" name="kind">
                                    {TicketKind::ALL.into_iter().map(|k| view! { <option value=k.as_str()>{locale.t(kind_key(k))}</option> }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="ticket-title">{locale.t("ticket.field_title")}</label>
                                <input id="ticket-title" name="title" maxlength="120" autocomplete="off" node_ref=title on:input=on_title/>
                                <p class="field-error" id="ticket-title-error" role="alert">{field_error(action, "title")}</p>
                            </div>
                            <SimilarTickets typed/>
                            <div class="field">
                                <label for="ticket-body">{locale.t("ticket.field_body")}</label>
                                <textarea id="ticket-body" name="body" rows="6" node_ref=body></textarea>
                                <p class="hint">{locale.t("ticket.body_hint")}</p>
                                <p class="field-error" id="ticket-body-error" role="alert">{field_error(action, "body")}</p>
                                {move || refused().then(|| view! {
                                    <button type="button" class="button small move-private" on:click=move_private>{locale.t("ticket.move_private")}</button>
                                })}
                                {move || moved.get().then(|| view! { <p class="notice moved-private" role="status">{locale.t("ticket.moved_private")}</p> })}
                            </div>
                            <div class="field private">
                                <label for="ticket-private">{locale.t("ticket.field_private")}</label>
                                <input id="ticket-private" name="private_details" autocomplete="off" node_ref=private/>
                                <p class="hint">{locale.t("ticket.private_hint")}</p>
                                <p class="field-error" id="ticket-private-error" role="alert">{field_error(action, "private_details")}</p>
                            </div>
                            <div class="field">
                                <label for="ticket-department">{locale.t("ticket.field_department")}</label>
                                <select id="ticket-department" name="department">
                                    <option value="">{locale.t("ticket.any_department")}</option>
                                    {options.into_iter().map(|d| view! {
                                        <option value=d.slug>{d.name} " — " {crate::pages::tickets::format_minutes(d.first_response_minutes, locale)}</option>
                                    }).collect_view()}
                                </select>
                                <p class="field-error" role="alert">{field_error(action, "department")}</p>
                            </div>
                            <button type="submit" class="button primary" disabled=move || action.pending().get()>{locale.t("ticket.submit")}</button>
                        </ActionForm>
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}

/// Public tickets like the title being typed: somebody may have asked
/// already, and "me too" on their thread beats a second ticket.
#[component]
fn SimilarTickets(typed: RwSignal<String>) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let found = load(
        move || typed.get(),
        |q| async move {
            if q.trim().chars().count() < 2 {
                return Vec::new();
            }
            crate::rpc::similar_tickets(q).await.unwrap_or_default()
        },
    );
    view! {
        <div class="similar" aria-live="polite">
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let items = found.await;
                    (!items.is_empty()).then(|| view! {
                        <div class="similar-box" id="similar-tickets">
                            <h2>{locale.t("ticket.similar_title")}</h2>
                            <p class="hint">{locale.t("ticket.similar_hint")}</p>
                            <ul>
                                {items.into_iter().map(|hit| view! {
                                    <li class="similar-ticket">
                                        <A href=hit.url.clone()>{hit.title.clone()}</A>
                                        {hit.count.filter(|n| *n > 0).map(|n| view! {
                                            " " <span class="me-too-count">{locale.format("ticket.similar_me_too", &[("n", n.to_string())])}</span>
                                        })}
                                    </li>
                                }).collect_view()}
                            </ul>
                        </div>
                    })
                })}
            </Transition>
        </div>
    }
}
