//! Departments: the teams customers' questions are routed to, each with a
//! public first-response promise.

use sea_orm::{EntityTrait, QueryOrder};
use shared::department::Department;

use crate::entity::department;
use crate::{Ctx, Result};

/// Every department, alphabetically by name; public information.
pub async fn list(ctx: &Ctx) -> Result<Vec<Department>> {
    let rows = department::Entity::find()
        .order_by_asc(department::Column::Name)
        .all(&ctx.db)
        .await?;
    Ok(rows.into_iter().map(to_view).collect())
}

fn to_view(row: department::Model) -> Department {
    Department {
        slug: row.slug,
        name: row.name,
        description: row.description,
        handle: row.handle,
        first_response_minutes: i64::from(row.first_response_minutes),
    }
}
