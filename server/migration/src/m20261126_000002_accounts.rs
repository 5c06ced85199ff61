//! Accounts: server-side sessions, API tokens, the attempts the rate limiter
//! counts, the mail outbox, and one-time links (staff invites, password resets).

use sea_orm_migration::{
    prelude::*,
    schema::{
        integer, integer_null, pk_auto, string, string_null, string_uniq, text, text_null,
        timestamp_with_time_zone, timestamp_with_time_zone_null,
    },
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // A deleted account keeps its row (public posts stay attributed to
        // "deleted member") but loses every personal field.
        m.alter_table(
            Table::alter()
                .table(Users::Table)
                .add_column(timestamp_with_time_zone_null(Users::DeletedAt))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Sessions::Table)
                .col(string(Sessions::Id).primary_key())
                .col(integer(Sessions::UserId))
                .col(string_null(Sessions::UserAgent))
                .col(string_null(Sessions::Ip))
                .col(timestamp_with_time_zone(Sessions::CreatedAt))
                .col(timestamp_with_time_zone(Sessions::LastSeenAt))
                .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Sessions::Table, Sessions::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_sessions_user")
                .table(Sessions::Table)
                .col(Sessions::UserId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ApiTokens::Table)
                .col(pk_auto(ApiTokens::Id))
                .col(integer(ApiTokens::UserId))
                .col(string(ApiTokens::Name))
                .col(string_uniq(ApiTokens::TokenHash))
                .col(string(ApiTokens::Prefix))
                .col(timestamp_with_time_zone(ApiTokens::CreatedAt))
                .col(timestamp_with_time_zone_null(ApiTokens::LastUsedAt))
                .col(timestamp_with_time_zone_null(ApiTokens::RevokedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(ApiTokens::Table, ApiTokens::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(AuthAttempts::Table)
                .col(pk_auto(AuthAttempts::Id))
                .col(string(AuthAttempts::Bucket))
                .col(timestamp_with_time_zone(AuthAttempts::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_auth_attempts_bucket_at")
                .table(AuthAttempts::Table)
                .col(AuthAttempts::Bucket)
                .col(AuthAttempts::CreatedAt)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(OutboxMails::Table)
                .col(pk_auto(OutboxMails::Id))
                .col(string(OutboxMails::ToAddress))
                .col(string(OutboxMails::Subject))
                .col(text(OutboxMails::BodyText))
                .col(timestamp_with_time_zone(OutboxMails::CreatedAt))
                .col(timestamp_with_time_zone_null(OutboxMails::ClaimedAt))
                .col(integer(OutboxMails::Attempts).default(0))
                .col(timestamp_with_time_zone_null(OutboxMails::SentAt))
                .col(text_null(OutboxMails::Error))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(OneTimeTokens::Table)
                .col(pk_auto(OneTimeTokens::Id))
                .col(string(OneTimeTokens::Purpose))
                .col(string_uniq(OneTimeTokens::TokenHash))
                .col(string(OneTimeTokens::Email))
                .col(integer_null(OneTimeTokens::UserId))
                .col(string_null(OneTimeTokens::Role))
                .col(integer_null(OneTimeTokens::DepartmentId))
                .col(string_null(OneTimeTokens::Title))
                .col(integer_null(OneTimeTokens::CreatedById))
                .col(timestamp_with_time_zone(OneTimeTokens::CreatedAt))
                .col(timestamp_with_time_zone(OneTimeTokens::ExpiresAt))
                .col(timestamp_with_time_zone_null(OneTimeTokens::UsedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(OneTimeTokens::Table, OneTimeTokens::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            OneTimeTokens::Table.into_iden(),
            OutboxMails::Table.into_iden(),
            AuthAttempts::Table.into_iden(),
            ApiTokens::Table.into_iden(),
            Sessions::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        m.alter_table(
            Table::alter()
                .table(Users::Table)
                .drop_column(Users::DeletedAt)
                .to_owned(),
        )
        .await
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    DeletedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    UserId,
    UserAgent,
    Ip,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum ApiTokens {
    Table,
    Id,
    UserId,
    Name,
    TokenHash,
    Prefix,
    CreatedAt,
    LastUsedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum AuthAttempts {
    Table,
    Id,
    Bucket,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OutboxMails {
    Table,
    Id,
    ToAddress,
    Subject,
    BodyText,
    CreatedAt,
    ClaimedAt,
    Attempts,
    SentAt,
    Error,
}

#[derive(DeriveIden)]
enum OneTimeTokens {
    Table,
    Id,
    Purpose,
    TokenHash,
    Email,
    UserId,
    Role,
    DepartmentId,
    Title,
    CreatedById,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}
