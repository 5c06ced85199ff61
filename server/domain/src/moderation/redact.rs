//! Redaction: staff cut a piece of public text (personal data, typically)
//! out of a post with a reason. The text is replaced by a visible marker in
//! the post itself and in every copy Madang made of it — notifications,
//! mails still queued, webhook deliveries still to be retried, the idea
//! search index — so it vanishes from pages, the API, hydration data,
//! feeds and search alike. The original is kept only in the audit log.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::ExprTrait;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter,
    Set,
};
use shared::webhook::DeliveryStatus;
use shared::{RedactableKind, RedactionRequest, RedactionResult};

use super::report::check_reason;
use crate::actor::Actor;
use crate::entity::{
    idea, idea_comment, idea_tag, notification, outbox_mail, ticket, ticket_post, webhook_delivery,
};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, audit, markdown};

/// The marker left where text was removed.
fn marker(reason: &str) -> String {
    format!("[removed by staff: {}]", reason.replace('_', " "))
}

fn count(haystack: &str, needle: &str) -> i64 {
    i64::try_from(haystack.matches(needle).count()).unwrap_or(i64::MAX)
}

/// Replaces the text in the post itself; returns how often it occurred and
/// the audit target.
async fn redact_post(
    txn: &DatabaseTransaction,
    input: &RedactionRequest,
    replacement: &str,
) -> Result<(i64, &'static str, String)> {
    let not_found = || {
        Error::NotFound(crate::msg!("not_found.content", id = input.id).arg_word(
            "kind",
            "content_kind",
            input.kind.as_str(),
        ))
    };
    let id = i32::try_from(input.id).map_err(|_| not_found())?;
    let text = input.text.as_str();
    Ok(match input.kind {
        RedactableKind::Idea => {
            let row = idea::Entity::find_by_id(id)
                .one(txn)
                .await?
                .ok_or_else(not_found)?;
            let found = count(&row.title, text) + count(&row.body_md, text);
            let title = row.title.replace(text, replacement);
            let body = row.body_md.replace(text, replacement);
            let tags: Vec<String> = idea_tag::Entity::find()
                .filter(idea_tag::Column::IdeaId.eq(id))
                .all(txn)
                .await?
                .into_iter()
                .map(|t| t.tag)
                .collect();
            let mut active = row.into_active_model();
            active.title = Set(title.clone());
            active.body_html = Set(markdown::render(&body));
            active.body_md = Set(body);
            active.update(txn).await?;
            crate::search::index_idea(txn, id, &title, &tags).await?;
            (found, "idea", id.to_string())
        }
        RedactableKind::Comment => {
            let row = idea_comment::Entity::find_by_id(id)
                .one(txn)
                .await?
                .ok_or_else(not_found)?;
            let found = count(&row.body_md, text);
            let body = row.body_md.replace(text, replacement);
            let mut active = row.into_active_model();
            active.body_html = Set(markdown::render(&body));
            active.body_md = Set(body);
            active.update(txn).await?;
            (found, "comment", id.to_string())
        }
        RedactableKind::Ticket => {
            let row = ticket::Entity::find_by_id(id)
                .one(txn)
                .await?
                .ok_or_else(not_found)?;
            let found = count(&row.title, text) + count(&row.body_md, text);
            let title = row.title.replace(text, replacement);
            let body = row.body_md.replace(text, replacement);
            let number = shared::ticket::ticket_number(i64::from(row.id));
            let mut active = row.into_active_model();
            active.title = Set(title);
            active.body_html = Set(markdown::render(&body));
            active.body_md = Set(body);
            active.update(txn).await?;
            (found, "ticket", number)
        }
        RedactableKind::TicketPost => {
            let row = ticket_post::Entity::find_by_id(id)
                .one(txn)
                .await?
                .ok_or_else(not_found)?;
            let found = count(&row.body_md, text);
            let body = row.body_md.replace(text, replacement);
            let mut active = row.into_active_model();
            active.body_html = Set(markdown::render(&body));
            active.body_md = Set(body);
            active.update(txn).await?;
            (found, "ticket_post", id.to_string())
        }
    })
}

/// Replaces the text in every copy Madang keeps of what it published:
/// notifications, mails not sent yet, webhook deliveries not done yet.
async fn redact_copies(txn: &DatabaseTransaction, text: &str, replacement: &str) -> Result<i64> {
    let mut copies = 0;
    let notices = notification::Entity::find()
        .filter(
            notification::Column::Subject
                .contains(text)
                .or(notification::Column::BodyText.contains(text)),
        )
        .all(txn)
        .await?;
    for row in notices {
        copies += 1;
        let (subject, body) = (
            row.subject.replace(text, replacement),
            row.body_text.replace(text, replacement),
        );
        let mut active = row.into_active_model();
        active.subject = Set(subject);
        active.body_text = Set(body);
        active.update(txn).await?;
    }
    let mails = outbox_mail::Entity::find()
        .filter(outbox_mail::Column::SentAt.is_null())
        .filter(
            outbox_mail::Column::Subject
                .contains(text)
                .or(outbox_mail::Column::BodyText.contains(text)),
        )
        .all(txn)
        .await?;
    for row in mails {
        copies += 1;
        let (subject, body) = (
            row.subject.replace(text, replacement),
            row.body_text.replace(text, replacement),
        );
        let mut active = row.into_active_model();
        active.subject = Set(subject);
        active.body_text = Set(body);
        active.update(txn).await?;
    }
    // Payloads are JSON: the text appears as a JSON string would spell it.
    let json = |s: &str| {
        serde_json::to_string(s)
            .map(|q| q.trim_matches('"').to_owned())
            .map_err(|e| Error::Internal(e.to_string()))
    };
    let inner = json(text)?;
    let deliveries = webhook_delivery::Entity::find()
        .filter(webhook_delivery::Column::Status.eq(DeliveryStatus::Pending))
        .filter(webhook_delivery::Column::Payload.contains(&inner))
        .all(txn)
        .await?;
    let safe = json(replacement)?;
    for row in deliveries {
        copies += 1;
        let payload = row.payload.replace(&inner, &safe);
        let mut active = row.into_active_model();
        active.payload = Set(payload);
        active.update(txn).await?;
    }
    Ok(copies)
}

/// Staff redact a piece of public text with a reason (see the module doc).
pub async fn redact(ctx: &Ctx, actor: &Actor, input: RedactionRequest) -> Result<RedactionResult> {
    let staff = policy::member_for(actor, Action::RedactText, Scope::Others)?;
    let reason = input.reason.trim().to_owned();
    check_reason(&reason)?;
    if input.text.trim().chars().count() < 3 {
        return Err(Error::invalid(
            "text",
            crate::msg!("redact.give_exact_text_remove_at"),
        ));
    }
    let replacement = marker(&reason);
    let now: DateTime<Utc> = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    let (occurrences, target_type, target_id) = redact_post(&txn, &input, &replacement).await?;
    if occurrences == 0 {
        return Err(Error::invalid(
            "text",
            crate::msg!("redact.that_text_not_post"),
        ));
    }
    let copies = redact_copies(&txn, &input.text, &replacement).await?;
    audit::record(
        &txn,
        audit::Entry {
            guideline: None,
            actor_id: staff.id,
            action: shared::AuditAction::TextRedacted,
            target_type,
            target_id,
            // The only place the original stays.
            before: Some(serde_json::json!({"text": input.text})),
            after: Some(
                serde_json::json!({"text": replacement, "reason": reason, "copies": copies}),
            ),
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(RedactionResult {
        occurrences,
        copies,
    })
}
