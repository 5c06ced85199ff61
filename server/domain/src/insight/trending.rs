//! The ideas that gained the most customer votes in a range. Two exact
//! ways to count: the votes cast in the range, grouped by idea, or — when
//! the range holds most of the votes, as a year does — each idea's standing
//! count (`ideas.votes_count`, kept in step with its votes in every write
//! transaction) less the votes cast outside the range and staff's votes in
//! it, which reads far fewer rows.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, Statement, Value};

use super::daily::{STAFF_MEMBERS, grouped};
use super::figures::TOP;
use super::range::Range;
use crate::{Ctx, Result};

/// The `TOP` ideas by customer votes cast in the range, with that count,
/// most first (ties by idea number).
pub(super) async fn most_voted(ctx: &Ctx, range: Range) -> Result<Vec<(i32, i64)>> {
    if covers_most_votes(ctx, range).await? {
        by_standing_counts(ctx, range).await
    } else {
        grouped(
            ctx,
            &format!(
                "SELECT idea_id, COUNT(*) AS n FROM idea_votes WHERE user_id NOT IN ({STAFF_MEMBERS}) AND {{range}} GROUP BY idea_id ORDER BY n DESC, idea_id LIMIT {TOP}"
            ),
            range,
        )
        .await
    }
}

/// Whether the range spans more than half the time votes have been cast
/// (from the first vote to the range's end or now): a cheap stand-in for
/// "holds most of the votes" that only picks the faster way.
async fn covers_most_votes(ctx: &Ctx, range: Range) -> Result<bool> {
    let first: Option<DateTime<Utc>> = ctx
        .db
        .query_one_raw(Statement::from_string(
            ctx.db.get_database_backend(),
            "SELECT MIN(created_at) FROM idea_votes",
        ))
        .await?
        .map(|row| row.try_get_by_index::<Option<DateTime<Utc>>>(0))
        .transpose()?
        .flatten();
    let Some(first) = first else {
        return Ok(false);
    };
    let last = range.end.max(ctx.clock.now());
    let voting = (last - first).num_seconds();
    let covered = (range.end.min(last) - range.start.max(first)).num_seconds();
    Ok(covered * 2 > voting)
}

/// Ideas looked at per step while walking them by standing count.
const STEP: u64 = 256;

async fn by_standing_counts(ctx: &Ctx, range: Range) -> Result<Vec<(i32, i64)>> {
    let backend = ctx.db.get_database_backend();
    // Votes each idea's standing count holds that the range does not: cast
    // before or after it (row by row rather than grouped: grouping tempts
    // `SQLite` to walk the whole (idea, member) index instead of the few
    // rows outside the range), and staff's votes in it.
    let mut not_gained: HashMap<i32, i64> = HashMap::new();
    let bound = if backend == DbBackend::Postgres {
        "$1"
    } else {
        "?"
    };
    let outside: [(String, Value); 2] = [
        (
            format!("SELECT idea_id FROM idea_votes WHERE created_at < {bound}"),
            range.start.into(),
        ),
        (
            format!("SELECT idea_id FROM idea_votes WHERE created_at >= {bound}"),
            range.end.into(),
        ),
    ];
    for (sql, at) in outside {
        let rows = ctx
            .db
            .query_all_raw(Statement::from_sql_and_values(backend, sql, [at]))
            .await?;
        for row in rows {
            let id: i32 = row.try_get_by_index(0)?;
            *not_gained.entry(id).or_default() += 1;
        }
    }
    let staff = grouped(
        ctx,
        &format!(
            "SELECT idea_id, COUNT(*) FROM idea_votes WHERE user_id IN ({STAFF_MEMBERS}) AND {{range}} GROUP BY idea_id"
        ),
        range,
    )
    .await?;
    for (id, n) in staff {
        *not_gained.entry(id).or_default() += n;
    }
    // Walk the ideas from the most votes down; an idea cannot gain more
    // than it holds, so the walk stops once the standing count falls below
    // the fifth idea's gain.
    let mut top: Vec<(i32, i64)> = Vec::new();
    let mut offset = 0;
    loop {
        let rows = ctx
            .db
            .query_all_raw(Statement::from_string(
                backend,
                format!(
                    "SELECT id, votes_count FROM ideas WHERE votes_count > 0 \
                     ORDER BY votes_count DESC, id LIMIT {STEP} OFFSET {offset}"
                ),
            ))
            .await?;
        if rows.is_empty() {
            return Ok(top);
        }
        for row in &rows {
            let id: i32 = row.try_get_by_index(0)?;
            let standing = i64::from(row.try_get_by_index::<i32>(1)?);
            if top.len() == TOP && top.last().is_some_and(|(_, n)| standing < *n) {
                return Ok(top);
            }
            let gained = standing - not_gained.get(&id).copied().unwrap_or(0);
            if gained > 0 {
                top.push((id, gained));
                top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                top.truncate(TOP);
            }
        }
        offset += STEP;
    }
}
