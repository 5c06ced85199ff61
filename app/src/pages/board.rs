//! The idea board: search box, sort tabs, status and category filters and
//! the paginated list. Every control is a link or a GET form, so it works
//! without JavaScript; after hydration they switch in place.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::{A, Form};
use leptos_router::hooks::use_query_map;
use shared::{BoardQuery, IdeaSort, IdeaStatus};

use crate::components::idea_list::IdeaList;
use crate::components::live_region::LiveRefresh;
use crate::components::status_badge::status_key;
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::rpc::{list_categories, list_ideas};
use crate::url::board_href;

fn sort_key(sort: IdeaSort) -> &'static str {
    match sort {
        IdeaSort::Trending => "board.sort.trending",
        IdeaSort::Top => "board.sort.top",
        IdeaSort::New => "board.sort.new",
        IdeaSort::Updated => "board.sort.updated",
    }
}

/// The board's query as the address bar states it.
fn query_from_url() -> Memo<BoardQuery> {
    let params = use_query_map();
    Memo::new(move |_| {
        let params = params.read();
        let text = |key: &str| params.get(key).filter(|v| !v.trim().is_empty());
        BoardQuery {
            sort: text("sort")
                .and_then(|s| s.parse().ok())
                .unwrap_or_default(),
            status: text("status").and_then(|s| s.parse::<IdeaStatus>().ok()),
            category: text("category"),
            tag: text("tag"),
            q: text("q"),
            author: None,
            pinned: None,
            limit: None,
            cursor: text("cursor"),
        }
    })
}

/// The home page.
#[component]
pub fn BoardPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let query = query_from_url();
    let live = crate::live::live_counter(|| Some("board".to_owned()));
    let ideas = load(
        move || (query.get(), live.get()),
        |(query, _)| list_ideas(query),
    );
    let featured = load(
        || (),
        |()| {
            list_ideas(BoardQuery {
                pinned: Some(true),
                limit: Some(5),
                ..BoardQuery::default()
            })
        },
    );

    let tabs = move || {
        let current = query.get();
        IdeaSort::ALL
            .into_iter()
            .map(|sort| {
                let selected = sort == current.sort;
                let href = board_href(&BoardQuery { sort, cursor: None, ..current.clone() });
                view! {
                    <A href=href attr:class=if selected { "tab selected" } else { "tab" } attr:aria-current=selected.then_some("page") attr:data-sort=sort.as_str()>
                        {locale.t(sort_key(sort))}
                    </A>
                }
            })
            .collect_view()
    };

    view! {
        <Title text=locale.t("board.title")/>
        <Meta name="description" content=locale.t("meta.board")/>
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
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let items = featured.await.map(|page| page.items).unwrap_or_default();
                    (!items.is_empty()).then(|| view! {
                        <section class="featured" aria-labelledby="featured-title">
                            <h2 id="featured-title">{locale.t("board.featured")}</h2>
                            <IdeaList ideas=items/>
                        </section>
                    })
                })}
            </Suspense>
            <BoardFilters query/>
            <h2 class="visually-hidden">{locale.t("board.all_ideas")}</h2>
            <div id="board-live">
            <Transition fallback=|| view! { <p class="loading">"…"</p> }>
                {move || Suspend::new(async move {
                    match ideas.await {
                        Ok(page) => {
                            let more = page.next_cursor.map(|cursor| {
                                let href = board_href(&BoardQuery { cursor: Some(cursor), ..query.get_untracked() });
                                view! { <A href=href attr:class="more">{locale.t("board.more")}</A> }
                            });
                            view! { <IdeaList ideas=page.items/> {more} }.into_any()
                        }
                        Err(problem) => {
                            let message = problem.errors.get("q").cloned().unwrap_or_else(|| locale.t("error.load").to_owned());
                            view! { <p class="error" role="alert">{message}</p> }.into_any()
                        }
                    }
                })}
            </Transition>
            </div>
            <LiveRefresh topics="board".to_owned() region="board-live".to_owned()/>
        </section>
    }
}

/// Search box and filters as one GET form: submitting keeps the sort and
/// starts from the first page.
#[component]
fn BoardFilters(query: Memo<BoardQuery>) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let categories = load(|| (), |()| list_categories());
    let current = query.get_untracked();
    let status_options = IdeaStatus::ALL
        .into_iter()
        .map(|status| {
            view! {
                <option value=status.as_str() selected=move || query.get().status == Some(status)>
                    {locale.t(status_key(status))}
                </option>
            }
        })
        .collect_view();
    let tag_chip = move || {
        query.get().tag.map(|tag| {
            let without = board_href(&BoardQuery { tag: None, cursor: None, ..query.get() });
            view! {
                <span class="tag-chip">"#" {tag.clone()} <input type="hidden" name="tag" value=tag/>
                    " " <A href=without attr:class="chip-remove" attr:aria-label=locale.t("board.filter.clear_tag")>"×"</A>
                </span>
            }
        })
    };
    view! {
        <Form method="GET" action="/">
            <div class="board-filters" role="search">
                <input type="hidden" name="sort" value=move || query.get().sort.as_str()/>
                <label class="visually-hidden" for="board-q">{locale.t("board.search.label")}</label>
                <input id="board-q" type="search" name="q" prop:value=move || query.get().q.unwrap_or_default()
                    value=current.q.clone().unwrap_or_default() placeholder=locale.t("board.search.placeholder")/>
                <label class="visually-hidden" for="board-status">{locale.t("board.filter.status")}</label>
                <select id="board-status" name="status">
                    <option value="" selected=move || query.get().status.is_none()>{locale.t("board.filter.any_status")}</option>
                    {status_options}
                </select>
                <label class="visually-hidden" for="board-category">{locale.t("board.filter.category")}</label>
                <select id="board-category" name="category">
                    <option value="">{locale.t("board.filter.any_category")}</option>
                    <Suspense fallback=|| ()>
                        {move || Suspend::new(async move {
                            categories.await.unwrap_or_default().into_iter().map(|c| {
                                let slug = c.slug.clone();
                                view! { <option value=c.slug selected=move || query.get().category.as_deref() == Some(slug.as_str())>{c.name}</option> }
                            }).collect_view()
                        })}
                    </Suspense>
                </select>
                {tag_chip}
                <button type="submit" class="button">{locale.t("board.search.submit")}</button>
            </div>
        </Form>
    }
}
