//! The idea board: sort tabs, status filter and the paginated list. Works as
//! plain links without JavaScript; after hydration the tabs switch in place.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shared::{BoardQuery, IdeaSort, IdeaStatus};

use crate::api::list_ideas;
use crate::components::idea_list::IdeaList;
use crate::i18n::Locale;

fn sort_key(sort: IdeaSort) -> &'static str {
    match sort {
        IdeaSort::Trending => "board.sort.trending",
        IdeaSort::Top => "board.sort.top",
        IdeaSort::New => "board.sort.new",
    }
}

/// The home page.
#[component]
pub fn BoardPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let params = params.read();
        BoardQuery {
            sort: params
                .get("sort")
                .and_then(|s| s.parse().ok())
                .unwrap_or_default(),
            status: params
                .get("status")
                .and_then(|s| s.parse::<IdeaStatus>().ok()),
            category: params.get("category").filter(|c| !c.is_empty()),
            author: None,
            limit: None,
            cursor: params.get("cursor").filter(|c| !c.is_empty()),
        }
    });
    let ideas = Resource::new(move || query.get(), list_ideas);

    let tabs = move || {
        let current = query.get().sort;
        IdeaSort::ALL
            .into_iter()
            .map(|sort| {
                let selected = sort == current;
                view! {
                    <A href=format!("/?sort={}", sort.as_str()) attr:class=if selected { "tab selected" } else { "tab" } attr:aria-current=selected.then_some("page") attr:data-sort=sort.as_str()>
                        {locale.t(sort_key(sort))}
                    </A>
                }
            })
            .collect_view()
    };

    view! {
        <Title text=locale.t("board.title")/>
        <section class="board">
            <div class="board-head">
                <div>
                    <h1>{locale.t("board.title")}</h1>
                    <p class="lead">{locale.t("board.lead")}</p>
                </div>
                <div class="board-actions">
                    <nav class="tabs" aria-label=locale.t("board.title")>{tabs}</nav>
                    <A href="/ideas/new" attr:class="button primary" attr:id="new-idea">{locale.t("new_idea.button")}</A>
                </div>
            </div>
            <Transition fallback=|| view! { <p class="loading">"…"</p> }>
                {move || Suspend::new(async move {
                    match ideas.await {
                        Ok(page) => {
                            let more = page.next_cursor.map(|cursor| {
                                let sort = query.get_untracked().sort;
                                view! {
                                    <A href=format!("/?sort={}&cursor={cursor}", sort.as_str()) attr:class="more">
                                        {locale.t("board.more")}
                                    </A>
                                }
                            });
                            view! { <IdeaList ideas=page.items/> {more} }.into_any()
                        }
                        Err(_) => view! { <p class="error" role="alert">{locale.t("error.load")}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
