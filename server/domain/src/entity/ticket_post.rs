//! A post in a ticket thread: a reply, an internal note or a hand-off.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ticket_posts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub ticket_id: i32,
    pub author_id: i32,
    pub kind: shared::TicketPostKind,
    pub body_md: String,
    pub body_html: String,
    pub created_at: DateTimeUtc,
    pub from_department_id: Option<i32>,
    pub to_department_id: Option<i32>,
    pub status: Option<String>,
    pub hidden_reason: Option<String>,
    pub hidden_guideline: Option<String>,
    pub hidden_by_id: Option<i32>,
    pub hidden_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
