//! When each member was last active, kept on the member's row. The staff's
//! customer directory is sorted by it; before, every request grouped every
//! ticket, post, idea, comment, vote and session by member to find it (on
//! the benchmark database a million votes for one page of twenty —
//! `tests/plans.rs`, issue 17).
//!
//! Triggers keep it on both databases, whatever writes the row: a new
//! ticket, ticket post, idea, comment or vote moves its author's time
//! forward, and so does a session being opened or seen again. A new member
//! starts at the time they joined. Existing members get the newest of all
//! of it once, here.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::timestamp_with_time_zone_null;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// What counts as activity: `(table, member column, time column)`.
const ACTIVITY: [(&str, &str, &str); 6] = [
    ("tickets", "author_id", "created_at"),
    ("ticket_posts", "author_id", "created_at"),
    ("ideas", "author_id", "created_at"),
    ("idea_comments", "author_id", "created_at"),
    ("idea_votes", "user_id", "created_at"),
    ("sessions", "user_id", "last_seen_at"),
];

#[derive(DeriveIden)]
enum Users {
    Table,
    LastActiveAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Users::Table)
                .add_column(timestamp_with_time_zone_null(Users::LastActiveAt))
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        let newest = ACTIVITY
            .iter()
            .map(|(table, who, at)| format!("SELECT MAX({at}) FROM {table} WHERE {who} = users.id"))
            .chain(std::iter::once("SELECT users.created_at".to_owned()))
            .map(|select| format!("({select})"))
            .collect::<Vec<_>>();
        let postgres = db.get_database_backend() == DbBackend::Postgres;
        // SQLite's MAX of several values is a scalar function; PostgreSQL
        // has GREATEST, which skips NULLs as SQLite's MAX does not.
        let backfill = if postgres {
            format!(
                "UPDATE users SET last_active_at = GREATEST({})",
                newest.join(", ")
            )
        } else {
            let coalesced: Vec<String> = newest
                .iter()
                .map(|value| format!("COALESCE({value}, users.created_at)"))
                .collect();
            format!(
                "UPDATE users SET last_active_at = MAX({})",
                coalesced.join(", ")
            )
        };
        db.execute_unprepared(&backfill).await?;
        let statements = if postgres {
            postgres_triggers()
        } else {
            sqlite_triggers()
        };
        for statement in statements {
            db.execute_unprepared(&statement).await?;
        }
        db.execute_unprepared(
            "CREATE INDEX IF NOT EXISTS idx_users_role_last_active ON users \
             (role, last_active_at, id)",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let postgres = db.get_database_backend() == DbBackend::Postgres;
        for (table, _, _) in ACTIVITY {
            for suffix in ["insert", "update"] {
                let on = if postgres {
                    format!(" ON {table}")
                } else {
                    String::new()
                };
                db.execute_unprepared(&format!(
                    "DROP TRIGGER IF EXISTS last_active_{table}_{suffix}{on}"
                ))
                .await?;
            }
            if postgres {
                db.execute_unprepared(&format!("DROP FUNCTION IF EXISTS last_active_{table}()"))
                    .await?;
            }
        }
        let on_users = if postgres { " ON users" } else { "" };
        db.execute_unprepared(&format!(
            "DROP TRIGGER IF EXISTS last_active_joined{on_users}"
        ))
        .await?;
        if postgres {
            db.execute_unprepared("DROP FUNCTION IF EXISTS last_active_joined()")
                .await?;
        }
        db.execute_unprepared("DROP INDEX IF EXISTS idx_users_role_last_active")
            .await?;
        m.alter_table(
            Table::alter()
                .table(Users::Table)
                .drop_column(Users::LastActiveAt)
                .to_owned(),
        )
        .await
    }
}

fn sqlite_triggers() -> Vec<String> {
    let mut statements = Vec::new();
    for (table, who, at) in ACTIVITY {
        let touch = format!(
            "UPDATE users SET last_active_at = NEW.{at} WHERE id = NEW.{who} \
             AND (last_active_at IS NULL OR last_active_at < NEW.{at});"
        );
        statements.push(format!(
            "CREATE TRIGGER IF NOT EXISTS last_active_{table}_insert AFTER INSERT ON {table} \
             BEGIN {touch} END"
        ));
        statements.push(format!(
            "CREATE TRIGGER IF NOT EXISTS last_active_{table}_update \
             AFTER UPDATE OF {at}, {who} ON {table} BEGIN {touch} END"
        ));
    }
    statements.push(
        "CREATE TRIGGER IF NOT EXISTS last_active_joined AFTER INSERT ON users \
         WHEN NEW.last_active_at IS NULL \
         BEGIN UPDATE users SET last_active_at = NEW.created_at WHERE id = NEW.id; END"
            .to_owned(),
    );
    statements
}

fn postgres_triggers() -> Vec<String> {
    let mut statements = Vec::new();
    for (table, who, at) in ACTIVITY {
        statements.push(format!(
            "CREATE OR REPLACE FUNCTION last_active_{table}() RETURNS trigger \
             LANGUAGE plpgsql AS $$ BEGIN \
             UPDATE users SET last_active_at = NEW.{at} WHERE id = NEW.{who} \
             AND (last_active_at IS NULL OR last_active_at < NEW.{at}); \
             RETURN NULL; END $$"
        ));
        statements.push(format!(
            "CREATE TRIGGER last_active_{table}_insert AFTER INSERT ON {table} \
             FOR EACH ROW EXECUTE FUNCTION last_active_{table}()"
        ));
        statements.push(format!(
            "CREATE TRIGGER last_active_{table}_update AFTER UPDATE OF {at}, {who} ON {table} \
             FOR EACH ROW EXECUTE FUNCTION last_active_{table}()"
        ));
    }
    statements.push(
        "CREATE OR REPLACE FUNCTION last_active_joined() RETURNS trigger \
         LANGUAGE plpgsql AS $$ BEGIN \
         NEW.last_active_at := COALESCE(NEW.last_active_at, NEW.created_at); \
         RETURN NEW; END $$"
            .to_owned(),
    );
    statements.push(
        "CREATE TRIGGER last_active_joined BEFORE INSERT ON users \
         FOR EACH ROW EXECUTE FUNCTION last_active_joined()"
            .to_owned(),
    );
    statements
}
