//! The ticket workflow: who holds a ticket, when its first answer is due
//! (stored, so the staff queue sorts by it), "me too" marks, satisfaction,
//! and public hand-off and status posts in the thread.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    integer, integer_null, string_null, text_null, timestamp_with_time_zone,
    timestamp_with_time_zone_null,
};
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for column in [
            integer_null(Tickets::AssigneeId),
            timestamp_with_time_zone_null(Tickets::SlaDueAt),
            integer(Tickets::MeTooCount).default(0).to_owned(),
            integer_null(Tickets::RatingScore),
            text_null(Tickets::RatingComment),
        ] {
            m.alter_table(
                Table::alter()
                    .table(Tickets::Table)
                    .add_column(column)
                    .to_owned(),
            )
            .await?;
        }
        for column in [
            integer_null(TicketPosts::FromDepartmentId),
            integer_null(TicketPosts::ToDepartmentId),
            string_null(TicketPosts::Status),
        ] {
            m.alter_table(
                Table::alter()
                    .table(TicketPosts::Table)
                    .add_column(column)
                    .to_owned(),
            )
            .await?;
        }
        m.create_index(
            Index::create()
                .name("idx_tickets_sla_due")
                .table(Tickets::Table)
                .col(Tickets::SlaDueAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(TicketMeToo::Table)
                .col(integer(TicketMeToo::TicketId))
                .col(integer(TicketMeToo::UserId))
                .col(timestamp_with_time_zone(TicketMeToo::CreatedAt))
                .primary_key(
                    Index::create()
                        .col(TicketMeToo::TicketId)
                        .col(TicketMeToo::UserId),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(TicketMeToo::Table, TicketMeToo::TicketId)
                        .to(Tickets::Table, Tickets::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(TicketMeToo::Table, TicketMeToo::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_ticket_me_too_created")
                .table(TicketMeToo::Table)
                .col(TicketMeToo::CreatedAt)
                .to_owned(),
        )
        .await?;
        backfill_due_dates(m).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(TicketMeToo::Table).to_owned())
            .await
    }
}

/// Unanswered tickets written before this migration get their due time:
/// the start of their clock plus their department's promise (60 minutes
/// without a department).
async fn backfill_due_dates(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = m.get_connection();
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT t.id, t.sla_started_at, d.first_response_minutes \
             FROM tickets t LEFT JOIN departments d ON d.id = t.department_id \
             WHERE t.first_response_at IS NULL"
                .to_owned(),
        ))
        .await?;
    for row in rows {
        let id: i32 = row.try_get_by_index(0)?;
        let started: chrono::DateTime<chrono::Utc> = row.try_get_by_index(1)?;
        let minutes: Option<i32> = row.try_get_by_index(2)?;
        let due = started + chrono::Duration::minutes(i64::from(minutes.unwrap_or(60)));
        let update = Query::update()
            .table(Tickets::Table)
            .value(Tickets::SlaDueAt, due)
            .and_where(Expr::col(Tickets::Id).eq(id))
            .to_owned();
        db.execute(&update).await?;
    }
    Ok(())
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Tickets {
    Table,
    Id,
    AssigneeId,
    SlaDueAt,
    MeTooCount,
    RatingScore,
    RatingComment,
}

#[derive(DeriveIden)]
enum TicketPosts {
    Table,
    FromDepartmentId,
    ToDepartmentId,
    Status,
}

#[derive(DeriveIden)]
enum TicketMeToo {
    Table,
    TicketId,
    UserId,
    CreatedAt,
}
