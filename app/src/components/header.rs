//! The site header: company name, main navigation and the language switch.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::auth_state::CurrentUser;
use crate::i18n::{Locale, Translate};

/// `<meta>` carrying the company's name in the page's language to the client.
pub const COMPANY_META: &str = "madang-company";

/// The company's name in a language: the server's settings while rendering,
/// the page's `<meta>` in the browser (so hydration sees the same text).
#[must_use]
pub fn company_name(locale: Locale) -> String {
    #[cfg(feature = "ssr")]
    {
        use_context::<domain::Ctx>()
            .map(|ctx| ctx.settings.company.get(locale).to_owned())
            .unwrap_or_default()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        let _ = locale;
        crate::live::meta_content(COMPANY_META).unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        let _ = locale;
        String::new()
    }
}

/// The header on every page.
#[component]
pub fn Header() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let location = use_location();
    let CurrentUser(user) = expect_context::<CurrentUser>();
    // The switch is a plain link to a server route that sets the cookie, so it
    // works without JavaScript; `rel="external"` keeps the router off it.
    let switch_href = move || {
        let path = location.pathname.get();
        let search = location.search.get();
        let next = if search.is_empty() {
            path
        } else {
            format!("{path}?{search}")
        };
        format!(
            "/lang/{}?next={}",
            locale.other().tag(),
            crate::url::encode_component(&next)
        )
    };
    view! {
        <header class="site-header">
            <div class="brand">
                <A href="/" attr:class="brand-name">
                    <span class="brand-mark" aria-hidden="true">"마"</span>
                    <span class="company-name">{company_name(locale)}</span>
                </A>
                <span class="brand-tagline">{locale.t("brand.tagline")}</span>
            </div>
            <nav class="site-nav" aria-label="Main">
                <A href="/" exact=true>{locale.t("nav.ideas")}</A>
                <A href="/support">{locale.t("nav.support")}</A>
                <A href="/roadmap">{locale.t("nav.roadmap")}</A>
                <A href="/announcements">{locale.t("nav.announcements")}</A>
                <Transition fallback=move || view! { <A href="/signin" attr:class="nav-sign-in">{locale.t("nav.sign_in")}</A> }>
                    {move || Suspend::new(async move {
                        match user.await {
                            Ok(Some(me)) => view! {
                                {me.can.staff_queue.then(|| view! { <A href="/staff/queue" attr:class="nav-queue">{locale.t("nav.queue")}</A> })}
                                {me.can.staff_queue.then(|| view! { <A href="/staff/customers" attr:class="nav-customers">{locale.t("nav.customers")}</A> })}
                                {me.can.staff_queue.then(|| view! { <A href="/staff/reviews" attr:class="nav-reviews">{locale.t("nav.reviews")}</A> })}
                                {me.can.moderate.then(|| view! { <A href="/moderation" attr:class="nav-moderation">{locale.t("nav.moderation")}</A> })}
                                {me.can.read_insight.then(|| view! { <A href="/dashboard" attr:class="nav-dashboard">{locale.t("nav.dashboard")}</A> })}
                                <A href="/me/tickets" attr:class="nav-my-tickets">{locale.t("nav.my_tickets")}</A>
                                <crate::components::notification_bell::NotificationBell/>
                                <A href="/me" attr:class="nav-me">
                                    <span class="avatar small" style=format!("background:{}", me.avatar_color)>{me.initials}</span>
                                    <span class="nav-me-name">{me.display_name}</span>
                                </A>
                            }.into_any(),
                            _ => view! { <A href="/signin" attr:class="nav-sign-in">{locale.t("nav.sign_in")}</A> }.into_any(),
                        }
                    })}
                </Transition>
                <form class="header-search" action="/search" method="get" role="search">
                    <input type="search" name="q" aria-label=locale.t("search.label") placeholder=locale.t("search.placeholder_short")/>
                </form>
                <a class="lang-switch" rel="external" href=switch_href lang=locale.other().tag() title=locale.t("nav.language")>
                    {locale.t("lang.switch_to")}
                </a>
            </nav>
        </header>
    }
}
