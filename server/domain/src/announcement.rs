//! Announcements, the company blog as the hub of the board: staff publish
//! Markdown posts that link the ideas they deliver ("you asked, we did").
//! Each linked idea shows the post in its timeline, and its followers and
//! voters are told.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use shared::announcement::TITLE_MAX_CHARS;
use shared::idea::BODY_MAX_CHARS;
use shared::{AnnouncementRef, AnnouncementView, LinkedIdea, NewAnnouncement, Page};

use crate::actor::Actor;
use crate::entity::{announcement, announcement_idea, idea};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, markdown, notification, user};

/// Most ideas one post may link; a post delivering more is a release note,
/// and a list that long helps nobody.
pub const MAX_LINKED_IDEAS: usize = 20;

fn validate(input: &NewAnnouncement) -> Result<(String, Vec<i32>)> {
    let mut errors = BTreeMap::new();
    let title = input.title.trim().to_owned();
    let title_chars = title.chars().count();
    if !(5..=TITLE_MAX_CHARS).contains(&title_chars) {
        errors.insert(
            "title".to_owned(),
            crate::msg!(
                "announcement.must_5_characters",
                title_max_chars = TITLE_MAX_CHARS
            ),
        );
    }
    let body_chars = input.body.chars().count();
    if input.body.trim().is_empty() {
        errors.insert("body".to_owned(), crate::msg!("field.must_not_empty"));
    } else if body_chars > BODY_MAX_CHARS {
        errors.insert(
            "body".to_owned(),
            crate::msg!(
                "field.must_at_most_characters_has",
                body_max_chars = BODY_MAX_CHARS,
                body_chars = body_chars
            ),
        );
    }
    let ideas: BTreeSet<i64> = input.ideas.iter().copied().collect();
    if ideas.len() > MAX_LINKED_IDEAS {
        errors.insert(
            "ideas".to_owned(),
            crate::msg!(
                "announcement.link_at_most_ideas",
                max_linked_ideas = MAX_LINKED_IDEAS
            ),
        );
    }
    let ids: Vec<i32> = ideas
        .iter()
        .map(|&n| i32::try_from(n).unwrap_or(-1))
        .collect();
    if errors.is_empty() {
        Ok((title, ids))
    } else {
        Err(Error::Invalid(errors))
    }
}

/// Publishes a post (staff), links its ideas and tells their followers and
/// voters. Returns the new post.
pub async fn publish(ctx: &Ctx, actor: &Actor, input: NewAnnouncement) -> Result<AnnouncementView> {
    let member = policy::member_for(actor, Action::PublishAnnouncement, Scope::Others)?;
    let (title, idea_ids) = validate(&input)?;
    let found: Vec<idea::Model> = if idea_ids.is_empty() {
        Vec::new()
    } else {
        idea::Entity::find()
            .filter(idea::Column::Id.is_in(idea_ids.clone()))
            .all(&ctx.db)
            .await?
    };
    let missing: Vec<String> = idea_ids
        .iter()
        .filter(|id| !found.iter().any(|f| f.id == **id))
        .map(|id| format!("#{id}"))
        .collect();
    if !missing.is_empty() {
        return Err(Error::invalid(
            "ideas",
            crate::msg!("announcement.no_such_idea", join = missing.join(", ")),
        ));
    }
    let now = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    let post = announcement::ActiveModel {
        title: Set(title.clone()),
        body_html: Set(markdown::render(&input.body)),
        body_md: Set(input.body.clone()),
        author_id: Set(member.id),
        published_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for row in &found {
        announcement_idea::ActiveModel {
            announcement_id: Set(post.id),
            idea_id: Set(row.id),
        }
        .insert(&txn)
        .await?;
        notification::tell_idea_followers(
            &txn,
            notification::IdeaNews {
                kind: shared::NotificationKind::Announcement,
                idea_id: row.id,
                actor_id: member.id,
                subject: crate::msg!(
                    "notice.announcement",
                    number = row.id,
                    title = &row.title,
                    announcement = &title
                ),
                text: crate::i18n::Message::said(input.body.clone()),
                link: format!("/announcements/{}", post.id),
            },
            now,
        )
        .await?;
    }
    crate::audit::Entry::new(
        member.id,
        shared::AuditAction::AnnouncementPublished,
        "announcement",
        post.id,
    )
    .after(serde_json::json!({"title": title, "ideas": idea_ids}))
    .write(&txn, now)
    .await?;
    txn.commit().await?;
    get(ctx, i64::from(post.id)).await
}

async fn views(ctx: &Ctx, posts: Vec<announcement::Model>) -> Result<Vec<AnnouncementView>> {
    let post_ids: Vec<i32> = posts.iter().map(|p| p.id).collect();
    let links = if post_ids.is_empty() {
        Vec::new()
    } else {
        announcement_idea::Entity::find()
            .filter(announcement_idea::Column::AnnouncementId.is_in(post_ids))
            .all(&ctx.db)
            .await?
    };
    let idea_ids: Vec<i32> = links.iter().map(|l| l.idea_id).collect();
    let ideas: HashMap<i32, idea::Model> = if idea_ids.is_empty() {
        HashMap::new()
    } else {
        idea::Entity::find()
            .filter(idea::Column::Id.is_in(idea_ids))
            .all(&ctx.db)
            .await?
            .into_iter()
            .map(|i| (i.id, i))
            .collect()
    };
    let authors = user::refs(ctx, posts.iter().map(|p| p.author_id)).await?;
    posts
        .into_iter()
        .map(|post| {
            let mut linked: Vec<LinkedIdea> = links
                .iter()
                .filter(|l| l.announcement_id == post.id)
                .filter_map(|l| ideas.get(&l.idea_id))
                .map(|i| {
                    Ok(LinkedIdea {
                        number: i64::from(i.id),
                        title: i.title.clone(),
                        status: i.status,
                        votes: i64::from(i.votes_count),
                    })
                })
                .collect::<Result<_>>()?;
            linked.sort_by_key(|l| l.number);
            let author = authors.get(&post.author_id).cloned().ok_or_else(|| {
                Error::Internal(format!("announcement {} has no author", post.id))
            })?;
            Ok(AnnouncementView {
                id: i64::from(post.id),
                title: post.title,
                body_html: post.body_html,
                author,
                published_at: post
                    .published_at
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                ideas: linked,
            })
        })
        .collect()
}

/// Newest posts first, one page at a time (the cursor is the last post's id).
pub async fn list(
    ctx: &Ctx,
    limit: Option<u64>,
    cursor: Option<&str>,
) -> Result<Page<AnnouncementView>> {
    let limit = crate::pagination::page_limit(limit)?;
    let mut select = announcement::Entity::find();
    if let Some(before) = crate::pagination::id_before(cursor, "")? {
        select = select.filter(announcement::Column::Id.lt(before));
    }
    let rows = select
        .order_by_desc(announcement::Column::Id)
        .limit(limit + 1)
        .all(&ctx.db)
        .await?;
    let (rows, next_cursor) = crate::pagination::split_page(rows, limit, |r| r.id.to_string());
    Ok(Page {
        items: views(ctx, rows).await?,
        next_cursor,
    })
}

/// One post.
pub async fn get(ctx: &Ctx, id: i64) -> Result<AnnouncementView> {
    let not_found = || Error::NotFound(crate::msg!("not_found.announcement", id = id));
    let key = i32::try_from(id).map_err(|_| not_found())?;
    let row = announcement::Entity::find_by_id(key)
        .one(&ctx.db)
        .await?
        .ok_or_else(not_found)?;
    views(ctx, vec![row]).await?.pop().ok_or_else(not_found)
}

/// The posts that link an idea, oldest first, for its timeline: each with
/// its author's id and time.
pub(crate) async fn for_idea(
    ctx: &Ctx,
    idea_id: i32,
) -> Result<Vec<(announcement::Model, AnnouncementRef)>> {
    let post_ids: Vec<i32> = announcement_idea::Entity::find()
        .filter(announcement_idea::Column::IdeaId.eq(idea_id))
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|l| l.announcement_id)
        .collect();
    if post_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(announcement::Entity::find()
        .filter(announcement::Column::Id.is_in(post_ids))
        .order_by_asc(announcement::Column::PublishedAt)
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|post| {
            let reference = AnnouncementRef {
                id: i64::from(post.id),
                title: post.title.clone(),
            };
            (post, reference)
        })
        .collect())
}
