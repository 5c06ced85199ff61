//! `<When>`: a time in the reader's zone inside `<time datetime=…>`.
//!
//! The server renders the company's zone (`--time-zone`), so the first paint
//! is already right for most readers; once the component runs in the
//! browser it switches to the browser's zone. The hover text is the exact
//! time with its zone.

use leptos::prelude::*;

use crate::i18n::Locale;
use crate::time::{self, Style};

/// Ticks once a minute in the browser, so relative times ("방금 전", "3분
/// 전") move on while a page stays open; one timer serves every time on the
/// page.
#[derive(Clone, Copy)]
pub struct MinuteTick(RwSignal<u32>);

/// Starts the page's minute tick (once, at the root of the app).
pub fn provide_minute_tick() {
    let tick = RwSignal::new(0_u32);
    provide_context(MinuteTick(tick));
    // Effects run only in the browser.
    Effect::new(move |_| {
        if let Ok(handle) = set_interval_with_handle(
            move || tick.update(|t| *t = t.wrapping_add(1)),
            std::time::Duration::from_mins(1),
        ) {
            on_cleanup(move || handle.clear());
        }
    });
}

/// A time, relative by default ("3분 전"), exact on hover.
#[component]
pub fn When(
    /// The instant, RFC 3339 (as every API time is).
    #[prop(into)]
    at: String,
    /// How to show it.
    #[prop(optional)]
    style: Style,
    /// A class for the `<time>` element.
    #[prop(optional, into)]
    class: Option<&'static str>,
) -> impl IntoView {
    view! { <LocalTime at style class=class.unwrap_or_default().to_owned()/> }
}

/// `<When>` as an island: it runs in the browser even on a page that is
/// otherwise server-rendered HTML (the islands client), to show the
/// reader's own zone and keep relative times moving.
// An island for the islands client, a component in the full app (client.rs).
#[cfg_attr(not(feature = "full-app"), island)]
#[cfg_attr(feature = "full-app", component)]
fn LocalTime(at: String, style: Style, class: String) -> impl IntoView {
    let locale = use_context::<Locale>().unwrap_or_else(crate::locale::from_document);
    let seconds = time::parse_rfc3339(&at);
    // In the browser the first render must not decide the text: hydration
    // keeps the server's text, and only a later, different value replaces
    // it. So the browser starts empty and fills in once mounted.
    let mounted = RwSignal::new(!cfg!(feature = "hydrate"));
    Effect::new(move |_| mounted.set(true));
    let tick = minute_tick();
    let shown = move |exact: bool| {
        if !mounted.get() {
            return String::new();
        }
        if let Some(tick) = tick {
            tick.track();
        }
        let Some(seconds) = seconds else {
            return String::new();
        };
        let at = time::wall_clock(seconds, zone::offset_minutes(seconds));
        if exact {
            return time::exact_text(locale, &at);
        }
        let now_seconds = zone::now_seconds();
        let now = time::wall_clock(now_seconds, zone::offset_minutes(now_seconds));
        time::text(locale, style, &at, seconds, &now, now_seconds)
    };
    let fallback = at.clone();
    let class = (!class.is_empty()).then_some(class);
    view! {
        <time class=class datetime=at title=move || shown(true)>
            {move || {
                let text = shown(false);
                // An unreadable time is shown as given rather than hidden.
                if text.is_empty() && seconds.is_none() { fallback.clone() } else { text }
            }}
        </time>
    }
}

/// The page's minute tick: the app's (full client), or in the islands
/// client one shared by every time on the page, started on first use.
#[cfg_attr(
    feature = "hydrate",
    expect(
        clippy::unnecessary_wraps,
        reason = "the server (no tick) and the browser share the signature"
    )
)]
fn minute_tick() -> Option<RwSignal<u32>> {
    if let Some(MinuteTick(tick)) = use_context::<MinuteTick>() {
        return Some(tick);
    }
    #[cfg(feature = "hydrate")]
    {
        thread_local! {
            static TICK: RwSignal<u32> = {
                let tick = RwSignal::new(0_u32);
                set_interval(
                    move || tick.update(|t| *t = t.wrapping_add(1)),
                    std::time::Duration::from_mins(1),
                );
                tick
            };
        }
        Some(TICK.with(|tick| *tick))
    }
    #[cfg(not(feature = "hydrate"))]
    None
}

/// The company's zone as a name ("Asia/Seoul"), for dates that are days of
/// the company's calendar (promise due dates, dashboard days).
#[must_use]
pub fn company_zone() -> String {
    zone::company_name()
}

/// Where the offset and "now" come from: the server's settings and clock,
/// or the browser.
#[cfg(feature = "ssr")]
mod zone {
    use leptos::prelude::use_context;

    pub(super) fn offset_minutes(seconds: i64) -> i32 {
        use_context::<domain::Ctx>().map_or(0, |ctx| ctx.settings.offset_minutes_at(seconds))
    }

    pub(super) fn now_seconds() -> i64 {
        use_context::<domain::Ctx>().map_or_else(|| 0, |ctx| ctx.clock.now().timestamp())
    }

    pub(super) fn company_name() -> String {
        use_context::<domain::Ctx>()
            .map(|ctx| ctx.settings.time_zone.name().to_owned())
            .unwrap_or_default()
    }
}

/// In the browser: its own zone and clock.
#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
mod zone {
    pub(super) fn offset_minutes(seconds: i64) -> i32 {
        #[expect(
            clippy::cast_precision_loss,
            reason = "times fit in 53 bits of milliseconds"
        )]
        let millis = wasm_bindgen::JsValue::from_f64(seconds as f64 * 1000.0);
        // Minutes *west* of UTC, whole minutes for every real zone.
        #[expect(clippy::cast_possible_truncation, reason = "offsets are whole minutes")]
        let west = js_sys::Date::new(&millis).get_timezone_offset() as i32;
        -west
    }

    pub(super) fn now_seconds() -> i64 {
        #[expect(
            clippy::cast_possible_truncation,
            reason = "seconds since 1970 fit in i64"
        )]
        let seconds = (js_sys::Date::now() / 1000.0) as i64;
        seconds
    }

    pub(super) fn company_name() -> String {
        crate::live::meta_content(super::ZONE_META).unwrap_or_default()
    }
}

/// Neither server nor browser (unit tests of other modules): UTC.
#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
mod zone {
    pub(super) fn offset_minutes(_seconds: i64) -> i32 {
        0
    }

    pub(super) fn now_seconds() -> i64 {
        0
    }

    pub(super) fn company_name() -> String {
        String::new()
    }
}

/// The `<meta name>` carrying the company's zone to the browser.
pub const ZONE_META: &str = "madang-time-zone";
