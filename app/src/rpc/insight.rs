//! The managers' dashboard and the public scorecard.

use leptos::prelude::*;
use shared::ApiError;

#[cfg(feature = "ssr")]
use super::{caller, ctx, problem};

/// The managers' dashboard for a range of days (admins).
#[server(prefix = "/rpc")]
pub async fn get_dashboard(
    #[server(default)] from: Option<String>,
    #[server(default)] to: Option<String>,
    #[server(default)] days: Option<i64>,
) -> Result<shared::insight::Dashboard, ApiError> {
    let query = shared::insight::DashboardQuery { from, to, days };
    domain::insight::dashboard(&ctx()?, &caller().actor, &query)
        .await
        .map_err(problem)
}

/// The public scorecard (anyone).
#[server(prefix = "/rpc")]
pub async fn get_scorecard() -> Result<shared::insight::Scorecard, ApiError> {
    domain::insight::scorecard(&ctx()?).await.map_err(problem)
}
