//! The holiday calendar: days the departments that keep business hours are
//! closed, so response promises do not run on them. It ships with the
//! Korean public holidays; admins add the company's own days and remove
//! any, each change audited.

use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, EntityTrait, QueryOrder, Set, SqlErr};
use shared::AuditAction;
use shared::department::{Holiday, HolidayInput};
use shared::locale::Bilingual;

use crate::actor::Actor;
use crate::entity::holiday;
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, audit};

fn view(row: holiday::Model) -> Holiday {
    let names = Bilingual::new(row.name, row.name_en);
    Holiday {
        id: i64::from(row.id),
        day: row.day.format("%Y-%m-%d").to_string(),
        name: names.get(crate::i18n::request_locale()).to_owned(),
    }
}

/// Every holiday, by date; public, like the hours they shape.
pub async fn list(ctx: &Ctx) -> Result<Vec<Holiday>> {
    Ok(holiday::Entity::find()
        .order_by_asc(holiday::Column::Day)
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(view)
        .collect())
}

/// Adds a day (admins); one entry per date.
pub async fn add(ctx: &Ctx, actor: &Actor, input: HolidayInput) -> Result<Holiday> {
    let admin = policy::member_for(actor, Action::ManageDepartments, Scope::Others)?;
    let day = NaiveDate::parse_from_str(input.day.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid("day", crate::msg!("holiday.day_format")))?;
    let name = input.name.trim().to_owned();
    if !(1..=80).contains(&name.chars().count()) {
        return Err(Error::invalid(
            "name",
            crate::msg!("field.must_1_80_characters"),
        ));
    }
    let name_en = input.name_en.trim().to_owned();
    if name_en.chars().count() > 80 {
        return Err(Error::invalid(
            "name_en",
            crate::msg!("field.must_at_most_80_characters"),
        ));
    }
    let now = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    let row = holiday::ActiveModel {
        day: Set(day),
        name: Set(name),
        name_en: Set(name_en),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(|e| match e.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => {
            Error::Conflict(crate::msg!("holiday.exists", day = input.day.trim()))
        }
        _ => Error::Db(e),
    })?;
    let added = view(row);
    audit::Entry::new(admin.id, AuditAction::HolidayAdded, "holiday", &added.day)
        .after(serde_json::json!(added))
        .write(&txn, now)
        .await?;
    txn.commit().await?;
    Ok(added)
}

/// Removes a day (admins).
pub async fn remove(ctx: &Ctx, actor: &Actor, id: i64) -> Result<()> {
    let admin = policy::member_for(actor, Action::ManageDepartments, Scope::Others)?;
    let missing = || Error::NotFound(crate::msg!("holiday.not_found"));
    let id = i32::try_from(id).map_err(|_| missing())?;
    let row = holiday::Entity::find_by_id(id)
        .one(&ctx.db)
        .await?
        .ok_or_else(missing)?;
    let removed = view(row.clone());
    let txn = ctx.begin_write().await?;
    holiday::Entity::delete_by_id(row.id).exec(&txn).await?;
    audit::Entry::new(
        admin.id,
        AuditAction::HolidayRemoved,
        "holiday",
        &removed.day,
    )
    .before(serde_json::json!(removed))
    .write(&txn, ctx.clock.now())
    .await?;
    txn.commit().await?;
    Ok(())
}
