//! The social CRM over REST: the customer list and one customer's whole
//! history, staff notes and tags (staff), and the tag list (admins keep it).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use shared::Page;
use shared::customer::{
    CustomerNote, CustomerQuery, CustomerSummary, CustomerTag, CustomerTagInput, CustomerTags,
    CustomerView, MergeInput, NoteInput, TagsInput,
};

use super::Items;
use crate::auth::Auth;
use crate::error::ApiResult;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Customers by last activity, open tickets or remedies this year, found
/// by name or address and filtered by tag (staff).
#[utoipa::path(get, path = "/customers", tag = "customers", params(CustomerQuery), responses(
    (status = 200, body = Page<CustomerSummary>),
    (status = 401),
    (status = 403),
    (status = 422),
))]
pub async fn list_customers(
    State(state): State<AppState>,
    auth: Auth,
    ApiQuery(query): ApiQuery<CustomerQuery>,
) -> ApiResult<Json<Page<CustomerSummary>>> {
    Ok(Json(
        domain::customer::list(&state.ctx, &auth.actor, &query).await?,
    ))
}

/// Everything one customer did here, with private details, promises,
/// remedies, notes and tags (staff).
#[utoipa::path(get, path = "/customers/{id}", tag = "customers",
    params(("id" = i64, Path, description = "Member id")), responses(
    (status = 200, body = CustomerView),
    (status = 401),
    (status = 403),
    (status = 404, description = "No such customer (staff accounts are not customers)"),
))]
pub async fn customer(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<CustomerView>> {
    Ok(Json(
        domain::customer::view(&state.ctx, &auth.actor, id).await?,
    ))
}

/// Adds an internal note on a customer, signed by the staff member; never
/// shown to the customer or in public.
#[utoipa::path(post, path = "/customers/{id}/notes", tag = "customers", request_body = NoteInput,
    params(("id" = i64, Path, description = "Member id")), responses(
    (status = 201, body = CustomerNote),
    (status = 401),
    (status = 403),
    (status = 404),
    (status = 422),
))]
pub async fn add_note(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<NoteInput>,
) -> ApiResult<(StatusCode, Json<CustomerNote>)> {
    let note = domain::customer::add_note(&state.ctx, &auth.actor, id, input).await?;
    Ok((StatusCode::CREATED, Json(note)))
}

/// Corrects a note: its author, within 15 minutes of writing it.
#[utoipa::path(patch, path = "/customers/{id}/notes/{note}", tag = "customers", request_body = NoteInput,
    params(
        ("id" = i64, Path, description = "Member id"),
        ("note" = i64, Path, description = "Note id"),
    ), responses(
    (status = 200, body = CustomerNote),
    (status = 401),
    (status = 403, description = "Another's note, or more than 15 minutes old"),
    (status = 404),
    (status = 422),
))]
pub async fn edit_note(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath((id, note)): ApiPath<(i64, i64)>,
    ApiJson(input): ApiJson<NoteInput>,
) -> ApiResult<Json<CustomerNote>> {
    Ok(Json(
        domain::customer::edit_note(&state.ctx, &auth.actor, id, note, input).await?,
    ))
}

/// Sets a customer's tags to exactly the named ones from the list (staff).
#[utoipa::path(put, path = "/customers/{id}/tags", tag = "customers", request_body = TagsInput,
    params(("id" = i64, Path, description = "Member id")), responses(
    (status = 200, body = CustomerTags),
    (status = 401),
    (status = 403),
    (status = 404),
    (status = 422, description = "A name not on the tag list"),
))]
pub async fn set_tags(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<TagsInput>,
) -> ApiResult<Json<CustomerTags>> {
    Ok(Json(CustomerTags {
        tags: domain::customer::set_tags(&state.ctx, &auth.actor, id, input).await?,
    }))
}

/// Merges the duplicate account `{id}` into `into` (admins): its ideas,
/// comments, votes, follows, tickets, marks, reports, notes and tags move;
/// what both did counts once; the duplicate is closed; audited.
#[utoipa::path(post, path = "/customers/{id}/merge", tag = "customers", request_body = MergeInput,
    params(("id" = i64, Path, description = "The duplicate's member id")), responses(
    (status = 200, body = CustomerView, description = "The account kept"),
    (status = 401),
    (status = 403),
    (status = 404, description = "No such customer"),
    (status = 422, description = "`into` is the same account or no customer"),
))]
pub async fn merge_customer(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<MergeInput>,
) -> ApiResult<Json<CustomerView>> {
    Ok(Json(
        domain::customer::merge(&state.ctx, &auth.actor, id, input).await?,
    ))
}

/// The customer tags admins keep, with how many customers carry each (staff).
#[utoipa::path(get, path = "/customer-tags", tag = "customers", responses(
    (status = 200, body = Items<CustomerTag>),
    (status = 401),
    (status = 403),
))]
pub async fn list_tags(
    State(state): State<AppState>,
    auth: Auth,
) -> ApiResult<Json<Items<CustomerTag>>> {
    Ok(Json(Items {
        items: domain::customer::list_tags(&state.ctx, &auth.actor).await?,
    }))
}

/// Adds a tag to the list (admins).
#[utoipa::path(post, path = "/customer-tags", tag = "customers", request_body = CustomerTagInput, responses(
    (status = 201, body = CustomerTag),
    (status = 401),
    (status = 403),
    (status = 409, description = "A tag of that name exists"),
    (status = 422),
))]
pub async fn create_tag(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<CustomerTagInput>,
) -> ApiResult<(StatusCode, Json<CustomerTag>)> {
    let tag = domain::customer::create_tag(&state.ctx, &auth.actor, input).await?;
    Ok((StatusCode::CREATED, Json(tag)))
}

/// Removes a tag from the list and from every customer (admins).
#[utoipa::path(delete, path = "/customer-tags/{id}", tag = "customers",
    params(("id" = i64, Path, description = "Tag id")), responses(
    (status = 204),
    (status = 401),
    (status = 403),
    (status = 404),
))]
pub async fn delete_tag(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    domain::customer::delete_tag(&state.ctx, &auth.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The routes of the social CRM with their `OpenAPI` entries, registered
/// together so neither can be forgotten.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_customers))
        .routes(routes!(customer))
        .routes(routes!(add_note))
        .routes(routes!(edit_note))
        .routes(routes!(set_tags))
        .routes(routes!(merge_customer))
        .routes(routes!(list_tags, create_tag))
        .routes(routes!(delete_tag))
}
