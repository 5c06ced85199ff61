//! The idea board: posting ideas, listing them in a stable, paginated
//! order, one idea with its signed timeline, and the trending formula.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeZone, Utc};
use sea_orm::sea_query::{Condition, ExprTrait, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    TransactionTrait,
};
use shared::idea::{BODY_MAX_CHARS, TITLE_CHARS};
use shared::page::{DEFAULT_PAGE_LIMIT, PAGE_LIMIT_RANGE};
use shared::{
    BoardQuery, Category, IdeaCard, IdeaSort, IdeaStatus, IdeaView, NewIdea, Page, StatusChange,
    TimelineEntry,
};

use crate::actor::Actor;
use crate::entity::{category, idea, idea_comment, idea_status_change, idea_tag, idea_vote};
use crate::policy::{Action, Scope};
use crate::{Ctx, Error, Result, user};

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
    #[allow(clippy::cast_precision_loss)]
    let days = (created_at - epoch).num_seconds() as f64 / 86_400.0;
    f64::from(Ord::max(votes, 0)).ln_1p() / std::f64::consts::LN_2 + days / TRENDING_HALF_LIFE_DAYS
}

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
    let limit = query.limit.unwrap_or(DEFAULT_PAGE_LIMIT);
    if !PAGE_LIMIT_RANGE.contains(&limit) {
        return Err(Error::invalid("limit", "must be between 1 and 100"));
    }
    let mut select = idea::Entity::find()
        .filter(idea::Column::MergedIntoId.is_null())
        .filter(idea::Column::HiddenAt.is_null());
    if query.pinned == Some(true) {
        select = select.filter(idea::Column::PinnedAt.is_not_null());
    }
    if let Some(status) = query.status {
        select = select.filter(idea::Column::Status.eq(status.as_str()));
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
        let cursor = Cursor::decode(raw, query.sort).ok_or_else(|| {
            Error::invalid(
                "cursor",
                "is not a cursor of this list; start again without it",
            )
        })?;
        select = select.filter(cursor.after());
    }
    select = match query.sort {
        IdeaSort::Trending => select.order_by_desc(idea::Column::TrendingScore),
        IdeaSort::Top => select.order_by_desc(idea::Column::VotesCount),
        IdeaSort::New => select,
        IdeaSort::Updated => select.order_by_desc(idea::Column::UpdatedAt),
    }
    .order_by_desc(idea::Column::Id);

    let mut rows = select.limit(limit + 1).all(&ctx.db).await?;
    let has_more = rows.len() as u64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let next_cursor = if has_more {
        rows.last()
            .map(|last| Cursor::of(query.sort, last).encode())
    } else {
        None
    };

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
            .map(|c| (c.id, c.name))
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
                status: parse_status(&row.status)?,
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

/// How an idea row is read: plainly, or locked for the rest of the
/// transaction (PostgreSQL `FOR UPDATE`; SQLite's write transaction already
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
    let not_found = || Error::NotFound(format!("idea {number}"));
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
    if visible_to(&row, actor) {
        Ok(row)
    } else {
        Err(Error::NotFound(format!("idea {number}")))
    }
}

/// Whether the actor may reach this idea at all. Every way in (reading,
/// voting, following, commenting, reporting) and every channel (live
/// events, webhooks) goes by this one rule.
pub(crate) fn visible_to(row: &idea::Model, actor: &Actor) -> bool {
    !crate::moderation::is_held(row.hidden_reason.as_deref())
        || actor.member().is_some_and(|m| m.id == row.author_id)
        || crate::policy::can(actor, Action::HandleReports, Scope::Others)
}

fn parse_status(raw: &str) -> Result<IdeaStatus> {
    raw.parse::<IdeaStatus>()
        .map_err(|e| Error::Internal(e.to_string()))
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
        .filter(|c| crate::comment::visible_to(c, actor))
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
            .map(|c| c.name),
        None => None,
    };
    let mut timeline = changes
        .into_iter()
        .map(|c| {
            let by = person(c.by_id)?.staff.ok_or_else(|| {
                Error::Internal(format!("status change {} not signed by staff", c.id))
            })?;
            Ok(TimelineEntry {
                kind: "status_changed".to_owned(),
                at: rfc3339(c.created_at),
                by,
                status: Some(parse_status(&c.to_status)?),
                from_status: Some(parse_status(&c.from_status)?),
                text_html: c.explanation_html,
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
            kind: "announcement".to_owned(),
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
    let held = crate::moderation::is_held(row.hidden_reason.as_deref());
    let hidden = (row.hidden_at.is_some() && !held).then(|| {
        crate::moderation::tombstone(
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
        locked: row.locked_at.map(|_| row.locked_reason.unwrap_or_default()),
        pinned: row.pinned_at.is_some(),
        can_moderate: moderator,
        status: parse_status(&row.status)?,
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
            && (row.locked_at.is_none() || actor.member().is_some_and(|m| m.role.is_staff())),
        can_change_status: crate::policy::can(actor, Action::ChangeIdeaStatus, Scope::Others),
        following: crate::follow::is_following(ctx, actor, id).await?,
        followers: crate::follow::count(&ctx.db, id).await?,
        votes_on_behalf: crate::vote::count_on_behalf(ctx, id).await?,
        can_vote_on_behalf: crate::policy::can(actor, Action::VoteOnBehalf, Scope::Others),
        can_merge: crate::policy::can(actor, Action::MergeIdeas, Scope::Others),
        url: format!(
            "{}/ideas/{}",
            ctx.settings.base_url.trim_end_matches('/'),
            row.id
        ),
    })
}

/// Tags are stored without `#` and lower-case, so `#Billing` and `billing`
/// are one tag.
fn normalise_tag(raw: &str) -> String {
    raw.trim().trim_start_matches('#').to_lowercase()
}

/// The trimmed title, or what is wrong with it.
pub(crate) fn check_title(raw: &str) -> std::result::Result<String, String> {
    let title = raw.trim().to_owned();
    if TITLE_CHARS.contains(&title.chars().count()) {
        Ok(title)
    } else {
        Err(format!(
            "must be {}–{} characters",
            TITLE_CHARS.start(),
            TITLE_CHARS.end()
        ))
    }
}

/// The normalised, distinct, sorted tags, or what is wrong with them.
pub(crate) fn check_tags(raw: &[String]) -> std::result::Result<Vec<String>, String> {
    let mut tags: Vec<String> = raw
        .iter()
        .map(|t| normalise_tag(t))
        .filter(|t| !t.is_empty())
        .collect();
    tags.sort();
    tags.dedup();
    if tags.len() > 5 {
        Err("at most 5 tags".to_owned())
    } else if tags.iter().any(|t| t.chars().count() > 30) {
        Err("each tag must be at most 30 characters".to_owned())
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
        .ok_or_else(|| Error::invalid("category", format!("no category `{slug}`")))?
        .id)
}

/// Checks a new idea's fields, naming each invalid one; returns the trimmed
/// title and the normalised tags.
fn validate_new(input: &NewIdea) -> Result<(String, Vec<String>)> {
    let mut errors = BTreeMap::new();
    let title = check_title(&input.title).unwrap_or_else(|e| {
        errors.insert("title".to_owned(), e);
        String::new()
    });
    let body_chars = input.body.chars().count();
    if input.body.trim().is_empty() {
        errors.insert("body".to_owned(), "must describe the idea".to_owned());
    } else if body_chars > BODY_MAX_CHARS {
        errors.insert(
            "body".to_owned(),
            format!("must be at most {BODY_MAX_CHARS} characters (it has {body_chars})"),
        );
    }
    let tags = check_tags(&input.tags).unwrap_or_else(|e| {
        errors.insert("tags".to_owned(), e);
        Vec::new()
    });
    if errors.is_empty() {
        Ok((title, tags))
    } else {
        Err(Error::Invalid(errors))
    }
}

/// Posts an idea: validated, Markdown rendered and sanitised once, status
/// `new`, the author's own vote not implied. Returns the new idea's number.
pub async fn create(ctx: &Ctx, actor: &Actor, input: NewIdea) -> Result<i64> {
    let member = crate::policy::member_for(actor, Action::PostIdea, Scope::Others)?;
    let (title, tags) = validate_new(&input)?;
    let category_id = match input.category.as_deref().filter(|c| !c.is_empty()) {
        Some(slug) => Some(category_id(&ctx.db, slug).await?),
        None => None,
    };
    let mut texts: Vec<&str> = vec![&title, &input.body];
    texts.extend(tags.iter().map(String::as_str));
    let admission =
        crate::guard::admit(ctx, member, crate::guard::Post::Idea, "body", &texts).await?;
    let now = ctx.clock.now();
    let txn = ctx.db.begin().await?;
    let row = idea::ActiveModel {
        title: Set(title),
        body_html: Set(crate::markdown::render(&input.body)),
        body_md: Set(input.body),
        status: Set(IdeaStatus::New.as_str().to_owned()),
        category_id: Set(category_id),
        author_id: Set(member.id),
        votes_count: Set(0),
        comments_count: Set(0),
        trending_score: Set(trending_score(0, now)),
        merged_into_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        hidden_reason: Set(admission.held().then(|| crate::moderation::HELD.to_owned())),
        hidden_at: Set(admission.held().then_some(now)),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    crate::search::index_idea(&txn, row.id, &row.title, &tags).await?;
    if !admission.held() {
        crate::events::publish(
            &txn,
            crate::events::BOARD.to_owned(),
            "idea",
            crate::events::Audience::Public,
            serde_json::json!({"number": row.id}),
            now,
        )
        .await?;
    }
    crate::follow::add(&txn, row.id, member.id, now).await?;
    for tag in tags {
        idea_tag::ActiveModel {
            idea_id: Set(row.id),
            tag: Set(tag),
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(i64::from(row.id))
}

/// A staff decision: moves the idea to a new status with a written public
/// explanation, recorded in the timeline signed by the staff member.
pub async fn change_status(
    ctx: &Ctx,
    actor: &Actor,
    number: i64,
    input: StatusChange,
) -> Result<()> {
    let member = crate::policy::member_for(actor, Action::ChangeIdeaStatus, Scope::Others)?;
    let mut errors = BTreeMap::new();
    let explanation = input.explanation.trim().to_owned();
    if explanation.chars().count() < 10 {
        errors.insert(
            "explanation".to_owned(),
            "explain the decision in at least 10 characters".to_owned(),
        );
    } else if explanation.chars().count() > BODY_MAX_CHARS {
        errors.insert(
            "explanation".to_owned(),
            format!("must be at most {BODY_MAX_CHARS} characters"),
        );
    }
    if input.status == IdeaStatus::Duplicate && input.duplicate_of.is_none() {
        errors.insert(
            "duplicate_of".to_owned(),
            "name the idea this one repeats".to_owned(),
        );
    }
    if input.duplicate_of == Some(number) {
        errors.insert(
            "duplicate_of".to_owned(),
            "an idea cannot repeat itself".to_owned(),
        );
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let txn = crate::db::begin_write(&ctx.db).await?;
    let row = find_by_number(&txn, number, Lock::ForUpdate).await?;
    let id = row.id;
    if let Some(original) = input.duplicate_of {
        let exists = match i32::try_from(original) {
            Ok(original) => idea::Entity::find_by_id(original)
                .one(&txn)
                .await?
                .is_some(),
            Err(_) => false,
        };
        if !exists {
            return Err(Error::invalid("duplicate_of", "no such idea"));
        }
    }
    let from = row.status.clone();
    let now = ctx.clock.now();
    let text = match input.duplicate_of {
        Some(original) => format!("{explanation}\n\n→ [#{original}](/ideas/{original})"),
        None => explanation,
    };
    idea_status_change::ActiveModel {
        idea_id: Set(id),
        from_status: Set(from),
        to_status: Set(input.status.as_str().to_owned()),
        explanation_html: Set(crate::markdown::render(&text)),
        explanation_md: Set(text.clone()),
        by_id: Set(member.id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    crate::notification::tell_idea_followers(
        &txn,
        crate::notification::IdeaNews {
            kind: crate::notification::IDEA_STATUS_CHANGED,
            idea_id: id,
            actor_id: member.id,
            subject: format!("#{id} {} → {}", row.title, input.status.as_str()),
            text: &text,
            link: format!("/ideas/{id}"),
        },
        now,
    )
    .await?;
    crate::audit::Entry::new(member.id, "idea.status_changed", "idea", id)
        .before(serde_json::json!({"status": row.status}))
        .after(serde_json::json!({"status": input.status.as_str(), "explanation": text}))
        .write(&txn, now)
        .await?;
    let payload = serde_json::json!({"number": id, "status": input.status.as_str()});
    for topic in [
        crate::events::idea_topic(id),
        crate::events::BOARD.to_owned(),
    ] {
        crate::events::publish(
            &txn,
            topic,
            "status",
            crate::events::Audience::Public,
            payload.clone(),
            now,
        )
        .await?;
    }
    let mut active: idea::ActiveModel = row.into();
    active.status = Set(input.status.as_str().to_owned());
    active.updated_at = Set(now);
    active.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Adds a product area (admins); the slug must be new.
pub async fn create_category(ctx: &Ctx, actor: &Actor, input: Category) -> Result<Category> {
    let admin = crate::policy::member_for(actor, Action::ManageCategories, Scope::Others)?;
    let mut errors = BTreeMap::new();
    if let Err(message) = crate::department::check_slug(&input.slug) {
        errors.insert("slug".to_owned(), message.to_owned());
    }
    let name = input.name.trim().to_owned();
    if !(1..=80).contains(&name.chars().count()) {
        errors.insert("name".to_owned(), "must be 1–80 characters".to_owned());
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let row = category::ActiveModel {
        slug: Set(input.slug.clone()),
        name: Set(name),
        ..Default::default()
    }
    .insert(&ctx.db)
    .await
    .map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
            Error::Conflict(format!("a category with slug `{}` exists", input.slug))
        }
        _ => Error::Db(e),
    })?;
    crate::audit::Entry::new(admin.id, "category.created", "category", &row.slug)
        .after(serde_json::json!({"name": row.name}))
        .write(&ctx.db, ctx.clock.now())
        .await?;
    Ok(Category {
        slug: row.slug,
        name: row.name,
    })
}

/// The admin-defined categories, by name.
pub async fn categories(ctx: &Ctx) -> Result<Vec<Category>> {
    Ok(category::Entity::find()
        .order_by_asc(category::Column::Name)
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|c| Category {
            slug: c.slug,
            name: c.name,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

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
