//! Activity per day, grouped by the database in one pass over the tables
//! members write to (each backend names a day its own way).

use std::collections::HashMap;

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use shared::insight::DayFigures;

use super::range::Range;
use crate::{Ctx, Error, Result};

/// The members whose activity the figures leave out: staff, whose own
/// tickets, ratings, votes and marks would otherwise flatter the company.
pub(super) const STAFF_MEMBERS: &str =
    "SELECT id FROM users WHERE role IN ('employee', 'moderator', 'admin')";

/// The company's day of a timestamp column (text `YYYY-MM-DD` once cast),
/// in each database's words: `PostgreSQL` knows the zone by name; `SQLite`
/// stores RFC 3339 text in UTC and is given the zone's offset.
pub(super) fn day_of(backend: DbBackend, column: &str, range: &Range) -> String {
    match backend {
        DbBackend::Postgres => {
            // IANA names are letters, digits, `/`, `_`, `+` and `-`.
            let zone: String = range
                .zone
                .name()
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '+' | '-'))
                .collect();
            format!("CAST(({column} AT TIME ZONE '{zone}') AS DATE)")
        }
        _ => format!(
            "substr(datetime({column}, '{:+} minutes'), 1, 10)",
            range.offset_minutes()
        ),
    }
}

/// `column` within the range, with the bounds as bound parameters.
pub(super) fn within(backend: DbBackend, column: &str, first: usize) -> String {
    match backend {
        DbBackend::Postgres => format!("{column} >= ${first} AND {column} < ${}", first + 1),
        _ => format!("{column} >= ? AND {column} < ?"),
    }
}

/// Runs a `SELECT key, COUNT(*) … WHERE {range} …` over `created_at` and
/// returns the (key, count) rows.
pub(super) async fn grouped(ctx: &Ctx, sql: &str, range: Range) -> Result<Vec<(i32, i64)>> {
    let backend = ctx.db.get_database_backend();
    let statement = Statement::from_sql_and_values(
        backend,
        sql.replace("{range}", &within(backend, "created_at", 1)),
        [range.start.into(), range.end.into()],
    );
    let rows = ctx.db.query_all_raw(statement).await?;
    rows.iter()
        .map(|row| {
            let key: i32 = row.try_get_by_index(0)?;
            let n: i64 = row.try_get_by_index(1)?;
            Ok((key, n))
        })
        .collect::<std::result::Result<Vec<_>, sea_orm::DbErr>>()
        .map_err(Error::from)
}

/// Customer activity per day, counted by the database: one grouped pass
/// over the five tables members write to, staff left out.
pub(super) async fn daily_figures(ctx: &Ctx, range: Range) -> Result<Vec<DayFigures>> {
    let backend = ctx.db.get_database_backend();
    // The first SELECT names the columns for the whole UNION.
    let sources = [
        ("ideas", "author_id", "1 AS i, 0 AS t, 0 AS c, 0 AS v", ""),
        ("tickets", "author_id", "0, 1, 0, 0", ""),
        ("idea_comments", "author_id", "0, 0, 1, 0", ""),
        ("idea_votes", "user_id", "0, 0, 0, 1", ""),
        (
            "ticket_posts",
            "author_id",
            "0, 0, 0, 0",
            "kind <> 'internal' AND ",
        ),
    ];
    let mut values = Vec::new();
    let parts: Vec<String> = sources
        .iter()
        .map(|(table, member, flags, extra)| {
            let first = values.len() + 1;
            values.push(range.start.into());
            values.push(range.end.into());
            format!(
                "SELECT {} AS day, {member} AS uid, {flags} FROM {table} WHERE {extra}{member} NOT IN ({STAFF_MEMBERS}) AND {}",
                day_of(backend, "created_at", &range),
                within(backend, "created_at", first)
            )
        })
        .collect();
    let sql = format!(
        "SELECT CAST(day AS TEXT), SUM(i), SUM(t), SUM(c), SUM(v), COUNT(DISTINCT uid) FROM ({}) x GROUP BY day",
        parts.join(" UNION ALL ")
    );
    let rows = ctx
        .db
        .query_all_raw(Statement::from_sql_and_values(backend, sql, values))
        .await?;
    let mut by_day: HashMap<String, DayFigures> = HashMap::new();
    for row in rows {
        let day: String = row.try_get_by_index(0)?;
        let number = |i: usize| -> std::result::Result<i64, sea_orm::DbErr> {
            row.try_get_by_index::<i64>(i)
                .or_else(|_| row.try_get_by_index::<i32>(i).map(i64::from))
                .or_else(|_| {
                    row.try_get_by_index::<sea_orm::prelude::Decimal>(i)
                        .map(|d| i64::try_from(d).unwrap_or(0))
                })
        };
        by_day.insert(
            day.clone(),
            DayFigures {
                day,
                ideas: number(1)?,
                tickets: number(2)?,
                comments: number(3)?,
                votes: number(4)?,
                active_members: number(5)?,
            },
        );
    }
    Ok(range
        .days()
        .into_iter()
        .map(|day| {
            let key = day.format("%Y-%m-%d").to_string();
            by_day.remove(&key).unwrap_or(DayFigures {
                day: key,
                ideas: 0,
                tickets: 0,
                comments: 0,
                votes: 0,
                active_members: 0,
            })
        })
        .collect())
}
