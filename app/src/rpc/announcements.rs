//! Staff announcements that deliver ideas.

use leptos::prelude::*;
use shared::ApiError;

#[cfg(feature = "ssr")]
use super::{caller, ctx, problem};

/// Announcements, newest first.
#[server(prefix = "/rpc")]
pub async fn list_announcements(
    cursor: Option<String>,
) -> Result<shared::Page<shared::AnnouncementView>, ApiError> {
    domain::announcement::list(&ctx()?, None, cursor.as_deref())
        .await
        .map_err(problem)
}

/// One announcement.
#[server(prefix = "/rpc")]
pub async fn get_announcement(id: i64) -> Result<shared::AnnouncementView, ApiError> {
    domain::announcement::get(&ctx()?, id)
        .await
        .map_err(problem)
}

/// Publishes an announcement (staff) and opens it. `ideas` lists idea
/// numbers separated by commas or spaces (`#` allowed).
#[server(prefix = "/rpc")]
pub async fn publish_announcement(
    title: String,
    body: String,
    #[server(default)] ideas: Option<String>,
) -> Result<(), ApiError> {
    let raw = ideas.unwrap_or_default();
    let mut numbers = Vec::new();
    for part in raw
        .split(|c: char| c == ',' || c.is_whitespace())
        .map(|p| p.trim().trim_start_matches('#'))
        .filter(|p| !p.is_empty())
    {
        match part.parse::<i64>() {
            Ok(n) => numbers.push(n),
            Err(_) => {
                return Err(problem(domain::Error::invalid(
                    "ideas",
                    domain::msg!("rpc.not_an_idea_number", part = part),
                )));
            }
        }
    }
    let input = shared::NewAnnouncement {
        title,
        body,
        ideas: numbers,
    };
    let post = domain::announcement::publish(&ctx()?, &caller().actor, input).await?;
    leptos_axum::redirect(&format!("/announcements/{}", post.id));
    Ok(())
}
