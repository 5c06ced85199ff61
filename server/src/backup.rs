//! `madang backup` and `madang restore`: a consistent copy of a live
//! `SQLite` database, with the secret key, in one file — and its return into
//! an empty data folder.
//!
//! A plain copy of a database in WAL mode can miss the commits still in the
//! WAL or catch a half-written page; `VACUUM INTO` reads the database in one
//! read transaction, so the copy holds exactly the commits made before it
//! started, while Madang goes on writing. The secret key (sessions, signed
//! links) travels inside the copy, in a table `restore` takes out again.
//! `PostgreSQL` has its own tools (`pg_dump`, `pg_restore`; README).

use std::path::{Path, PathBuf};

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, Statement, Value};

/// The table of a backup file that carries what is not in the database.
const META_TABLE: &str = "madang_backup";
/// The secret key's file in the data folder (see `secret`).
const SECRET_FILE: &str = "secret.key";

/// Why a backup or a restore did not happen; one clear line each.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// `PostgreSQL` is backed up with its own tools.
    #[error(
        "this database is PostgreSQL: back it up with `pg_dump -Fc DATABASE > FILE` and restore it \
         into an empty database with `pg_restore -d DATABASE FILE` (README, Running in production)"
    )]
    Postgres,
    /// The URL is neither `SQLite` nor `PostgreSQL`, or names no file.
    #[error("cannot back up or restore {0}: not an SQLite file")]
    NotAFile(String),
    /// There is no database to back up.
    #[error("there is no database at {0}")]
    Missing(String),
    /// A backup never overwrites a file.
    #[error("{0} already exists: choose a new file name")]
    Exists(String),
    /// A restore only goes into an empty data folder.
    #[error("{0} already exists: restore into an empty data folder")]
    NotEmpty(String),
    /// The file is not a backup made by `madang backup`, or is damaged.
    #[error("{path} is not a usable Madang backup: {reason}")]
    NotABackup {
        /// The file.
        path: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Reading or writing a file failed.
    #[error("{path}: {reason}")]
    Io {
        /// The file.
        path: String,
        /// What the OS said.
        reason: String,
    },
    /// The database refused.
    #[error("database: {0}")]
    Db(#[from] sea_orm::DbErr),
}

/// What a backup holds, for the command to report.
#[derive(Debug)]
pub struct BackupMade {
    /// The file's size in bytes.
    pub bytes: u64,
    /// Whether the data folder's secret key is in it (not when the key is
    /// given by `MADANG_SECRET_KEY`, which the operator keeps).
    pub with_secret_key: bool,
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> BackupError + '_ {
    move |e| BackupError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}

/// The file an `SQLite` URL names.
fn sqlite_file(database_url: &str) -> Result<PathBuf, BackupError> {
    if domain::db::Engine::of(database_url).ok() == Some(domain::db::Engine::Postgres) {
        return Err(BackupError::Postgres);
    }
    domain::db::sqlite_file(database_url)
        .ok_or_else(|| BackupError::NotAFile(domain::db::redact(database_url)))
}

/// One connection to the live database, read-only.
async fn open_live(path: &Path) -> Result<DatabaseConnection, BackupError> {
    let mut options = ConnectOptions::new(format!("sqlite://{}?mode=ro", path.display()));
    options.max_connections(1).sqlx_logging(false);
    Ok(Database::connect(options).await?)
}

/// One connection to a backup file being written, kept out of WAL mode so
/// that when it is closed everything is in the one file.
async fn open_copy(path: &Path) -> Result<DatabaseConnection, BackupError> {
    let mut options = ConnectOptions::new(format!("sqlite://{}?mode=rw", path.display()));
    options.max_connections(1).sqlx_logging(false);
    let db = Database::connect(options).await?;
    db.execute_unprepared("PRAGMA journal_mode = DELETE")
        .await?;
    Ok(db)
}

/// `path` with `suffix` added to its file name: a work file beside it, so
/// the final rename stays on one file system.
fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Copies the live database at `database_url` and the secret key in
/// `data_dir` into the new file `to`, while the server keeps writing.
pub async fn backup(
    database_url: &str,
    data_dir: &Path,
    to: &Path,
) -> Result<BackupMade, BackupError> {
    let database = sqlite_file(database_url)?;
    if !database.is_file() {
        return Err(BackupError::Missing(database.display().to_string()));
    }
    if to.exists() {
        return Err(BackupError::Exists(to.display().to_string()));
    }
    let partial = beside(to, ".partial");
    let _ = std::fs::remove_file(&partial);
    let source = open_live(&database).await?;
    source
        .execute_raw(Statement::from_sql_and_values(
            source.get_database_backend(),
            "VACUUM INTO ?",
            [Value::from(partial.display().to_string())],
        ))
        .await?;
    source.close().await?;

    let secret = std::fs::read_to_string(data_dir.join(SECRET_FILE)).ok();
    let copy = open_copy(&partial).await?;
    copy.execute_unprepared(&format!(
        "CREATE TABLE {META_TABLE} (name TEXT PRIMARY KEY, value TEXT NOT NULL)"
    ))
    .await?;
    if let Some(secret) = &secret {
        copy.execute_raw(Statement::from_sql_and_values(
            copy.get_database_backend(),
            format!("INSERT INTO {META_TABLE} (name, value) VALUES ('secret_key', ?)"),
            [Value::from(secret.trim().to_owned())],
        ))
        .await?;
    }
    copy.close().await?;
    restrict_to_owner(&partial)?;
    std::fs::rename(&partial, to).map_err(io_error(to))?;
    let bytes = std::fs::metadata(to).map_err(io_error(to))?.len();
    Ok(BackupMade {
        bytes,
        with_secret_key: secret.is_some(),
    })
}

/// Puts the backup `from` in place as the database at `database_url`, and
/// its secret key into `data_dir`; both must not exist yet.
pub async fn restore(database_url: &str, data_dir: &Path, from: &Path) -> Result<(), BackupError> {
    let database = sqlite_file(database_url)?;
    for taken in [database.clone(), data_dir.join(SECRET_FILE)] {
        if taken.exists() {
            return Err(BackupError::NotEmpty(taken.display().to_string()));
        }
    }
    let not_a_backup = |reason: String| BackupError::NotABackup {
        path: from.display().to_string(),
        reason,
    };
    if !from.is_file() {
        return Err(not_a_backup("no such file".to_owned()));
    }
    if let Some(folder) = database.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(io_error(folder))?;
    }
    let partial = beside(&database, ".restoring");
    std::fs::copy(from, &partial).map_err(io_error(&partial))?;
    let checked = check_and_take_meta(&partial).await;
    let secret = match checked {
        Ok(secret) => secret,
        Err(BackupError::Db(e)) => {
            let _ = std::fs::remove_file(&partial);
            return Err(not_a_backup(e.to_string()));
        }
        Err(other) => {
            let _ = std::fs::remove_file(&partial);
            return Err(other);
        }
    };
    if let Some(secret) = secret {
        std::fs::create_dir_all(data_dir).map_err(io_error(data_dir))?;
        let path = data_dir.join(SECRET_FILE);
        std::fs::write(&path, secret).map_err(io_error(&path))?;
        restrict_to_owner(&path)?;
    }
    restrict_to_owner(&partial)?;
    std::fs::rename(&partial, &database).map_err(io_error(&database))
}

/// Checks the copy is whole and a Madang backup, removes its meta table
/// and returns the secret key it carried.
async fn check_and_take_meta(copy: &Path) -> Result<Option<String>, BackupError> {
    let db = open_copy(copy).await?;
    let backend = db.get_database_backend();
    let integrity = db
        .query_one_raw(Statement::from_string(backend, "PRAGMA integrity_check"))
        .await?
        .map(|row| row.try_get_by_index::<String>(0))
        .transpose()?
        .unwrap_or_default();
    if integrity != "ok" {
        db.close().await?;
        return Err(BackupError::NotABackup {
            path: copy.display().to_string(),
            reason: format!("integrity check: {integrity}"),
        });
    }
    let meta = db
        .query_one_raw(Statement::from_string(
            backend,
            format!(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{META_TABLE}'"
            ),
        ))
        .await?
        .map(|row| row.try_get_by_index::<i64>(0))
        .transpose()?
        .unwrap_or_default();
    if meta != 1 {
        db.close().await?;
        return Err(BackupError::NotABackup {
            path: copy.display().to_string(),
            reason: "it was not made by `madang backup`".to_owned(),
        });
    }
    let secret = db
        .query_one_raw(Statement::from_string(
            backend,
            format!("SELECT value FROM {META_TABLE} WHERE name = 'secret_key'"),
        ))
        .await?
        .map(|row| row.try_get_by_index::<String>(0))
        .transpose()?;
    db.execute_unprepared(&format!("DROP TABLE {META_TABLE}"))
        .await?;
    db.close().await?;
    Ok(secret)
}

/// A backup holds every password hash and private detail: owner-only.
fn restrict_to_owner(path: &Path) -> Result<(), BackupError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
            .map_err(io_error(path))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}
