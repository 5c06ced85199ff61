//! One-time links over REST: staff invitations and password resets.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use shared::account::{
    AcceptInvite, CompletePasswordReset, ConfirmEmail, ConsentTerms, CreateInvite, InviteCreated,
    RequestPasswordReset, UserEnvelope,
};

use crate::auth::{Auth, set_cookie};
use crate::error::ApiResult;
use crate::extract::ApiJson;
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Mails a reset link if the account exists; the answer is the same either way.
#[utoipa::path(post, path = "/auth/password-reset", tag = "accounts", request_body = RequestPasswordReset, responses(
    (status = 202, description = "If the account exists, a link is on its way"),
    (status = 429),
))]
pub async fn request_reset(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<RequestPasswordReset>,
) -> ApiResult<StatusCode> {
    domain::onboarding::request_reset(&state.ctx, input, &auth.client).await?;
    Ok(StatusCode::ACCEPTED)
}

/// Sets a new password from a reset link; signs the account out everywhere.
#[utoipa::path(post, path = "/auth/password-reset/complete", tag = "accounts", request_body = CompletePasswordReset, responses(
    (status = 204),
    (status = 422, description = "Bad link or password"),
))]
pub async fn complete_reset(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<CompletePasswordReset>,
) -> ApiResult<StatusCode> {
    domain::onboarding::complete_reset(&state.ctx, input).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Invites a staff member by e-mail (admins).
#[utoipa::path(post, path = "/admin/invites", tag = "admin", request_body = CreateInvite, responses(
    (status = 201, body = InviteCreated),
    (status = 401),
    (status = 403),
    (status = 409),
    (status = 422),
))]
pub async fn invite(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<CreateInvite>,
) -> ApiResult<(StatusCode, Json<InviteCreated>)> {
    let created = domain::onboarding::invite(&state.ctx, &auth.actor, input).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Creates the invited staff account from the link and signs it in.
#[utoipa::path(post, path = "/auth/invites/accept", tag = "accounts", request_body = AcceptInvite, responses(
    (status = 201, body = UserEnvelope),
    (status = 422),
))]
pub async fn accept_invite(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<AcceptInvite>,
) -> ApiResult<Response> {
    let session = domain::onboarding::accept_invite(&state.ctx, input, &auth.client).await?;
    let mut headers = HeaderMap::new();
    let cookie =
        domain::auth::session_set_cookie(&session.token, state.ctx.settings.secure_cookies());
    headers.insert(header::SET_COOKIE, set_cookie(&cookie));
    Ok((
        StatusCode::CREATED,
        headers,
        Json(UserEnvelope { user: session.me }),
    )
        .into_response())
}

/// The personal-information consent sign-up asks for, in the request's
/// language; a sign-up sends its `version` back as `consent`.
#[utoipa::path(get, path = "/auth/consent", tag = "accounts", responses(
    (status = 200, body = ConsentTerms),
))]
pub async fn consent(State(state): State<AppState>) -> Json<ConsentTerms> {
    Json(domain::consent::terms(
        &state.ctx,
        domain::i18n::request_locale(),
    ))
}

/// Confirms an e-mail address with the link mailed at sign-up.
#[utoipa::path(post, path = "/auth/verify", tag = "accounts", request_body = ConfirmEmail, responses(
    (status = 204),
    (status = 422, description = "Unknown, used or expired link"),
))]
pub async fn confirm_email(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<ConfirmEmail>,
) -> ApiResult<StatusCode> {
    domain::verification::confirm(&state.ctx, &input.token).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Mails the signed-in member a new confirmation link (nothing when the
/// address is confirmed already).
#[utoipa::path(post, path = "/me/verification", tag = "accounts", responses(
    (status = 202),
    (status = 401),
    (status = 429),
))]
pub async fn resend_confirmation(
    State(state): State<AppState>,
    auth: Auth,
) -> ApiResult<StatusCode> {
    domain::verification::resend(&state.ctx, &auth.actor).await?;
    Ok(StatusCode::ACCEPTED)
}

/// The routes of password resets, invitations, consent and address
/// confirmation with their `OpenAPI` entries, registered together so none
/// can be forgotten.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(consent))
        .routes(routes!(confirm_email))
        .routes(routes!(resend_confirmation))
        .routes(routes!(request_reset))
        .routes(routes!(complete_reset))
        .routes(routes!(accept_invite))
        .routes(routes!(invite))
}
