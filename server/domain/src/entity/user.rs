//! A member: customer or staff. Staff carry the identity they sign with.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub email: String,
    pub password_hash: Option<String>,
    pub display_name: String,
    pub role: shared::Role,
    pub department_id: Option<i32>,
    pub title: Option<String>,
    pub initials: Option<String>,
    pub avatar_color: String,
    pub created_at: DateTimeUtc,
    pub deleted_at: Option<DateTimeUtc>,
    pub suspended_until: Option<DateTimeUtc>,
    pub suspended_reason: Option<String>,
    pub hidden_reason: Option<String>,
    pub hidden_guideline: Option<String>,
    pub hidden_by_id: Option<i32>,
    pub hidden_at: Option<DateTimeUtc>,
    /// `ko`/`en`: the language of the member's mail and notifications.
    pub locale: Option<String>,
    /// Version of the personal-information consent given at sign-up.
    pub consent_version: Option<String>,
    pub consented_at: Option<DateTimeUtc>,
    /// When the member opened the confirmation link (None: unconfirmed).
    pub email_verified_at: Option<DateTimeUtc>,
    /// The newest of the member's tickets, posts, ideas, comments, votes
    /// and sessions, or when they joined; kept by database triggers
    /// (migration 29) for the customer directory's order.
    pub last_active_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
