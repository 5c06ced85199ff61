//! Product areas ideas are filed under (admin-defined).

use std::collections::BTreeMap;

use sea_orm::{ActiveModelTrait, EntityTrait, QueryOrder, Set};
use shared::{Category, CategoryInput};

use crate::actor::Actor;
use crate::entity::category;
use crate::policy::{Action, Scope};
use crate::{Ctx, Error, Result};

/// Adds a product area (admins); the slug must be new.
pub async fn create_category(ctx: &Ctx, actor: &Actor, input: CategoryInput) -> Result<Category> {
    let admin = crate::policy::member_for(actor, Action::ManageCategories, Scope::Others)?;
    let mut errors = BTreeMap::new();
    if let Err(message) = crate::department::check_slug(&input.slug) {
        errors.insert("slug".to_owned(), message);
    }
    let name = input.name.trim().to_owned();
    if !(1..=80).contains(&name.chars().count()) {
        errors.insert("name".to_owned(), crate::msg!("field.must_1_80_characters"));
    }
    let name_en = input.name_en.trim().to_owned();
    if name_en.chars().count() > 80 {
        errors.insert(
            "name_en".to_owned(),
            crate::msg!("field.must_at_most_80_characters"),
        );
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let row = category::ActiveModel {
        slug: Set(input.slug.clone()),
        name: Set(name),
        name_en: Set(name_en),
        ..Default::default()
    }
    .insert(&ctx.db)
    .await
    .map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => Error::Conflict(crate::msg!(
            "category.category_with_slug_exists",
            slug = input.slug
        )),
        _ => Error::Db(e),
    })?;
    crate::audit::Entry::new(
        admin.id,
        shared::AuditAction::CategoryCreated,
        "category",
        &row.slug,
    )
    .after(serde_json::json!({"name": row.name, "name_en": row.name_en}))
    .write(&ctx.db, ctx.clock.now())
    .await?;
    Ok(category_view(row))
}

/// A product area with its name in the reader's language.
fn category_view(row: category::Model) -> Category {
    let names = row.names();
    Category {
        slug: row.slug,
        name: names.get(crate::i18n::request_locale()).to_owned(),
        names,
    }
}

/// The admin-defined categories, by name.
pub async fn categories(ctx: &Ctx) -> Result<Vec<Category>> {
    Ok(category::Entity::find()
        .order_by_asc(category::Column::Name)
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(category_view)
        .collect())
}
