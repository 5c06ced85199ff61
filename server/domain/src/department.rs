//! Departments: the teams customers' questions are routed to, each with a
//! public first-response promise. Admins manage them.

use std::collections::BTreeMap;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
    SqlErr,
};
use shared::department::{Department, DepartmentInput};
use shared::locale::Bilingual;

use crate::actor::Actor;
use crate::entity::department;
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, business_hours};

/// Slugs name departments and categories in URLs and forms: short, lower
/// case, readable.
pub(crate) fn check_slug(slug: &str) -> std::result::Result<(), crate::Message> {
    let ok = (2..=40).contains(&slug.len())
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-');
    if ok {
        Ok(())
    } else {
        Err(crate::msg!("field.slug_letters"))
    }
}

/// Every department, alphabetically by name; public information.
pub async fn list(ctx: &Ctx) -> Result<Vec<Department>> {
    let rows = department::Entity::find()
        .order_by_asc(department::Column::Name)
        .all(&ctx.db)
        .await?;
    Ok(rows.into_iter().map(to_view).collect())
}

struct Valid {
    name: String,
    name_en: String,
    description: String,
    description_en: String,
    handle: String,
    minutes: i32,
    business_hours: Option<String>,
    time_zone: Option<String>,
}

fn validate(input: &DepartmentInput) -> Result<Valid> {
    let mut errors = BTreeMap::new();
    if let Err(message) = check_slug(&input.slug) {
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
    for (field, text) in [
        ("description", &input.description),
        ("description_en", &input.description_en),
    ] {
        if text.chars().count() > 1000 {
            errors.insert(
                field.to_owned(),
                crate::msg!("field.must_at_most_1000_characters"),
            );
        }
    }
    let minutes = i32::try_from(input.first_response_minutes)
        .ok()
        .filter(|m| (1..=10_080).contains(m));
    if minutes.is_none() {
        errors.insert(
            "first_response_minutes".to_owned(),
            crate::msg!("department.must_between_1_10080_one"),
        );
    }
    let business_hours = match input
        .business_hours
        .as_deref()
        .map(business_hours::parse_week)
    {
        None | Some(Ok(None)) => None,
        Some(Ok(Some(week))) => Some(business_hours::week_text(&week)),
        Some(Err(_)) => {
            errors.insert(
                "business_hours".to_owned(),
                crate::msg!("department.business_hours_format"),
            );
            None
        }
    };
    let time_zone = input
        .time_zone
        .as_deref()
        .map(str::trim)
        .filter(|z| !z.is_empty());
    if let Some(zone) = time_zone
        && zone.parse::<chrono_tz::Tz>().is_err()
    {
        errors.insert(
            "time_zone".to_owned(),
            crate::msg!("department.unknown_time_zone", zone = zone),
        );
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let handle = input.handle.trim();
    Ok(Valid {
        name,
        name_en,
        description: input.description.trim().to_owned(),
        description_en: input.description_en.trim().to_owned(),
        handle: if handle.is_empty() {
            format!("@{}", input.slug)
        } else {
            handle.to_owned()
        },
        minutes: minutes.unwrap_or(60),
        business_hours,
        time_zone: time_zone.map(str::to_owned),
    })
}

/// The department a form names by slug; an unknown slug is a field error
/// on `department`, so every form that picks a department says it the same way.
pub async fn find_for_field(ctx: &Ctx, slug: Option<&str>) -> Result<Option<department::Model>> {
    let Some(slug) = slug else {
        return Ok(None);
    };
    department::Entity::find()
        .filter(department::Column::Slug.eq(slug))
        .one(&ctx.db)
        .await?
        .map(Some)
        .ok_or_else(|| {
            Error::invalid(
                "department",
                crate::msg!("department.no_department_with_slug", slug = slug),
            )
        })
}

/// A department's name in both languages (empty when the slug is unknown,
/// which a caller that just read the slug from a ticket does not expect).
pub(crate) async fn names_of(ctx: &Ctx, slug: &str) -> Result<Bilingual> {
    Ok(department::Entity::find()
        .filter(department::Column::Slug.eq(slug))
        .one(&ctx.db)
        .await?
        .map(|d| d.names())
        .unwrap_or_default())
}

/// Creates a department; the slug must be new.
pub async fn create(ctx: &Ctx, actor: &Actor, input: DepartmentInput) -> Result<Department> {
    let admin = policy::member_for(actor, Action::ManageDepartments, Scope::Others)?;
    let valid = validate(&input)?;
    let row = department::ActiveModel {
        slug: Set(input.slug.clone()),
        name: Set(valid.name),
        name_en: Set(valid.name_en),
        description: Set(valid.description),
        description_en: Set(valid.description_en),
        handle: Set(valid.handle),
        first_response_minutes: Set(valid.minutes),
        created_at: Set(ctx.clock.now()),
        business_hours: Set(valid.business_hours),
        time_zone: Set(valid.time_zone),
        ..Default::default()
    }
    .insert(&ctx.db)
    .await
    .map_err(|e| match e.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => Error::Conflict(crate::msg!(
            "department.department_with_slug_exists",
            slug = input.slug
        )),
        _ => Error::Db(e),
    })?;
    let view = to_view(row);
    crate::audit::Entry::new(
        admin.id,
        shared::AuditAction::DepartmentCreated,
        "department",
        &view.slug,
    )
    .after(serde_json::json!(view))
    .write(&ctx.db, ctx.clock.now())
    .await?;
    Ok(view)
}

/// Changes a department's name, description, handle, promise or hours
/// (the input is the department as it should be: absent hours mean around
/// the clock). Clocks already running keep the hours they started under.
pub async fn update(
    ctx: &Ctx,
    actor: &Actor,
    slug: &str,
    input: DepartmentInput,
) -> Result<Department> {
    let admin = policy::member_for(actor, Action::ManageDepartments, Scope::Others)?;
    let valid = validate(&DepartmentInput {
        slug: slug.to_owned(),
        ..input
    })?;
    let row = department::Entity::find()
        .filter(department::Column::Slug.eq(slug))
        .one(&ctx.db)
        .await?
        .ok_or_else(|| Error::NotFound(crate::msg!("not_found.department", slug = slug)))?;
    let before = to_view(row.clone());
    let mut active = row.into_active_model();
    active.name = Set(valid.name);
    active.name_en = Set(valid.name_en);
    active.description = Set(valid.description);
    active.description_en = Set(valid.description_en);
    active.handle = Set(valid.handle);
    active.first_response_minutes = Set(valid.minutes);
    active.business_hours = Set(valid.business_hours);
    active.time_zone = Set(valid.time_zone);
    let after = to_view(active.update(&ctx.db).await?);
    crate::audit::Entry::new(
        admin.id,
        shared::AuditAction::DepartmentChanged,
        "department",
        slug,
    )
    .before(serde_json::json!(before))
    .after(serde_json::json!(after))
    .write(&ctx.db, ctx.clock.now())
    .await?;
    Ok(after)
}

/// The department for whoever is being served: names in their language.
fn to_view(row: department::Model) -> Department {
    let locale = crate::i18n::request_locale();
    let names = row.names();
    let descriptions = Bilingual::new(row.description, row.description_en);
    Department {
        slug: row.slug,
        name: names.get(locale).to_owned(),
        description: descriptions.get(locale).to_owned(),
        names,
        descriptions,
        handle: row.handle,
        first_response_minutes: i64::from(row.first_response_minutes),
        business_hours: row.business_hours,
        time_zone: row.time_zone,
    }
}
