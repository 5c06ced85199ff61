//! Live pages in the browser: an `EventSource` on `/api/v1/events` bumps a
//! counter whenever an event for the page's topics arrives. Pages put the
//! counter among their resources' sources, so they refetch in place — and
//! what they fetch is what their reader may see, so events carry only ids.
//! The browser reconnects by itself and sends `Last-Event-ID`, so nothing
//! that happened in between is missed.

use leptos::prelude::*;

/// The event log's position when the server rendered the page; the browser
/// resumes after it, so an event between rendering and subscribing is not
/// lost. Provided per request by the server.
#[derive(Clone, Copy, Debug)]
pub struct EventPosition(pub i64);

/// The `<meta>` that hands the position to the browser.
pub const POSITION_META: &str = "madang-event-position";

/// What the server handed the browser in `<meta name=… content=…>`.
#[cfg(feature = "hydrate")]
#[must_use]
pub fn meta_content(name: &str) -> Option<String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("meta[name=\"{name}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
}

/// Where the next subscription resumes: the newest event this page has
/// seen, or the position it was rendered at.
#[cfg(feature = "hydrate")]
fn resume_after() -> Option<i64> {
    let seen = SEEN.with(std::cell::Cell::get);
    let rendered = meta_content(POSITION_META).and_then(|c| c.parse::<i64>().ok());
    match (seen, rendered) {
        (0, rendered) => rendered,
        (seen, Some(rendered)) => Some(seen.max(rendered)),
        (seen, None) => Some(seen),
    }
}

#[cfg(feature = "hydrate")]
thread_local! {
    /// The newest event id any subscription of this page received.
    static SEEN: std::cell::Cell<i64> = const { std::cell::Cell::new(0) };
}

/// After a bump, further events within this window are gathered into one
/// bump at its end: a page refetches at most about twice a second however
/// busy the board is, and never later than this after an event.
#[cfg(feature = "hydrate")]
const GATHER: std::time::Duration = std::time::Duration::from_millis(400);

/// Ends a gathering window: when events arrived during it, bumps the
/// counter once and opens another window; otherwise the next event bumps at
/// once.
#[cfg(feature = "hydrate")]
fn close_window(
    window: StoredValue<(bool, bool), LocalStorage>,
    bump_now: impl Fn() + Copy + 'static,
) {
    set_timeout(
        move || {
            let Some((_, dirty)) = window.try_get_value() else {
                return;
            };
            if dirty {
                bump_now();
                window.set_value((true, false));
                close_window(window, bump_now);
            } else {
                window.set_value((false, false));
            }
        },
        GATHER,
    );
}

/// A counter that changes whenever an event arrives for the topics the
/// closure names (`None`: no subscription), at most once per `GATHER`
/// window (the first event at once, the rest gathered). On the server it
/// never changes.
pub fn live_counter(
    topics: impl Fn() -> Option<String> + Send + Sync + 'static,
) -> ReadSignal<u64> {
    let (count, set_count) = signal(0_u64);
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::closure::Closure;

        let current = StoredValue::new_local(None::<web_sys::EventSource>);
        // (cooling down after a bump, an event arrived meanwhile)
        let window = StoredValue::new_local((false, false));
        let bump_now = move || {
            set_count.try_update(|n| *n += 1);
        };
        let gathered = move || {
            let Some((cooling, _)) = window.try_get_value() else {
                return;
            };
            if cooling {
                window.set_value((true, true));
                return;
            }
            bump_now();
            window.set_value((true, false));
            close_window(window, bump_now);
        };
        let close = move || {
            current.try_update_value(|source| {
                if let Some(source) = source.take() {
                    source.close();
                }
            });
        };
        Effect::new(move |_| {
            close();
            let Some(topics) = topics() else {
                return;
            };
            let mut url = format!(
                "/api/v1/events?topics={}",
                crate::url::encode_component(&topics)
            );
            if let Some(after) = resume_after() {
                url.push_str(&format!("&last_event_id={after}"));
            }
            let Ok(source) = web_sys::EventSource::new(&url) else {
                return;
            };
            let bump = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                move |event: web_sys::MessageEvent| {
                    if let Ok(id) = event.last_event_id().parse::<i64>() {
                        SEEN.with(|seen| seen.set(seen.get().max(id)));
                    }
                    gathered();
                },
            );
            for kind in shared::LiveEventKind::ALL {
                let _ = source
                    .add_event_listener_with_callback(kind.as_str(), bump.as_ref().unchecked_ref());
            }
            // The listener lives as long as the source; closing it stops calls.
            bump.forget();
            current.set_value(Some(source));
        });
        on_cleanup(close);
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (&topics, set_count);
    }
    count
}
