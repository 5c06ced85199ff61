//! A product area ideas are filed under.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "categories")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    pub name_en: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// The name in Korean and English.
    #[must_use]
    pub fn names(&self) -> shared::locale::Bilingual {
        shared::locale::Bilingual::new(self.name.clone(), self.name_en.clone())
    }

    /// The name for whoever is being served (English outside a request).
    #[must_use]
    pub fn local_name(&self) -> String {
        self.names().get(crate::i18n::request_locale()).to_owned()
    }
}
