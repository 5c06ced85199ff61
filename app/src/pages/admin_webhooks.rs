//! `/admin/webhooks`: admins connect other systems (chat, a CRM, a data
//! warehouse) by registering URLs and the events each wants, and check
//! what every receiver answered.

use crate::components::when::When;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use shared::webhook::{WEBHOOK_EVENT_TYPES, WebhookView};

use crate::components::field::{field_error, form_error};
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::rpc::{CreateWebhook, DeleteWebhook, PingWebhook, list_webhooks, webhook_deliveries};

/// The webhooks page.
#[component]
pub fn AdminWebhooksPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let create = ServerAction::<CreateWebhook>::new();
    let remove = ServerAction::<DeleteWebhook>::new();
    let ping = ServerAction::<PingWebhook>::new();
    let hooks = load(
        move || {
            (
                create.version().get(),
                remove.version().get(),
                ping.version().get(),
            )
        },
        |_| list_webhooks(),
    );
    let created = move || create.value().get().and_then(Result::ok);
    view! {
        <Title text=locale.t("webhooks.title")/>
        <h1>{locale.t("webhooks.title")}</h1>
        <p class="lead">{locale.t("webhooks.lead")}</p>
        {move || created().and_then(|h| h.secret).map(|secret| view! {
            <div class="notice webhook-secret" role="status">
                <p>{locale.t("webhooks.secret_once")}</p>
                <code class="secret">{secret}</code>
            </div>
        })}
        <section class="auth-card wide">
            <h2>{locale.t("webhooks.add")}</h2>
            <ActionForm action=create attr:class="form" attr:id="webhook-form">
                <p class="form-error" role="alert">{form_error(create)}</p>
                <div class="field">
                    <label for="webhook-url">{locale.t("webhooks.url")}</label>
                    <input id="webhook-url" name="url" type="url" placeholder="https://hooks.example.com/madang"/>
                    <p class="field-error" id="webhook-url-error" role="alert">{field_error(create, "url")}</p>
                </div>
                <div class="field">
                    <label for="webhook-description">{locale.t("webhooks.description")}</label>
                    <input id="webhook-description" name="description"/>
                    <p class="field-error" role="alert">{field_error(create, "description")}</p>
                </div>
                <fieldset class="webhook-events">
                    <legend>{locale.t("webhooks.events")}</legend>
                    {WEBHOOK_EVENT_TYPES.iter().map(|kind| view! {
                        <label class="checkbox"><input type="checkbox" name="events[]" value=*kind/> " " <code>{*kind}</code></label>
                    }).collect_view()}
                    <p class="field-error" id="webhook-events-error" role="alert">{field_error(create, "events")}</p>
                </fieldset>
                <button type="submit" class="button primary">{locale.t("webhooks.add")}</button>
            </ActionForm>
        </section>
        <Suspense fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match hooks.await {
                    Ok(list) if list.is_empty() => view! { <p class="empty">{locale.t("webhooks.none")}</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="webhooks">
                            {list.into_iter().map(|h| view! { <WebhookItem h remove ping/> }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.detail}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn WebhookItem(
    h: WebhookView,
    remove: ServerAction<DeleteWebhook>,
    ping: ServerAction<PingWebhook>,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let id = h.id;
    let log = load(
        move || ping.version().get(),
        move |_| webhook_deliveries(id),
    );
    let some_failed = h.failed > 0;
    view! {
        <li class="webhook" data-webhook=id>
            <p class="webhook-url"><code>{h.url.clone()}</code> " " {h.description.clone()}</p>
            <p class="webhook-events">{h.events.join(", ")}</p>
            <p class="webhook-counts">
                <span class="delivered">{h.delivered} " " {locale.t("webhooks.delivered")}</span> " · "
                <span class="pending">{h.pending} " " {locale.t("webhooks.pending")}</span> " · "
                <span class="failed" class:some=some_failed>{h.failed} " " {locale.t("webhooks.failed")}</span>
            </p>
            <div class="actions">
                <button type="button" class="button small ping" on:click=move |_| { ping.dispatch(PingWebhook { id }); }>{locale.t("webhooks.ping")}</button>
                <button type="button" class="button small danger remove" on:click=move |_| { remove.dispatch(DeleteWebhook { id }); }>{locale.t("webhooks.remove")}</button>
            </div>
            <details class="webhook-log">
                <summary>{locale.t("webhooks.log")}</summary>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let items = log.await.unwrap_or_default();
                        view! {
                            <table class="data">
                                <thead><tr>
                                    <th>{locale.t("webhooks.log_event")}</th>
                                    <th>{locale.t("webhooks.log_status")}</th>
                                    <th>{locale.t("webhooks.log_tries")}</th>
                                </tr></thead>
                                <tbody>
                                    {items.into_iter().map(|d| {
                                        let answers = d.tries.iter().map(|t| t.status_code.map_or_else(|| t.error.clone().unwrap_or_default(), |c| c.to_string())).collect::<Vec<_>>().join(" → ");
                                        let status = d.status;
                                        view! {
                                            <tr class="delivery" data-status=status.as_str()>
                                                <td><code>{d.event}</code> " " <When at=d.created_at/></td>
                                                <td>{locale.t(delivery_key(status))}</td>
                                                <td>{answers}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }
                    })}
                </Suspense>
            </details>
        </li>
    }
}

/// The translation key of a delivery's status.
fn delivery_key(status: shared::webhook::DeliveryStatus) -> &'static str {
    use shared::webhook::DeliveryStatus;
    match status {
        DeliveryStatus::Pending => "webhooks.pending",
        DeliveryStatus::Delivered => "webhooks.delivered",
        DeliveryStatus::Failed => "webhooks.failed",
    }
}
