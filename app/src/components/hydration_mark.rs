//! The page says when its client has taken over: `#app[data-hydrated]`
//! turns `true`. Browser tests wait for it before they click what only
//! works in the browser. In the islands client it is the last island of
//! the page, and islands hydrate in document order, so every island before
//! it is live by then. The whole app hydrates its lazily loaded page after
//! its chunk arrives, so there `hydrate()` marks the page once the whole
//! hydration has finished, and this component renders nothing.

use leptos::prelude::*;

/// Marks the page hydrated once it runs in the browser (islands client).
// An island for the islands client, a component in the full app (client.rs).
#[cfg_attr(not(feature = "full-app"), island)]
#[cfg_attr(feature = "full-app", component)]
pub fn HydrationMark() -> impl IntoView {
    // Effects run only in the browser.
    #[cfg(not(feature = "full-app"))]
    Effect::new(move |_| mark_hydrated());
}

/// Sets `#app[data-hydrated="true"]`.
pub fn mark_hydrated() {
    #[cfg(feature = "hydrate")]
    if let Some(app) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    {
        let _ = app.set_attribute("data-hydrated", "true");
    }
}
