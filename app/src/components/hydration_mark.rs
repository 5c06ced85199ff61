//! The page says when its client has taken over: `#app[data-hydrated]`
//! turns `true`. Browser tests wait for it before they click what only
//! works in the browser. It is the last island of the page, and islands
//! hydrate in document order, so every island before it is live by then.

use leptos::prelude::*;

/// Marks the page hydrated once it runs in the browser.
// An island for the islands client, a component in the full app (client.rs).
#[cfg_attr(not(feature = "full-app"), island)]
#[cfg_attr(feature = "full-app", component)]
pub fn HydrationMark() -> impl IntoView {
    // Effects run only in the browser.
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(app) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("app"))
        {
            let _ = app.set_attribute("data-hydrated", "true");
        }
    });
}
