//! Opening the database (`SQLite` by default, `PostgreSQL` to scale out) and
//! bringing its schema up to date.

use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbErr,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
};

/// Why the database could not be opened; each message is one clear line for
/// the operator.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    /// The URL is neither `sqlite:` nor `postgres:`/`postgresql:`.
    #[error("DATABASE_URL `{0}` is not supported: use sqlite://PATH or postgres://USER@HOST/DB")]
    UnsupportedScheme(String),
    /// The driver refused or could not reach the database.
    #[error("cannot open database {url}: {reason}")]
    Unreachable {
        /// The URL with any password masked.
        url: String,
        /// The driver's reason.
        reason: String,
    },
    /// A migration failed.
    #[error("cannot migrate database {url}: {reason}")]
    Migration {
        /// The URL with any password masked.
        url: String,
        /// The migration's error.
        reason: String,
    },
}

/// Which engine a URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// The embedded default.
    Sqlite,
    /// The scale-out database.
    Postgres,
}

impl Engine {
    /// Reads the engine from a database URL's scheme.
    pub fn of(url: &str) -> Result<Self, ConnectError> {
        if url.starts_with("sqlite:") {
            Ok(Engine::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Engine::Postgres)
        } else {
            Err(ConnectError::UnsupportedScheme(redact(url)))
        }
    }
}

/// How hard `SQLite` makes sure a commit is on the disk before it answers
/// (`PRAGMA synchronous`; `PostgreSQL` has its own `synchronous_commit`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Synchronous {
    /// `NORMAL` in WAL mode: the WAL is synced at checkpoints (every
    /// thousand pages or so), not at every commit. A crash of Madang loses
    /// nothing committed; a power cut or a crash of the operating system can
    /// lose the commits since the last checkpoint, never corrupts the
    /// database (`tests/api/power_loss.rs`). Several times the write rate
    /// of `Full`.
    #[default]
    Normal,
    /// `FULL`: every commit is synced before it is acknowledged, so even a
    /// power cut loses nothing acknowledged.
    Full,
}

/// Opens a pool. `SQLite` files are created if missing and run in WAL mode with
/// foreign keys on and a busy timeout, so concurrent writers wait instead of
/// failing.
pub async fn connect(
    url: &str,
    synchronous: Synchronous,
) -> Result<DatabaseConnection, ConnectError> {
    let engine = Engine::of(url)?;
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(10));
    log_statements(&mut options);
    if engine == Engine::Sqlite {
        options
            .max_connections(8)
            .map_sqlx_sqlite_opts(move |o| sqlite_options(o, synchronous));
    } else {
        options.max_connections(16);
    }
    Database::connect(options)
        .await
        .map_err(|e| ConnectError::Unreachable {
            url: redact(url),
            reason: e.to_string(),
        })
}

/// A statement slower than this is logged as a warning: in production the
/// log is where a query that stopped using its index shows first.
const SLOW_STATEMENT: Duration = Duration::from_millis(250);

/// Every statement is logged under the target `sqlx::query` at TRACE, which
/// no default filter shows (`RUST_LOG=sqlx::query=trace` does; the
/// query-plan test collects them this way), and slow ones at WARN. The SQL
/// is logged with its placeholders, never with the values bound to them.
fn log_statements(options: &mut ConnectOptions) {
    options
        .sqlx_logging(true)
        .sqlx_logging_level(log::LevelFilter::Trace)
        .sqlx_slow_statements_logging_settings(log::LevelFilter::Warn, SLOW_STATEMENT);
}

fn sqlite_options(options: SqliteConnectOptions, synchronous: Synchronous) -> SqliteConnectOptions {
    options
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(match synchronous {
            Synchronous::Normal => SqliteSynchronous::Normal,
            Synchronous::Full => SqliteSynchronous::Full,
        })
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10))
}

/// `SQLite` runs one write transaction at a time. Writers that find it taken
/// sleep in `SQLite`'s busy handler with a growing back-off (up to 100 ms a
/// try), which gave votes a 99th percentile of 0.66 s at 8 connections while
/// the CPU idled. Write transactions therefore take turns on one connection
/// of their own, queued in order by the pool: each starts the moment the
/// previous one commits. `None` for `PostgreSQL`, which writes in parallel.
pub async fn connect_writer(
    url: &str,
    synchronous: Synchronous,
) -> Result<Option<DatabaseConnection>, ConnectError> {
    // An in-memory database exists once per connection: a second pool
    // would write to another, empty one.
    if Engine::of(url)? != Engine::Sqlite || url.contains(":memory:") || url.contains("mode=memory")
    {
        return Ok(None);
    }
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .connect_timeout(Duration::from_secs(5))
        // The queue for the writer: as long as SQLite's own busy timeout.
        .acquire_timeout(Duration::from_secs(10))
        .max_connections(1)
        .map_sqlx_sqlite_opts(move |o| sqlite_options(o, synchronous));
    log_statements(&mut options);
    Database::connect(options)
        .await
        .map(Some)
        .map_err(|e| ConnectError::Unreachable {
            url: redact(url),
            reason: e.to_string(),
        })
}

/// Makes everything committed so far durable: on `SQLite`, copies the
/// write-ahead log into the database file and syncs it (a checkpoint), so
/// what start-up wrote (the schema, demo data) survives a power cut even
/// before the first automatic checkpoint. Nothing to do on `PostgreSQL`.
pub async fn checkpoint(db: &DatabaseConnection) -> Result<(), DbErr> {
    if db.get_database_backend() == sea_orm::DbBackend::Sqlite {
        db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
            .await?;
    }
    Ok(())
}

/// Applies every pending migration.
pub async fn migrate(db: &DatabaseConnection, url: &str) -> Result<(), ConnectError> {
    Migrator::up(db, None)
        .await
        .map_err(|e| ConnectError::Migration {
            url: redact(url),
            reason: e.to_string(),
        })
}

/// Begins a transaction that will write. On `SQLite` it takes the write lock
/// at once (`BEGIN IMMEDIATE`, waiting up to the busy timeout), so a
/// transaction never fails half-way when it turns from reading to writing;
/// `PostgreSQL` takes row locks as statements need them.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    })
    .await
}

/// The database file an `SQLite` URL names; `None` for other engines and
/// for in-memory databases. Start-up creates its folder, backups copy it.
#[must_use]
pub fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?
        .split('?')
        .next()
        .unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| std::path::PathBuf::from(path))
}

/// The URL with its password replaced by `***`, safe to print in logs.
#[must_use]
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((credentials, host)) => match credentials.split_once(':') {
            Some((user, _password)) => format!("{scheme}://{user}:***@{host}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_the_log() {
        assert_eq!(
            redact("postgres://madang:s3cret@db/madang"),
            "postgres://madang:***@db/madang"
        );
        assert_eq!(
            redact("postgres://madang@db/madang"),
            "postgres://madang@db/madang"
        );
        assert_eq!(redact("sqlite://data/madang.db"), "sqlite://data/madang.db");
    }

    #[test]
    fn only_sqlite_and_postgres_urls_are_accepted() {
        assert_eq!(Engine::of("sqlite://x.db").ok(), Some(Engine::Sqlite));
        assert_eq!(Engine::of("postgresql://h/d").ok(), Some(Engine::Postgres));
        assert!(Engine::of("mysql://h/d").is_err());
        assert!(Engine::of("nonsense").is_err());
    }
}
