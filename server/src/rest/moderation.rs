//! Reports, the moderator queue, hiding with a stated reason, the audit log.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use shared::{
    AuditEntry, AuditQuery, HeldPost, HideRequest, NewReport, Page, RedactionRequest,
    RedactionResult, ReportView, Suspension, UnhideRequest, WordList,
};

use super::Items;
use crate::auth::Auth;
use crate::error::ApiResult;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Reports an idea, comment, ticket post or profile (members).
#[utoipa::path(post, path = "/reports", tag = "moderation", request_body = NewReport, responses(
    (status = 201, body = ReportView),
    (status = 401),
    (status = 404),
    (status = 422),
))]
pub async fn create_report(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<NewReport>,
) -> ApiResult<(StatusCode, Json<ReportView>)> {
    let report = domain::moderation::report(&state.ctx, &auth.actor, input).await?;
    Ok((StatusCode::CREATED, Json(report)))
}

/// Open reports with their context (moderators).
#[utoipa::path(get, path = "/moderation/reports", tag = "moderation", responses(
    (status = 200, body = Items<ReportView>),
    (status = 403),
))]
pub async fn list_reports(
    State(state): State<AppState>,
    auth: Auth,
) -> ApiResult<Json<Items<ReportView>>> {
    Ok(Json(Items {
        items: domain::moderation::open_reports(&state.ctx, &auth.actor).await?,
    }))
}

/// Closes a report without action (moderators).
#[utoipa::path(post, path = "/moderation/reports/{id}/dismiss", tag = "moderation", params(("id" = i64, Path, description = "Report id")), responses(
    (status = 204),
    (status = 403),
    (status = 409),
))]
pub async fn dismiss_report(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    domain::moderation::dismiss(&state.ctx, &auth.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Hides an idea, comment, public ticket post or profile with a reason shown
/// publicly on its tombstone; also rejects a post held for review (moderators).
#[utoipa::path(post, path = "/moderation/hide", tag = "moderation", request_body = HideRequest, responses(
    (status = 204),
    (status = 403),
    (status = 409),
    (status = 422),
))]
pub async fn hide(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<HideRequest>,
) -> ApiResult<StatusCode> {
    domain::moderation::hide(&state.ctx, &auth.actor, input).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Cuts a piece of public text (personal data, typically) out of an idea,
/// comment, ticket or ticket post and out of every copy Madang made of it
/// (staff); the original stays only in the audit log.
#[utoipa::path(post, path = "/moderation/redactions", tag = "moderation", request_body = RedactionRequest, responses(
    (status = 200, body = RedactionResult),
    (status = 403),
    (status = 404),
    (status = 422, description = "The text is not in the post, or no reason"),
))]
pub async fn redact(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<RedactionRequest>,
) -> ApiResult<Json<RedactionResult>> {
    Ok(Json(
        domain::moderation::redact(&state.ctx, &auth.actor, input).await?,
    ))
}

/// Shows hidden content again, or releases a post held for review (moderators).
#[utoipa::path(post, path = "/moderation/unhide", tag = "moderation", request_body = UnhideRequest, responses(
    (status = 204),
    (status = 403),
    (status = 404),
    (status = 409, description = "Not hidden"),
))]
pub async fn unhide(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<UnhideRequest>,
) -> ApiResult<StatusCode> {
    domain::moderation::unhide(&state.ctx, &auth.actor, input).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Posts held for review because they contain a listed word, oldest first
/// (moderators).
#[utoipa::path(get, path = "/moderation/held", tag = "moderation", responses(
    (status = 200, body = Items<HeldPost>),
    (status = 403),
))]
pub async fn held_posts(
    State(state): State<AppState>,
    auth: Auth,
) -> ApiResult<Json<Items<HeldPost>>> {
    Ok(Json(Items {
        items: domain::moderation::held_posts(&state.ctx, &auth.actor).await?,
    }))
}

/// The words that hold a post for review (moderators).
#[utoipa::path(get, path = "/moderation/word-list", tag = "moderation", responses(
    (status = 200, body = WordList),
    (status = 403),
))]
pub async fn word_list(State(state): State<AppState>, auth: Auth) -> ApiResult<Json<WordList>> {
    Ok(Json(domain::review::list(&state.ctx, &auth.actor).await?))
}

/// Replaces the word list; Korean words match inside words, English words
/// as whole words (moderators).
#[utoipa::path(put, path = "/moderation/word-list", tag = "moderation", request_body = WordList, responses(
    (status = 200, body = WordList),
    (status = 403),
    (status = 422),
))]
pub async fn replace_word_list(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<WordList>,
) -> ApiResult<Json<WordList>> {
    Ok(Json(
        domain::review::replace(&state.ctx, &auth.actor, input).await?,
    ))
}

/// The audit log, newest first; `format=csv` downloads every matching entry.
#[utoipa::path(get, path = "/moderation/audit", tag = "moderation", params(AuditQuery), responses(
    (status = 200, body = Page<AuditEntry>, description = "JSON, or text/csv with format=csv"),
    (status = 403),
))]
pub async fn audit_log(
    State(state): State<AppState>,
    auth: Auth,
    ApiQuery(query): ApiQuery<AuditQuery>,
) -> ApiResult<Response> {
    if query.format.as_deref() == Some("csv") {
        let csv = domain::moderation::audit_csv(&state.ctx, &auth.actor, &query).await?;
        return Ok((
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"madang-audit.csv\"",
                ),
            ],
            csv,
        )
            .into_response());
    }
    Ok(Json(domain::moderation::audit_log(&state.ctx, &auth.actor, &query).await?).into_response())
}

/// Suspends a member: they can read, every write answers 403 with the
/// reason and end date (moderators).
#[utoipa::path(post, path = "/moderation/suspensions", tag = "moderation", request_body = Suspension, responses(
    (status = 204),
    (status = 403),
    (status = 404),
    (status = 422),
    (status = 409, description = "Suspending yourself"),
))]
pub async fn suspend(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<Suspension>,
) -> ApiResult<StatusCode> {
    domain::moderation::suspend(&state.ctx, &auth.actor, input).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Ends a member's suspension early (moderators).
#[utoipa::path(delete, path = "/moderation/suspensions/{member}", tag = "moderation", params(("member" = i64, Path, description = "Member id")), responses(
    (status = 204),
    (status = 403),
    (status = 404),
))]
pub async fn lift_suspension(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(member): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    domain::moderation::lift_suspension(&state.ctx, &auth.actor, member).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The routes of moderation with their `OpenAPI` entries, registered
/// together so neither can be forgotten.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_report))
        .routes(routes!(list_reports))
        .routes(routes!(dismiss_report))
        .routes(routes!(hide))
        .routes(routes!(unhide))
        .routes(routes!(redact))
        .routes(routes!(held_posts))
        .routes(routes!(word_list, replace_word_list))
        .routes(routes!(audit_log))
        .routes(routes!(suspend))
        .routes(routes!(lift_suspension))
}
