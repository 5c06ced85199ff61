//! A voice-of-the-customer ticket with its first-response clock.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tickets")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub kind: shared::TicketKind,
    pub title: String,
    pub body_md: String,
    pub body_html: String,
    pub private_details: Option<String>,
    pub status: shared::TicketStatus,
    pub department_id: Option<i32>,
    pub author_id: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub sla_started_at: DateTimeUtc,
    pub first_response_at: Option<DateTimeUtc>,
    pub first_response_by_id: Option<i32>,
    pub resolved_at: Option<DateTimeUtc>,
    pub assignee_id: Option<i32>,
    pub sla_due_at: Option<DateTimeUtc>,
    pub me_too_count: i32,
    pub rating_score: Option<i32>,
    pub rating_comment: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
