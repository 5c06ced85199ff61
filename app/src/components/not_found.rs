//! "Nothing here" as a real 404: unknown ideas, tickets, members and
//! announcements (and unknown addresses) answer HTTP 404 with `noindex`, so
//! monitoring sees a miss and search engines do not keep an empty page.

use leptos::prelude::*;
use leptos_meta::Meta;

/// A heading saying what was not found; sets the response to 404 while the
/// page is rendered on the server.
#[component]
pub fn NotFoundNotice(
    /// What to tell the reader.
    message: &'static str,
) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Meta name="robots" content="noindex"/>
        <h1 class="not-found">{message}</h1>
    }
}
