//! A department: a team that answers in its own name with its own promise.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "departments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    pub name_en: String,
    pub description: String,
    pub description_en: String,
    pub handle: String,
    pub first_response_minutes: i32,
    pub created_at: DateTimeUtc,
    /// `mon-fri 09:00-18:00`-style hours; none: around the clock.
    pub business_hours: Option<String>,
    /// IANA zone of the hours; none: the company's.
    pub time_zone: Option<String>,
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
