//! The answer kit: canned answers admins write (with placeholders filled
//! for the ticket at hand), the guidelines checklist shown beside every
//! reply, and the four-part public statement the articles describe.

use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, QueryOrder, Set};
use shared::locale::Bilingual;
use shared::{AnswerKit, CannedAnswer, CannedAnswerInput};

use crate::actor::Actor;
use crate::entity::canned_answer;
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, audit};

/// A public statement in four parts: what happened, where the company
/// stands, the apology, and what it will do next.
pub const STATEMENT_TEMPLATE: &str = "**What happened / 경위**\n\n\n\n**Our position / 입장**\n\n\n\n**Our apology / 사과**\n\n\n\n**What we will do next / 후속 조치**\n\n";

/// Fills `{customer_name}`, `{ticket_number}`, `{department}` and
/// `{agent_name}`; other braces stay as written.
#[must_use]
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (key, value)| {
            text.replace(&format!("{{{key}}}"), value)
        })
}

fn validate_canned(input: &CannedAnswerInput) -> Result<()> {
    let mut errors = std::collections::BTreeMap::new();
    if !(3..=80).contains(&input.title.trim().chars().count()) {
        errors.insert(
            "title".to_owned(),
            crate::msg!("answer_kit.must_3_80_characters"),
        );
    }
    let body = input.body.trim().chars().count();
    if !(1..=5_000).contains(&body) {
        errors.insert(
            "body".to_owned(),
            crate::msg!("answer_kit.must_1_5000_characters"),
        );
    }
    if input.title_en.trim().chars().count() > 80 {
        errors.insert(
            "title_en".to_owned(),
            crate::msg!("field.must_at_most_80_characters"),
        );
    }
    if input.body_en.trim().chars().count() > 5_000 {
        errors.insert(
            "body_en".to_owned(),
            crate::msg!("field.must_at_most_5000_characters"),
        );
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(errors))
    }
}

/// A canned answer with its title for the reader and its body in `locale`
/// (the customer's, in a ticket's kit).
fn canned_view(row: canned_answer::Model, locale: shared::Locale) -> CannedAnswer {
    let titles = Bilingual::new(row.title, row.title_en);
    let bodies = Bilingual::new(row.body_md, row.body_md_en);
    CannedAnswer {
        id: i64::from(row.id),
        title: titles.get(crate::i18n::request_locale()).to_owned(),
        body: bodies.get(locale).to_owned(),
        titles,
        bodies,
    }
}

/// What the audit log keeps of a canned answer.
fn canned_record(row: &canned_answer::Model) -> serde_json::Value {
    serde_json::json!({
        "title": row.title,
        "title_en": row.title_en,
        "body": row.body_md,
        "body_en": row.body_md_en,
    })
}

async fn all_canned(ctx: &Ctx) -> Result<Vec<canned_answer::Model>> {
    Ok(canned_answer::Entity::find()
        .order_by_asc(canned_answer::Column::Title)
        .all(&ctx.db)
        .await?)
}

/// The kit for replying on one ticket (staff).
pub async fn for_ticket(ctx: &Ctx, actor: &Actor, number: &str) -> Result<AnswerKit> {
    let staff = policy::member_for(actor, Action::UseAnswerKit, Scope::Others)?;
    let ticket = crate::ticket::get(ctx, actor, number).await?;
    let agent = crate::user::refs(ctx, [staff.id])
        .await?
        .remove(&staff.id)
        .map(|u| u.display_name)
        .unwrap_or_default();
    // The answer is for the customer: in their language, department too.
    let customer_id = i32::try_from(ticket.author.id)
        .map_err(|_| Error::Internal(format!("member id {}", ticket.author.id)))?;
    let locale = crate::language::of(&ctx.db, customer_id).await?;
    let department = match &ticket.department {
        Some(d) => crate::department::names_of(ctx, &d.slug)
            .await?
            .get(locale)
            .to_owned(),
        None => String::new(),
    };
    let values = [
        ("customer_name", ticket.author.display_name.as_str()),
        ("ticket_number", ticket.number.as_str()),
        ("department", department.as_str()),
        ("agent_name", agent.as_str()),
    ];
    Ok(AnswerKit {
        canned: all_canned(ctx)
            .await?
            .into_iter()
            .map(|row| {
                let view = canned_view(row, locale);
                CannedAnswer {
                    body: fill(&view.body, &values),
                    ..view
                }
            })
            .collect(),
        guidelines: crate::guideline::all_guidelines(ctx)
            .await?
            .into_iter()
            .map(crate::guideline::guideline_view)
            .collect(),
        statement_template: STATEMENT_TEMPLATE.to_owned(),
    })
}

/// Canned answers as written, placeholders unfilled (admins).
pub async fn list_canned(ctx: &Ctx, actor: &Actor) -> Result<Vec<CannedAnswer>> {
    policy::authorize(actor, Action::ManageAnswerKit, Scope::Others)?;
    Ok(all_canned(ctx)
        .await?
        .into_iter()
        .map(|row| canned_view(row, crate::i18n::request_locale()))
        .collect())
}

/// Adds a canned answer (admins).
pub async fn create_canned(
    ctx: &Ctx,
    actor: &Actor,
    input: CannedAnswerInput,
) -> Result<CannedAnswer> {
    let admin = policy::member_for(actor, Action::ManageAnswerKit, Scope::Others)?;
    validate_canned(&input)?;
    let now = ctx.clock.now();
    let row = canned_answer::ActiveModel {
        title: Set(input.title.trim().to_owned()),
        title_en: Set(input.title_en.trim().to_owned()),
        body_md: Set(input.body),
        body_md_en: Set(input.body_en.trim().to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&ctx.db)
    .await?;
    audit::Entry::new(
        admin.id,
        shared::AuditAction::CannedAnswerCreated,
        "canned_answer",
        row.id,
    )
    .after(canned_record(&row))
    .write(&ctx.db, now)
    .await?;
    Ok(canned_view(row, crate::i18n::request_locale()))
}

/// Rewrites a canned answer (admins).
pub async fn update_canned(
    ctx: &Ctx,
    actor: &Actor,
    id: i64,
    input: CannedAnswerInput,
) -> Result<CannedAnswer> {
    let admin = policy::member_for(actor, Action::ManageAnswerKit, Scope::Others)?;
    validate_canned(&input)?;
    let not_found = || Error::NotFound(crate::msg!("not_found.canned_answer", id = id));
    let key = i32::try_from(id).map_err(|_| not_found())?;
    let row = canned_answer::Entity::find_by_id(key)
        .one(&ctx.db)
        .await?
        .ok_or_else(not_found)?;
    let before = canned_record(&row);
    let mut active = row.into_active_model();
    active.title = Set(input.title.trim().to_owned());
    active.title_en = Set(input.title_en.trim().to_owned());
    active.body_md = Set(input.body);
    active.body_md_en = Set(input.body_en.trim().to_owned());
    active.updated_at = Set(ctx.clock.now());
    let row = active.update(&ctx.db).await?;
    audit::Entry::new(
        admin.id,
        shared::AuditAction::CannedAnswerChanged,
        "canned_answer",
        row.id,
    )
    .before(before)
    .after(canned_record(&row))
    .write(&ctx.db, ctx.clock.now())
    .await?;
    Ok(canned_view(row, crate::i18n::request_locale()))
}

/// Removes a canned answer (admins).
pub async fn delete_canned(ctx: &Ctx, actor: &Actor, id: i64) -> Result<()> {
    let admin = policy::member_for(actor, Action::ManageAnswerKit, Scope::Others)?;
    let key = i32::try_from(id)
        .map_err(|_| Error::NotFound(crate::msg!("not_found.canned_answer", id = id)))?;
    let done = canned_answer::Entity::delete_by_id(key)
        .exec(&ctx.db)
        .await?;
    if done.rows_affected == 0 {
        return Err(Error::NotFound(crate::msg!(
            "not_found.canned_answer",
            id = id
        )));
    }
    audit::Entry::new(
        admin.id,
        shared::AuditAction::CannedAnswerDeleted,
        "canned_answer",
        id,
    )
    .write(&ctx.db, ctx.clock.now())
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn placeholders_are_filled_and_unknown_braces_kept() {
        let text = fill(
            "Hello {customer_name}, about {ticket_number} — {agent_name} ({department}) {other}",
            &[
                ("customer_name", "지우"),
                ("ticket_number", "VOC-000007"),
                ("department", "Billing"),
                ("agent_name", "Jiho Kwon"),
            ],
        );
        assert_eq!(
            text,
            "Hello 지우, about VOC-000007 — Jiho Kwon (Billing) {other}"
        );
    }
}
