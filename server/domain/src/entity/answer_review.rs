//! A manager's review of one public staff answer, and the employee's reply.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "answer_reviews")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub answer_kind: shared::answer_review::AnswerKind,
    pub answer_id: i32,
    pub employee_id: i32,
    pub reviewer_id: i32,
    pub overall: i32,
    pub comment: String,
    pub answered_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
    pub reply: Option<String>,
    pub replied_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
