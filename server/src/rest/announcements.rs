//! Announcements over REST, and the Atom feeds.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde::Deserialize;
use shared::{AnnouncementView, NewAnnouncement, Page};

use crate::auth::Auth;
use crate::error::ApiResult;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// `GET /api/v1/announcements` paging.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Page size, 1–100; 20 when absent.
    #[param(minimum = 1, maximum = 100)]
    #[serde(default)]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    #[serde(default)]
    pub cursor: Option<String>,
}

/// Announcements, newest first.
#[utoipa::path(get, path = "/announcements", tag = "announcements", params(ListQuery), responses(
    (status = 200, body = Page<AnnouncementView>),
    (status = 422),
))]
pub async fn list_announcements(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> ApiResult<Json<Page<AnnouncementView>>> {
    Ok(Json(
        domain::announcement::list(&state.ctx, query.limit, query.cursor.as_deref()).await?,
    ))
}

/// One announcement with the ideas it delivers.
#[utoipa::path(get, path = "/announcements/{id}", tag = "announcements", params(("id" = i64, Path, description = "Announcement id")), responses(
    (status = 200, body = AnnouncementView),
    (status = 404),
))]
pub async fn get_announcement(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<AnnouncementView>> {
    Ok(Json(domain::announcement::get(&state.ctx, id).await?))
}

/// Publishes an announcement (staff); linked ideas show it in their
/// timelines and their followers and voters are told.
#[utoipa::path(post, path = "/announcements", tag = "announcements", request_body = NewAnnouncement, responses(
    (status = 201, body = AnnouncementView),
    (status = 401),
    (status = 403),
    (status = 422),
))]
pub async fn publish_announcement(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<NewAnnouncement>,
) -> ApiResult<(StatusCode, Json<AnnouncementView>)> {
    let post = domain::announcement::publish(&state.ctx, &auth.actor, input).await?;
    Ok((StatusCode::CREATED, Json(post)))
}

fn atom(xml: String) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        xml,
    )
}

/// `/feeds/announcements.atom`.
pub async fn announcements_feed(State(state): State<AppState>) -> ApiResult<impl IntoResponse> {
    Ok(atom(domain::feed::announcements(&state.ctx).await?))
}

/// `/feeds/ideas.atom`: newly posted ideas.
pub async fn ideas_feed(State(state): State<AppState>) -> ApiResult<impl IntoResponse> {
    Ok(atom(domain::feed::new_ideas(&state.ctx).await?))
}

/// The routes of announcements with their `OpenAPI` entries, registered
/// together so neither can be forgotten.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_announcements, publish_announcement))
        .routes(routes!(get_announcement))
}
