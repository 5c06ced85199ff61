//! Which language a page is rendered in: on the server from the request
//! (language cookie, then Accept-Language), in the browser from `<html lang>`
//! so hydration uses exactly what the server rendered.

use crate::i18n::Locale;

/// The locale of the request being rendered (server side).
#[cfg(feature = "ssr")]
#[must_use]
pub fn from_request() -> Locale {
    leptos::prelude::use_context::<http::request::Parts>()
        .map(|parts| from_headers(&parts.headers))
        .unwrap_or_default()
}

/// Outside a server render there is no request; the document decides.
#[cfg(not(feature = "ssr"))]
#[must_use]
pub fn from_request() -> Locale {
    from_document()
}

/// Cookie first (an explicit choice), then Accept-Language.
#[cfg(feature = "ssr")]
#[must_use]
pub fn from_headers(headers: &http::HeaderMap) -> Locale {
    let chosen = headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == crate::i18n::LANG_COOKIE)
        .and_then(|(_, value)| Locale::from_tag(value));
    chosen.unwrap_or_else(|| {
        headers
            .get(http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map(Locale::negotiate)
            .unwrap_or_default()
    })
}

/// The locale the server rendered, read from `<html lang>`.
#[must_use]
pub fn from_document() -> Locale {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|tag| Locale::from_tag(&tag))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        Locale::default()
    }
}
