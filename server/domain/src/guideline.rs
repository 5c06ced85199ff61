//! The company's numbered guidelines: the checklist beside every reply, and
//! the rules moderation and curation actions cite in public ("guideline 4").

use sea_orm::{ActiveModelTrait, EntityTrait, QueryOrder, Set};
use shared::locale::Bilingual;
use shared::{Guideline, GuidelineInput};

use crate::actor::Actor;
use crate::entity::guideline;
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Message, Result, audit};

/// A guideline in the reader's language, with both texts for editing.
pub(crate) fn guideline_view(row: guideline::Model) -> Guideline {
    let texts = Bilingual::new(row.text, row.text_en);
    Guideline {
        id: i64::from(row.id),
        position: i64::from(row.position),
        text: texts.get(crate::i18n::request_locale()).to_owned(),
        texts,
    }
}

pub(crate) async fn all_guidelines(ctx: &Ctx) -> Result<Vec<guideline::Model>> {
    Ok(guideline::Entity::find()
        .order_by_asc(guideline::Column::Position)
        .order_by_asc(guideline::Column::Id)
        .all(&ctx.db)
        .await?)
}

/// The guideline a moderation action cites, checked against the list:
/// empty means none; otherwise its number must exist (422 on `guideline`).
pub async fn cited_guideline(ctx: &Ctx, raw: Option<&str>) -> Result<Option<String>> {
    let Some(raw) = raw.map(str::trim).filter(|g| !g.is_empty()) else {
        return Ok(None);
    };
    let positions: Vec<i32> = all_guidelines(ctx)
        .await?
        .iter()
        .map(|g| g.position)
        .collect();
    match raw.parse::<i32>() {
        Ok(number) if positions.contains(&number) => Ok(Some(number.to_string())),
        _ => Err(crate::Error::invalid(
            "guideline",
            crate::msg!("guideline.no_guideline_guidelines_are_numbered", raw = raw,).arg_message(
                "yet",
                match (positions.iter().min(), positions.iter().max()) {
                    (Some(first), Some(last)) => Message::said(format!("{first}–{last}")),
                    _ => crate::msg!("guideline.none_yet"),
                },
            ),
        )),
    }
}

/// The guidelines in order (staff read them; they apply to everyone).
pub async fn list_guidelines(ctx: &Ctx) -> Result<Vec<Guideline>> {
    Ok(all_guidelines(ctx)
        .await?
        .into_iter()
        .map(guideline_view)
        .collect())
}

/// Appends a guideline to the list (admins).
pub async fn add_guideline(ctx: &Ctx, actor: &Actor, input: GuidelineInput) -> Result<Guideline> {
    let admin = policy::member_for(actor, Action::ManageAnswerKit, Scope::Others)?;
    let text = input.text.trim().to_owned();
    if !(3..=300).contains(&text.chars().count()) {
        return Err(Error::invalid(
            "text",
            crate::msg!("guideline.must_3_300_characters"),
        ));
    }
    let text_en = input.text_en.trim().to_owned();
    if text_en.chars().count() > 300 {
        return Err(Error::invalid(
            "text_en",
            crate::msg!("field.must_at_most_300_characters"),
        ));
    }
    let next = all_guidelines(ctx)
        .await?
        .last()
        .map_or(1, |g| g.position + 1);
    let row = guideline::ActiveModel {
        position: Set(next),
        text: Set(text),
        text_en: Set(text_en),
        ..Default::default()
    }
    .insert(&ctx.db)
    .await?;
    audit::Entry::new(
        admin.id,
        shared::AuditAction::GuidelineAdded,
        "guideline",
        row.position,
    )
    .after(serde_json::json!({"text": row.text, "text_en": row.text_en}))
    .write(&ctx.db, ctx.clock.now())
    .await?;
    Ok(guideline_view(row))
}

/// Removes a guideline (admins); the others keep their numbers.
pub async fn delete_guideline(ctx: &Ctx, actor: &Actor, id: i64) -> Result<()> {
    let admin = policy::member_for(actor, Action::ManageAnswerKit, Scope::Others)?;
    let key = i32::try_from(id)
        .map_err(|_| Error::NotFound(crate::msg!("not_found.guideline", id = id)))?;
    let row = guideline::Entity::find_by_id(key)
        .one(&ctx.db)
        .await?
        .ok_or_else(|| Error::NotFound(crate::msg!("not_found.guideline", id = id)))?;
    guideline::Entity::delete_by_id(key).exec(&ctx.db).await?;
    audit::Entry::new(
        admin.id,
        shared::AuditAction::GuidelineRemoved,
        "guideline",
        row.position,
    )
    .before(serde_json::json!({"text": row.text}))
    .write(&ctx.db, ctx.clock.now())
    .await?;
    Ok(())
}
