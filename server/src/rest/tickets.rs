//! Voice-of-the-customer tickets over REST.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use shared::{
    AnswerKit, CannedAnswer, CannedAnswerInput, CommitmentQuery, CommitmentUpdate, CommitmentView,
    Guideline, GuidelineInput, Incident, MeTooState, NewTicket, NewTicketReply, Page, Rating,
    RemedyLimit, RemedyView, TicketAssignment, TicketCard, TicketEdit, TicketPostEdit, TicketQuery,
    TicketStatusChange, TicketTransfer, TicketView,
};

use super::Items;
use crate::auth::Auth;
use crate::error::ApiResult;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Files a ticket (members). Private details are seen only by the author
/// and staff.
#[utoipa::path(post, path = "/tickets", tag = "tickets", request_body = NewTicket, responses(
    (status = 201, body = TicketView),
    (status = 401),
    (status = 422),
    (status = 429, description = "Posting quota used up; `retry_after` says when to try again"),
))]
pub async fn create_ticket(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<NewTicket>,
) -> ApiResult<(StatusCode, Json<TicketView>)> {
    let ticket = domain::ticket::create(&state.ctx, &auth.actor, input).await?;
    Ok((StatusCode::CREATED, Json(ticket)))
}

/// Public tickets, newest first; `sort=urgent` is the staff queue (earliest
/// first-answer deadline first).
#[utoipa::path(get, path = "/tickets", tag = "tickets", params(TicketQuery), responses(
    (status = 200, body = Page<TicketCard>),
    (status = 401, description = "`mine` without signing in"),
    (status = 403, description = "`assignee` is for staff"),
    (status = 422),
))]
pub async fn list_tickets(
    State(state): State<AppState>,
    auth: Auth,
    ApiQuery(query): ApiQuery<TicketQuery>,
) -> ApiResult<Json<Page<TicketCard>>> {
    Ok(Json(
        domain::ticket::list(&state.ctx, &auth.actor, &query).await?,
    ))
}

/// The author corrects their ticket's title or description within 15
/// minutes of filing.
#[utoipa::path(patch, path = "/tickets/{number}", tag = "tickets", params(("number" = String, Path, description = "e.g. VOC-000123")), request_body = TicketEdit, responses(
    (status = 200, body = TicketView),
    (status = 403),
    (status = 404),
    (status = 409, description = "More than 15 minutes after filing"),
    (status = 422),
))]
pub async fn edit_ticket(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<String>,
    ApiJson(input): ApiJson<TicketEdit>,
) -> ApiResult<Json<TicketView>> {
    Ok(Json(
        domain::ticket::edit_ticket(&state.ctx, &auth.actor, &number, input).await?,
    ))
}

/// The author corrects one of their replies within 15 minutes.
#[utoipa::path(patch, path = "/tickets/{number}/posts/{id}", tag = "tickets", params(("number" = String, Path, description = "e.g. VOC-000123"), ("id" = i64, Path, description = "Post id")), request_body = TicketPostEdit, responses(
    (status = 200, body = TicketView),
    (status = 403),
    (status = 404),
    (status = 409, description = "More than 15 minutes after posting, or not a reply"),
    (status = 422),
))]
pub async fn edit_post(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath((number, id)): ApiPath<(String, i64)>,
    ApiJson(input): ApiJson<TicketPostEdit>,
) -> ApiResult<Json<TicketView>> {
    Ok(Json(
        domain::ticket::edit_post(&state.ctx, &auth.actor, &number, id, input).await?,
    ))
}

/// One ticket's public thread (internal notes and private details only for
/// those allowed).
#[utoipa::path(get, path = "/tickets/{number}", tag = "tickets", params(("number" = String, Path, description = "e.g. VOC-000123")), responses(
    (status = 200, body = TicketView),
    (status = 404),
))]
pub async fn get_ticket(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<String>,
) -> ApiResult<Json<TicketView>> {
    Ok(Json(
        domain::ticket::get(&state.ctx, &auth.actor, &number).await?,
    ))
}

/// A reply: public from the author or staff, or an internal note (staff).
#[utoipa::path(post, path = "/tickets/{number}/replies", tag = "tickets", params(("number" = String, Path, description = "e.g. VOC-000123")), request_body = NewTicketReply, responses(
    (status = 201, body = TicketView),
    (status = 401),
    (status = 403),
    (status = 409, description = "Closed"),
    (status = 422),
))]
pub async fn reply(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<String>,
    ApiJson(input): ApiJson<NewTicketReply>,
) -> ApiResult<(StatusCode, Json<TicketView>)> {
    let ticket = domain::ticket::reply(&state.ctx, &auth.actor, &number, input).await?;
    Ok((StatusCode::CREATED, Json(ticket)))
}

/// Hands the ticket to another department with a public note (staff).
#[utoipa::path(post, path = "/tickets/{number}/transfer", tag = "tickets", params(("number" = String, Path, description = "e.g. VOC-000123")), request_body = TicketTransfer, responses(
    (status = 200, body = TicketView),
    (status = 403),
    (status = 422),
))]
pub async fn transfer(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<String>,
    ApiJson(input): ApiJson<TicketTransfer>,
) -> ApiResult<Json<TicketView>> {
    Ok(Json(
        domain::ticket::transfer(&state.ctx, &auth.actor, &number, input).await?,
    ))
}

/// Changes the status (staff any; the author resolves, closes or reopens).
#[utoipa::path(put, path = "/tickets/{number}/status", tag = "tickets", params(("number" = String, Path, description = "e.g. VOC-000123")), request_body = TicketStatusChange, responses(
    (status = 200, body = TicketView),
    (status = 403),
    (status = 409, description = "Same status, or the reopen window has passed"),
))]
pub async fn change_status(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<String>,
    ApiJson(input): ApiJson<TicketStatusChange>,
) -> ApiResult<Json<TicketView>> {
    Ok(Json(
        domain::ticket::change_status(&state.ctx, &auth.actor, &number, input).await?,
    ))
}

/// Claims, assigns or releases the ticket (staff).
#[utoipa::path(put, path = "/tickets/{number}/assignee", tag = "tickets", params(("number" = String, Path, description = "e.g. VOC-000123")), request_body = TicketAssignment, responses(
    (status = 200, body = TicketView),
    (status = 403),
    (status = 422),
))]
pub async fn assign(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<String>,
    ApiJson(input): ApiJson<TicketAssignment>,
) -> ApiResult<Json<TicketView>> {
    Ok(Json(
        domain::ticket::assign(&state.ctx, &auth.actor, &number, input).await?,
    ))
}

/// "Me too": the caller is affected as well (idempotent).
#[utoipa::path(post, path = "/tickets/{number}/me-too", tag = "tickets", params(("number" = String, Path, description = "e.g. VOC-000123")), responses(
    (status = 200, body = MeTooState),
    (status = 401),
    (status = 409, description = "The author's own ticket"),
))]
pub async fn me_too(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<String>,
) -> ApiResult<Json<MeTooState>> {
    Ok(Json(
        domain::ticket::me_too(&state.ctx, &auth.actor, &number, true).await?,
    ))
}

/// Takes back a "me too".
#[utoipa::path(delete, path = "/tickets/{number}/me-too", tag = "tickets", params(("number" = String, Path, description = "e.g. VOC-000123")), responses(
    (status = 200, body = MeTooState),
    (status = 401),
))]
pub async fn withdraw_me_too(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<String>,
) -> ApiResult<Json<MeTooState>> {
    Ok(Json(
        domain::ticket::me_too(&state.ctx, &auth.actor, &number, false).await?,
    ))
}

/// The author rates the handling, once resolved.
#[utoipa::path(post, path = "/tickets/{number}/rating", tag = "tickets", params(("number" = String, Path, description = "e.g. VOC-000123")), request_body = Rating, responses(
    (status = 200, body = TicketView),
    (status = 403),
    (status = 409, description = "Not resolved yet"),
    (status = 422),
))]
pub async fn rate(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<String>,
    ApiJson(input): ApiJson<Rating>,
) -> ApiResult<Json<TicketView>> {
    Ok(Json(
        domain::ticket::rate(&state.ctx, &auth.actor, &number, input).await?,
    ))
}

/// Every promise made in official replies, soonest due first; `status`
/// filters by pending, kept, overdue or withdrawn.
#[utoipa::path(get, path = "/commitments", tag = "tickets", params(CommitmentQuery), responses(
    (status = 200, body = Page<CommitmentView>),
    (status = 422),
))]
pub async fn list_commitments(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<CommitmentQuery>,
) -> ApiResult<Json<Page<CommitmentView>>> {
    Ok(Json(domain::commitment::list(&state.ctx, &query).await?))
}

/// Staff settle a promise: kept (with evidence) or withdrawn (with a reason).
#[utoipa::path(put, path = "/commitments/{id}", tag = "tickets", params(("id" = i64, Path, description = "Commitment id")), request_body = CommitmentUpdate, responses(
    (status = 200, body = CommitmentView),
    (status = 403),
    (status = 404),
    (status = 422),
))]
pub async fn update_commitment(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<CommitmentUpdate>,
) -> ApiResult<Json<CommitmentView>> {
    Ok(Json(
        domain::commitment::update(&state.ctx, &auth.actor, id, input).await?,
    ))
}

/// Remedies above their granter's limit, waiting for an admin.
#[utoipa::path(get, path = "/remedies/pending", tag = "tickets", responses(
    (status = 200, body = Items<RemedyView>),
    (status = 403),
))]
pub async fn pending_remedies(
    State(state): State<AppState>,
    auth: Auth,
) -> ApiResult<Json<Items<RemedyView>>> {
    Ok(Json(Items {
        items: domain::remedy::pending(&state.ctx, &auth.actor).await?,
    }))
}

/// An admin approves a remedy above its granter's limit.
#[utoipa::path(post, path = "/remedies/{id}/approve", tag = "tickets", params(("id" = i64, Path, description = "Remedy id")), responses(
    (status = 200, body = RemedyView),
    (status = 403),
    (status = 409, description = "Not waiting for approval"),
))]
pub async fn approve_remedy(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<RemedyView>> {
    Ok(Json(
        domain::remedy::decide(&state.ctx, &auth.actor, id, true).await?,
    ))
}

/// An admin rejects a remedy above its granter's limit.
#[utoipa::path(post, path = "/remedies/{id}/reject", tag = "tickets", params(("id" = i64, Path, description = "Remedy id")), responses(
    (status = 200, body = RemedyView),
    (status = 403),
    (status = 409, description = "Not waiting for approval"),
))]
pub async fn reject_remedy(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<RemedyView>> {
    Ok(Json(
        domain::remedy::decide(&state.ctx, &auth.actor, id, false).await?,
    ))
}

/// The remedy limits per role and department (staff may read them).
#[utoipa::path(get, path = "/admin/remedy-limits", tag = "tickets", responses(
    (status = 200, body = Items<RemedyLimit>),
    (status = 403),
))]
pub async fn remedy_limits(
    State(state): State<AppState>,
    auth: Auth,
) -> ApiResult<Json<Items<RemedyLimit>>> {
    Ok(Json(Items {
        items: domain::remedy::limits(&state.ctx, &auth.actor).await?,
    }))
}

/// Sets the limit for a role, in one department or everywhere (admins).
#[utoipa::path(put, path = "/admin/remedy-limits", tag = "tickets", request_body = RemedyLimit, responses(
    (status = 200, body = RemedyLimit),
    (status = 403),
    (status = 422),
))]
pub async fn set_remedy_limit(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<RemedyLimit>,
) -> ApiResult<Json<RemedyLimit>> {
    Ok(Json(
        domain::remedy::set_limit(&state.ctx, &auth.actor, input).await?,
    ))
}

/// "Me too" spikes: departments whose tickets drew many marks within the
/// configured window (staff).
#[utoipa::path(get, path = "/incidents", tag = "tickets", responses(
    (status = 200, body = Items<Incident>),
    (status = 403),
))]
pub async fn incidents(
    State(state): State<AppState>,
    auth: Auth,
) -> ApiResult<Json<Items<Incident>>> {
    Ok(Json(Items {
        items: domain::ticket::incidents(&state.ctx, &auth.actor).await?,
    }))
}

/// `GET /api/v1/answer-kit?ticket=…`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct KitQuery {
    /// The ticket being answered, e.g. `VOC-000123`.
    pub ticket: String,
}

/// What the reply composer offers for a ticket: canned answers filled for
/// it, the guidelines checklist and the public-statement template (staff).
#[utoipa::path(get, path = "/answer-kit", tag = "tickets", params(KitQuery), responses(
    (status = 200, body = AnswerKit),
    (status = 403),
    (status = 404),
))]
pub async fn answer_kit(
    State(state): State<AppState>,
    auth: Auth,
    ApiQuery(query): ApiQuery<KitQuery>,
) -> ApiResult<Json<AnswerKit>> {
    Ok(Json(
        domain::answer_kit::for_ticket(&state.ctx, &auth.actor, &query.ticket).await?,
    ))
}

/// Canned answers as written (admins).
#[utoipa::path(get, path = "/admin/canned-answers", tag = "tickets", responses(
    (status = 200, body = Items<CannedAnswer>),
    (status = 403),
))]
pub async fn list_canned(
    State(state): State<AppState>,
    auth: Auth,
) -> ApiResult<Json<Items<CannedAnswer>>> {
    Ok(Json(Items {
        items: domain::answer_kit::list_canned(&state.ctx, &auth.actor).await?,
    }))
}

/// Adds a canned answer (admins).
#[utoipa::path(post, path = "/admin/canned-answers", tag = "tickets", request_body = CannedAnswerInput, responses(
    (status = 201, body = CannedAnswer),
    (status = 403),
    (status = 422),
))]
pub async fn create_canned(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<CannedAnswerInput>,
) -> ApiResult<(StatusCode, Json<CannedAnswer>)> {
    let created = domain::answer_kit::create_canned(&state.ctx, &auth.actor, input).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Rewrites a canned answer (admins).
#[utoipa::path(put, path = "/admin/canned-answers/{id}", tag = "tickets", params(("id" = i64, Path, description = "Canned answer id")), request_body = CannedAnswerInput, responses(
    (status = 200, body = CannedAnswer),
    (status = 403),
    (status = 404),
    (status = 422),
))]
pub async fn update_canned(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<CannedAnswerInput>,
) -> ApiResult<Json<CannedAnswer>> {
    Ok(Json(
        domain::answer_kit::update_canned(&state.ctx, &auth.actor, id, input).await?,
    ))
}

/// Removes a canned answer (admins).
#[utoipa::path(delete, path = "/admin/canned-answers/{id}", tag = "tickets", params(("id" = i64, Path, description = "Canned answer id")), responses(
    (status = 204),
    (status = 403),
    (status = 404),
))]
pub async fn delete_canned(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    domain::answer_kit::delete_canned(&state.ctx, &auth.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The company's guidelines for answering in public, in order (public:
/// customers may hold staff to them).
#[utoipa::path(get, path = "/guidelines", tag = "tickets", responses(
    (status = 200, body = Items<Guideline>),
))]
pub async fn list_guidelines(State(state): State<AppState>) -> ApiResult<Json<Items<Guideline>>> {
    Ok(Json(Items {
        items: domain::guideline::list_guidelines(&state.ctx).await?,
    }))
}

/// Appends a guideline (admins).
#[utoipa::path(post, path = "/admin/guidelines", tag = "tickets", request_body = GuidelineInput, responses(
    (status = 201, body = Guideline),
    (status = 403),
    (status = 422),
))]
pub async fn add_guideline(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<GuidelineInput>,
) -> ApiResult<(StatusCode, Json<Guideline>)> {
    let created = domain::guideline::add_guideline(&state.ctx, &auth.actor, input).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Removes a guideline (admins).
#[utoipa::path(delete, path = "/admin/guidelines/{id}", tag = "tickets", params(("id" = i64, Path, description = "Guideline id")), responses(
    (status = 204),
    (status = 403),
    (status = 404),
))]
pub async fn delete_guideline(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    domain::guideline::delete_guideline(&state.ctx, &auth.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The routes of tickets, promises, remedies and the answer kit with their `OpenAPI` entries, registered
/// together so neither can be forgotten.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_tickets, create_ticket))
        .routes(routes!(get_ticket, edit_ticket))
        .routes(routes!(edit_post))
        .routes(routes!(reply))
        .routes(routes!(transfer))
        .routes(routes!(change_status))
        .routes(routes!(assign))
        .routes(routes!(me_too, withdraw_me_too))
        .routes(routes!(rate))
        .routes(routes!(list_commitments))
        .routes(routes!(incidents))
        .routes(routes!(answer_kit))
        .routes(routes!(list_guidelines))
        .routes(routes!(list_canned, create_canned))
        .routes(routes!(update_canned, delete_canned))
        .routes(routes!(add_guideline))
        .routes(routes!(delete_guideline))
        .routes(routes!(update_commitment))
        .routes(routes!(pending_remedies))
        .routes(routes!(approve_remedy))
        .routes(routes!(reject_remedy))
        .routes(routes!(remedy_limits, set_remedy_limit))
}
