//! Accounts over REST: sign up, sign in, sign out, the signed-in member,
//! their sessions and API tokens.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use shared::account::{
    AccountExport, CreateToken, DeleteAccount, ProfileUpdate, SessionInfo, SignIn, SignUp,
    TokenCreated, TokenInfo, UserEnvelope,
};

use super::Items;
use crate::auth::{Auth, set_cookie};
use crate::error::ApiResult;
use crate::extract::{ApiJson, ApiPath};
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

fn secure(state: &AppState) -> bool {
    state.ctx.settings.secure_cookies()
}

fn signed_in(status: StatusCode, session: domain::auth::NewSession, secure: bool) -> Response {
    let mut headers = HeaderMap::new();
    headers.insert(
        header::SET_COOKIE,
        set_cookie(&domain::auth::session_set_cookie(&session.token, secure)),
    );
    (status, headers, Json(UserEnvelope { user: session.me })).into_response()
}

/// Creates a customer account and signs it in (session cookie).
#[utoipa::path(post, path = "/auth/signup", tag = "accounts", request_body = SignUp, responses(
    (status = 201, body = UserEnvelope, description = "Signed up and signed in; sets the session cookie"),
    (status = 409, description = "The e-mail is taken"),
    (status = 422),
    (status = 429),
))]
pub async fn sign_up(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<SignUp>,
) -> ApiResult<Response> {
    let session = domain::auth::sign_up(&state.ctx, input, &auth.client).await?;
    Ok(signed_in(StatusCode::CREATED, session, secure(&state)))
}

/// Signs in with e-mail and password (session cookie).
#[utoipa::path(post, path = "/auth/login", tag = "accounts", request_body = SignIn, responses(
    (status = 200, body = UserEnvelope, description = "Signed in; sets the session cookie"),
    (status = 401, description = "Wrong e-mail or password"),
    (status = 429, description = "Too many failed attempts; see Retry-After"),
))]
pub async fn sign_in(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<SignIn>,
) -> ApiResult<Response> {
    let session = domain::auth::sign_in(&state.ctx, input, &auth.client).await?;
    Ok(signed_in(StatusCode::OK, session, secure(&state)))
}

/// Ends this session.
#[utoipa::path(post, path = "/auth/logout", tag = "accounts", responses((status = 204)))]
pub async fn sign_out(State(state): State<AppState>, auth: Auth) -> ApiResult<Response> {
    if let Some(token) = &auth.session_token {
        domain::auth::sign_out(&state.ctx, token).await?;
    }
    let mut headers = HeaderMap::new();
    headers.insert(
        header::SET_COOKIE,
        set_cookie(&domain::auth::session_clear_cookie(secure(&state))),
    );
    Ok((StatusCode::NO_CONTENT, headers).into_response())
}

/// The signed-in member, with their own e-mail.
#[utoipa::path(get, path = "/me", tag = "accounts", responses(
    (status = 200, body = UserEnvelope),
    (status = 401),
))]
pub async fn me(State(state): State<AppState>, auth: Auth) -> ApiResult<Json<UserEnvelope>> {
    Ok(Json(UserEnvelope {
        user: domain::auth::me(&state.ctx, &auth.actor).await?,
    }))
}

/// Where the member is signed in.
#[utoipa::path(get, path = "/me/sessions", tag = "accounts", responses(
    (status = 200, body = Items<SessionInfo>),
    (status = 401),
))]
pub async fn list_sessions(
    State(state): State<AppState>,
    auth: Auth,
) -> ApiResult<Json<Items<SessionInfo>>> {
    let items =
        domain::auth::list_sessions(&state.ctx, &auth.actor, auth.session_token.as_deref()).await?;
    Ok(Json(Items { items }))
}

/// Signs the member out on every device.
#[utoipa::path(delete, path = "/me/sessions", tag = "accounts", responses(
    (status = 204),
    (status = 401),
))]
pub async fn sign_out_everywhere(State(state): State<AppState>, auth: Auth) -> ApiResult<Response> {
    domain::auth::sign_out_everywhere(&state.ctx, &auth.actor).await?;
    let mut headers = HeaderMap::new();
    headers.insert(
        header::SET_COOKIE,
        set_cookie(&domain::auth::session_clear_cookie(secure(&state))),
    );
    Ok((StatusCode::NO_CONTENT, headers).into_response())
}

/// Creates an API token; the secret is in this answer only.
#[utoipa::path(post, path = "/me/tokens", tag = "accounts", request_body = CreateToken, responses(
    (status = 201, body = TokenCreated),
    (status = 401),
    (status = 422),
))]
pub async fn create_token(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<CreateToken>,
) -> ApiResult<(StatusCode, Json<TokenCreated>)> {
    let created = domain::auth::create_token(&state.ctx, &auth.actor, input).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// The member's API tokens (never their secrets).
#[utoipa::path(get, path = "/me/tokens", tag = "accounts", responses(
    (status = 200, body = Items<TokenInfo>),
    (status = 401),
))]
pub async fn list_tokens(
    State(state): State<AppState>,
    auth: Auth,
) -> ApiResult<Json<Items<TokenInfo>>> {
    Ok(Json(Items {
        items: domain::auth::list_tokens(&state.ctx, &auth.actor).await?,
    }))
}

/// Revokes one of the member's API tokens.
#[utoipa::path(delete, path = "/me/tokens/{id}", tag = "accounts", params(("id" = i64, Path, description = "Token id")), responses(
    (status = 204),
    (status = 401),
    (status = 404),
))]
pub async fn revoke_token(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    domain::auth::revoke_token(&state.ctx, &auth.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Everything stored about the member, as a JSON download.
#[utoipa::path(get, path = "/me/export", tag = "accounts", responses(
    (status = 200, body = AccountExport),
    (status = 401),
))]
pub async fn export(State(state): State<AppState>, auth: Auth) -> ApiResult<Response> {
    let data =
        domain::privacy::export(&state.ctx, &auth.actor, auth.session_token.as_deref()).await?;
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_DISPOSITION,
        axum::http::HeaderValue::from_static("attachment; filename=\"madang-my-data.json\""),
    );
    Ok((headers, Json(data)).into_response())
}

/// Deletes the account: public posts stay as "deleted member"; votes,
/// private details, sessions and tokens go.
#[utoipa::path(delete, path = "/me", tag = "accounts", request_body = DeleteAccount, responses(
    (status = 204),
    (status = 401),
    (status = 409, description = "The last admin"),
    (status = 422, description = "Wrong password"),
))]
pub async fn delete_account(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<DeleteAccount>,
) -> ApiResult<Response> {
    domain::privacy::delete_account(&state.ctx, &auth.actor, input).await?;
    let mut headers = HeaderMap::new();
    headers.insert(
        header::SET_COOKIE,
        set_cookie(&domain::auth::session_clear_cookie(secure(&state))),
    );
    Ok((StatusCode::NO_CONTENT, headers).into_response())
}

/// Changes the member's public name, signature initials or the language
/// of their mail and notifications (`ko`, `en`).
#[utoipa::path(patch, path = "/me", tag = "accounts", request_body = ProfileUpdate, responses(
    (status = 200, body = UserEnvelope),
    (status = 401),
    (status = 422),
))]
pub async fn update_profile(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<ProfileUpdate>,
) -> ApiResult<Json<UserEnvelope>> {
    domain::user::update_profile(&state.ctx, &auth.actor, input).await?;
    Ok(Json(UserEnvelope {
        user: domain::auth::me(&state.ctx, &auth.actor).await?,
    }))
}

/// The member's notifications, newest first, with the unread count.
#[utoipa::path(get, path = "/me/notifications", tag = "accounts", responses(
    (status = 200, body = shared::NotificationList),
    (status = 401),
))]
pub async fn notifications(
    State(state): State<AppState>,
    auth: Auth,
) -> ApiResult<Json<shared::NotificationList>> {
    Ok(Json(
        domain::notification::list(&state.ctx, &auth.actor).await?,
    ))
}

/// The signed-in member's own tickets, most recently active first.
#[utoipa::path(get, path = "/me/tickets", tag = "accounts", params(shared::MyTicketsQuery), responses(
    (status = 200, body = shared::Page<shared::TicketCard>),
    (status = 401),
    (status = 422),
))]
pub async fn my_tickets(
    State(state): State<AppState>,
    auth: Auth,
    crate::extract::ApiQuery(query): crate::extract::ApiQuery<shared::MyTicketsQuery>,
) -> ApiResult<Json<shared::Page<shared::TicketCard>>> {
    Ok(Json(
        domain::ticket::mine(&state.ctx, &auth.actor, &query).await?,
    ))
}

/// Marks every notification read.
#[utoipa::path(post, path = "/me/notifications/read", tag = "accounts", responses(
    (status = 204),
    (status = 401),
))]
pub async fn mark_notifications_read(
    State(state): State<AppState>,
    auth: Auth,
) -> ApiResult<StatusCode> {
    domain::notification::mark_all_read(&state.ctx, &auth.actor).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The member's e-mail preference for notifications.
#[utoipa::path(get, path = "/me/notification-settings", tag = "accounts", responses(
    (status = 200, body = shared::NotificationSettings),
    (status = 401),
))]
pub async fn notification_settings(
    State(state): State<AppState>,
    auth: Auth,
) -> ApiResult<Json<shared::NotificationSettings>> {
    Ok(Json(
        domain::notification_mail::settings(&state.ctx, &auth.actor).await?,
    ))
}

/// Sets the member's e-mail preference: `instant` (one mail per
/// notification), `daily` (one digest a day) or `off`.
#[utoipa::path(put, path = "/me/notification-settings", tag = "accounts",
    request_body = shared::NotificationSettings, responses(
    (status = 200, body = shared::NotificationSettings),
    (status = 401),
    (status = 422),
))]
pub async fn update_notification_settings(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<shared::NotificationSettings>,
) -> ApiResult<Json<shared::NotificationSettings>> {
    Ok(Json(
        domain::notification_mail::update_settings(&state.ctx, &auth.actor, input).await?,
    ))
}

/// The one-click unsubscribe of a notification mail (RFC 8058: mail
/// programs POST here; the link in the mail opens the page
/// `/unsubscribe/{token}`, which does the same). No sign-in: the token from
/// the mail is the proof.
#[utoipa::path(post, path = "/unsubscribe/{token}", tag = "accounts",
    params(("token" = String, Path, description = "The token from the mail's link")), responses(
    (status = 200, body = shared::Unsubscribed),
    (status = 404),
))]
pub async fn unsubscribe(
    State(state): State<AppState>,
    ApiPath(token): ApiPath<String>,
) -> ApiResult<Json<shared::Unsubscribed>> {
    Ok(Json(
        domain::notification_mail::unsubscribe(&state.ctx, &token).await?,
    ))
}

/// The routes of accounts, sessions, tokens and notifications with their `OpenAPI` entries, registered
/// together so neither can be forgotten.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(notifications))
        .routes(routes!(my_tickets))
        .routes(routes!(notification_settings, update_notification_settings))
        .routes(routes!(unsubscribe))
        .routes(routes!(mark_notifications_read))
        .routes(routes!(sign_up))
        .routes(routes!(sign_in))
        .routes(routes!(sign_out))
        .routes(routes!(me, update_profile, delete_account))
        .routes(routes!(export))
        .routes(routes!(list_sessions, sign_out_everywhere))
        .routes(routes!(list_tokens, create_token))
        .routes(routes!(revoke_token))
}
