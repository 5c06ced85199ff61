//! `/notifications`: the notification centre — what happened to the ideas
//! a member follows or voted for, newest first; updates live.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::{MarkNotificationsRead, my_notifications, problem};
use crate::i18n::Locale;

/// The notification centre.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let mark = ServerAction::<MarkNotificationsRead>::new();
    let live = crate::live::live_counter(|| Some("me".to_owned()));
    let list = Resource::new(
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
                                <li class="notification" class:unread=!n.read data-kind=n.kind.clone()>
                                    <A href=n.link.clone()><strong>{n.subject.clone()}</strong></A>
                                    <p class="notification-text">{n.text.chars().take(280).collect::<String>()}</p>
                                    <time datetime=n.created_at.clone()>{n.created_at.get(..16).unwrap_or_default().replace('T', " ")}</time>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <p class="error" role="alert">{problem(&error).detail}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}
