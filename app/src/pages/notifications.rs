//! `/notifications`: the notification centre — what happened to the ideas
//! a member follows or voted for, newest first; updates live.

use crate::components::when::When;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use leptos::form::ActionForm;
use shared::EmailMode;

use crate::components::field::only_field_error;
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::rpc::{
    MarkNotificationsRead, SetNotificationSettings, my_notifications, notification_settings,
    unsubscribe_link,
};

/// The notification centre.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let mark = ServerAction::<MarkNotificationsRead>::new();
    let live = crate::live::live_counter(|| Some("me".to_owned()));
    let list = load(
        move || (live.get(), mark.version().get()),
        |_| my_notifications(),
    );
    view! {
        <Title text=locale.t("notifications.title")/>
        <div class="board-head">
            <div>
                <h1>{locale.t("notifications.title")}</h1>
                <p class="lead">{locale.t("notifications.lead")}</p>
            </div>
            <button type="button" class="button mark-read" on:click=move |_| { mark.dispatch(MarkNotificationsRead {}); }>
                {locale.t("notifications.mark_read")}
            </button>
        </div>
        <Transition fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(l) if l.items.is_empty() => view! { <p class="empty">{locale.t("notifications.none")}</p> }.into_any(),
                    Ok(l) => view! {
                        <ul class="notification-list">
                            {l.items.into_iter().map(|n| view! {
                                <li class="notification" class:unread=!n.read data-kind=n.kind.as_str()>
                                    <A href=n.link.clone()><strong>{n.subject.clone()}</strong></A>
                                    <p class="notification-text">{n.text.chars().take(280).collect::<String>()}</p>
                                    <When at=n.created_at.clone()/>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <p class="error" role="alert">{error.detail}</p> }.into_any(),
                }
            })}
        </Transition>
        <EmailSettings/>
    }
}

/// How the member hears about notifications by e-mail: instant, a daily
/// digest or none (`/notifications#email`, linked from every mail).
#[component]
fn EmailSettings() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let save = ServerAction::<SetNotificationSettings>::new();
    let current = load(move || save.version().get(), |_| notification_settings());
    let error = only_field_error(save, "email");
    view! {
        <section class="email-settings" id="email">
            <h2>{locale.t("notifications.email_title")}</h2>
            <Transition fallback=|| view! { <p class="loading">"…"</p> }>
                {move || Suspend::new(async move {
                    let mode = current.await.map(|s| s.email).unwrap_or_default();
                    view! {
                        <ActionForm action=save attr:class="form" attr:id="email-settings-form">
                            <fieldset>
                                <legend>{locale.t("notifications.email_lead")}</legend>
                                {EmailMode::ALL.into_iter().map(|m| {
                                    let id = format!("email-{}", m.as_str());
                                    let label_for = id.clone();
                                    view! {
                                        <label class="radio" for=label_for>
                                            <input type="radio" id=id name="email" value=m.as_str() checked=m == mode/>
                                            " " {locale.t(match m {
                                                EmailMode::Instant => "notifications.email_instant",
                                                EmailMode::Daily => "notifications.email_daily",
                                                EmailMode::Off => "notifications.email_off",
                                            })}
                                        </label>
                                    }
                                }).collect_view()}
                            </fieldset>
                            <p class="field-error" id="email-error" role="alert">{error}</p>
                            <button type="submit" class="button">{locale.t("notifications.email_save")}</button>
                            <span class="saved" role="status">
                                {move || matches!(save.value().get(), Some(Ok(_))).then(|| locale.t("notifications.email_saved"))}
                            </span>
                        </ActionForm>
                    }
                })}
            </Transition>
        </section>
    }
}

/// `/unsubscribe/:token`: the one-click link in every notification mail.
/// Opening it turns notification mail off — no sign-in needed, the token
/// is the proof — and says for which address.
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let params = leptos_router::hooks::use_params_map();
    let done = load(
        move || params.read().get("token").unwrap_or_default(),
        unsubscribe_link,
    );
    view! {
        <Title text=locale.t("unsubscribe.title")/>
        <h1>{locale.t("unsubscribe.title")}</h1>
        <Suspense fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match done.await {
                    Ok(u) => view! {
                        <p class="notice unsubscribed" role="status">
                            <strong class="unsubscribed-address">{u.email}</strong> " " {locale.t("unsubscribe.done")}
                        </p>
                        <p>{locale.t("unsubscribe.still_centre")} " " <A href="/notifications#email">{locale.t("unsubscribe.change")}</A></p>
                    }.into_any(),
                    Err(error) => view! { <p class="error" role="alert">{error.detail}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
