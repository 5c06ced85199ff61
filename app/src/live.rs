//! Live pages in the browser: an `EventSource` on `/api/v1/events` bumps a
//! counter whenever an event for the page's topics arrives. Pages put the
//! counter among their resources' sources, so they refetch in place — and
//! what they fetch is what their reader may see, so events carry only ids.
//! The browser reconnects by itself and sends `Last-Event-ID`, so nothing
//! that happened in between is missed.

use leptos::prelude::*;

/// Event kinds the server sends.
#[cfg(feature = "hydrate")]
const KINDS: [&str; 7] = [
    "vote",
    "comment",
    "status",
    "idea",
    "post",
    "ticket",
    "notification",
];

/// A counter that changes whenever an event arrives for the topics the
/// closure names (`None`: no subscription). On the server it never changes.
pub fn live_counter(
    topics: impl Fn() -> Option<String> + Send + Sync + 'static,
) -> ReadSignal<u64> {
    let (count, set_count) = signal(0_u64);
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::closure::Closure;

        let current = StoredValue::new_local(None::<web_sys::EventSource>);
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
            let url = format!(
                "/api/v1/events?topics={}",
                crate::url::encode_component(&topics)
            );
            let Ok(source) = web_sys::EventSource::new(&url) else {
                return;
            };
            let bump = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| {
                set_count.try_update(|n| *n += 1);
            });
            for kind in KINDS {
                let _ =
                    source.add_event_listener_with_callback(kind, bump.as_ref().unchecked_ref());
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
