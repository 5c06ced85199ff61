//! The axum router: REST API, probes, language switch, static files and the
//! server-rendered Leptos pages, wrapped in tracing, request ids and
//! compression.

use std::time::Duration;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{delete, get, patch, post, put};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use serde::Deserialize;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::timeout::{ResponseBodyTimeoutLayer, TimeoutLayer};
use tower_http::trace::TraceLayer;

use app::i18n::{LANG_COOKIE, Locale};
use app::{App, shell};

use crate::rest::{accounts, admin, departments, onboarding};
use crate::state::AppState;
use crate::{auth, openapi, rest};

/// Builds the whole application router.
pub fn router(state: AppState) -> Router {
    let request_id = HeaderName::from_static("x-request-id");
    let api = Router::new()
        .route("/openapi.json", get(openapi::openapi_json))
        .route(
            "/ideas",
            get(rest::ideas::list_ideas).post(rest::ideas::create_idea),
        )
        .route(
            "/categories",
            get(rest::ideas::list_categories).post(rest::ideas::create_category),
        )
        .route("/ideas/similar", get(rest::ideas::similar_ideas))
        .route(
            "/ideas/{number}/comments",
            get(rest::ideas::list_comments).post(rest::ideas::create_comment),
        )
        .route(
            "/comments/{id}",
            patch(rest::ideas::edit_comment).delete(rest::ideas::delete_comment),
        )
        .route(
            "/ideas/{number}",
            get(rest::ideas::get_idea).patch(rest::ideas::edit_idea),
        )
        .route(
            "/ideas/{number}/lock",
            put(rest::ideas::lock_idea).delete(rest::ideas::unlock_idea),
        )
        .route(
            "/ideas/{number}/pin",
            put(rest::ideas::pin_idea).delete(rest::ideas::unpin_idea),
        )
        .route("/ideas/{number}/status", put(rest::ideas::change_status))
        .route("/ideas/{number}/merge", post(rest::ideas::merge_idea))
        .route("/ideas/{number}/unmerge", post(rest::ideas::unmerge_idea))
        .route(
            "/ideas/{number}/vote",
            put(rest::ideas::cast_vote).delete(rest::ideas::retract_vote),
        )
        .route(
            "/ideas/{number}/votes/{member_id}",
            put(rest::ideas::cast_vote_on_behalf).delete(rest::ideas::retract_vote_on_behalf),
        )
        .route(
            "/ideas/{number}/follow",
            put(rest::ideas::follow_idea).delete(rest::ideas::unfollow_idea),
        )
        .route("/me/notifications", get(accounts::notifications))
        .route(
            "/me/notification-settings",
            get(accounts::notification_settings).put(accounts::update_notification_settings),
        )
        .route("/unsubscribe/{token}", post(accounts::unsubscribe))
        .route(
            "/me/notifications/read",
            post(accounts::mark_notifications_read),
        )
        .route(
            "/departments",
            get(departments::list_departments).post(departments::create_department),
        )
        .route("/departments/{slug}", put(departments::update_department))
        .route("/auth/password-reset", post(onboarding::request_reset))
        .route(
            "/auth/password-reset/complete",
            post(onboarding::complete_reset),
        )
        .route("/auth/invites/accept", post(onboarding::accept_invite))
        .route("/admin/invites", post(onboarding::invite))
        .route("/admin/outbox", get(admin::outbox))
        .route(
            "/webhooks",
            get(rest::webhooks::list_webhooks).post(rest::webhooks::create_webhook),
        )
        .route("/webhooks/{id}", delete(rest::webhooks::delete_webhook))
        .route("/webhooks/{id}/ping", post(rest::webhooks::ping_webhook))
        .route(
            "/webhooks/{id}/deliveries",
            get(rest::webhooks::webhook_deliveries),
        )
        .route("/admin/users/{id}", put(admin::update_user))
        .route("/auth/signup", post(accounts::sign_up))
        .route("/auth/login", post(accounts::sign_in))
        .route("/auth/logout", post(accounts::sign_out))
        .route(
            "/me",
            get(accounts::me)
                .patch(accounts::update_profile)
                .delete(accounts::delete_account),
        )
        .route("/me/export", get(accounts::export))
        .route("/members/{id}", get(rest::members::profile))
        .route(
            "/me/sessions",
            get(accounts::list_sessions).delete(accounts::sign_out_everywhere),
        )
        .route(
            "/me/tokens",
            get(accounts::list_tokens).post(accounts::create_token),
        )
        .route("/me/tokens/{id}", delete(accounts::revoke_token))
        .route(
            "/tickets",
            get(rest::tickets::list_tickets).post(rest::tickets::create_ticket),
        )
        .route("/tickets/{number}", get(rest::tickets::get_ticket))
        .route("/tickets/{number}/replies", post(rest::tickets::reply))
        .route("/tickets/{number}/transfer", post(rest::tickets::transfer))
        .route(
            "/tickets/{number}/status",
            put(rest::tickets::change_status),
        )
        .route("/tickets/{number}/assignee", put(rest::tickets::assign))
        .route(
            "/tickets/{number}/me-too",
            post(rest::tickets::me_too).delete(rest::tickets::withdraw_me_too),
        )
        .route("/tickets/{number}/rating", post(rest::tickets::rate))
        .route("/commitments", get(rest::tickets::list_commitments))
        .route("/incidents", get(rest::tickets::incidents))
        .route("/reports", post(rest::moderation::create_report))
        .route("/moderation/reports", get(rest::moderation::list_reports))
        .route(
            "/moderation/reports/{id}/dismiss",
            post(rest::moderation::dismiss_report),
        )
        .route("/moderation/hide", post(rest::moderation::hide))
        .route("/moderation/unhide", post(rest::moderation::unhide))
        .route("/events", get(crate::live::events))
        .route("/dashboard", get(rest::insight::dashboard))
        .route("/dashboard/csv/{table}", get(rest::insight::dashboard_csv))
        .route("/scorecard", get(rest::insight::scorecard))
        .route("/moderation/held", get(rest::moderation::held_posts))
        .route(
            "/moderation/word-list",
            get(rest::moderation::word_list).put(rest::moderation::replace_word_list),
        )
        .route("/moderation/audit", get(rest::moderation::audit_log))
        .route("/moderation/suspensions", post(rest::moderation::suspend))
        .route(
            "/moderation/suspensions/{member}",
            delete(rest::moderation::lift_suspension),
        )
        .route("/answer-kit", get(rest::tickets::answer_kit))
        .route("/guidelines", get(rest::tickets::list_guidelines))
        .route(
            "/admin/canned-answers",
            get(rest::tickets::list_canned).post(rest::tickets::create_canned),
        )
        .route(
            "/admin/canned-answers/{id}",
            put(rest::tickets::update_canned).delete(rest::tickets::delete_canned),
        )
        .route("/admin/guidelines", post(rest::tickets::add_guideline))
        .route(
            "/admin/guidelines/{id}",
            delete(rest::tickets::delete_guideline),
        )
        .route("/commitments/{id}", put(rest::tickets::update_commitment))
        .route("/remedies/pending", get(rest::tickets::pending_remedies))
        .route(
            "/remedies/{id}/approve",
            post(rest::tickets::approve_remedy),
        )
        .route("/remedies/{id}/reject", post(rest::tickets::reject_remedy))
        .route(
            "/admin/remedy-limits",
            get(rest::tickets::remedy_limits).put(rest::tickets::set_remedy_limit),
        )
        .route(
            "/announcements",
            get(rest::announcements::list_announcements)
                .post(rest::announcements::publish_announcement),
        )
        .route(
            "/announcements/{id}",
            get(rest::announcements::get_announcement),
        )
        .route_layer(axum::middleware::from_fn(auth::require_member))
        .fallback(rest::api_not_found)
        .method_not_allowed_fallback(rest::method_not_allowed);

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
        .layer(TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
            let id = request
                .headers()
                .get("x-request-id")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("-");
            tracing::info_span!("request", method = %request.method(), uri = %request.uri(), id = %id)
        }))
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
        .with_state(state)
}

/// The query of the language switch.
#[derive(Debug, Deserialize)]
pub struct SwitchLanguage {
    next: Option<String>,
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
