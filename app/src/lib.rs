//! Madang's user interface: Leptos components rendered on the server (SSR)
//! and hydrated in the browser from the same code compiled to WASM.
// Leptos views are deeply nested types; the ticket thread needs more
// than the default 128 levels to compute their layout.
#![recursion_limit = "256"]

pub mod auth_state;
pub mod client;
pub mod components;
pub mod i18n;
pub mod live;
pub mod loaded;
pub mod locale;
pub mod pages;
pub mod routes;
pub mod rpc;
pub mod seo;
pub mod text;
pub mod time;
pub mod url;

use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::components::{A, Router};

use crate::components::header::Header;
use crate::i18n::{Locale, Translate};
/// The name of the stylesheet (`/pkg/madang.css`) and of the islands
/// client (`/pkg/madang.js`, `/pkg/madang_bg.wasm`); see [`client`].
pub const OUTPUT_NAME: &str = client::ISLANDS_OUTPUT;

/// The HTML document around the app, rendered on the server for every page.
pub fn shell(mut options: LeptosOptions) -> impl IntoView {
    let locale = locale::from_request();
    let client = client::Client::for_request();
    options.output_name = client.output_name().into();
    let islands = client == client::Client::Islands;
    provide_context(locale);
    let position = use_context::<live::EventPosition>().map(|p| {
        view! { <meta name=live::POSITION_META content=p.0.to_string()/> }
    });
    let zone = components::when::company_zone();
    let private = seo::is_private_path(&seo::request_path());
    let robots = private.then(|| view! { <meta name="robots" content="noindex"/> });
    view! {
        <!DOCTYPE html>
        <html lang=locale.tag()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#0f766e"/>
                {position}
                <meta name=components::when::ZONE_META content=zone/>
                <meta name=components::header::COMPANY_META content=components::header::company_name(locale)/>
                {robots}
                <link rel="alternate" type="application/atom+xml" href="/feeds/ideas.atom" title=locale.t("feed.ideas")/>
                <link rel="alternate" type="application/atom+xml" href="/feeds/announcements.atom" title=locale.t("feed.announcements")/>
                <link rel="stylesheet" href=format!("/pkg/{OUTPUT_NAME}.css")/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <HydrationScripts options islands/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The application: header, routed page, footer. `data-hydrated` turns true
/// once the WASM client has taken over (`HydrationMark`, the last island),
/// which browser tests wait for.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Where the whole app hydrates, islands are ordinary components: no
    // `<leptos-island>` element on either side (Leptos reads this context),
    // which a whole-page hydration would not walk past.
    if client::Client::for_request() == client::Client::FullApp {
        provide_context(leptos::reactive::owner::IsHydrating(true));
    }
    let locale = use_context::<Locale>().unwrap_or_else(locale::from_document);
    provide_context(locale);
    auth_state::provide();
    components::pick::provide();
    components::when::provide_minute_tick();
    // The router would swallow the fragment link; focus the content ourselves
    // so the next Tab continues from there.
    let main = NodeRef::<leptos::html::Main>::new();
    let skip_to_main = move |_| {
        if let Some(main) = main.get() {
            let _ = main.focus();
        }
    };
    view! {
        <Title formatter=|page: String| format!("{page} · Madang")/>
        <Router>
            <div id="app" data-hydrated="false">
                <a class="skip-link" href="#main" rel="external" on:click=skip_to_main>{locale.t("nav.skip")}</a>
                <Header/>
                <main class="page" id="main" tabindex="-1" node_ref=main>
                    <components::welcome::WelcomeNotice/>
                    <routes::PageRoutes fallback=|| view! { <NotFound/> }.into_any()/>
                </main>
                <footer class="site-footer">
                    {locale.t("footer.text")} " · "
                    <A href="/scorecard" attr:class="footer-scorecard">{locale.t("scorecard.title")}</A>
                </footer>
                <components::hydration_mark::HydrationMark/>
            </div>
        </Router>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let locale = expect_context::<Locale>();
    view! {
        <Title text=locale.t("notfound.title")/>
        <components::not_found::NotFoundNotice message=locale.t("notfound.title")/>
    }
}

/// Entry point of the WASM client: attaches to the server-rendered page,
/// the whole app (`full-app`) or its islands (see [`client`]).
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Lazily loaded routes (`routes`) hydrate once their chunk has arrived;
    // the page says it is live (`HydrationMark`) only after that.
    #[cfg(feature = "full-app")]
    wasm_bindgen_futures::spawn_local(async {
        let owner = Box::pin(leptos::mount::hydrate_from_async(
            leptos::tachys::dom::body(),
            App,
        ))
        .await;
        owner.forget();
        components::hydration_mark::mark_hydrated();
    });
    #[cfg(not(feature = "full-app"))]
    leptos::mount::hydrate_islands();
}
