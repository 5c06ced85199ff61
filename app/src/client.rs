//! Which browser client a page loads. Most readers are visitors who open a
//! shared link on a phone: their pages are server-rendered HTML whose forms
//! work without JavaScript, plus a few islands (live updates, local times,
//! the share sheet) from a small bundle. Signed-in members get the whole
//! app hydrated from a second, larger bundle built from the same code with
//! the `full-app` feature (`Makefile`: `make client`).

/// A page's client: islands only, or the whole app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Client {
    /// Only the `#[island]` components run in the browser (`madang.wasm`).
    Islands,
    /// The whole app hydrates (`madang_app.wasm`).
    FullApp,
}

impl Client {
    /// The bundle's file name without extension (`/pkg/{name}.js`).
    #[must_use]
    pub fn output_name(self) -> &'static str {
        match self {
            Client::Islands => ISLANDS_OUTPUT,
            Client::FullApp => FULL_APP_OUTPUT,
        }
    }

    /// The client of the page being rendered: the whole app for a signed-in
    /// member and on the account forms, islands for everybody else.
    #[cfg(feature = "ssr")]
    #[must_use]
    pub fn for_request() -> Client {
        let Some(parts) = leptos::prelude::use_context::<http::request::Parts>() else {
            return Client::Islands;
        };
        let signed_in = parts
            .extensions
            .get::<domain::auth::Caller>()
            .is_some_and(|caller| caller.actor.member().is_some());
        if signed_in || ACCOUNT_FORMS.contains(&parts.uri.path()) {
            Client::FullApp
        } else {
            Client::Islands
        }
    }

    /// Outside a server render there is no request (the shell is only
    /// rendered on the server).
    #[cfg(not(feature = "ssr"))]
    #[must_use]
    pub fn for_request() -> Client {
        Client::FullApp
    }
}

// An interactive component that visitors' pages need is an `#[island]`
// on the server and in the islands client, and a plain `#[component]` in
// the full app (`#[cfg_attr(feature = "full-app", component)]`): Leptos
// islands are not made to be hydrated as part of a whole page. On the
// server, the full app's pages render islands without their
// `<leptos-island>` element (`App` provides `IsHydrating`), so both
// clients find the HTML they expect.

/// Pages whose forms keep what was typed and show each error beside its
/// field in place, which takes the whole app: a visitor comes here to
/// become a member, and these forms still work as plain posts until it
/// has loaded.
pub const ACCOUNT_FORMS: [&str; 5] = ["/signin", "/signup", "/forgot", "/reset", "/invite"];

/// The islands bundle's name.
pub const ISLANDS_OUTPUT: &str = "madang";

/// The full app bundle's name.
pub const FULL_APP_OUTPUT: &str = "madang_app";

/// Whether this build of the browser client hydrates islands only. In the
/// islands client the server's HTML is the page, so code that would
/// otherwise re-render in place (live updates) swaps the server's HTML in.
#[must_use]
pub const fn is_islands_build() -> bool {
    cfg!(all(feature = "hydrate", not(feature = "full-app")))
}
