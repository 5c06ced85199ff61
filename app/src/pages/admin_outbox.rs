//! `/admin/outbox`: every e-mail Madang sent or holds, for admins. On a
//! machine without SMTP this is where invite and reset links are read.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::rpc::outbox;

/// The outbox page.
#[component]
pub fn AdminOutboxPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let mails = load(|| (), |()| outbox());
    view! {
        <Title text=locale.t("outbox.title")/>
        <h1>{locale.t("outbox.title")}</h1>
        <p class="lead">{locale.t("outbox.lead")}</p>
        <Suspense fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match mails.await {
                    Ok(list) if list.is_empty() => view! { <p class="empty">{locale.t("outbox.empty")}</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="outbox">
                            {list.into_iter().map(|m| view! {
                                <li class="mail" data-mail=m.id>
                                    <p class="mail-head">
                                        <strong>{locale.t("outbox.to")} ": "</strong> <span class="mail-to">{m.to}</span>
                                        " · " <strong>{locale.t("outbox.subject")} ": "</strong> <span class="mail-subject">{m.subject}</span>
                                        " · " {if m.sent_at.is_some() { locale.t("outbox.sent") } else { locale.t("outbox.waiting") }}
                                    </p>
                                    <pre class="mail-body">{m.body}</pre>
                                    {m.error.map(|e| view! { <p class="error">{e}</p> })}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.detail}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
