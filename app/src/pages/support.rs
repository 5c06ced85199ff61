//! The support hub: which team answers what, and how fast each promises to.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::list_departments;
use crate::i18n::Locale;

/// The support page.
#[component]
pub fn SupportPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let departments = Resource::new(|| (), |()| list_departments());
    view! {
        <Title text=locale.t("support.title")/>
        <h1>{locale.t("support.title")}</h1>
        <p class="lead">{locale.t("support.lead")}</p>
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
    }
}
