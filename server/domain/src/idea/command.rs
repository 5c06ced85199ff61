//! Changing ideas: posting one, and staff status decisions with their
//! public explanation.

use std::collections::BTreeMap;

use sea_orm::{ActiveModelTrait, EntityTrait, Set, TransactionTrait};
use shared::idea::BODY_MAX_CHARS;
use shared::{IdeaStatus, NewIdea, StatusChange};

use super::store::{Lock, category_id, check_tags, check_title, find_by_number, trending_score};
use crate::actor::Actor;
use crate::entity::{idea, idea_status_change, idea_tag};
use crate::policy::{Action, Scope};
use crate::{Ctx, Error, Result};

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
        errors.insert("body".to_owned(), crate::msg!("command.must_describe_idea"));
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
    crate::personal_data::refuse(
        &[("title", &title), ("body", &input.body)],
        crate::personal_data::Instead::Remove,
    )?;
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
        status: Set(IdeaStatus::New),
        category_id: Set(category_id),
        author_id: Set(member.id),
        votes_count: Set(0),
        comments_count: Set(0),
        trending_score: Set(trending_score(0, now)),
        merged_into_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        hidden_reason: Set(admission.hold_reason().map(str::to_owned)),
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
            crate::events::Audience::Public,
            &shared::LiveEvent::Idea {
                number: i64::from(row.id),
            },
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
            crate::msg!("command.explain_decision_at_least_10"),
        );
    } else if explanation.chars().count() > BODY_MAX_CHARS {
        errors.insert(
            "explanation".to_owned(),
            crate::msg!(
                "field.must_at_most_characters",
                body_max_chars = BODY_MAX_CHARS
            ),
        );
    }
    if input.status == IdeaStatus::Duplicate && input.duplicate_of.is_none() {
        errors.insert(
            "duplicate_of".to_owned(),
            crate::msg!("command.name_idea_one_repeats"),
        );
    }
    if input.duplicate_of == Some(number) {
        errors.insert(
            "duplicate_of".to_owned(),
            crate::msg!("command.idea_cannot_repeat_itself"),
        );
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let txn = ctx.begin_write().await?;
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
            return Err(Error::invalid(
                "duplicate_of",
                crate::msg!("command.no_such_idea"),
            ));
        }
    }
    let from = row.status;
    let now = ctx.clock.now();
    let text = match input.duplicate_of {
        Some(original) => format!("{explanation}\n\n→ [#{original}](/ideas/{original})"),
        None => explanation,
    };
    idea_status_change::ActiveModel {
        idea_id: Set(id),
        from_status: Set(from),
        to_status: Set(input.status),
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
            kind: shared::NotificationKind::IdeaStatusChanged,
            idea_id: id,
            actor_id: member.id,
            subject: crate::msg!("notice.idea_status", number = id, title = &row.title).arg_word(
                "status",
                "idea_status",
                input.status.as_str(),
            ),
            text: crate::i18n::Message::said(text.clone()),
            link: format!("/ideas/{id}"),
        },
        now,
    )
    .await?;
    crate::audit::Entry::new(
        member.id,
        shared::AuditAction::IdeaStatusChanged,
        "idea",
        id,
    )
    .before(serde_json::json!({"status": row.status}))
    .after(serde_json::json!({"status": input.status.as_str(), "explanation": text}))
    .write(&txn, now)
    .await?;
    let event = shared::LiveEvent::Status {
        number: i64::from(id),
        status: input.status,
    };
    for topic in [
        crate::events::idea_topic(id),
        crate::events::BOARD.to_owned(),
    ] {
        crate::events::publish(&txn, topic, crate::events::Audience::Public, &event, now).await?;
    }
    let mut active: idea::ActiveModel = row.into();
    active.status = Set(input.status);
    active.updated_at = Set(now);
    active.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}
