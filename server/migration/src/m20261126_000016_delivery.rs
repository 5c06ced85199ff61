//! Delivery of what happened to people and systems outside the page: e-mail
//! for notifications (per-member preference, one-click unsubscribe, daily
//! digests), overdue-promise notices, and webhooks with their delivery log.

use sea_orm_migration::{
    prelude::*,
    schema::{
        boolean, integer, integer_null, pk_auto, string, string_null, string_uniq, text, text_null,
        timestamp_with_time_zone, timestamp_with_time_zone_null,
    },
};

#[derive(DeriveMigrationName)]
pub struct Migration;

async fn add_column(
    m: &SchemaManager<'_>,
    table: impl IntoIden,
    column: ColumnDef,
) -> Result<(), DbErr> {
    m.alter_table(Table::alter().table(table).add_column(column).to_owned())
        .await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        add_column(
            m,
            Notifications::Table,
            timestamp_with_time_zone_null(Notifications::MailedAt),
        )
        .await?;
        // Notifications from before e-mail existed are not mailed now.
        m.exec_stmt(
            Query::update()
                .table(Notifications::Table)
                .value(Notifications::MailedAt, Expr::col(Notifications::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_notifications_unmailed")
                .table(Notifications::Table)
                .col(Notifications::MailedAt)
                .col(Notifications::Id)
                .to_owned(),
        )
        .await?;
        add_column(
            m,
            OutboxMails::Table,
            string_null(OutboxMails::UnsubscribeUrl),
        )
        .await?;
        add_column(
            m,
            Commitments::Table,
            timestamp_with_time_zone_null(Commitments::OverdueNotifiedAt),
        )
        .await?;
        // The background check looks for pending promises past their date
        // that nobody has been told about yet.
        m.create_index(
            Index::create()
                .name("idx_commitments_overdue_check")
                .table(Commitments::Table)
                .col(Commitments::Status)
                .col(Commitments::OverdueNotifiedAt)
                .col(Commitments::DueOn)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(NotificationSettings::Table)
                .col(integer(NotificationSettings::UserId).primary_key())
                .col(string(NotificationSettings::EmailMode))
                .col(string_uniq(NotificationSettings::UnsubscribeToken))
                .col(timestamp_with_time_zone(NotificationSettings::UpdatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Webhooks::Table)
                .col(pk_auto(Webhooks::Id))
                .col(string(Webhooks::Url))
                .col(string(Webhooks::Description))
                .col(string(Webhooks::Secret))
                .col(text(Webhooks::EventTypes))
                .col(boolean(Webhooks::Active))
                .col(integer(Webhooks::CreatedById))
                .col(timestamp_with_time_zone(Webhooks::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(WebhookDeliveries::Table)
                .col(pk_auto(WebhookDeliveries::Id))
                .col(integer(WebhookDeliveries::WebhookId))
                .col(integer(WebhookDeliveries::EventId))
                .col(string(WebhookDeliveries::EventType))
                .col(text(WebhookDeliveries::Payload))
                .col(string(WebhookDeliveries::Status))
                .col(integer(WebhookDeliveries::Attempts))
                .col(timestamp_with_time_zone(WebhookDeliveries::NextAttemptAt))
                .col(timestamp_with_time_zone_null(WebhookDeliveries::ClaimedAt))
                .col(integer_null(WebhookDeliveries::LastStatusCode))
                .col(text_null(WebhookDeliveries::LastError))
                .col(timestamp_with_time_zone(WebhookDeliveries::CreatedAt))
                .col(timestamp_with_time_zone_null(
                    WebhookDeliveries::DeliveredAt,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_webhook_deliveries_due")
                .table(WebhookDeliveries::Table)
                .col(WebhookDeliveries::Status)
                .col(WebhookDeliveries::NextAttemptAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_webhook_deliveries_hook")
                .table(WebhookDeliveries::Table)
                .col(WebhookDeliveries::WebhookId)
                .col(WebhookDeliveries::Id)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(WebhookAttempts::Table)
                .col(pk_auto(WebhookAttempts::Id))
                .col(integer(WebhookAttempts::DeliveryId))
                .col(integer(WebhookAttempts::Attempt))
                .col(timestamp_with_time_zone(WebhookAttempts::At))
                .col(integer_null(WebhookAttempts::StatusCode))
                .col(text_null(WebhookAttempts::Error))
                .col(integer(WebhookAttempts::DurationMs))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_webhook_attempts_delivery")
                .table(WebhookAttempts::Table)
                .col(WebhookAttempts::DeliveryId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(WorkerCursors::Table)
                .col(string(WorkerCursors::Name).primary_key())
                .col(integer(WorkerCursors::Position))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            WorkerCursors::Table.into_iden(),
            WebhookAttempts::Table.into_iden(),
            WebhookDeliveries::Table.into_iden(),
            Webhooks::Table.into_iden(),
            NotificationSettings::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    MailedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OutboxMails {
    Table,
    UnsubscribeUrl,
}

#[derive(DeriveIden)]
enum Commitments {
    Table,
    Status,
    DueOn,
    OverdueNotifiedAt,
}

#[derive(DeriveIden)]
enum NotificationSettings {
    Table,
    UserId,
    EmailMode,
    UnsubscribeToken,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Webhooks {
    Table,
    Id,
    Url,
    Description,
    Secret,
    EventTypes,
    Active,
    CreatedById,
    CreatedAt,
}

#[derive(DeriveIden)]
enum WebhookDeliveries {
    Table,
    Id,
    WebhookId,
    EventId,
    EventType,
    Payload,
    Status,
    Attempts,
    NextAttemptAt,
    ClaimedAt,
    LastStatusCode,
    LastError,
    CreatedAt,
    DeliveredAt,
}

#[derive(DeriveIden)]
enum WebhookAttempts {
    Table,
    Id,
    DeliveryId,
    Attempt,
    At,
    StatusCode,
    Error,
    DurationMs,
}

#[derive(DeriveIden)]
enum WorkerCursors {
    Table,
    Name,
    Position,
}
