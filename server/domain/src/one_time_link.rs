//! One-time links sent by e-mail (invitations, password resets, address
//! confirmations): only the link's digest is stored; a link works once and
//! expires, and of two requests racing with one link exactly one gets it.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::entity::one_time_token;
use crate::{Ctx, Error, Result, secret_token};

/// Finds a usable link for `purpose`, or the one error every bad link gets.
pub(crate) async fn usable_link(
    ctx: &Ctx,
    purpose: &str,
    secret: &str,
) -> Result<one_time_token::Model> {
    one_time_token::Entity::find()
        .filter(one_time_token::Column::TokenHash.eq(secret_token::digest(secret.trim())))
        .filter(one_time_token::Column::Purpose.eq(purpose))
        .one(&ctx.db)
        .await?
        .filter(|t| t.used_at.is_none() && t.expires_at > ctx.clock.now())
        .ok_or_else(|| {
            Error::invalid(
                "token",
                crate::msg!("onboarding.link_invalid_used_expired_ask"),
            )
        })
}

/// Marks the link used if nobody did first: one conditional update, so of
/// two requests racing with the same link exactly one gets it.
pub(crate) async fn claim<C: ConnectionTrait>(
    db: &C,
    link: &one_time_token::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let claimed = one_time_token::Entity::update_many()
        .col_expr(one_time_token::Column::UsedAt, Expr::value(Some(now)))
        .filter(one_time_token::Column::Id.eq(link.id))
        .filter(one_time_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    if claimed.rows_affected == 1 {
        Ok(())
    } else {
        Err(Error::invalid(
            "token",
            crate::msg!("onboarding.link_invalid_used_expired_ask"),
        ))
    }
}
