//! A department's promise to answer a ticket by a deadline, and how it ended.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ticket_clocks")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub ticket_id: i32,
    pub department_id: Option<i32>,
    pub kind: shared::ClockKind,
    pub target_minutes: i32,
    pub started_at: DateTimeUtc,
    pub due_at: DateTimeUtc,
    pub stopped_at: Option<DateTimeUtc>,
    pub outcome: Option<shared::ClockOutcome>,
    pub stopped_by_id: Option<i32>,
    /// The department's hours when the promise was made; none: around
    /// the clock.
    pub business_hours: Option<String>,
    /// The zone of those hours.
    pub time_zone: Option<String>,
    /// When counting began, if after `started_at` (filed out of hours).
    pub counts_from: Option<DateTimeUtc>,
    /// Business minutes from start to stop, set when it stops.
    pub business_minutes: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
