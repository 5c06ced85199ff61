//! `madang backup` / `madang restore` (`server::backup`) on a live `SQLite`
//! database: votes keep coming from several clients while the copy is
//! made; the copy restored into an empty folder is whole, holds every vote
//! acknowledged before the backup began, and serves the board.

use std::sync::Arc;
use std::time::Instant;

use madang_tests::{AcknowledgedVote as Acknowledged, Backend, Voters, spawn_app};
use sea_orm::{ConnectionTrait, Database, Statement};

async fn count(db: &sea_orm::DatabaseConnection, sql: &str) -> i64 {
    db.query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("query")
        .expect("a row")
        .try_get_by_index::<i64>(0)
        .expect("a number")
}

async fn voted(db: &sea_orm::DatabaseConnection, prefix: &str, idea: i64) -> bool {
    count(
        db,
        &format!(
            "SELECT count(*) FROM idea_votes v JOIN api_tokens t ON t.user_id = v.user_id \
             WHERE t.prefix = '{prefix}' AND v.idea_id = {idea}"
        ),
    )
    .await
        == 1
}

#[tokio::test]
async fn a_backup_taken_under_writes_restores_whole_with_every_acknowledged_vote() {
    let app = Arc::new(spawn_app(Backend::Sqlite).await);
    let ideas = app.scalar("SELECT count(*) FROM ideas").await;
    assert!(ideas >= 10, "the demo has ideas to vote on");
    let tokens = app.create_members(6).await;
    let voters = Voters::start(&app, tokens, ideas, std::time::Duration::from_millis(15));

    // Votes are flowing; take the backup in the middle of them.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let backup_dir = tempfile::tempdir().expect("temp dir");
    let file = backup_dir.path().join("madang.backup");
    let began = Instant::now();
    let made = server::backup::backup(&app.database_url, app.data_dir(), &file)
        .await
        .expect("backup");
    assert!(
        made.with_secret_key,
        "the generated key travels with the data"
    );
    assert!(made.bytes > 0);
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let acknowledged = voters.stop().await;
    let before: Vec<&Acknowledged> = acknowledged
        .iter()
        .filter(|(_, _, at)| *at < began)
        .collect();
    let after = acknowledged.len() - before.len();
    assert!(
        before.len() >= 10,
        "votes acknowledged before the backup: {}",
        before.len()
    );
    assert!(after > 0, "votes went on during and after the backup");

    // A second backup to the same name is refused, never overwritten.
    let again = server::backup::backup(&app.database_url, app.data_dir(), &file).await;
    assert!(
        matches!(again, Err(server::backup::BackupError::Exists(_))),
        "{again:?}"
    );

    // Restore into an empty data folder.
    let restored = tempfile::tempdir().expect("temp dir");
    let restored_url = format!(
        "sqlite://{}?mode=rwc",
        restored.path().join("madang.db").display()
    );
    server::backup::restore(&restored_url, restored.path(), &file)
        .await
        .expect("restore");
    let secret = std::fs::read_to_string(app.data_dir().join("secret.key")).expect("live key");
    let restored_secret =
        std::fs::read_to_string(restored.path().join("secret.key")).expect("restored key");
    assert_eq!(restored_secret.trim(), secret.trim());
    // …and never over an existing database.
    let twice = server::backup::restore(&restored_url, restored.path(), &file).await;
    assert!(
        matches!(twice, Err(server::backup::BackupError::NotEmpty(_))),
        "{twice:?}"
    );

    let live = Database::connect(&app.database_url).await.expect("live db");
    let copy = Database::connect(&restored_url).await.expect("restored db");
    let integrity = copy
        .query_one_raw(Statement::from_string(
            copy.get_database_backend(),
            "PRAGMA integrity_check",
        ))
        .await
        .expect("integrity check")
        .expect("a row")
        .try_get_by_index::<String>(0)
        .expect("text");
    assert_eq!(integrity, "ok");
    for (prefix, idea, _) in &before {
        assert!(
            voted(&live, prefix, *idea).await,
            "the live database has {prefix} on {idea}"
        );
        assert!(
            voted(&copy, prefix, *idea).await,
            "the backup lost {prefix}'s acknowledged vote on {idea}"
        );
    }
    let carried = count(
        &copy,
        "SELECT count(*) FROM sqlite_master WHERE name = 'madang_backup'",
    )
    .await;
    assert_eq!(
        carried, 0,
        "the backup's own table is gone after the restore"
    );
    copy.close().await.expect("close");
    live.close().await.expect("close");

    // A server started on the restored folder serves the board.
    let started = server::start(server::startup::StartConfig {
        database_url: restored_url,
        data_dir: restored.path().to_path_buf(),
        serve: server::ServeArgs {
            bind: "127.0.0.1:0".parse().expect("address"),
            site_root: restored.path().join("site"),
            ..server::ServeArgs::default()
        },
        clock: domain::Clock::System,
        synchronous: domain::db::Synchronous::default(),
    })
    .await
    .expect("a server starts on the restored data");
    let board = reqwest::get(format!("{}/api/v1/ideas?sort=top", started.base_url))
        .await
        .expect("board")
        .json::<serde_json::Value>()
        .await
        .expect("json");
    let items = board["items"].as_array().expect("items");
    assert!(!items.is_empty(), "the restored board lists the ideas");
    let page = reqwest::get(&started.base_url).await.expect("page");
    assert_eq!(page.status().as_u16(), 200);
    started.shutdown().await;
}

#[tokio::test]
async fn postgres_is_backed_up_with_its_own_tools_and_bad_files_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let refused = server::backup::backup(
        "postgres://u:p@127.0.0.1/madang",
        dir.path(),
        &dir.path().join("b"),
    )
    .await;
    let message = refused.expect_err("refused").to_string();
    assert!(message.contains("pg_dump"), "{message}");
    let not_a_backup = dir.path().join("notes.txt");
    std::fs::write(&not_a_backup, "not a database").expect("write");
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("madang.db").display()
    );
    let refused = server::backup::restore(&url, dir.path(), &not_a_backup).await;
    assert!(
        matches!(refused, Err(server::backup::BackupError::NotABackup { .. })),
        "{refused:?}"
    );
    assert!(
        !dir.path().join("madang.db").exists(),
        "nothing is left behind"
    );
}
