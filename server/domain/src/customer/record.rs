//! What every part of the CRM shares: which members are customers, the
//! time format of its answers, and its limits.

use sea_orm::EntityTrait;
use shared::Role;

use crate::entity::user;
use crate::{Ctx, Error, Result};

/// Notes can be corrected by their author this long after writing.
pub const NOTE_EDIT_MINUTES: i64 = 15;

/// Each list of the full view holds at most this many, newest first.
pub(super) const VIEW_LIST_LIMIT: u64 = 100;

/// The customer with this id: a member who is a customer and has not
/// deleted their account. Staff accounts are not customers here.
pub(super) async fn customer(ctx: &Ctx, id: i64) -> Result<user::Model> {
    let not_found = || Error::NotFound(crate::msg!("customer.not_found"));
    let id = i32::try_from(id).map_err(|_| not_found())?;
    find(ctx, id).await?.ok_or_else(not_found)
}

/// The member with this id if they are a customer.
pub(super) async fn find(ctx: &Ctx, id: i32) -> Result<Option<user::Model>> {
    Ok(user::Entity::find_by_id(id)
        .one(&ctx.db)
        .await?
        .filter(|u| u.role == Role::Customer && u.deleted_at.is_none()))
}

/// RFC 3339 UTC to the second, as every API time.
pub(super) fn rfc3339(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
