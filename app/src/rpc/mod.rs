//! Server functions: thin adapters from the UI to the domain layer, one
//! module per area as `server/src/rest/` has them. They hold no rules; they
//! fail with the same `shared::ApiError` problem document as the REST API
//! (its status becomes the response's, see `server/src/rpc_status.rs`), so
//! forms show each message beside its field.

mod accounts;
mod admin;
mod announcements;
mod customers;
mod ideas;
mod insight;
mod moderation;
mod reviews;
mod tickets;

pub use accounts::*;
pub use admin::*;
pub use announcements::*;
pub use customers::*;
pub use ideas::*;
pub use insight::*;
pub use moderation::*;
pub use reviews::*;
pub use tickets::*;

#[cfg(feature = "ssr")]
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use shared::ApiError;

#[cfg(feature = "ssr")]
fn ctx() -> Result<domain::Ctx, ApiError> {
    use_context::<domain::Ctx>().ok_or_else(|| ApiError::internal("no-context"))
}

/// A use case's error as a problem in the language of the request (the
/// server function's own request, or the page being rendered).
#[cfg(feature = "ssr")]
fn problem(error: domain::Error) -> ApiError {
    error.to_problem(crate::locale::from_request())
}

/// Who is calling, as the HTTP layer's middleware resolved it.
#[cfg(feature = "ssr")]
fn caller() -> domain::auth::Caller {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<domain::auth::Caller>().cloned())
        .unwrap_or_default()
}

#[cfg(feature = "ssr")]
fn set_cookie(value: &str) {
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(value),
    ) {
        response.append_header(http::header::SET_COOKIE, value);
    }
}

/// Gives the browser the cookie of a session that just started.
#[cfg(feature = "ssr")]
fn keep_session(ctx: &domain::Ctx, token: &str) {
    set_cookie(&domain::auth::session_set_cookie(
        token,
        ctx.settings.secure_cookies(),
    ));
}
