//! One signed, explained step in an idea's public timeline.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "idea_status_changes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub idea_id: i32,
    pub from_status: shared::IdeaStatus,
    pub to_status: shared::IdeaStatus,
    pub explanation_md: String,
    pub explanation_html: String,
    /// A note the system wrote (`merged_into:12`), worded for each reader
    /// instead of the explanation.
    pub system_note: Option<String>,
    pub by_id: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
