//! Response clocks: one row per promise a department makes to answer a
//! ticket (at filing, at each hand-off, when the customer writes again), so
//! a hand-off or a next reply gets its own deadline and the dashboard counts
//! each promise. Remedy limits gain a monthly cap per customer, and a remedy
//! remembers the reply it came with (the approval list shows it).
//!
//! Existing tickets get their first clock from the columns that held it;
//! `tickets.sla_due_at` from now on holds only the deadline of the clock
//! that is running (none once answered), which is what the queue sorts by.

use sea_orm_migration::{
    prelude::*,
    schema::{
        big_integer_null, integer, integer_null, pk_auto, string, string_null,
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
                .table(TicketClocks::Table)
                .col(pk_auto(TicketClocks::Id))
                .col(integer(TicketClocks::TicketId))
                .col(integer_null(TicketClocks::DepartmentId))
                .col(string(TicketClocks::Kind))
                .col(integer(TicketClocks::TargetMinutes))
                .col(timestamp_with_time_zone(TicketClocks::StartedAt))
                .col(timestamp_with_time_zone(TicketClocks::DueAt))
                .col(timestamp_with_time_zone_null(TicketClocks::StoppedAt))
                .col(string_null(TicketClocks::Outcome))
                .col(integer_null(TicketClocks::StoppedById))
                .foreign_key(
                    ForeignKey::create()
                        .from(TicketClocks::Table, TicketClocks::TicketId)
                        .to(Tickets::Table, Tickets::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        for (name, col) in [
            ("idx_ticket_clocks_ticket", TicketClocks::TicketId),
            ("idx_ticket_clocks_started", TicketClocks::StartedAt),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table(TicketClocks::Table)
                    .col(col)
                    .to_owned(),
            )
            .await?;
        }
        let db = m.get_connection();
        // The first clock of every existing ticket, from the columns that
        // held it. Tickets answered before deadlines were kept have no
        // stored due time: their answer time stands in (counted as kept).
        db.execute_unprepared(
            "INSERT INTO ticket_clocks (ticket_id, department_id, kind, target_minutes, started_at, due_at, stopped_at, outcome, stopped_by_id) \
             SELECT t.id, t.department_id, 'first', COALESCE(d.first_response_minutes, 60), t.sla_started_at, \
                    COALESCE(t.sla_due_at, t.first_response_at, t.sla_started_at), \
                    CASE WHEN t.first_response_at IS NOT NULL THEN t.first_response_at \
                         WHEN t.status IN ('resolved', 'closed') THEN COALESCE(t.resolved_at, t.updated_at) END, \
                    CASE WHEN t.first_response_at IS NOT NULL THEN 'answered' \
                         WHEN t.status IN ('resolved', 'closed') THEN 'withdrawn' END, \
                    t.first_response_by_id \
             FROM tickets t LEFT JOIN departments d ON d.id = t.department_id",
        )
        .await?;
        db.execute_unprepared(
            "UPDATE tickets SET sla_due_at = NULL WHERE first_response_at IS NOT NULL OR status IN ('resolved', 'closed')",
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(RemedyLimits::Table)
                .add_column(big_integer_null(RemedyLimits::MonthlyMaxWon))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Remedies::Table)
                .add_column(integer_null(Remedies::PostId))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(TicketClocks::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Tickets {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum TicketClocks {
    Table,
    Id,
    TicketId,
    DepartmentId,
    Kind,
    TargetMinutes,
    StartedAt,
    DueAt,
    StoppedAt,
    Outcome,
    StoppedById,
}

#[derive(DeriveIden)]
enum Remedies {
    Table,
    PostId,
}

#[derive(DeriveIden)]
enum RemedyLimits {
    Table,
    MonthlyMaxWon,
}
