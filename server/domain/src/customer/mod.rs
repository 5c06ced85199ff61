//! The social CRM: staff see one customer whole — everything they did
//! here, what was promised and granted to them, how far their voice
//! carries — and keep internal notes and tags on them. Nothing here ever
//! reaches the customer or a public surface: every entry point asks the
//! policy for staff first.

mod figures;
mod list;
mod notes;
mod tags;
mod view;

pub use list::list;
pub use notes::{add_note, edit_note};
pub use tags::{create_tag, delete_tag, list_tags, set_tags};
pub use view::view;

/// The customers carrying the tag named `name` (any case); an unknown name
/// is refused, so a typo never looks like "nobody".
pub(crate) async fn tagged_with(ctx: &Ctx, name: &str) -> Result<Vec<i32>> {
    let Some(tag_id) = tags::id_named(ctx, name).await? else {
        return Err(Error::invalid(
            "tag",
            crate::msg!("customer.unknown_tag", name = name.trim()),
        ));
    };
    Ok(crate::entity::customer_tag_link::Entity::find()
        .select_only()
        .column(crate::entity::customer_tag_link::Column::UserId)
        .filter(crate::entity::customer_tag_link::Column::TagId.eq(tag_id))
        .into_tuple()
        .all(&ctx.db)
        .await?)
}

/// The list's line for one member if they are a customer (the ticket
/// thread's staff sidebar); the caller has checked the viewer is staff.
pub(crate) async fn summary_of(
    ctx: &Ctx,
    user_id: i32,
) -> Result<Option<shared::customer::CustomerSummary>> {
    let Some(row) = find(ctx, user_id).await? else {
        return Ok(None);
    };
    let figures = figures::figures(ctx, &[row.id])
        .await?
        .remove(&row.id)
        .unwrap_or_default();
    let tags = tags::names_by_customer(ctx, &[row.id])
        .await?
        .remove(&row.id)
        .unwrap_or_default();
    Ok(Some(view::summary(&row, &figures, tags)))
}

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use shared::Role;

use crate::entity::user;
use crate::{Ctx, Error, Result};

/// Notes can be corrected by their author this long after writing.
pub const NOTE_EDIT_MINUTES: i64 = 15;

/// Each list of the full view holds at most this many, newest first.
const VIEW_LIST_LIMIT: u64 = 100;

/// The customer with this id: a member who is a customer and has not
/// deleted their account. Staff accounts are not customers here.
async fn customer(ctx: &Ctx, id: i64) -> Result<user::Model> {
    let not_found = || Error::NotFound(crate::msg!("customer.not_found"));
    let id = i32::try_from(id).map_err(|_| not_found())?;
    find(ctx, id).await?.ok_or_else(not_found)
}

async fn find(ctx: &Ctx, id: i32) -> Result<Option<user::Model>> {
    Ok(user::Entity::find_by_id(id)
        .one(&ctx.db)
        .await?
        .filter(|u| u.role == Role::Customer && u.deleted_at.is_none()))
}

fn rfc3339(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
