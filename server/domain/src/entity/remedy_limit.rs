//! Up to how many won staff of a role (in a department, or anywhere) may
//! grant on their own.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "remedy_limits")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub role: shared::Role,
    pub department_id: Option<i32>,
    pub max_won: i64,
    pub monthly_max_won: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
