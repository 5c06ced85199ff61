//! Reading ideas: one page of the board in a stable keyset order, and one
//! idea with its signed timeline and comments.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Condition, ExprTrait, Query};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use shared::{BoardQuery, IdeaCard, IdeaSort, IdeaView, Page, TimelineEntry};

use super::store::{find_visible, normalise_tag};
use crate::actor::Actor;
use crate::entity::{category, idea, idea_comment, idea_status_change, idea_tag, idea_vote};
use crate::policy::{Action, Scope};
use crate::{Ctx, Error, Result, user};

/// Where a page ends: the sort key and id of its last idea.
#[derive(Clone, Debug, PartialEq)]
enum Cursor {
    Trending(f64, i32),
    Top(i32, i32),
    New(i32),
    /// Microseconds since 1970 of `updated_at`, and the id.
    Updated(i64, i32),
}

impl Cursor {
    fn encode(&self) -> String {
        match self {
            Cursor::Trending(score, id) => format!("t.{score}.{id}"),
            Cursor::Top(votes, id) => format!("v.{votes}.{id}"),
            Cursor::New(id) => format!("n.{id}"),
            Cursor::Updated(micros, id) => format!("u.{micros}.{id}"),
        }
    }

    fn decode(raw: &str, sort: IdeaSort) -> Option<Self> {
        let (tag, rest) = raw.split_once('.')?;
        match (tag, sort) {
            ("t", IdeaSort::Trending) => {
                let (score, id) = rest.rsplit_once('.')?;
                Some(Cursor::Trending(score.parse().ok()?, id.parse().ok()?))
            }
            ("v", IdeaSort::Top) => {
                let (votes, id) = rest.split_once('.')?;
                Some(Cursor::Top(votes.parse().ok()?, id.parse().ok()?))
            }
            ("n", IdeaSort::New) => Some(Cursor::New(rest.parse().ok()?)),
            ("u", IdeaSort::Updated) => {
                let (micros, id) = rest.rsplit_once('.')?;
                Some(Cursor::Updated(micros.parse().ok()?, id.parse().ok()?))
            }
            _ => None,
        }
    }

    fn of(sort: IdeaSort, row: &idea::Model) -> Self {
        match sort {
            IdeaSort::Trending => Cursor::Trending(row.trending_score, row.id),
            IdeaSort::Top => Cursor::Top(row.votes_count, row.id),
            IdeaSort::New => Cursor::New(row.id),
            IdeaSort::Updated => Cursor::Updated(row.updated_at.timestamp_micros(), row.id),
        }
    }

    /// Rows strictly after this cursor in the sort order (keyset pagination).
    fn after(&self) -> Condition {
        match *self {
            Cursor::Trending(score, id) => Condition::any()
                .add(idea::Column::TrendingScore.lt(score))
                .add(
                    idea::Column::TrendingScore
                        .eq(score)
                        .and(idea::Column::Id.lt(id)),
                ),
            Cursor::Top(votes, id) => Condition::any()
                .add(idea::Column::VotesCount.lt(votes))
                .add(
                    idea::Column::VotesCount
                        .eq(votes)
                        .and(idea::Column::Id.lt(id)),
                ),
            Cursor::New(id) => Condition::all().add(idea::Column::Id.lt(id)),
            Cursor::Updated(micros, id) => {
                let at = DateTime::<Utc>::from_timestamp_micros(micros).unwrap_or_default();
                Condition::any()
                    .add(idea::Column::UpdatedAt.lt(at))
                    .add(idea::Column::UpdatedAt.eq(at).and(idea::Column::Id.lt(id)))
            }
        }
    }
}

/// One page of the public board. Merged ideas are left out (their votes
/// live on in the target).
pub async fn list_board(ctx: &Ctx, actor: &Actor, query: &BoardQuery) -> Result<Page<IdeaCard>> {
    let limit = crate::pagination::page_limit(query.limit)?;
    let mut select = idea::Entity::find()
        .filter(idea::Column::MergedIntoId.is_null())
        .filter(idea::Column::HiddenAt.is_null());
    if query.pinned == Some(true) {
        select = select.filter(idea::Column::PinnedAt.is_not_null());
    }
    if let Some(status) = query.status {
        select = select.filter(idea::Column::Status.eq(status));
    }
    if let Some(slug) = &query.category {
        select = select.filter(
            idea::Column::CategoryId.in_subquery(
                Query::select()
                    .column(category::Column::Id)
                    .from(category::Entity)
                    .and_where(category::Column::Slug.eq(slug.as_str()))
                    .to_owned(),
            ),
        );
    }
    if let Some(tag) = query.tag.as_deref().filter(|t| !t.trim().is_empty()) {
        select = select.filter(
            idea::Column::Id.in_subquery(
                Query::select()
                    .column(idea_tag::Column::IdeaId)
                    .from(idea_tag::Entity)
                    .and_where(idea_tag::Column::Tag.eq(normalise_tag(tag)))
                    .to_owned(),
            ),
        );
    }
    if let Some(q) = query.q.as_deref().filter(|q| !q.trim().is_empty()) {
        select = select.filter(idea::Column::Id.in_subquery(crate::search::all_terms_subquery(q)?));
    }
    if let Some(author) = query.author {
        select = select.filter(idea::Column::AuthorId.eq(i32::try_from(author).unwrap_or(-1)));
    }
    if let Some(raw) = query.cursor.as_ref().filter(|c| !c.is_empty()) {
        let cursor =
            Cursor::decode(raw, query.sort).ok_or_else(crate::pagination::foreign_cursor)?;
        select = select.filter(cursor.after());
    }
    select = match query.sort {
        IdeaSort::Trending => select.order_by_desc(idea::Column::TrendingScore),
        IdeaSort::Top => select.order_by_desc(idea::Column::VotesCount),
        IdeaSort::New => select,
        IdeaSort::Updated => select.order_by_desc(idea::Column::UpdatedAt),
    }
    .order_by_desc(idea::Column::Id);

    let rows = select.limit(limit + 1).all(&ctx.db).await?;
    let (rows, next_cursor) =
        crate::pagination::split_page(rows, limit, |last| Cursor::of(query.sort, last).encode());

    let authors = user::refs(ctx, rows.iter().map(|r| r.author_id)).await?;
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let voted = crate::vote::voted_among(ctx, actor, &ids).await?;
    let category_ids: Vec<i32> = rows.iter().filter_map(|r| r.category_id).collect();
    let categories: std::collections::HashMap<i32, String> = if category_ids.is_empty() {
        std::collections::HashMap::new()
    } else {
        category::Entity::find()
            .filter(category::Column::Id.is_in(category_ids))
            .all(&ctx.db)
            .await?
            .into_iter()
            .map(|c| (c.id, c.local_name()))
            .collect()
    };

    let items = rows
        .into_iter()
        .map(|row| {
            let author = authors
                .get(&row.author_id)
                .cloned()
                .ok_or_else(|| Error::Internal(format!("idea {} has no author row", row.id)))?;
            Ok(IdeaCard {
                number: i64::from(row.id),
                status: row.status,
                votes: i64::from(row.votes_count),
                voted: voted.contains(&row.id),
                comments: i64::from(row.comments_count),
                category: row.category_id.and_then(|id| categories.get(&id).cloned()),
                created_at: rfc3339(row.created_at),
                pinned: row.pinned_at.is_some(),
                author,
                title: row.title,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Page { items, next_cursor })
}

fn rfc3339(at: chrono::DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// One idea with its signed timeline and comments. Merged ideas still
/// answer, pointing at their target.
pub async fn get(ctx: &Ctx, actor: &Actor, number: i64) -> Result<IdeaView> {
    let row = find_visible(&ctx.db, actor, number).await?;
    let moderator = crate::policy::can(actor, Action::HideContent, Scope::Others);
    let id = row.id;
    let changes = idea_status_change::Entity::find()
        .filter(idea_status_change::Column::IdeaId.eq(id))
        .order_by_asc(idea_status_change::Column::CreatedAt)
        .order_by_asc(idea_status_change::Column::Id)
        .all(&ctx.db)
        .await?;
    let comments: Vec<_> = idea_comment::Entity::find()
        .filter(idea_comment::Column::IdeaId.eq(id))
        .order_by_asc(idea_comment::Column::CreatedAt)
        .order_by_asc(idea_comment::Column::Id)
        .all(&ctx.db)
        .await?
        .into_iter()
        .filter(|c| crate::visibility::comment_visible_to(c, actor))
        .collect();
    let curations = crate::curation::for_idea(&ctx.db, id).await?;
    let tags: Vec<String> = idea_tag::Entity::find()
        .filter(idea_tag::Column::IdeaId.eq(id))
        .order_by_asc(idea_tag::Column::Tag)
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|t| t.tag)
        .collect();
    let voted = match actor.member() {
        Some(member) => idea_vote::Entity::find_by_id((id, member.id))
            .one(&ctx.db)
            .await?
            .is_some(),
        None => false,
    };
    let posts = crate::announcement::for_idea(ctx, id).await?;
    let people = user::refs(
        ctx,
        std::iter::once(row.author_id)
            .chain(changes.iter().map(|c| c.by_id))
            .chain(posts.iter().map(|(p, _)| p.author_id))
            .chain(curations.iter().map(|c| c.by_id))
            .chain(comments.iter().map(|c| c.author_id)),
    )
    .await?;
    let person = |id: i32| {
        people
            .get(&id)
            .cloned()
            .ok_or_else(|| Error::Internal(format!("member {id} missing")))
    };
    let category = match row.category_id {
        Some(category_id) => category::Entity::find_by_id(category_id)
            .one(&ctx.db)
            .await?
            .map(|c| c.local_name()),
        None => None,
    };
    let mut timeline = changes
        .into_iter()
        .map(|c| {
            let by = person(c.by_id)?.staff.ok_or_else(|| {
                Error::Internal(format!("status change {} not signed by staff", c.id))
            })?;
            Ok(TimelineEntry {
                kind: shared::TimelineKind::StatusChanged,
                at: rfc3339(c.created_at),
                by,
                status: Some(c.to_status),
                from_status: Some(c.from_status),
                text_html: c
                    .system_note
                    .as_deref()
                    .and_then(|note| {
                        super::system_note::markdown(note, crate::i18n::request_locale())
                    })
                    .map_or(c.explanation_html, |md| crate::markdown::render(&md)),
                announcement: None,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    for (post, reference) in posts {
        // A post whose author has since left the staff has no signature to
        // show: it stays on the announcements page but leaves the signed
        // timeline rather than failing the idea page.
        let Some(by) = person(post.author_id)?.staff else {
            continue;
        };
        timeline.push(TimelineEntry {
            kind: shared::TimelineKind::Announcement,
            at: rfc3339(post.published_at),
            by,
            status: None,
            from_status: None,
            text_html: post.body_html,
            announcement: Some(reference),
        });
    }
    for curation in curations {
        let Some(by) = person(curation.by_id)?.staff else {
            continue;
        };
        timeline.push(crate::curation::timeline_entry(curation, by));
    }
    // RFC 3339 UTC strings of one format sort in time order.
    timeline.sort_by(|a, b| a.at.cmp(&b.at));
    let comments = comments
        .into_iter()
        .map(|c| {
            let author = person(c.author_id)?;
            Ok(crate::comment::to_view(c, author, actor, ctx.clock.now()))
        })
        .collect::<Result<Vec<_>>>()?;
    let held = crate::visibility::is_held(row.hidden_reason.as_deref());
    let hidden = (row.hidden_at.is_some() && !held).then(|| {
        crate::visibility::tombstone(
            row.hidden_reason.as_deref(),
            row.hidden_guideline.as_deref(),
        )
    });
    // A hidden idea keeps its number, votes and history in public; its
    // words reach only the moderators.
    let shown = hidden.is_none() || moderator;
    Ok(IdeaView {
        number: i64::from(row.id),
        title: if shown { row.title } else { String::new() },
        body_html: if shown { row.body_html } else { String::new() },
        hidden,
        held_for_review: held,
        awaiting_confirmation: crate::visibility::awaits_confirmation(row.hidden_reason.as_deref()),
        locked: row.locked_at.map(|_| row.locked_reason.unwrap_or_default()),
        pinned: row.pinned_at.is_some(),
        can_moderate: moderator,
        status: row.status,
        votes: i64::from(row.votes_count),
        voted,
        comments_count: i64::from(row.comments_count),
        author: person(row.author_id)?,
        category,
        tags,
        created_at: rfc3339(row.created_at),
        timeline,
        comments,
        merged_into: row.merged_into_id.map(i64::from),
        can_comment: crate::policy::can(actor, Action::CommentIdea, Scope::Others)
            && (row.locked_at.is_none()
                || crate::policy::can(actor, Action::SpeakInLockedDiscussion, Scope::Others)),
        can_change_status: crate::policy::can(actor, Action::ChangeIdeaStatus, Scope::Others),
        following: crate::follow::is_following(ctx, actor, id).await?,
        followers: crate::follow::count(&ctx.db, id).await?,
        votes_on_behalf: crate::vote::count_on_behalf(ctx, id).await?,
        can_vote_on_behalf: crate::policy::can(actor, Action::VoteOnBehalf, Scope::Others),
        can_merge: crate::policy::can(actor, Action::MergeIdeas, Scope::Others),
        can_review_answers: crate::policy::can(actor, Action::ReviewAnswers, Scope::Others),
        url: format!(
            "{}/ideas/{}",
            ctx.settings.base_url.trim_end_matches('/'),
            row.id
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_belong_to_their_sort() {
        for (sort, cursor) in [
            (IdeaSort::Trending, Cursor::Trending(-3.25e-3, 7)),
            (IdeaSort::Top, Cursor::Top(12, 9)),
            (IdeaSort::New, Cursor::New(40)),
            (IdeaSort::Updated, Cursor::Updated(1_780_000_000_123_456, 3)),
        ] {
            assert_eq!(Cursor::decode(&cursor.encode(), sort), Some(cursor.clone()));
        }
        assert_eq!(Cursor::decode("n.40", IdeaSort::Top), None);
        assert_eq!(Cursor::decode("garbage", IdeaSort::New), None);
    }
}
