//! The idea board: ideas, votes, follows, comments, and the curation of ideas.

use leptos::prelude::*;
use shared::{ApiError, BoardQuery, IdeaCard, Page};

#[cfg(feature = "ssr")]
use super::{caller, ctx, problem};

/// One page of the idea board.
#[server(prefix = "/rpc")]
pub async fn list_ideas(query: BoardQuery) -> Result<Page<IdeaCard>, ApiError> {
    domain::idea::list_board(&ctx()?, &caller().actor, &query)
        .await
        .map_err(problem)
}

/// Ideas like a title being typed (nothing for fewer than two letters).
#[server(prefix = "/rpc")]
pub async fn similar_ideas(q: String) -> Result<Vec<shared::SimilarIdea>, ApiError> {
    if domain::search::terms(&q).is_empty() {
        return Ok(Vec::new());
    }
    domain::search::similar(&ctx()?, &caller().actor, &q)
        .await
        .map_err(problem)
}

/// One idea with its signed timeline and comments.
#[server(prefix = "/rpc")]
pub async fn get_idea(number: i64) -> Result<shared::IdeaView, ApiError> {
    domain::idea::get(&ctx()?, &caller().actor, number)
        .await
        .map_err(problem)
}

/// Votes for an idea, or withdraws the vote.
#[server(prefix = "/rpc")]
pub async fn set_vote(number: i64, voted: bool) -> Result<shared::VoteState, ApiError> {
    let (ctx, actor) = (ctx()?, caller().actor);
    let state = if voted {
        domain::vote::cast(&ctx, &actor, number).await
    } else {
        domain::vote::retract(&ctx, &actor, number).await
    };
    state.map_err(problem)
}

/// Adds a product area (admins).
#[server(prefix = "/rpc")]
pub async fn create_category(
    slug: String,
    name: String,
    #[server(default)] name_en: String,
) -> Result<shared::Category, ApiError> {
    let input = shared::CategoryInput {
        slug,
        name,
        name_en,
    };
    domain::idea::create_category(&ctx()?, &caller().actor, input)
        .await
        .map_err(problem)
}

/// Follows an idea, or stops following it.
#[server(prefix = "/rpc")]
pub async fn set_follow(number: i64, following: bool) -> Result<shared::FollowState, ApiError> {
    domain::follow::set(&ctx()?, &caller().actor, number, following)
        .await
        .map_err(problem)
}

/// Staff record a vote for a customer identified by e-mail.
#[server(prefix = "/rpc")]
pub async fn record_vote_for(
    number: i64,
    email: String,
) -> Result<shared::ProxyVoteState, ApiError> {
    domain::vote::on_behalf_by_email(&ctx()?, &caller().actor, number, &email)
        .await
        .map_err(problem)
}

/// The product areas ideas are filed under.
#[server(prefix = "/rpc")]
pub async fn list_categories() -> Result<Vec<shared::Category>, ApiError> {
    domain::idea::categories(&ctx()?).await.map_err(problem)
}

/// Posts an idea and opens its page. `tags` is comma-separated.
#[server(prefix = "/rpc")]
pub async fn create_idea(
    title: String,
    body: String,
    #[server(default)] category: Option<String>,
    #[server(default)] tags: Option<String>,
) -> Result<(), ApiError> {
    let input = shared::NewIdea {
        title,
        body,
        category: category.filter(|c| !c.is_empty()),
        tags: tags
            .unwrap_or_default()
            .split(',')
            .map(str::to_owned)
            .collect(),
    };
    let number = domain::idea::create(&ctx()?, &caller().actor, input).await?;
    leptos_axum::redirect(&format!("/ideas/{number}"));
    Ok(())
}

/// Merges an idea into another (moderators) and opens the target.
#[server(prefix = "/rpc")]
pub async fn merge_idea(number: i64, into: i64) -> Result<(), ApiError> {
    let target = domain::merge::merge(&ctx()?, &caller().actor, number, into).await?;
    leptos_axum::redirect(&format!("/ideas/{}", target.number));
    Ok(())
}

/// Undoes a merge (moderators).
#[server(prefix = "/rpc")]
pub async fn unmerge_idea(number: i64) -> Result<(), ApiError> {
    domain::merge::unmerge(&ctx()?, &caller().actor, number)
        .await
        .map(|_| ())
        .map_err(problem)
}

/// Corrects an idea's title, category and tags (moderators); tags are
/// comma-separated.
#[server(prefix = "/rpc")]
pub async fn edit_idea(
    number: i64,
    title: String,
    #[server(default)] category: Option<String>,
    #[server(default)] tags: Option<String>,
    #[server(default)] reason: Option<String>,
    #[server(default)] guideline: Option<String>,
) -> Result<(), ApiError> {
    let input = shared::IdeaEdit {
        title: Some(title),
        category: Some(category.unwrap_or_default()),
        tags: Some(
            tags.unwrap_or_default()
                .split(',')
                .filter(|t| !t.trim().is_empty())
                .map(str::to_owned)
                .collect(),
        ),
        reason,
        guideline,
    };
    domain::curation::edit(&ctx()?, &caller().actor, number, input)
        .await
        .map_err(problem)
}

/// Locks an idea's discussion with a reason (moderators).
#[server(prefix = "/rpc")]
pub async fn lock_idea(
    number: i64,
    reason: String,
    #[server(default)] guideline: Option<String>,
) -> Result<(), ApiError> {
    let input = shared::LockRequest { reason, guideline };
    domain::curation::lock(&ctx()?, &caller().actor, number, input)
        .await
        .map_err(problem)
}

/// Reopens a locked discussion (moderators).
#[server(prefix = "/rpc")]
pub async fn unlock_idea(number: i64) -> Result<(), ApiError> {
    domain::curation::unlock(&ctx()?, &caller().actor, number)
        .await
        .map_err(problem)
}

/// Features an idea above the board, or stops featuring it (moderators).
#[server(prefix = "/rpc")]
pub async fn pin_idea(number: i64, pinned: bool) -> Result<(), ApiError> {
    domain::curation::set_pinned(&ctx()?, &caller().actor, number, pinned)
        .await
        .map_err(problem)
}

/// Comments on an idea.
#[server(prefix = "/rpc")]
pub async fn post_comment(number: i64, body: String) -> Result<shared::CommentView, ApiError> {
    let input = shared::NewComment { body };
    domain::comment::create(&ctx()?, &caller().actor, number, input)
        .await
        .map_err(problem)
}

/// Deletes one's own comment (a tombstone stays).
#[server(prefix = "/rpc")]
pub async fn delete_comment(id: i64) -> Result<(), ApiError> {
    domain::comment::delete(&ctx()?, &caller().actor, id)
        .await
        .map_err(problem)
}

/// Changes one's own comment (within 15 minutes of posting).
#[server(prefix = "/rpc")]
pub async fn edit_comment(id: i64, body: String) -> Result<shared::CommentView, ApiError> {
    domain::comment::edit(&ctx()?, &caller().actor, id, shared::NewComment { body })
        .await
        .map_err(problem)
}

/// A staff decision: new status with a public explanation.
#[server(prefix = "/rpc")]
pub async fn change_idea_status(
    number: i64,
    status: shared::IdeaStatus,
    explanation: String,
    #[server(default)] duplicate_of: Option<String>,
) -> Result<(), ApiError> {
    // The form sends an empty field when no original is named.
    let duplicate_of = match duplicate_of
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        Some(raw) => Some(raw.trim_start_matches('#').parse::<i64>().map_err(|_| {
            problem(domain::Error::invalid(
                "duplicate_of",
                domain::msg!("rpc.must_be_idea_number"),
            ))
        })?),
        None => None,
    };
    let input = shared::StatusChange {
        status,
        explanation,
        duplicate_of,
    };
    domain::idea::change_status(&ctx()?, &caller().actor, number, input)
        .await
        .map_err(problem)
}

/// The site's one search box: ideas, public tickets and announcements.
#[server(prefix = "/rpc")]
pub async fn site_search(
    query: shared::search::SearchQuery,
) -> Result<shared::search::SearchResults, ApiError> {
    domain::site_search::search(&ctx()?, &query)
        .await
        .map_err(problem)
}

/// Public tickets like a title being typed (nothing for no words).
#[server(prefix = "/rpc")]
pub async fn similar_tickets(q: String) -> Result<Vec<shared::search::SearchHit>, ApiError> {
    domain::site_search::similar_tickets(&ctx()?, &q)
        .await
        .map_err(problem)
}
