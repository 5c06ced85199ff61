//! The public roadmap: planned, in progress and recently done, side by
//! side, for every product area or one at a time.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shared::{BoardQuery, IdeaSort, IdeaStatus};

use crate::components::idea_list::IdeaList;
use crate::components::status_badge::status_key;
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::rpc::{list_categories, list_ideas};
use crate::url::encode_component;

/// Ideas per column; "done" shows the most recently finished.
const COLUMN_LIMIT: u64 = 50;
const RECENTLY_DONE: u64 = 20;

/// The roadmap page; `?category=slug` narrows it to one product area.
#[component]
pub fn RoadmapPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let query = use_query_map();
    let category = Memo::new(move |_| query.read().get("category").filter(|c| !c.is_empty()));
    let categories = load(|| (), |()| list_categories());
    let columns = [IdeaStatus::Planned, IdeaStatus::InProgress, IdeaStatus::Done].map(|status| {
        let ideas = load(
            move || {
                let done = status == IdeaStatus::Done;
                BoardQuery {
                    sort: if done { IdeaSort::Updated } else { IdeaSort::Top },
                    status: Some(status),
                    category: category.get(),
                    limit: Some(if done { RECENTLY_DONE } else { COLUMN_LIMIT }),
                    ..BoardQuery::default()
                }
            },
            list_ideas,
        );
        view! {
            <section class="roadmap-column" data-status=status.as_str()>
                <h2>{locale.t(status_key(status))}</h2>
                <Transition fallback=|| view! { <p class="loading">"…"</p> }>
                    {move || Suspend::new(async move {
                        match ideas.await {
                            Ok(page) => view! { <IdeaList ideas=page.items/> }.into_any(),
                            Err(_) => view! { <p class="error" role="alert">{locale.t("error.load")}</p> }.into_any(),
                        }
                    })}
                </Transition>
            </section>
        }
    });
    let areas = move || {
        Suspend::new(async move {
            let all = categories.await.unwrap_or_default();
            let current = category.get();
            let chip = move |href: String, label: String, selected: bool| {
                view! {
                    <A href=href attr:class=if selected { "tab selected" } else { "tab" } attr:aria-current=selected.then_some("page")>{label}</A>
                }
            };
            let mut chips = vec![chip(
                "/roadmap".to_owned(),
                locale.t("roadmap.all_categories").to_owned(),
                current.is_none(),
            )];
            for c in all {
                let selected = current.as_deref() == Some(c.slug.as_str());
                chips.push(chip(
                    format!("/roadmap?category={}", encode_component(&c.slug)),
                    c.name,
                    selected,
                ));
            }
            chips.collect_view()
        })
    };
    view! {
        <Title text=locale.t("roadmap.title")/>
        <Meta name="description" content=locale.t("meta.roadmap")/>
        <h1>{locale.t("roadmap.title")}</h1>
        <p class="lead">{locale.t("roadmap.lead")}</p>
        <nav class="roadmap-areas" aria-label=locale.t("board.filter.category")>
            <Suspense fallback=|| ()>{areas}</Suspense>
        </nav>
        <div class="roadmap">{columns.into_iter().collect_view()}</div>
    }
}
