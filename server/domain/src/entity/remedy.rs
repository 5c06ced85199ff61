//! A remedy granted on a ticket, in won, and whether it waits for approval.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "remedies")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub ticket_id: i32,
    /// The reply it was offered in.
    pub post_id: Option<i32>,
    pub kind: shared::RemedyKind,
    pub amount_won: i64,
    pub description: String,
    /// `granted`, `pending_approval` or `rejected`.
    pub status: shared::RemedyStatus,
    pub granted_by_id: i32,
    pub decided_by_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub decided_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
