//! The social CRM for staff: the customer list, one customer's whole view,
//! notes and tags.

use leptos::prelude::*;
use shared::ApiError;
use shared::customer::{CustomerNote, CustomerSummary, CustomerTag, CustomerTagMark, CustomerView};

#[cfg(feature = "ssr")]
use super::{caller, ctx, problem};

/// Customers found by name or address, filtered by tag, sorted (staff).
#[server(prefix = "/rpc")]
pub async fn list_customers(
    #[server(default)] q: Option<String>,
    #[server(default)] tag: Option<String>,
    #[server(default)] sort: Option<String>,
    #[server(default)] cursor: Option<String>,
) -> Result<shared::Page<CustomerSummary>, ApiError> {
    let query = shared::customer::CustomerQuery {
        q,
        tag,
        sort,
        limit: Some(50),
        cursor,
    };
    domain::customer::list(&ctx()?, &caller().actor, &query)
        .await
        .map_err(problem)
}

/// One customer's whole history (staff).
#[server(prefix = "/rpc")]
pub async fn get_customer(id: i64) -> Result<CustomerView, ApiError> {
    domain::customer::view(&ctx()?, &caller().actor, id)
        .await
        .map_err(problem)
}

/// Adds a staff note on a customer.
#[server(prefix = "/rpc")]
pub async fn add_customer_note(id: i64, body: String) -> Result<CustomerNote, ApiError> {
    let input = shared::customer::NoteInput { body };
    domain::customer::add_note(&ctx()?, &caller().actor, id, input)
        .await
        .map_err(problem)
}

/// Sets a customer's tags to exactly the ticked ones.
#[server(prefix = "/rpc")]
pub async fn set_customer_tags(
    id: i64,
    tags: Option<Vec<String>>,
) -> Result<Vec<CustomerTagMark>, ApiError> {
    let input = shared::customer::TagsInput {
        tags: tags.unwrap_or_default(),
    };
    domain::customer::set_tags(&ctx()?, &caller().actor, id, input)
        .await
        .map_err(problem)
}

/// The tag list admins keep (staff read it to tag customers).
#[server(prefix = "/rpc")]
pub async fn list_customer_tags() -> Result<Vec<CustomerTag>, ApiError> {
    domain::customer::list_tags(&ctx()?, &caller().actor)
        .await
        .map_err(problem)
}

/// Merges this duplicate account into the one kept (admins).
#[server(prefix = "/rpc")]
pub async fn merge_customer(id: i64, into: i64) -> Result<CustomerView, ApiError> {
    let input = shared::customer::MergeInput { into };
    domain::customer::merge(&ctx()?, &caller().actor, id, input)
        .await
        .map_err(problem)
}
