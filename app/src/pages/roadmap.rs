//! The public roadmap: planned, in progress and done, side by side.

use leptos::prelude::*;
use leptos_meta::Title;
use shared::{BoardQuery, IdeaSort, IdeaStatus};

use crate::api::list_ideas;
use crate::components::idea_list::IdeaList;
use crate::components::status_badge::status_key;
use crate::i18n::Locale;

/// The roadmap page.
#[component]
pub fn RoadmapPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let columns = [IdeaStatus::Planned, IdeaStatus::InProgress, IdeaStatus::Done].map(|status| {
        let ideas = Resource::new(
            move || BoardQuery {
                sort: IdeaSort::Top,
                status: Some(status),
                limit: Some(50),
                ..BoardQuery::default()
            },
            list_ideas,
        );
        view! {
            <section class="roadmap-column" data-status=status.as_str()>
                <h2>{locale.t(status_key(status))}</h2>
                <Suspense fallback=|| view! { <p class="loading">"…"</p> }>
                    {move || Suspend::new(async move {
                        match ideas.await {
                            Ok(page) => view! { <IdeaList ideas=page.items/> }.into_any(),
                            Err(_) => view! { <p class="error" role="alert">{locale.t("error.load")}</p> }.into_any(),
                        }
                    })}
                </Suspense>
            </section>
        }
    });
    view! {
        <Title text=locale.t("roadmap.title")/>
        <h1>{locale.t("roadmap.title")}</h1>
        <p class="lead">{locale.t("roadmap.lead")}</p>
        <div class="roadmap">{columns.into_iter().collect_view()}</div>
    }
}
