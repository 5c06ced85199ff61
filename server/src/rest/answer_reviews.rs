//! Answer quality reviews over REST: the review queue and reviews (admins),
//! one's own reviews and the reply to them (the reviewed staff member).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use shared::answer_review::{
    AnswerReview, ReviewInput, ReviewList, ReviewQuery, ReviewQueue, ReviewReplyInput,
};

use crate::auth::Auth;
use crate::error::ApiResult;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The sample of the last seven days' public staff answers still to
/// review: per staff member their newest, up to the weekly number (admins).
#[utoipa::path(get, path = "/answer-reviews/queue", tag = "answer-reviews", responses(
    (status = 200, body = ReviewQueue),
    (status = 401),
    (status = 403),
))]
pub async fn review_queue(
    State(state): State<AppState>,
    auth: Auth,
) -> ApiResult<Json<ReviewQueue>> {
    Ok(Json(
        domain::answer_review::queue(&state.ctx, &auth.actor).await?,
    ))
}

/// Reviews, newest first: admins read all (or one employee's), a staff
/// member their own.
#[utoipa::path(get, path = "/answer-reviews", tag = "answer-reviews", params(ReviewQuery), responses(
    (status = 200, body = ReviewList),
    (status = 401),
    (status = 403),
))]
pub async fn list_reviews(
    State(state): State<AppState>,
    auth: Auth,
    ApiQuery(query): ApiQuery<ReviewQuery>,
) -> ApiResult<Json<ReviewList>> {
    Ok(Json(
        domain::answer_review::list(&state.ctx, &auth.actor, &query).await?,
    ))
}

/// Reviews one public staff answer against the guidelines, with an overall
/// score and a coaching comment (admins; one review per answer, never of
/// one's own). Audited.
#[utoipa::path(post, path = "/answer-reviews", tag = "answer-reviews", request_body = ReviewInput, responses(
    (status = 201, body = AnswerReview),
    (status = 401),
    (status = 403, description = "Not an admin, or one's own answer"),
    (status = 404, description = "No such public staff answer"),
    (status = 409, description = "Reviewed already"),
    (status = 422),
))]
pub async fn create_review(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<ReviewInput>,
) -> ApiResult<(StatusCode, Json<AnswerReview>)> {
    let review = domain::answer_review::create(&state.ctx, &auth.actor, input).await?;
    Ok((StatusCode::CREATED, Json(review)))
}

/// One review, to the reviewed staff member or an admin; 404 to others.
#[utoipa::path(get, path = "/answer-reviews/{id}", tag = "answer-reviews",
    params(("id" = i64, Path, description = "Review id")), responses(
    (status = 200, body = AnswerReview),
    (status = 401),
    (status = 404),
))]
pub async fn review(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<AnswerReview>> {
    Ok(Json(
        domain::answer_review::get(&state.ctx, &auth.actor, id).await?,
    ))
}

/// The reviewed staff member's reply to the coaching (they may rewrite it).
#[utoipa::path(post, path = "/answer-reviews/{id}/reply", tag = "answer-reviews",
    request_body = ReviewReplyInput,
    params(("id" = i64, Path, description = "Review id")), responses(
    (status = 200, body = AnswerReview),
    (status = 401),
    (status = 403, description = "Not the reviewed staff member"),
    (status = 404),
    (status = 422),
))]
pub async fn reply_to_review(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<ReviewReplyInput>,
) -> ApiResult<Json<AnswerReview>> {
    Ok(Json(
        domain::answer_review::reply(&state.ctx, &auth.actor, id, input).await?,
    ))
}

/// The routes of answer reviews with their `OpenAPI` entries.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(review_queue))
        .routes(routes!(list_reviews, create_review))
        .routes(routes!(review))
        .routes(routes!(reply_to_review))
}
