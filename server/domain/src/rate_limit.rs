//! Rate limits for sign-in, sign-up and password reset, and quotas for
//! posting and voting, counted in the database (`auth_attempts` holds every
//! bucket) so they hold across several server instances. Failed sign-ins
//! back off exponentially: after the free attempts, each further failure
//! doubles the wait.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseTransaction,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, Statement,
};

use crate::entity::auth_attempt;
use crate::{Ctx, Error, Result};

/// A limit on one kind of attempt.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    /// Attempts allowed within the window before waiting is required.
    pub free: u32,
    /// How far back attempts count.
    pub window: Duration,
    /// First wait after the free attempts; doubles with each further attempt.
    pub base_wait: Duration,
}

/// Failed sign-ins per account from one client address. Keyed by both, so
/// somebody guessing from elsewhere cannot lock the owner out.
pub const SIGN_IN_ACCOUNT: Limit = Limit {
    free: 5,
    window: Duration::minutes(15),
    base_wait: Duration::seconds(30),
};
/// Failed sign-ins per client address.
pub const SIGN_IN_ADDRESS: Limit = Limit {
    free: 20,
    window: Duration::minutes(15),
    base_wait: Duration::seconds(30),
};
/// Password-reset requests per client address.
pub const RESET_ADDRESS: Limit = Limit {
    free: 10,
    window: Duration::hours(1),
    base_wait: Duration::minutes(5),
};
/// Password-reset requests per account.
pub const RESET_ACCOUNT: Limit = Limit {
    free: 3,
    window: Duration::hours(1),
    base_wait: Duration::minutes(5),
};
/// Sign-ups per client address.
pub const SIGN_UP_ADDRESS: Limit = Limit {
    free: 10,
    window: Duration::hours(1),
    base_wait: Duration::minutes(5),
};

/// The wait still required given the attempts in the window (newest first);
/// `None` when another attempt is allowed now.
#[must_use]
pub fn required_wait(
    limit: Limit,
    attempts_newest_first: &[DateTime<Utc>],
    now: DateTime<Utc>,
) -> Option<Duration> {
    let recent: Vec<_> = attempts_newest_first
        .iter()
        .filter(|at| now - **at < limit.window)
        .collect();
    let count = u32::try_from(recent.len()).unwrap_or(u32::MAX);
    if count < limit.free {
        return None;
    }
    let excess = (count - limit.free).min(10);
    let wait = (limit.base_wait * 2_i32.pow(excess)).min(limit.window);
    let until = *recent[0] + wait;
    (until > now).then(|| until - now)
}

/// One attempt counted in a bucket, kept or forgotten once the caller knows
/// how it went.
#[derive(Debug)]
#[must_use = "forget the attempts when they should not count"]
pub struct Attempts(Vec<i32>);

/// Counts one attempt in each bucket, then decides whether it may go on.
///
/// Counting comes first and deciding second, so the limit holds under
/// parallel requests: each request's own row is committed before it looks,
/// so the k-th request to be counted sees at least k−1 others and at most
/// `free` of a burst get through (a check made before counting let 40 of 40
/// parallel wrong passwords be tried). A refused attempt is removed again, so
/// waiting out a limit is not prolonged by the refusals.
pub async fn attempt(ctx: &Ctx, buckets: &[(&str, Limit)]) -> Result<Attempts> {
    let now = ctx.clock.now();
    let mut own = Vec::with_capacity(buckets.len());
    for (bucket, _) in buckets {
        own.push(insert(ctx, bucket, now).await?);
    }
    let attempts = Attempts(own);
    for (bucket, limit) in buckets {
        let others = recent_others(
            ctx,
            bucket,
            limit.window,
            u64::from(limit.free) + 16,
            &attempts,
        )
        .await?;
        if let Some(wait) = required_wait(*limit, &others, now) {
            forget(ctx, attempts).await?;
            return Err(Error::RateLimited {
                retry_after_secs: u64::try_from(wait.num_seconds().max(1)).unwrap_or(1),
            });
        }
    }
    Ok(attempts)
}

/// Removes attempts that turned out not to count (a correct password).
pub async fn forget(ctx: &Ctx, attempts: Attempts) -> Result<()> {
    auth_attempt::Entity::delete_many()
        .filter(auth_attempt::Column::Id.is_in(attempts.0))
        .exec(&ctx.db)
        .await?;
    Ok(())
}

/// Takes one place of `quota`, or fails with `RateLimited` until the oldest
/// of its places leaves the window: [`take_quota_in`] in a write
/// transaction of its own, for actions that are not one transaction with
/// their place. There is no back-off: posting is not an attack.
pub async fn take_quota(ctx: &Ctx, quota: &Quota) -> Result<()> {
    let txn = ctx.begin_write().await?;
    take_quota_in(&txn, ctx.clock.now(), quota).await?;
    txn.commit().await?;
    Ok(())
}

/// A quota of `max` actions per `window` in one bucket.
#[derive(Clone, Debug)]
pub struct Quota {
    /// The bucket, e.g. `vote:12`.
    pub bucket: String,
    /// Actions allowed within the window.
    pub max: u32,
    /// How far back actions count.
    pub window: Duration,
}

/// Takes one place of `quota` inside the caller's write transaction, so the
/// action and its place are committed together (or neither is: a refused or
/// failed action costs nothing) and the action makes one write transaction,
/// not two. Counting is serialised per bucket: `SQLite` write transactions
/// already run one at a time (`BEGIN IMMEDIATE`); on `PostgreSQL` a
/// transaction-scoped advisory lock on the bucket makes parallel actions
/// count one after another.
pub async fn take_quota_in(
    txn: &DatabaseTransaction,
    now: DateTime<Utc>,
    quota: &Quota,
) -> Result<()> {
    if txn.get_database_backend() == DatabaseBackend::Postgres {
        txn.execute_raw(Statement::from_sql_and_values(
            DatabaseBackend::Postgres,
            "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
            [quota.bucket.clone().into()],
        ))
        .await?;
    }
    let window_start = now - quota.window;
    let taken = auth_attempt::Entity::find()
        .filter(auth_attempt::Column::Bucket.eq(quota.bucket.as_str()))
        .filter(auth_attempt::Column::CreatedAt.gt(window_start))
        .count(txn)
        .await?;
    if taken >= u64::from(quota.max) {
        // The `max`-th newest is the one whose leaving frees a place.
        let frees_at = auth_attempt::Entity::find()
            .filter(auth_attempt::Column::Bucket.eq(quota.bucket.as_str()))
            .filter(auth_attempt::Column::CreatedAt.gt(window_start))
            .order_by_desc(auth_attempt::Column::CreatedAt)
            .offset(u64::from(quota.max.saturating_sub(1)))
            .one(txn)
            .await?
            .map_or(now, |oldest| oldest.created_at + quota.window);
        return Err(Error::RateLimited {
            retry_after_secs: u64::try_from((frees_at - now).num_seconds().max(1)).unwrap_or(1),
        });
    }
    auth_attempt::ActiveModel {
        bucket: Set(quota.bucket.clone()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(())
}

async fn insert(ctx: &Ctx, bucket: &str, now: DateTime<Utc>) -> Result<i32> {
    let row = auth_attempt::ActiveModel {
        bucket: Set(bucket.to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&ctx.db)
    .await?;
    Ok(row.id)
}

/// The newest attempts in the bucket within the window, other than ours.
async fn recent_others(
    ctx: &Ctx,
    bucket: &str,
    window: Duration,
    at_most: u64,
    ours: &Attempts,
) -> Result<Vec<DateTime<Utc>>> {
    let now = ctx.clock.now();
    Ok(auth_attempt::Entity::find()
        .filter(auth_attempt::Column::Bucket.eq(bucket))
        .filter(auth_attempt::Column::CreatedAt.gt(now - window))
        .filter(auth_attempt::Column::Id.is_not_in(ours.0.iter().copied()))
        .order_by_desc(auth_attempt::Column::CreatedAt)
        .limit(at_most)
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|a| a.created_at)
        .collect())
}

/// Forgets a bucket's attempts (after a successful sign-in).
pub async fn clear(ctx: &Ctx, bucket: &str) -> Result<()> {
    auth_attempt::Entity::delete_many()
        .filter(auth_attempt::Column::Bucket.eq(bucket))
        .exec(&ctx.db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_after_the_free_attempts() {
        let now = Utc::now();
        let limit = SIGN_IN_ACCOUNT;
        let attempts = |n: usize| -> Vec<DateTime<Utc>> {
            (0..n)
                .map(|i| now - Duration::seconds(i64::try_from(i).unwrap_or(0)))
                .collect()
        };
        assert_eq!(required_wait(limit, &attempts(4), now), None);
        assert_eq!(
            required_wait(limit, &attempts(5), now),
            Some(Duration::seconds(30))
        );
        assert_eq!(
            required_wait(limit, &attempts(6), now),
            Some(Duration::seconds(60))
        );
        assert_eq!(
            required_wait(limit, &attempts(7), now),
            Some(Duration::seconds(120))
        );
        // The wait is counted from the newest attempt and never exceeds the window.
        let later = now + Duration::seconds(31);
        assert_eq!(required_wait(limit, &attempts(5), later), None);
        assert_eq!(
            required_wait(limit, &attempts(30), now),
            Some(Duration::minutes(15))
        );
    }

    #[test]
    fn old_attempts_do_not_count() {
        let now = Utc::now();
        let old: Vec<_> = (0..10).map(|i| now - Duration::minutes(20 + i)).collect();
        assert_eq!(required_wait(SIGN_IN_ACCOUNT, &old, now), None);
    }
}
