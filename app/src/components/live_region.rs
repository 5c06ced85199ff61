//! Live updates for pages that are server-rendered HTML (the islands
//! client, see `client.rs`): when an event for the page's topics arrives,
//! the page is fetched again and the marked region's HTML is swapped for
//! the server's new rendering, so the reader sees exactly what the server
//! would show them (the same visibility rule as the page) and the client
//! ships no renderer for it. Islands inside the new HTML are hydrated.
//!
//! In the full app the page's own resources refetch on the same events
//! (`live::live_counter`), so there this island does nothing.

use leptos::prelude::*;

/// Keeps the element `#{region}` up to date with the server's rendering of
/// this page, on every event for `topics` (`live::live_counter` gathers
/// bursts into at most one refresh per 400 ms).
// An island for the islands client, a component in the full app (client.rs).
#[cfg_attr(not(feature = "full-app"), island)]
#[cfg_attr(feature = "full-app", component)]
pub fn LiveRefresh(
    /// The event topics, as `/api/v1/events?topics=` takes them.
    topics: String,
    /// The `id` of the element to refresh.
    region: String,
) -> impl IntoView {
    if crate::client::is_islands_build() {
        let live = crate::live::live_counter(move || Some(topics.clone()));
        Effect::new(move |_| {
            if live.get() > 0 {
                #[cfg(feature = "hydrate")]
                leptos::task::spawn_local(swap::refresh(region.clone()));
            }
        });
    } else {
        let _ = (topics, region);
    }
}

#[cfg(feature = "hydrate")]
mod swap {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    /// Fetches the page again and swaps the region's contents; on any
    /// failure the page stays as it is (the next event tries again).
    pub(super) async fn refresh(region: String) {
        let _ = try_refresh(&region).await;
    }

    async fn try_refresh(region: &str) -> Result<(), JsValue> {
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        let document = window.document().ok_or(JsValue::NULL)?;
        let href = window.location().href()?;
        let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&href))
            .await?
            .dyn_into()?;
        if !response.ok() {
            return Err(JsValue::NULL);
        }
        let html = JsFuture::from(response.text()?)
            .await?
            .as_string()
            .ok_or(JsValue::NULL)?;
        let parsed = web_sys::DomParser::new()?
            .parse_from_string(&html, web_sys::SupportedType::TextHtml)?;
        let fresh = parsed.get_element_by_id(region).ok_or(JsValue::NULL)?;
        let current = document.get_element_by_id(region).ok_or(JsValue::NULL)?;
        current.set_inner_html(&fresh.inner_html());
        hydrate_islands_in(&current)
    }

    /// Hands each island in the new HTML to the islands loader
    /// (`window.__hydrateIsland`, set by Leptos' island script).
    fn hydrate_islands_in(root: &web_sys::Element) -> Result<(), JsValue> {
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        let hydrate = js_sys::Reflect::get(&window, &JsValue::from_str("__hydrateIsland"))?;
        let Some(hydrate) = hydrate.dyn_ref::<js_sys::Function>() else {
            return Ok(());
        };
        let islands = root.query_selector_all("leptos-island")?;
        for i in 0..islands.length() {
            if let Some(island) = islands.item(i)
                && let Some(element) = island.dyn_ref::<web_sys::Element>()
            {
                let component = element.get_attribute("data-component").unwrap_or_default();
                hydrate.call2(&window, element, &JsValue::from_str(&component))?;
            }
        }
        Ok(())
    }
}
