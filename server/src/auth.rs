//! Authentication middleware: turns the session cookie or the bearer token
//! into a `domain::auth::Caller` for every request, and enforces the CSRF rule: a
//! state-changing request must not come from another site, and one
//! authenticated by cookie must say where it comes from (`Origin`).

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::Actor;
use domain::auth::{Caller, Client, SESSION_COOKIE, Via};

use crate::connection_guard::PeerAddr;
use crate::error::AppError;
use crate::state::AppState;

/// The caller of this request, as an extractor (the middleware stored it).
#[derive(Clone, Debug, Default)]
pub struct Auth(pub Caller);

impl std::ops::Deref for Auth {
    type Target = Caller;
    fn deref(&self) -> &Caller {
        &self.0
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Auth {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Auth(
            parts
                .extensions
                .get::<Caller>()
                .cloned()
                .unwrap_or_default(),
        ))
    }
}

/// Reads one cookie from the `Cookie` headers.
#[must_use]
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v)
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

/// A `Set-Cookie` header value from one of the domain's cookie strings.
#[must_use]
pub fn set_cookie(value: &str) -> HeaderValue {
    HeaderValue::from_str(value)
        .unwrap_or_else(|_| HeaderValue::from_static("madang_session=; Path=/; Max-Age=0"))
}

fn is_write(method: &Method) -> bool {
    !matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    )
}

/// The middleware: resolves the caller, then applies the CSRF rule.
pub async fn authenticate(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let headers = request.headers();
    let client = Client {
        ip: request.extensions().get::<ConnectInfo<PeerAddr>>().map(
            |ConnectInfo(PeerAddr(addr))| state.proxies.client_of(addr.ip(), headers).to_string(),
        ),
        user_agent: headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
    };
    let session_token = cookie(headers, SESSION_COOKIE)
        .filter(|t| !t.is_empty())
        .map(str::to_owned);
    let caller = if let Some(token) = bearer(headers) {
        match domain::auth::actor_for_api_token(&state.ctx, token).await {
            Ok(Actor::Anonymous) => {
                return AppError::problem(
                    401,
                    "bad-token",
                    "problem.bad_token",
                    &domain::msg!("server.bad_token"),
                )
                .into_response();
            }
            Ok(actor) => Caller {
                actor,
                via: Via::Bearer,
                session_token: None,
                client,
            },
            Err(e) => return AppError::from(e).into_response(),
        }
    } else if let Some(token) = session_token {
        match domain::auth::actor_for_session(&state.ctx, &token).await {
            Ok(actor) => {
                let via = if actor == Actor::Anonymous {
                    Via::Nothing
                } else {
                    Via::Cookie
                };
                Caller {
                    actor,
                    via,
                    session_token: Some(token),
                    client,
                }
            }
            Err(e) => return AppError::from(e).into_response(),
        }
    } else {
        Caller {
            client,
            ..Caller::default()
        }
    };

    if is_write(request.method()) {
        let origin = request
            .headers()
            .get(header::ORIGIN)
            .and_then(|v| v.to_str().ok());
        let foreign = origin.is_some_and(|o| o != state.ctx.settings.origin());
        let unproven = caller.via == Via::Cookie && origin.is_none();
        if foreign || unproven {
            return AppError::from(domain::Error::Forbidden(domain::msg!(
                "server.foreign_origin"
            )))
            .into_response();
        }
    }
    crate::metrics::note_member(&caller.actor);
    request.extensions_mut().insert(caller);
    next.run(request).await
}

/// Route middleware of the API: a signed-out request to an existing route
/// that needs a member is refused with 401 before its body or query is read,
/// so a signed-out caller learns nothing about a request's shape from
/// validation messages.
pub async fn require_member(request: Request, next: Next) -> Response {
    let anonymous = request
        .extensions()
        .get::<Caller>()
        .is_none_or(|c| c.actor == Actor::Anonymous);
    if anonymous && needs_member(request.method(), request.uri().path()) {
        return AppError::from(domain::Error::Unauthenticated).into_response();
    }
    next.run(request).await
}

/// The API's only writes open to signed-out callers (paths below
/// `/api/v1`, as the nested router sees them): signing up and in, resetting
/// a password, confirming an address, accepting an invitation, one-click
/// unsubscribe.
const ANONYMOUS_WRITES: [&str; 8] = [
    "/auth/signup",
    "/auth/login",
    "/auth/logout",
    "/auth/password-reset",
    "/auth/password-reset/complete",
    "/auth/verify",
    "/auth/invites/accept",
    "/unsubscribe/",
];

/// The API's reads that only members may make: their own account and the
/// staff and admin consoles. Every other read is public (and may show more
/// to a member).
const MEMBER_READS: [&str; 11] = [
    "/me",
    "/answer-reviews",
    "/customers",
    "/customer-tags",
    "/admin/",
    "/moderation/",
    "/remedies/",
    "/incidents",
    "/answer-kit",
    "/dashboard",
    "/webhooks",
];

/// Whether this request to an API path (below `/api/v1`) needs a signed-in
/// member. The `OpenAPI` document's security requirements come from here too.
#[must_use]
pub fn needs_member(method: &Method, path: &str) -> bool {
    if is_write(method) {
        // Exact paths, or everything below one ending in `/`.
        !ANONYMOUS_WRITES
            .iter()
            .any(|open| path == *open || (open.ends_with('/') && path.starts_with(open)))
    } else {
        // An area and everything below it.
        MEMBER_READS.iter().any(|area| {
            let area = area.trim_end_matches('/');
            path.strip_prefix(area)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_account_doors_are_open_to_signed_out_writes() {
        assert!(!needs_member(&Method::POST, "/auth/login"));
        assert!(!needs_member(&Method::POST, "/unsubscribe/abc"));
        assert!(needs_member(&Method::POST, "/tickets/VOC-000001/replies"));
        assert!(needs_member(&Method::POST, "/auth/login/extra"));
    }

    #[test]
    fn own_account_and_consoles_are_read_by_members_only() {
        assert!(needs_member(&Method::GET, "/me"));
        assert!(needs_member(&Method::GET, "/me/tokens"));
        assert!(needs_member(&Method::GET, "/admin/outbox"));
        assert!(needs_member(&Method::GET, "/dashboard/csv/daily"));
        assert!(!needs_member(&Method::GET, "/members/3"));
        assert!(!needs_member(&Method::GET, "/ideas"));
        assert!(!needs_member(&Method::GET, "/tickets/VOC-000001"));
        assert!(!needs_member(&Method::GET, "/meta"));
    }

    #[test]
    fn cookies_are_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; madang_session=abc; b=2"),
        );
        assert_eq!(cookie(&headers, SESSION_COOKIE), Some("abc"));
        assert_eq!(cookie(&headers, "missing"), None);
    }
}
