//! Server functions: thin adapters from the UI to the domain layer. They hold
//! no rules; errors pass through the one domain → `ApiError` mapping.

use leptos::prelude::*;
use shared::department::Department;
use shared::{BoardQuery, IdeaCard, Page};

#[cfg(feature = "ssr")]
fn ctx() -> Result<domain::Ctx, ServerFnError> {
    use_context::<domain::Ctx>().ok_or_else(|| ServerFnError::new("server context missing"))
}

#[cfg(feature = "ssr")]
fn fail(error: domain::Error) -> ServerFnError {
    ServerFnError::new(shared::ApiError::from(error).detail)
}

/// One page of the idea board.
#[server(prefix = "/rpc")]
pub async fn list_ideas(query: BoardQuery) -> Result<Page<IdeaCard>, ServerFnError> {
    domain::idea::list_board(&ctx()?, &query)
        .await
        .map_err(fail)
}

/// Every department with its first-response promise.
#[server(prefix = "/rpc")]
pub async fn list_departments() -> Result<Vec<Department>, ServerFnError> {
    domain::department::list(&ctx()?).await.map_err(fail)
}
