//! Reports, hiding with a public reason, suspensions, the word list, the audit log.

use leptos::prelude::*;
use shared::ApiError;

#[cfg(feature = "ssr")]
use super::{caller, ctx, problem};

/// Reports content to the moderators.
#[server(prefix = "/rpc")]
pub async fn report_content(
    kind: shared::ContentKind,
    id: i64,
    reason: String,
    #[server(default)] note: Option<String>,
) -> Result<(), ApiError> {
    let input = shared::NewReport {
        target: shared::ContentRef { kind, id },
        reason,
        note,
    };
    domain::moderation::report(&ctx()?, &caller().actor, input)
        .await
        .map(|_| ())
        .map_err(problem)
}

/// Open reports (moderators).
#[server(prefix = "/rpc")]
pub async fn open_reports() -> Result<Vec<shared::ReportView>, ApiError> {
    domain::moderation::open_reports(&ctx()?, &caller().actor)
        .await
        .map_err(problem)
}

/// Hides a comment with a public reason (moderators).
#[server(prefix = "/rpc")]
pub async fn hide_content(
    kind: shared::ContentKind,
    id: i64,
    reason: String,
    #[server(default)] guideline: Option<String>,
) -> Result<(), ApiError> {
    let input = shared::HideRequest {
        target: shared::ContentRef { kind, id },
        reason,
        guideline,
    };
    domain::moderation::hide(&ctx()?, &caller().actor, input)
        .await
        .map_err(problem)
}

/// Suspends a member for some hours with a reason (moderators).
#[server(prefix = "/rpc")]
pub async fn suspend_member(
    member: i64,
    hours: i64,
    reason: String,
    #[server(default)] guideline: Option<String>,
) -> Result<(), ApiError> {
    domain::moderation::suspend(
        &ctx()?,
        &caller().actor,
        shared::Suspension {
            member,
            hours,
            reason,
            guideline,
        },
    )
    .await
    .map_err(problem)
}

/// Shows hidden content again, or releases a post held for review (moderators).
#[server(prefix = "/rpc")]
pub async fn unhide_content(kind: shared::ContentKind, id: i64) -> Result<(), ApiError> {
    let input = shared::UnhideRequest {
        target: shared::ContentRef { kind, id },
    };
    domain::moderation::unhide(&ctx()?, &caller().actor, input)
        .await
        .map_err(problem)
}

/// Posts held for review (moderators).
#[server(prefix = "/rpc")]
pub async fn held_posts() -> Result<Vec<shared::HeldPost>, ApiError> {
    domain::moderation::held_posts(&ctx()?, &caller().actor)
        .await
        .map_err(problem)
}

/// The word list that holds posts for review (moderators).
#[server(prefix = "/rpc")]
pub async fn word_list() -> Result<shared::WordList, ApiError> {
    domain::review::list(&ctx()?, &caller().actor)
        .await
        .map_err(problem)
}

/// Replaces the word list, one word or phrase per line (moderators).
#[server(prefix = "/rpc")]
pub async fn save_word_list(words: String) -> Result<shared::WordList, ApiError> {
    let input = shared::WordList {
        words: words.lines().map(str::to_owned).collect(),
    };
    domain::review::replace(&ctx()?, &caller().actor, input)
        .await
        .map_err(problem)
}

/// Closes a report without action (moderators).
#[server(prefix = "/rpc")]
pub async fn dismiss_report(id: i64) -> Result<(), ApiError> {
    domain::moderation::dismiss(&ctx()?, &caller().actor, id)
        .await
        .map_err(problem)
}

/// The audit log's newest entries, optionally for one action (moderators).
#[server(prefix = "/rpc")]
pub async fn audit_log(
    action: Option<shared::AuditAction>,
) -> Result<Vec<shared::AuditEntry>, ApiError> {
    let query = shared::AuditQuery {
        action,
        limit: Some(100),
        ..shared::AuditQuery::default()
    };
    domain::moderation::audit_log(&ctx()?, &caller().actor, &query)
        .await
        .map(|page| page.items)
        .map_err(problem)
}
