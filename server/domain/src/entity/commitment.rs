//! A promise made in an official reply: what, by when, which department.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "commitments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub ticket_id: i32,
    pub post_id: Option<i32>,
    pub text: String,
    /// `YYYY-MM-DD`; the promise is overdue from the next day on.
    pub due_on: String,
    pub department_id: Option<i32>,
    /// `pending`, `kept` or `withdrawn` (overdue is derived from the date).
    pub status: shared::CommitmentStatus,
    pub evidence: Option<String>,
    pub reason: Option<String>,
    pub made_by_id: i32,
    pub created_at: DateTimeUtc,
    pub settled_at: Option<DateTimeUtc>,
    pub overdue_notified_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
