//! How ideas are stored: finding one by number (locked when it is about to
//! change), the checks every writer applies to titles, tags and areas, and
//! the trending rank kept beside the vote count.

use chrono::{DateTime, TimeZone, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QuerySelect, Set,
};
use shared::idea::TITLE_CHARS;

use crate::actor::Actor;
use crate::entity::{category, idea, idea_vote};
use crate::{Error, Result};

/// Days after which an idea needs twice the votes to rank level with a new
/// one. An idea board moves slower than a news site, so a week, not hours.
pub const TRENDING_HALF_LIFE_DAYS: f64 = 7.0;

/// Trending rank, stored with the idea and recomputed whenever its votes
/// change: `log2(1 + votes) + days_since_2026-01-01 / 7`. Because age enters
/// as an offset on the log scale, ranks never need recomputing as time passes,
/// the column can be indexed, and an idea one week younger ranks level with
/// one that has twice (plus one) its votes.
#[must_use]
pub fn trending_score(votes: i32, created_at: DateTime<Utc>) -> f64 {
    let epoch = Utc
        .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or_default();
    #[expect(
        clippy::cast_precision_loss,
        reason = "counts and sizes here are far below 2^52, where f64 is exact"
    )]
    let days = (created_at - epoch).num_seconds() as f64 / 86_400.0;
    f64::from(Ord::max(votes, 0)).ln_1p() / std::f64::consts::LN_2 + days / TRENDING_HALF_LIFE_DAYS
}

/// How an idea row is read: plainly, or locked for the rest of the
/// transaction (`PostgreSQL` `FOR UPDATE`; `SQLite`'s write transaction already
/// holds the lock) so concurrent changes to one idea apply one at a time.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lock {
    None,
    ForUpdate,
}

/// The idea with this public number, or 404 naming it.
pub(crate) async fn find_by_number<C: sea_orm::ConnectionTrait>(
    db: &C,
    number: i64,
    lock: Lock,
) -> Result<idea::Model> {
    let not_found = || Error::NotFound(crate::msg!("not_found.idea", number = number));
    let id = i32::try_from(number).map_err(|_| not_found())?;
    let mut select = idea::Entity::find_by_id(id);
    if lock == Lock::ForUpdate {
        select = select.lock_exclusive();
    }
    select.one(db).await?.ok_or_else(not_found)
}

/// The idea as the actor may reach it: one held for review answers 404 to
/// everyone but its author and the moderators.
pub(crate) async fn find_visible<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &Actor,
    number: i64,
) -> Result<idea::Model> {
    let row = find_by_number(db, number, Lock::None).await?;
    if crate::visibility::idea_visible_to(&row, actor) {
        Ok(row)
    } else {
        Err(Error::NotFound(crate::msg!(
            "not_found.idea",
            number = number
        )))
    }
}

/// Tags are stored without `#` and lower-case, so `#Billing` and `billing`
/// are one tag.
pub(crate) fn normalise_tag(raw: &str) -> String {
    raw.trim().trim_start_matches('#').to_lowercase()
}

/// The trimmed title, or what is wrong with it.
pub(crate) fn check_title(raw: &str) -> std::result::Result<String, crate::Message> {
    let title = raw.trim().to_owned();
    if TITLE_CHARS.contains(&title.chars().count()) {
        Ok(title)
    } else {
        Err(crate::msg!(
            "field.characters_between",
            min = TITLE_CHARS.start(),
            max = TITLE_CHARS.end()
        ))
    }
}

/// The normalised, distinct, sorted tags, or what is wrong with them.
pub(crate) fn check_tags(raw: &[String]) -> std::result::Result<Vec<String>, crate::Message> {
    let mut tags: Vec<String> = raw
        .iter()
        .map(|t| normalise_tag(t))
        .filter(|t| !t.is_empty())
        .collect();
    tags.sort();
    tags.dedup();
    if tags.len() > 5 {
        Err(crate::msg!("idea.at_most_tags", max = 5))
    } else if tags.iter().any(|t| t.chars().count() > 30) {
        Err(crate::msg!("idea.tag_length", max = 30))
    } else {
        Ok(tags)
    }
}

/// The id of the product area with this slug (422 on `category` if none).
pub(crate) async fn category_id<C: sea_orm::ConnectionTrait>(db: &C, slug: &str) -> Result<i32> {
    Ok(category::Entity::find()
        .filter(category::Column::Slug.eq(slug))
        .one(db)
        .await?
        .ok_or_else(|| Error::invalid("category", crate::msg!("store.no_category", slug = slug)))?
        .id)
}

/// Sets an idea's vote count (and trending rank) from the votes table, in
/// the caller's transaction, so the stored count never drifts.
pub(crate) async fn recount_votes(db: &impl ConnectionTrait, idea_id: i32) -> Result<i64> {
    let votes = idea_vote::Entity::find()
        .filter(idea_vote::Column::IdeaId.eq(idea_id))
        .count(db)
        .await?;
    let Some(row) = idea::Entity::find_by_id(idea_id).one(db).await? else {
        return Ok(0);
    };
    let votes = i32::try_from(votes).unwrap_or(i32::MAX);
    let created_at = row.created_at;
    let mut active = row.into_active_model();
    active.votes_count = Set(votes);
    active.trending_score = Set(trending_score(votes, created_at));
    active.update(db).await?;
    Ok(i64::from(votes))
}

/// Moves a locked idea's vote count by `delta` (one vote given or taken
/// back), in the caller's transaction: the row was read `FOR UPDATE` (or in
/// `SQLite`'s one writer at a time), so its count is current and no
/// `COUNT(*)` over the idea's votes is needed.
pub(crate) async fn adjust_votes(
    db: &impl ConnectionTrait,
    locked: &idea::Model,
    delta: i32,
) -> Result<i64> {
    let votes = locked.votes_count.saturating_add(delta).max(0);
    if delta != 0 {
        let mut active = locked.clone().into_active_model();
        active.votes_count = Set(votes);
        active.trending_score = Set(trending_score(votes, locked.created_at));
        active.update(db).await?;
    }
    Ok(i64::from(votes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_week_younger_idea_with_half_the_votes_ranks_level() {
        let old = Utc
            .with_ymd_and_hms(2026, 3, 1, 0, 0, 0)
            .single()
            .expect("date");
        let young = old + chrono::Duration::days(7);
        let a = trending_score(15, old); // log2(16) = 4
        let b = trending_score(7, young); // log2(8) = 3, plus one week
        assert!((a - b).abs() < 1e-9, "{a} vs {b}");
        assert!(trending_score(8, young) > a);
    }
}
