//! An idea on the board, with its vote and comment counts kept in columns.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "ideas")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub title: String,
    pub body_md: String,
    pub body_html: String,
    pub status: shared::IdeaStatus,
    pub category_id: Option<i32>,
    pub author_id: i32,
    pub votes_count: i32,
    pub comments_count: i32,
    pub trending_score: f64,
    pub merged_into_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub hidden_reason: Option<String>,
    pub hidden_guideline: Option<String>,
    pub hidden_by_id: Option<i32>,
    pub hidden_at: Option<DateTimeUtc>,
    pub locked_at: Option<DateTimeUtc>,
    pub locked_reason: Option<String>,
    pub pinned_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
