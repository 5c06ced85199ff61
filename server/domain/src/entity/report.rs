//! A member's report of content (an idea, a comment, a ticket post, a
//! profile) with a reason, waiting for a moderator.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub target_type: shared::ContentKind,
    pub target_id: i32,
    pub reason: String,
    pub note: Option<String>,
    pub reporter_id: i32,
    /// `open`, `dismissed` or `actioned`.
    pub status: shared::ReportStatus,
    pub handled_by_id: Option<i32>,
    pub handled_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
