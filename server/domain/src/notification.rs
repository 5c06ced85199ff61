//! Notification records: written in the same transaction as the change they
//! report, so nobody who follows or voted for an idea misses its fate.
//! Delivery (e-mail, live badge) reads these records.

use std::collections::{BTreeSet, HashMap};

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use shared::{Locale, NotificationKind, NotificationList, NotificationView};

use crate::actor::Actor;
use crate::entity::{idea_comment, idea_follow, idea_vote, notification};
use crate::i18n::Message;
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Result};

/// Most notifications listed at once.
const LIST_LIMIT: u64 = 50;

/// What to tell the members concerned with one idea.
pub struct IdeaNews {
    /// `IdeaStatusChanged` or `Announcement`.
    pub kind: NotificationKind,
    /// The idea concerned.
    pub idea_id: i32,
    /// Who caused it; they are not told about their own act.
    pub actor_id: i32,
    /// One line, worded in each reader's language.
    pub subject: Message,
    /// Plain text (Markdown source is fine: it reads as text); usually
    /// [`Message::said`] with what somebody wrote.
    pub text: Message,
    /// Site path to read more.
    pub link: String,
}

/// What to tell one member about something that concerns them alone.
pub struct Notice {
    /// Who is told.
    pub member_id: i32,
    /// What it is about.
    pub kind: NotificationKind,
    /// Who caused it.
    pub actor_id: i32,
    /// One line, worded in the member's language.
    pub subject: Message,
    /// Plain text, usually [`Message::said`] with what somebody wrote.
    pub text: Message,
    /// Site path to read more.
    pub link: String,
}

/// Tells one member about something that concerns them alone (an answer to
/// their ticket): a notification row and a live event for their bell.
pub async fn tell_member<C: ConnectionTrait>(
    db: &C,
    notice: Notice,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let locale = crate::language::of(db, notice.member_id).await?;
    let Notice {
        member_id,
        kind,
        actor_id,
        subject,
        text,
        link,
    } = notice;
    notification::ActiveModel {
        user_id: Set(member_id),
        kind: Set(kind),
        idea_id: Set(None),
        actor_id: Set(Some(actor_id)),
        subject: Set(subject.text(locale)),
        body_text: Set(text.text(locale)),
        link: Set(link.clone()),
        created_at: Set(at),
        read_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    publish_notice(db, member_id, kind, &link, at).await
}

/// Members who follow or voted for the idea.
async fn concerned<C: ConnectionTrait>(db: &C, idea_id: i32) -> Result<BTreeSet<i32>> {
    let mut people: BTreeSet<i32> = idea_follow::Entity::find()
        .select_only()
        .column(idea_follow::Column::UserId)
        .filter(idea_follow::Column::IdeaId.eq(idea_id))
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    people.extend(
        idea_vote::Entity::find()
            .select_only()
            .column(idea_vote::Column::UserId)
            .filter(idea_vote::Column::IdeaId.eq(idea_id))
            .into_tuple::<i32>()
            .all(db)
            .await?,
    );
    Ok(people)
}

/// Writes the same idea news for each of these members (in batches) and
/// rings their bells.
async fn write_for<C: ConnectionTrait>(
    db: &C,
    people: &BTreeSet<i32>,
    news: &IdeaNews,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let languages = crate::language::of_each(db, people).await?;
    let worded: HashMap<Locale, (String, String)> = Locale::ALL
        .into_iter()
        .map(|l| (l, (news.subject.text(l), news.text.text(l))))
        .collect();
    let rows: Vec<notification::ActiveModel> = people
        .iter()
        .map(|&user_id| {
            let locale = languages.get(&user_id).copied().unwrap_or_default();
            let (subject, text) = worded[&locale].clone();
            notification::ActiveModel {
                user_id: Set(user_id),
                kind: Set(news.kind),
                idea_id: Set(Some(news.idea_id)),
                actor_id: Set(Some(news.actor_id)),
                subject: Set(subject),
                body_text: Set(text),
                link: Set(news.link.clone()),
                created_at: Set(at),
                read_at: Set(None),
                ..Default::default()
            }
        })
        .collect();
    for chunk in rows.chunks(500) {
        notification::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    for &user_id in people {
        publish_notice(db, user_id, news.kind, &news.link, at).await?;
    }
    Ok(())
}

/// Writes one notification per follower and voter of the idea (except the
/// actor); returns how many were written.
pub async fn tell_idea_followers<C: ConnectionTrait>(
    db: &C,
    news: IdeaNews,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<usize> {
    let mut people = concerned(db, news.idea_id).await?;
    people.remove(&news.actor_id);
    write_for(db, &people, &news, at).await?;
    Ok(people.len())
}

/// A new comment on an idea, for its followers.
pub struct CommentNews<'a> {
    /// The idea.
    pub idea_id: i32,
    /// Its public number and title, for the subject.
    pub number: i64,
    /// Its title.
    pub title: &'a str,
    /// Who commented (not told).
    pub actor_id: i32,
    /// Their display name.
    pub actor_name: &'a str,
    /// The comment, as plain text.
    pub text: &'a str,
}

/// Tells the idea's followers about a new comment, grouped: while a
/// follower has not read the last notice, it becomes "3 new comments on
/// #12" instead of a new line in their bell.
pub async fn tell_comment_followers<C: ConnectionTrait>(
    db: &C,
    news: CommentNews<'_>,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<usize> {
    let kind = NotificationKind::IdeaComments;
    let mut people: BTreeSet<i32> = idea_follow::Entity::find()
        .select_only()
        .column(idea_follow::Column::UserId)
        .filter(idea_follow::Column::IdeaId.eq(news.idea_id))
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    people.remove(&news.actor_id);
    if people.is_empty() {
        return Ok(0);
    }
    let link = format!("/ideas/{}", news.number);
    let unread = notification::Entity::find()
        .filter(notification::Column::Kind.eq(kind))
        .filter(notification::Column::IdeaId.eq(news.idea_id))
        .filter(notification::Column::ReadAt.is_null())
        .filter(notification::Column::UserId.is_in(people.iter().copied()))
        .all(db)
        .await?;
    let told = people.len();
    let languages = crate::language::of_each(db, &people).await?;
    for row in unread {
        if !people.remove(&row.user_id) {
            continue;
        }
        let count = idea_comment::Entity::find()
            .filter(idea_comment::Column::IdeaId.eq(news.idea_id))
            .filter(idea_comment::Column::CreatedAt.gte(row.created_at))
            .filter(idea_comment::Column::AuthorId.ne(row.user_id))
            .filter(idea_comment::Column::DeletedAt.is_null())
            .filter(idea_comment::Column::HiddenAt.is_null())
            .count(db)
            .await?;
        let user_id = row.user_id;
        let mut active = row.into_active_model();
        let locale = languages.get(&user_id).copied().unwrap_or_default();
        let subject = crate::msg!(
            "notice.comments",
            count = count,
            number = news.number,
            title = news.title,
            author = news.actor_name
        );
        active.subject = Set(subject.text(locale));
        active.body_text = Set(news.text.to_owned());
        active.actor_id = Set(Some(news.actor_id));
        active.mailed_at = Set(None);
        active.update(db).await?;
        publish_notice(db, user_id, kind, &link, at).await?;
    }
    let fresh = IdeaNews {
        kind,
        idea_id: news.idea_id,
        actor_id: news.actor_id,
        subject: crate::msg!(
            "notice.comment",
            author = news.actor_name,
            number = news.number,
            title = news.title
        ),
        text: Message::said(news.text),
        link,
    };
    write_for(db, &people, &fresh, at).await?;
    Ok(told)
}

/// Rings the member's bell on their open pages.
async fn publish_notice<C: ConnectionTrait>(
    db: &C,
    user_id: i32,
    kind: NotificationKind,
    link: &str,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    crate::events::publish(
        db,
        crate::events::member_topic(user_id),
        crate::events::Audience::Member(user_id),
        &shared::LiveEvent::Notification {
            kind,
            link: link.to_owned(),
        },
        at,
    )
    .await
}

/// The signed-in member's newest notifications and unread count.
pub async fn list(ctx: &Ctx, actor: &Actor) -> Result<NotificationList> {
    let member = policy::member_for(actor, Action::ManageOwnAccount, Scope::Own)?;
    let rows = notification::Entity::find()
        .filter(notification::Column::UserId.eq(member.id))
        .order_by_desc(notification::Column::Id)
        .limit(LIST_LIMIT)
        .all(&ctx.db)
        .await?;
    let unread = notification::Entity::find()
        .filter(notification::Column::UserId.eq(member.id))
        .filter(notification::Column::ReadAt.is_null())
        .count(&ctx.db)
        .await?;
    Ok(NotificationList {
        items: rows
            .into_iter()
            .map(|row| NotificationView {
                id: i64::from(row.id),
                kind: row.kind,
                subject: row.subject,
                text: row.body_text,
                link: row.link,
                idea: row.idea_id.map(i64::from),
                created_at: row
                    .created_at
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                read: row.read_at.is_some(),
            })
            .collect(),
        unread: i64::try_from(unread).unwrap_or(i64::MAX),
    })
}

/// Marks all of the member's notifications read.
pub async fn mark_all_read(ctx: &Ctx, actor: &Actor) -> Result<()> {
    let member = policy::member_for(actor, Action::ManageOwnAccount, Scope::Own)?;
    notification::Entity::update_many()
        .col_expr(
            notification::Column::ReadAt,
            Expr::value(Some(ctx.clock.now())),
        )
        .filter(notification::Column::UserId.eq(member.id))
        .filter(notification::Column::ReadAt.is_null())
        .exec(&ctx.db)
        .await?;
    Ok(())
}
