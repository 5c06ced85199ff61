//! `/search?q=…&type=…`: the whole site's search — ideas, public tickets and
//! announcements, grouped by kind — reached from the box in the header. A
//! plain GET form, so it works before (and without) the client.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shared::search::{SearchHit, SearchKind, SearchQuery, SearchResults};

use crate::components::when::When;
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::rpc::site_search;

fn group_key(kind: SearchKind) -> &'static str {
    match kind {
        SearchKind::Idea => "search.ideas",
        SearchKind::Ticket => "search.tickets",
        SearchKind::Announcement => "search.announcements",
    }
}

/// The search page.
#[component]
pub fn SearchPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let kind = move || {
        query
            .read()
            .get("type")
            .and_then(|t| t.parse::<SearchKind>().ok())
    };
    let results = load(
        move || (q(), kind()),
        |(q, kind)| async move {
            if q.trim().is_empty() {
                return Ok(None);
            }
            site_search(SearchQuery {
                q,
                kind,
                limit: Some(50),
                cursor: None,
            })
            .await
            .map(Some)
        },
    );
    view! {
        <Title text=locale.t("search.title")/>
        <h1>{locale.t("search.title")}</h1>
        <form class="search-form site-search-page" action="/search" method="get" role="search">
            <label class="visually-hidden" for="site-search-q">{locale.t("search.label")}</label>
            <input id="site-search-q" type="search" name="q" value=q placeholder=locale.t("search.placeholder")/>
            <button type="submit" class="button primary">{locale.t("search.submit")}</button>
        </form>
        <Suspense fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match results.await {
                    Ok(None) => ().into_any(),
                    Ok(Some(found)) => view! { <Results found q=q() kind=kind()/> }.into_any(),
                    Err(error) => view! {
                        <p class="field-error" role="alert">{error.errors.get("q").cloned().unwrap_or(error.detail)}</p>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The tabs with counts, the groups, or what to do when nothing is found.
#[component]
fn Results(found: SearchResults, q: String, kind: Option<SearchKind>) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let total = found.counts.idea + found.counts.ticket + found.counts.announcement;
    let encoded = crate::url::encode_component(&q);
    let tab = |label: String, count: u64, this: Option<SearchKind>| {
        let href = match this {
            Some(k) => format!("/search?q={encoded}&type={}", k.as_str()),
            None => format!("/search?q={encoded}"),
        };
        view! {
            <a href=href rel="external" class="tab" aria-current=(this == kind).then_some("page")>
                {label} " " <span class="count">{count}</span>
            </a>
        }
    };
    let tabs = view! {
        <nav class="search-tabs" aria-label=locale.t("search.kinds")>
            {tab(locale.t("search.all").to_owned(), total, None)}
            {tab(locale.t("search.ideas").to_owned(), found.counts.idea, Some(SearchKind::Idea))}
            {tab(locale.t("search.tickets").to_owned(), found.counts.ticket, Some(SearchKind::Ticket))}
            {tab(locale.t("search.announcements").to_owned(), found.counts.announcement, Some(SearchKind::Announcement))}
        </nav>
    };
    if found.items.is_empty() {
        return view! {
            {tabs}
            <div class="empty search-empty">
                <p>{locale.format("search.nothing", &[("q", q.clone())])}</p>
                <p>{locale.t("search.next_steps")}</p>
                <p class="actions">
                    <A href="/ideas/new" attr:class="button primary">{locale.t("search.post_idea")}</A>
                    " "
                    <A href="/tickets/new" attr:class="button">{locale.t("search.ask")}</A>
                </p>
            </div>
        }
        .into_any();
    }
    let groups = [
        SearchKind::Idea,
        SearchKind::Ticket,
        SearchKind::Announcement,
    ]
    .into_iter()
    .filter_map(|k| {
        let hits: Vec<SearchHit> = found
            .items
            .iter()
            .filter(|h| h.kind == k)
            .cloned()
            .collect();
        (!hits.is_empty()).then(|| {
            view! {
                <section class="search-group" data-kind=k.as_str()>
                    <h2>{locale.t(group_key(k))}</h2>
                    <ul class="search-hits">
                        {hits.into_iter().map(|h| view! { <Hit hit=h/> }).collect_view()}
                    </ul>
                </section>
            }
        })
    })
    .collect_view();
    view! { {tabs} {groups} }.into_any()
}

/// One result: the title as a link, the excerpt with the words marked.
#[component]
fn Hit(hit: SearchHit) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let status_key = hit.status.as_deref().and_then(|s| match hit.kind {
        SearchKind::Ticket => s
            .parse::<shared::TicketStatus>()
            .ok()
            .map(|t| crate::pages::tickets::status_key_for(t, false)),
        _ => s
            .parse::<shared::IdeaStatus>()
            .ok()
            .map(crate::components::status_badge::status_key),
    });
    let status =
        status_key.map(|key| view! { <span class="search-status">{locale.t(key)}</span> " · " });
    view! {
        <li class="search-hit" data-kind=hit.kind.as_str()>
            <a class="search-hit-title" href=hit.url.clone()>{hit.title.clone()}</a>
            // Escaped by the server; only the matched words are marked up.
            <p class="excerpt" inner_html=hit.excerpt_html.clone()></p>
            <p class="meta">
                {hit.number.clone().map(|n| view! { <span class="number">{if hit.kind == SearchKind::Idea { format!("#{n}") } else { n }}</span> " · " })}
                {status} <When at=hit.created_at.clone()/>
            </p>
        </li>
    }
}
