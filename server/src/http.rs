//! The axum router: REST API, probes, language switch, static files and the
//! server-rendered Leptos pages, wrapped in request ids, logging and
//! metrics, and compression.

use std::time::Duration;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use serde::Deserialize;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::timeout::{ResponseBodyTimeoutLayer, TimeoutLayer};

use app::i18n::{LANG_COOKIE, Locale};
use app::{App, shell};

use crate::state::AppState;
use crate::{auth, openapi, rest};

/// Builds the whole application router.
pub fn router(state: AppState) -> Router {
    let request_id = HeaderName::from_static("x-request-id");
    let (api, described) = rest::routes().split_for_parts();
    let document = axum::body::Bytes::from(openapi::document(described).to_string());
    let api = api
        .route(
            "/openapi.json",
            get(move || async move { ([(header::CONTENT_TYPE, "application/json")], document) }),
        )
        .route_layer(axum::middleware::from_fn(auth::require_member))
        .fallback(rest::api_not_found)
        .method_not_allowed_fallback(rest::method_not_allowed)
        .layer(axum::middleware::from_fn(crate::metrics::remember_route));

    // Server functions a page calls while it renders run in tasks of their
    // own: they find the page's language in its render context.
    domain::i18n::set_render_locale(|| {
        use_context::<axum::http::request::Parts>()
            .map(|parts| app::locale::from_headers(&parts.headers))
    });
    let routes = generate_route_list(App);
    // What every server-rendered page (the "not found" page too) gets.
    let page_context = {
        let ctx = state.ctx.clone();
        let hub = state.hub.clone();
        let security = state.security.clone();
        move || {
            provide_context(ctx.clone());
            provide_context(app::live::EventPosition(i64::from(hub.position())));
            crate::security_headers::set_page_policy(&security);
        }
    };
    let pkg_dir = std::path::Path::new(&*state.leptos.site_root).join(&*state.leptos.site_pkg_dir);
    Router::new()
        .route("/lang/{tag}", get(switch_language))
        .route(
            "/feeds/announcements.atom",
            get(rest::announcements::announcements_feed),
        )
        .route("/feeds/ideas.atom", get(rest::announcements::ideas_feed))
        .route("/sitemap.xml", get(sitemap))
        .route("/robots.txt", get(robots))
        .nest("/api/v1", api)
        .route("/api/{*rest}", get(rest::api_not_found))
        .nest_service("/pkg", ServeDir::new(pkg_dir))
        .leptos_routes_with_context(
            &state,
            routes,
            page_context.clone(),
            {
                let options = state.leptos.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            page_context,
            shell,
        ))
        .layer(axum::middleware::from_fn(crate::rpc_status::real_status))
        .layer(axum::middleware::from_fn_with_state(state.clone(), auth::authenticate))
        // Probes come after authentication: a load balancer's check never
        // depends on what credentials happen to ride along.
        .route("/healthz", get(rest::meta::healthz))
        .route("/readyz", get(rest::meta::readyz))
        .route("/metrics", get(crate::metrics::scrape_with_token))
        .layer(axum::middleware::from_fn(crate::input_guard::refuse_nul))
        .layer(axum::middleware::from_fn_with_state(
            state.security.clone(),
            crate::security_headers::add_security_headers,
        ))
        .layer(CompressionLayer::new())
        // A response that produces no bytes for 30 s is ended, so a stalled
        // stream never holds a connection (and a browser) forever.
        .layer(ResponseBodyTimeoutLayer::new(Duration::from_secs(30)))
        // A response that does not even start within 30 s (a page rendered
        // in async mode waits for all its data first) ends with 503 rather
        // than holding the connection.
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(30),
        ))
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(axum::middleware::from_fn_with_state(
            state.metrics.clone(),
            crate::metrics::observe,
        ))
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
        .layer(axum::middleware::from_fn(crate::error::in_request_locale))
        .with_state(state)
}

/// The query of the language switch.
#[derive(Debug, Deserialize)]
pub struct SwitchLanguage {
    next: Option<String>,
}

/// `/sitemap.xml`: every public page, for search engines.
async fn sitemap(State(state): State<AppState>) -> crate::error::ApiResult<Response> {
    let xml = domain::sitemap::document(&state.ctx).await?;
    Ok((
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        xml,
    )
        .into_response())
}

/// `/robots.txt`: everything public may be crawled; private pages say
/// `noindex` themselves. Names the sitemap by its full address, as the
/// protocol wants.
async fn robots(State(state): State<AppState>) -> Response {
    let text = format!(
        "User-agent: *\nAllow: /\nDisallow: /api/\nSitemap: {}/sitemap.xml\n",
        state.ctx.settings.base_url
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}

/// Remembers the chosen language in a cookie and goes back to the page.
async fn switch_language(
    State(state): State<AppState>,
    Path(tag): Path<String>,
    Query(query): Query<SwitchLanguage>,
) -> Response {
    let Some(locale) = Locale::from_tag(&tag) else {
        return (StatusCode::NOT_FOUND, "unknown language").into_response();
    };
    // Only local paths: never an open redirect to another site.
    let next = query
        .next
        .filter(|n| shared::redirect::is_local_path(n))
        .unwrap_or_else(|| "/".to_owned());
    let secure = if state.ctx.settings.secure_cookies() {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age={}; SameSite=Lax{secure}",
        locale.tag(),
        Duration::from_hours(8760).as_secs()
    );
    let mut response = Redirect::to(&next).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}
