//! The idea board over REST.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use shared::{
    BoardQuery, Category, CategoryInput, CommentView, FollowState, IdeaCard, IdeaView, NewComment,
    NewIdea, Page, ProxyVoteState, SimilarIdeas, SimilarQuery, StatusChange, VoteState,
};

use super::Items;

use crate::auth::Auth;
use crate::error::ApiResult;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The idea board, one page at a time.
#[utoipa::path(get, path = "/ideas", tag = "ideas", params(BoardQuery), responses(
    (status = 200, body = Page<IdeaCard>),
    (status = 400),
    (status = 422),
))]
pub async fn list_ideas(
    State(state): State<AppState>,
    auth: Auth,
    ApiQuery(query): ApiQuery<BoardQuery>,
) -> ApiResult<Json<Page<IdeaCard>>> {
    Ok(Json(
        domain::idea::list_board(&state.ctx, &auth.actor, &query).await?,
    ))
}

/// Ideas like a title being typed, so a member votes instead of posting a
/// duplicate. Korean and English; word endings may differ.
#[utoipa::path(get, path = "/ideas/similar", tag = "ideas", params(SimilarQuery), responses(
    (status = 200, body = SimilarIdeas),
    (status = 400),
    (status = 422, description = "`q` has nothing to search for"),
))]
pub async fn similar_ideas(
    State(state): State<AppState>,
    auth: Auth,
    ApiQuery(query): ApiQuery<SimilarQuery>,
) -> ApiResult<Json<SimilarIdeas>> {
    Ok(Json(SimilarIdeas {
        items: domain::search::similar(&state.ctx, &auth.actor, &query.q).await?,
    }))
}

/// One idea with its signed timeline and comments.
#[utoipa::path(get, path = "/ideas/{number}", tag = "ideas", params(("number" = i64, Path, description = "Idea number")), responses(
    (status = 200, body = IdeaView),
    (status = 404),
))]
pub async fn get_idea(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<i64>,
) -> ApiResult<Json<IdeaView>> {
    Ok(Json(
        domain::idea::get(&state.ctx, &auth.actor, number).await?,
    ))
}

/// Votes for an idea; voting again changes nothing.
#[utoipa::path(put, path = "/ideas/{number}/vote", tag = "ideas", params(("number" = i64, Path, description = "Idea number")), responses(
    (status = 200, body = VoteState),
    (status = 401),
    (status = 404),
    (status = 409, description = "Merged into another idea"),
    (status = 429, description = "Posting quota used up; `retry_after` says when to try again"),
))]
pub async fn cast_vote(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<i64>,
) -> ApiResult<Json<VoteState>> {
    Ok(Json(
        domain::vote::cast(&state.ctx, &auth.actor, number).await?,
    ))
}

/// Withdraws a vote; withdrawing again changes nothing.
#[utoipa::path(delete, path = "/ideas/{number}/vote", tag = "ideas", params(("number" = i64, Path, description = "Idea number")), responses(
    (status = 200, body = VoteState),
    (status = 401),
    (status = 404),
    (status = 429, description = "Posting quota used up; `retry_after` says when to try again"),
    (status = 409, description = "Merged into another idea"),
))]
pub async fn retract_vote(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<i64>,
) -> ApiResult<Json<VoteState>> {
    Ok(Json(
        domain::vote::retract(&state.ctx, &auth.actor, number).await?,
    ))
}

/// Adds a product area ideas can be filed under (admins).
#[utoipa::path(post, path = "/categories", tag = "ideas", request_body = CategoryInput, responses(
    (status = 201, body = Category),
    (status = 403),
    (status = 409, description = "The slug exists"),
    (status = 422),
))]
pub async fn create_category(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<CategoryInput>,
) -> ApiResult<(StatusCode, Json<Category>)> {
    let created = domain::idea::create_category(&state.ctx, &auth.actor, input).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Staff record a customer's vote (e.g. given on the phone), marked as
/// recorded by them; when the customer already voted, nothing changes.
#[utoipa::path(put, path = "/ideas/{number}/votes/{member_id}", tag = "ideas", params(
    ("number" = i64, Path, description = "Idea number"),
    ("member_id" = i64, Path, description = "The customer the vote is for"),
), responses(
    (status = 200, body = ProxyVoteState),
    (status = 401),
    (status = 403, description = "Not staff"),
    (status = 404),
    (status = 409, description = "A member votes for themselves with `PUT /api/v1/ideas/{number}/vote`"),
))]
pub async fn cast_vote_on_behalf(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath((number, member_id)): ApiPath<(i64, i64)>,
) -> ApiResult<Json<ProxyVoteState>> {
    Ok(Json(
        domain::vote::on_behalf(&state.ctx, &auth.actor, number, member_id, true).await?,
    ))
}

/// Staff take back a vote staff recorded for a customer.
#[utoipa::path(delete, path = "/ideas/{number}/votes/{member_id}", tag = "ideas", params(
    ("number" = i64, Path, description = "Idea number"),
    ("member_id" = i64, Path, description = "The customer the vote was for"),
), responses(
    (status = 200, body = ProxyVoteState),
    (status = 403, description = "Not staff"),
    (status = 409, description = "The customer voted themselves"),
))]
pub async fn retract_vote_on_behalf(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath((number, member_id)): ApiPath<(i64, i64)>,
) -> ApiResult<Json<ProxyVoteState>> {
    Ok(Json(
        domain::vote::on_behalf(&state.ctx, &auth.actor, number, member_id, false).await?,
    ))
}

/// Follows an idea: its status changes reach the member.
#[utoipa::path(put, path = "/ideas/{number}/follow", tag = "ideas", params(("number" = i64, Path, description = "Idea number")), responses(
    (status = 200, body = FollowState),
    (status = 401),
    (status = 404),
))]
pub async fn follow_idea(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<i64>,
) -> ApiResult<Json<FollowState>> {
    Ok(Json(
        domain::follow::set(&state.ctx, &auth.actor, number, true).await?,
    ))
}

/// Stops following an idea.
#[utoipa::path(delete, path = "/ideas/{number}/follow", tag = "ideas", params(("number" = i64, Path, description = "Idea number")), responses(
    (status = 200, body = FollowState),
    (status = 401),
    (status = 404),
))]
pub async fn unfollow_idea(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<i64>,
) -> ApiResult<Json<FollowState>> {
    Ok(Json(
        domain::follow::set(&state.ctx, &auth.actor, number, false).await?,
    ))
}

/// Posts an idea (members).
#[utoipa::path(post, path = "/ideas", tag = "ideas", request_body = NewIdea, responses(
    (status = 201, body = IdeaView),
    (status = 401),
    (status = 422),
    (status = 429, description = "Posting quota used up; `retry_after` says when to try again"),
))]
pub async fn create_idea(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<NewIdea>,
) -> ApiResult<(StatusCode, Json<IdeaView>)> {
    let number = domain::idea::create(&state.ctx, &auth.actor, input).await?;
    Ok((
        StatusCode::CREATED,
        Json(domain::idea::get(&state.ctx, &auth.actor, number).await?),
    ))
}

/// The product areas ideas are filed under.
#[utoipa::path(get, path = "/categories", tag = "ideas", responses((status = 200, body = Items<Category>)))]
pub async fn list_categories(State(state): State<AppState>) -> ApiResult<Json<Items<Category>>> {
    Ok(Json(Items {
        items: domain::idea::categories(&state.ctx).await?,
    }))
}

/// The comments on an idea, oldest first.
#[utoipa::path(get, path = "/ideas/{number}/comments", tag = "ideas", params(("number" = i64, Path, description = "Idea number")), responses(
    (status = 200, body = Items<CommentView>),
    (status = 404),
))]
pub async fn list_comments(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<i64>,
) -> ApiResult<Json<Items<CommentView>>> {
    Ok(Json(Items {
        items: domain::comment::list(&state.ctx, &auth.actor, number).await?,
    }))
}

/// Comments on an idea (members).
#[utoipa::path(post, path = "/ideas/{number}/comments", tag = "ideas", request_body = NewComment,
    params(("number" = i64, Path, description = "Idea number")), responses(
    (status = 201, body = CommentView),
    (status = 401),
    (status = 404),
    (status = 422),
    (status = 429, description = "Posting quota used up; `retry_after` says when to try again"),
))]
pub async fn create_comment(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<i64>,
    ApiJson(input): ApiJson<NewComment>,
) -> ApiResult<(StatusCode, Json<CommentView>)> {
    let created = domain::comment::create(&state.ctx, &auth.actor, number, input).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Edits one's own comment within 15 minutes of posting.
#[utoipa::path(patch, path = "/comments/{id}", tag = "ideas", request_body = NewComment,
    params(("id" = i64, Path, description = "Comment id")), responses(
    (status = 200, body = CommentView),
    (status = 403),
    (status = 404),
    (status = 409, description = "Edit window over"),
    (status = 422),
))]
pub async fn edit_comment(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<NewComment>,
) -> ApiResult<Json<CommentView>> {
    Ok(Json(
        domain::comment::edit(&state.ctx, &auth.actor, id, input).await?,
    ))
}

/// Deletes one's own comment, leaving a tombstone.
#[utoipa::path(delete, path = "/comments/{id}", tag = "ideas", params(("id" = i64, Path, description = "Comment id")), responses(
    (status = 204),
    (status = 403),
    (status = 404),
))]
pub async fn delete_comment(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    domain::comment::delete(&state.ctx, &auth.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A staff decision with its public, signed explanation.
#[utoipa::path(put, path = "/ideas/{number}/status", tag = "ideas", request_body = StatusChange,
    params(("number" = i64, Path, description = "Idea number")), responses(
    (status = 200, body = IdeaView),
    (status = 401),
    (status = 403),
    (status = 404),
    (status = 422),
))]
pub async fn change_status(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<i64>,
    ApiJson(input): ApiJson<StatusChange>,
) -> ApiResult<Json<IdeaView>> {
    domain::idea::change_status(&state.ctx, &auth.actor, number, input).await?;
    Ok(Json(
        domain::idea::get(&state.ctx, &auth.actor, number).await?,
    ))
}

/// Merges a duplicate into another idea: its voters and followers are
/// carried over as distinct members; its page points to the target
/// (moderators).
#[utoipa::path(post, path = "/ideas/{number}/merge", tag = "ideas", params(("number" = i64, Path, description = "The duplicate")), request_body = shared::MergeInto, responses(
    (status = 200, body = IdeaView, description = "The target after the merge"),
    (status = 403),
    (status = 409, description = "Already merged"),
    (status = 422),
))]
pub async fn merge_idea(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<i64>,
    ApiJson(input): ApiJson<shared::MergeInto>,
) -> ApiResult<Json<IdeaView>> {
    Ok(Json(
        domain::merge::merge(&state.ctx, &auth.actor, number, input.into).await?,
    ))
}

/// Undoes a merge: both ideas are as they were before it (moderators).
#[utoipa::path(post, path = "/ideas/{number}/unmerge", tag = "ideas", params(("number" = i64, Path, description = "The merged idea")), responses(
    (status = 200, body = IdeaView, description = "The idea, separate again"),
    (status = 403),
    (status = 409, description = "Not merged"),
))]
pub async fn unmerge_idea(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<i64>,
) -> ApiResult<Json<IdeaView>> {
    Ok(Json(
        domain::merge::unmerge(&state.ctx, &auth.actor, number).await?,
    ))
}

/// Corrects an idea's title, category or tags; the change is shown in its
/// timeline with the reason (moderators).
#[utoipa::path(patch, path = "/ideas/{number}", tag = "ideas", params(("number" = i64, Path, description = "Idea number")), request_body = shared::IdeaEdit, responses(
    (status = 200, body = IdeaView),
    (status = 403),
    (status = 404),
    (status = 422),
))]
pub async fn edit_idea(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<i64>,
    ApiJson(input): ApiJson<shared::IdeaEdit>,
) -> ApiResult<Json<IdeaView>> {
    domain::curation::edit(&state.ctx, &auth.actor, number, input).await?;
    Ok(Json(
        domain::idea::get(&state.ctx, &auth.actor, number).await?,
    ))
}

/// Locks the discussion with a public reason: votes still count, customers
/// cannot comment (moderators).
#[utoipa::path(put, path = "/ideas/{number}/lock", tag = "ideas", params(("number" = i64, Path, description = "Idea number")), request_body = shared::LockRequest, responses(
    (status = 200, body = IdeaView),
    (status = 403),
    (status = 409, description = "Already locked"),
    (status = 422),
))]
pub async fn lock_idea(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<i64>,
    ApiJson(input): ApiJson<shared::LockRequest>,
) -> ApiResult<Json<IdeaView>> {
    domain::curation::lock(&state.ctx, &auth.actor, number, input).await?;
    Ok(Json(
        domain::idea::get(&state.ctx, &auth.actor, number).await?,
    ))
}

/// Reopens a locked discussion (moderators).
#[utoipa::path(delete, path = "/ideas/{number}/lock", tag = "ideas", params(("number" = i64, Path, description = "Idea number")), responses(
    (status = 200, body = IdeaView),
    (status = 403),
    (status = 409, description = "Not locked"),
))]
pub async fn unlock_idea(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<i64>,
) -> ApiResult<Json<IdeaView>> {
    domain::curation::unlock(&state.ctx, &auth.actor, number).await?;
    Ok(Json(
        domain::idea::get(&state.ctx, &auth.actor, number).await?,
    ))
}

/// Features the idea above the board, at most five at once (moderators).
#[utoipa::path(put, path = "/ideas/{number}/pin", tag = "ideas", params(("number" = i64, Path, description = "Idea number")), responses(
    (status = 200, body = IdeaView),
    (status = 403),
    (status = 409, description = "Already featured, or five are"),
))]
pub async fn pin_idea(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<i64>,
) -> ApiResult<Json<IdeaView>> {
    domain::curation::set_pinned(&state.ctx, &auth.actor, number, true).await?;
    Ok(Json(
        domain::idea::get(&state.ctx, &auth.actor, number).await?,
    ))
}

/// Stops featuring the idea (moderators).
#[utoipa::path(delete, path = "/ideas/{number}/pin", tag = "ideas", params(("number" = i64, Path, description = "Idea number")), responses(
    (status = 200, body = IdeaView),
    (status = 403),
    (status = 409, description = "Not featured"),
))]
pub async fn unpin_idea(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(number): ApiPath<i64>,
) -> ApiResult<Json<IdeaView>> {
    domain::curation::set_pinned(&state.ctx, &auth.actor, number, false).await?;
    Ok(Json(
        domain::idea::get(&state.ctx, &auth.actor, number).await?,
    ))
}

/// The routes of the idea board with their `OpenAPI` entries, registered
/// together so neither can be forgotten.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_ideas, create_idea))
        .routes(routes!(list_categories, create_category))
        .routes(routes!(similar_ideas))
        .routes(routes!(list_comments, create_comment))
        .routes(routes!(edit_comment, delete_comment))
        .routes(routes!(get_idea, edit_idea))
        .routes(routes!(lock_idea, unlock_idea))
        .routes(routes!(pin_idea, unpin_idea))
        .routes(routes!(change_status))
        .routes(routes!(merge_idea))
        .routes(routes!(unmerge_idea))
        .routes(routes!(cast_vote, retract_vote))
        .routes(routes!(cast_vote_on_behalf, retract_vote_on_behalf))
        .routes(routes!(follow_idea, unfollow_idea))
}
