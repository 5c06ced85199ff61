//! Promises and remedies made in official replies, the limits up to which
//! staff grant remedies on their own, and the audit log that records every
//! grant and approval with its amount.

use sea_orm_migration::{
    prelude::*,
    schema::{
        big_integer, integer, integer_null, pk_auto, string, string_null, text, text_null,
        timestamp_with_time_zone, timestamp_with_time_zone_null,
    },
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Commitments::Table)
                .col(pk_auto(Commitments::Id))
                .col(integer(Commitments::TicketId))
                .col(integer_null(Commitments::PostId))
                .col(text(Commitments::Text))
                .col(string(Commitments::DueOn))
                .col(integer_null(Commitments::DepartmentId))
                .col(string(Commitments::Status))
                .col(text_null(Commitments::Evidence))
                .col(text_null(Commitments::Reason))
                .col(integer(Commitments::MadeById))
                .col(timestamp_with_time_zone(Commitments::CreatedAt))
                .col(timestamp_with_time_zone_null(Commitments::SettledAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Commitments::Table, Commitments::TicketId)
                        .to(Tickets::Table, Tickets::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Commitments::Table, Commitments::MadeById)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        for (name, col) in [
            ("idx_commitments_ticket", Commitments::TicketId),
            ("idx_commitments_due", Commitments::DueOn),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table(Commitments::Table)
                    .col(col)
                    .to_owned(),
            )
            .await?;
        }
        m.create_table(
            Table::create()
                .table(Remedies::Table)
                .col(pk_auto(Remedies::Id))
                .col(integer(Remedies::TicketId))
                .col(string(Remedies::Kind))
                .col(big_integer(Remedies::AmountWon))
                .col(text(Remedies::Description))
                .col(string(Remedies::Status))
                .col(integer(Remedies::GrantedById))
                .col(integer_null(Remedies::DecidedById))
                .col(timestamp_with_time_zone(Remedies::CreatedAt))
                .col(timestamp_with_time_zone_null(Remedies::DecidedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Remedies::Table, Remedies::TicketId)
                        .to(Tickets::Table, Tickets::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Remedies::Table, Remedies::GrantedById)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_remedies_ticket")
                .table(Remedies::Table)
                .col(Remedies::TicketId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(RemedyLimits::Table)
                .col(pk_auto(RemedyLimits::Id))
                .col(string(RemedyLimits::Role))
                .col(integer_null(RemedyLimits::DepartmentId))
                .col(big_integer(RemedyLimits::MaxWon))
                .foreign_key(
                    ForeignKey::create()
                        .from(RemedyLimits::Table, RemedyLimits::DepartmentId)
                        .to(Departments::Table, Departments::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(AuditEvents::Table)
                .col(pk_auto(AuditEvents::Id))
                .col(integer_null(AuditEvents::ActorId))
                .col(string(AuditEvents::Action))
                .col(string(AuditEvents::TargetType))
                .col(string(AuditEvents::TargetId))
                .col(text_null(AuditEvents::Before))
                .col(text_null(AuditEvents::After))
                .col(string_null(AuditEvents::Guideline))
                .col(timestamp_with_time_zone(AuditEvents::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_audit_events_created")
                .table(AuditEvents::Table)
                .col(AuditEvents::CreatedAt)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditEvents::Table.into_iden(),
            RemedyLimits::Table.into_iden(),
            Remedies::Table.into_iden(),
            Commitments::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Departments {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Tickets {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Commitments {
    Table,
    Id,
    TicketId,
    PostId,
    Text,
    DueOn,
    DepartmentId,
    Status,
    Evidence,
    Reason,
    MadeById,
    CreatedAt,
    SettledAt,
}

#[derive(DeriveIden)]
enum Remedies {
    Table,
    Id,
    TicketId,
    Kind,
    AmountWon,
    Description,
    Status,
    GrantedById,
    DecidedById,
    CreatedAt,
    DecidedAt,
}

#[derive(DeriveIden)]
enum RemedyLimits {
    Table,
    Id,
    Role,
    DepartmentId,
    MaxWon,
}

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    Id,
    ActorId,
    Action,
    TargetType,
    TargetId,
    Before,
    After,
    Guideline,
    CreatedAt,
}
