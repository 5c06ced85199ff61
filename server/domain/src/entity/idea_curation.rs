//! One curation of an idea by a moderator (edit, lock, unlock, pin, unpin,
//! hide, unhide): the public history of what was changed, by whom and why.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "idea_curations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub idea_id: i32,
    pub kind: shared::CurationKind,
    pub by_id: i32,
    pub before: Option<String>,
    pub after: Option<String>,
    pub reason: Option<String>,
    pub guideline: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
