//! REST handlers of `/api/v1` and the probes: thin adapters from HTTP to the
//! domain layer, one module per area, each described for the `OpenAPI` document.

pub mod accounts;
pub mod admin;
pub mod announcements;
pub mod answer_reviews;
pub mod customers;
pub mod departments;
pub mod ideas;
pub mod insight;
pub mod members;
pub mod meta;
pub mod moderation;
pub mod onboarding;
pub mod search;
pub mod tickets;
pub mod webhooks;

use axum::http::StatusCode;
use serde::Serialize;

use crate::error::AppError;
use crate::state::AppState;

/// Every route below `/api/v1` with its `OpenAPI` entry: each area
/// registers its own, so a route cannot exist undocumented.
pub fn routes() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .merge(ideas::routes())
        .merge(tickets::routes())
        .merge(moderation::routes())
        .merge(accounts::routes())
        .merge(onboarding::routes())
        .merge(members::routes())
        .merge(customers::routes())
        .merge(answer_reviews::routes())
        .merge(departments::routes())
        .merge(admin::routes())
        .merge(webhooks::routes())
        .merge(insight::routes())
        .merge(announcements::routes())
        .merge(search::routes())
        .merge(crate::live::routes())
}

/// A list without pagination (short, bounded lists such as departments).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Items<T> {
    /// Every item.
    pub items: Vec<T>,
}

/// Any unknown path under `/api`: a problem document, not the HTML 404 page.
pub async fn api_not_found() -> AppError {
    AppError::from(domain::Error::NotFound(domain::msg!("server.no_endpoint")))
}

/// Wrong method on a known API path.
pub async fn method_not_allowed() -> AppError {
    AppError::problem(
        StatusCode::METHOD_NOT_ALLOWED.as_u16(),
        "method-not-allowed",
        "problem.method_not_allowed",
        &domain::msg!("server.method_not_allowed"),
    )
}
