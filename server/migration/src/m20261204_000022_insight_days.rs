//! The dashboard's activity of a finished day, stored once computed
//! (issue 17: a year's dashboard took 4.5 s recounting a million rows).
//!
//! A stored day stays exact because the database itself forgets it: a
//! trigger on every table the figures count deletes the stored days around
//! any row that is written, removed or moved there (a late insert, a vote
//! taken back, an account merged or erased), and a member's change of role
//! (staff are left out of the figures) forgets every stored day. The next
//! dashboard counts the forgotten days again from the rows.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The tables the daily figures count, with the column naming the member
/// and any other column whose change moves a row in or out of a figure.
const COUNTED: [(&str, &str); 5] = [
    ("ideas", "author_id"),
    ("tickets", "author_id"),
    ("idea_comments", "author_id"),
    ("idea_votes", "user_id"),
    ("ticket_posts", "author_id, kind"),
];

#[derive(DeriveIden)]
enum InsightDays {
    Table,
    Calendar,
    Day,
    Ideas,
    Tickets,
    Comments,
    Votes,
    ActiveMembers,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(InsightDays::Table)
                .if_not_exists()
                .col(ColumnDef::new(InsightDays::Day).string().not_null())
                .col(ColumnDef::new(InsightDays::Calendar).string().not_null())
                .col(ColumnDef::new(InsightDays::Ideas).big_integer().not_null())
                .col(
                    ColumnDef::new(InsightDays::Tickets)
                        .big_integer()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(InsightDays::Comments)
                        .big_integer()
                        .not_null(),
                )
                .col(ColumnDef::new(InsightDays::Votes).big_integer().not_null())
                .col(
                    ColumnDef::new(InsightDays::ActiveMembers)
                        .big_integer()
                        .not_null(),
                )
                .primary_key(
                    Index::create()
                        .col(InsightDays::Day)
                        .col(InsightDays::Calendar),
                )
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        let statements = match db.get_database_backend() {
            DbBackend::Postgres => postgres_triggers(),
            _ => sqlite_triggers(),
        };
        for statement in statements {
            db.execute_unprepared(&statement).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let postgres = db.get_database_backend() == DbBackend::Postgres;
        for (table, _) in COUNTED {
            for suffix in ["insert", "delete", "update"] {
                let drop = if postgres {
                    format!("DROP TRIGGER IF EXISTS insight_days_{table}_{suffix} ON {table}")
                } else {
                    format!("DROP TRIGGER IF EXISTS insight_days_{table}_{suffix}")
                };
                db.execute_unprepared(&drop).await?;
            }
        }
        for suffix in ["role", "delete"] {
            let drop = if postgres {
                format!("DROP TRIGGER IF EXISTS insight_days_users_{suffix} ON users")
            } else {
                format!("DROP TRIGGER IF EXISTS insight_days_users_{suffix}")
            };
            db.execute_unprepared(&drop).await?;
        }
        if postgres {
            db.execute_unprepared("DROP FUNCTION IF EXISTS insight_days_forget_row()")
                .await?;
            db.execute_unprepared("DROP FUNCTION IF EXISTS insight_days_forget_all()")
                .await?;
        }
        m.drop_table(Table::drop().table(InsightDays::Table).to_owned())
            .await
    }
}

/// A changed row's UTC date ± one day covers its day in every time zone.
fn sqlite_forget(row: &str) -> String {
    format!(
        "DELETE FROM insight_days WHERE day BETWEEN date({row}.created_at, '-1 day') \
         AND date({row}.created_at, '+1 day');"
    )
}

fn sqlite_triggers() -> Vec<String> {
    let mut statements = Vec::new();
    for (table, moved_by) in COUNTED {
        let changed = std::iter::once("created_at")
            .chain(moved_by.split(", "))
            .map(|column| format!("OLD.{column} IS NOT NEW.{column}"))
            .collect::<Vec<_>>()
            .join(" OR ");
        statements.push(format!(
            "CREATE TRIGGER IF NOT EXISTS insight_days_{table}_insert AFTER INSERT ON {table} \
             BEGIN {} END",
            sqlite_forget("NEW")
        ));
        statements.push(format!(
            "CREATE TRIGGER IF NOT EXISTS insight_days_{table}_delete AFTER DELETE ON {table} \
             BEGIN {} END",
            sqlite_forget("OLD")
        ));
        statements.push(format!(
            "CREATE TRIGGER IF NOT EXISTS insight_days_{table}_update \
             AFTER UPDATE OF created_at, {moved_by} ON {table} WHEN {changed} \
             BEGIN {} {} END",
            sqlite_forget("OLD"),
            sqlite_forget("NEW")
        ));
    }
    statements.push(
        "CREATE TRIGGER IF NOT EXISTS insight_days_users_role AFTER UPDATE OF role ON users \
         WHEN OLD.role IS NOT NEW.role BEGIN DELETE FROM insight_days; END"
            .to_owned(),
    );
    statements.push(
        "CREATE TRIGGER IF NOT EXISTS insight_days_users_delete AFTER DELETE ON users \
         BEGIN DELETE FROM insight_days; END"
            .to_owned(),
    );
    statements
}

fn postgres_triggers() -> Vec<String> {
    let forget = |row: &str| {
        format!(
            "DELETE FROM insight_days WHERE day BETWEEN \
             to_char(({row}.created_at AT TIME ZONE 'UTC')::date - 1, 'YYYY-MM-DD') AND \
             to_char(({row}.created_at AT TIME ZONE 'UTC')::date + 1, 'YYYY-MM-DD');"
        )
    };
    let mut statements = vec![
        format!(
            "CREATE OR REPLACE FUNCTION insight_days_forget_row() RETURNS trigger \
             LANGUAGE plpgsql AS $$ BEGIN \
             IF TG_OP IN ('UPDATE', 'DELETE') THEN {} END IF; \
             IF TG_OP IN ('UPDATE', 'INSERT') THEN {} END IF; \
             RETURN NULL; END $$",
            forget("OLD"),
            forget("NEW")
        ),
        "CREATE OR REPLACE FUNCTION insight_days_forget_all() RETURNS trigger \
         LANGUAGE plpgsql AS $$ BEGIN DELETE FROM insight_days; RETURN NULL; END $$"
            .to_owned(),
    ];
    for (table, moved_by) in COUNTED {
        let changed = std::iter::once("created_at")
            .chain(moved_by.split(", "))
            .map(|column| format!("OLD.{column} IS DISTINCT FROM NEW.{column}"))
            .collect::<Vec<_>>()
            .join(" OR ");
        statements.push(format!(
            "CREATE TRIGGER insight_days_{table}_insert AFTER INSERT OR DELETE \
             ON {table} FOR EACH ROW EXECUTE FUNCTION insight_days_forget_row()"
        ));
        statements.push(format!(
            "CREATE TRIGGER insight_days_{table}_update \
             AFTER UPDATE OF created_at, {moved_by} ON {table} FOR EACH ROW WHEN ({changed}) \
             EXECUTE FUNCTION insight_days_forget_row()"
        ));
    }
    statements.push(
        "CREATE TRIGGER insight_days_users_role AFTER UPDATE OF role ON users \
         FOR EACH ROW WHEN (OLD.role IS DISTINCT FROM NEW.role) \
         EXECUTE FUNCTION insight_days_forget_all()"
            .to_owned(),
    );
    statements.push(
        "CREATE TRIGGER insight_days_users_delete AFTER DELETE ON users \
         FOR EACH STATEMENT EXECUTE FUNCTION insight_days_forget_all()"
            .to_owned(),
    );
    statements
}
