//! What a member chose and confirmed: the language of their mail and
//! notifications, the version of the personal-information consent they gave
//! at sign-up (and when), and when they confirmed their e-mail address.
//!
//! Accounts made before this migration count as confirmed: staff came by an
//! invitation link sent to the address, and customers were never asked.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{string_null, timestamp_with_time_zone_null};
use sea_orm_migration::sea_orm::ConnectionTrait;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for column in [
            string_null(Users::Locale),
            string_null(Users::ConsentVersion),
            timestamp_with_time_zone_null(Users::ConsentedAt),
            timestamp_with_time_zone_null(Users::EmailVerifiedAt),
        ] {
            m.alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(column)
                    .to_owned(),
            )
            .await?;
        }
        let db = m.get_connection();
        db.execute_unprepared("UPDATE users SET email_verified_at = created_at")
            .await?;
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Locale,
    ConsentVersion,
    ConsentedAt,
    EmailVerifiedAt,
}
