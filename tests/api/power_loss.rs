//! Power loss, not only a crash. `SQLite` runs in WAL mode with
//! `synchronous = NORMAL`: a commit appends to the write-ahead log without
//! waiting for the disk; the log is synced only before a checkpoint copies
//! it into the database file. A crash of the process loses nothing (the
//! operating system still writes what it was given); a power cut can lose
//! the unsynced part of the log — a tail, a torn last frame, or any frames
//! the disk never wrote. This test copies the database and its log at
//! moments while votes flow (no writer can commit while the copy is made),
//! then cuts the copied log in each of those ways, never before the synced
//! part, and opens every copy: each must pass `PRAGMA integrity_check`,
//! hold whole transactions only (every idea's vote counter equals its
//! votes), hold a prefix of the commits, and — for the crash — every vote
//! acknowledged before the copy. A server then starts on the worst copy.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use madang_tests::{Backend, Voters, spawn_app};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, Statement};

/// The log's own header, then per frame a header and one page.
const WAL_HEADER: usize = 32;
const FRAME_HEADER: usize = 24;

/// The database file and its log as they were at one moment, and how many
/// of the log's frames were synced (none of them may be lost).
struct Snapshot {
    db: Vec<u8>,
    wal: Vec<u8>,
    /// Frames of the log in use (after them: stale frames of an earlier
    /// round through the file, which recovery ignores).
    live_frames: usize,
    synced_frames: usize,
    page_size: usize,
    /// Votes (token prefix, idea) acknowledged before the copy began.
    acknowledged: Vec<(String, i64)>,
}

impl Snapshot {
    fn frame_size(&self) -> usize {
        FRAME_HEADER + self.page_size
    }

    /// Where the synced part of the log ends.
    fn synced_end(&self) -> usize {
        (WAL_HEADER + self.synced_frames * self.frame_size()).min(self.wal.len())
    }

    /// Where the frames in use end.
    fn live_end(&self) -> usize {
        (WAL_HEADER + self.live_frames * self.frame_size()).min(self.wal.len())
    }

    /// The ways a power cut can leave the log, by name.
    fn after_power_cuts(&self, seed: usize) -> Vec<(&'static str, Vec<u8>)> {
        let mut cuts = vec![
            ("crash", self.wal.clone()),
            ("unsynced tail lost", self.wal[..self.synced_end()].to_vec()),
        ];
        let unsynced = self.live_end().saturating_sub(self.synced_end());
        if unsynced > 0 {
            // Cut somewhere along the unsynced part (a sixth to five sixths
            // of the way, by copy), 13 bytes into a frame.
            let at = self.synced_end() + unsynced * (seed % 5 + 1) / 6 + 13;
            cuts.push((
                "torn at a byte",
                self.wal[..at.min(self.wal.len())].to_vec(),
            ));
            // One frame in the middle never written, the ones after it were.
            let frames = unsynced / self.frame_size();
            if frames >= 2 {
                let hole = self.synced_end() + frames / 2 * self.frame_size();
                let mut holed = self.wal.clone();
                holed[hole..hole + self.frame_size()].fill(0);
                cuts.push(("a frame never written", holed));
            }
        }
        cuts
    }
}

fn u32_at(bytes: &[u8], at: usize, big_endian: bool) -> usize {
    let word: [u8; 4] = bytes[at..at + 4].try_into().expect("four bytes");
    let value = if big_endian {
        u32::from_be_bytes(word)
    } else {
        u32::from_ne_bytes(word)
    };
    usize::try_from(value).expect("fits")
}

/// Copies the database and its log while holding the write lock, so no
/// commit lands half-way through the copy. The log's synced frames are
/// read from the shared-memory index: a checkpoint syncs the log before it
/// starts (`nBackfillAttempted`, at byte 128) and has copied `nBackfill`
/// frames (byte 96) when it ends; the frames in use are `mxFrame` (byte 16).
async fn snapshot(db_file: &Path, voters: &Voters) -> Snapshot {
    let mut options = ConnectOptions::new(format!("sqlite://{}?mode=rw", db_file.display()));
    options.max_connections(1).sqlx_logging(false);
    let lock = Database::connect(options).await.expect("lock connection");
    lock.execute_unprepared("BEGIN IMMEDIATE")
        .await
        .expect("write lock");
    let acknowledged = voters
        .acknowledged()
        .await
        .into_iter()
        .map(|(prefix, idea, _)| (prefix, idea))
        .collect();
    let wal_file = db_file.with_extension("db-wal");
    let shm_file = db_file.with_extension("db-shm");
    let db = std::fs::read(db_file).expect("database file");
    let wal = std::fs::read(&wal_file).expect("log file");
    let shm = std::fs::read(&shm_file).expect("index file");
    lock.execute_unprepared("ROLLBACK").await.expect("unlock");
    lock.close().await.expect("close");
    assert!(wal.len() >= WAL_HEADER, "the log has its header");
    let page_size = u32_at(&wal, 8, true);
    let synced_frames = u32_at(&shm, 96, false).max(u32_at(&shm, 128, false));
    let live_frames = u32_at(&shm, 16, false);
    Snapshot {
        db,
        wal,
        live_frames,
        synced_frames,
        page_size,
        acknowledged,
    }
}

async fn one_text(db: &DatabaseConnection, sql: &str) -> String {
    db.query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect(sql)
        .expect("a row")
        .try_get_by_index::<String>(0)
        .expect("text")
}

async fn numbers(db: &DatabaseConnection, sql: &str) -> Vec<i64> {
    db.query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect(sql)
        .iter()
        .map(|row| row.try_get_by_index::<i64>(0).expect("number"))
        .collect()
}

/// What one copy holds after it opened: the vote ids in commit order and
/// the (token prefix, idea) of every vote.
struct Opened {
    vote_ids: Vec<i64>,
    votes: HashSet<(String, i64)>,
}

/// Opens the copy in `folder` (no shared-memory index: that was memory)
/// and checks it is whole.
async fn open_and_check(folder: &Path, what: &str) -> Opened {
    let url = format!("sqlite://{}?mode=rw", folder.join("madang.db").display());
    let db = Database::connect(&url).await.expect("the copy opens");
    assert_eq!(
        one_text(&db, "PRAGMA integrity_check").await,
        "ok",
        "{what}"
    );
    let orphans = numbers(&db, "SELECT count(*) FROM pragma_foreign_key_check").await;
    assert_eq!(orphans, vec![0], "{what}: rows pointing nowhere");
    let torn = numbers(
        &db,
        "SELECT count(*) FROM ideas i WHERE i.votes_count <> \
         (SELECT count(*) FROM idea_votes v WHERE v.idea_id = i.id)",
    )
    .await;
    assert_eq!(torn, vec![0], "{what}: a vote without its counter, or back");
    let vote_ids = numbers(&db, "SELECT rowid FROM idea_votes ORDER BY rowid").await;
    let votes = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT t.prefix, v.idea_id FROM idea_votes v JOIN api_tokens t ON t.user_id = v.user_id",
        ))
        .await
        .expect("votes")
        .iter()
        .map(|row| {
            (
                row.try_get_by_index::<String>(0).expect("prefix"),
                row.try_get_by_index::<i64>(1).expect("idea"),
            )
        })
        .collect();
    db.close().await.expect("close");
    Opened { vote_ids, votes }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_opens_whole_after_a_power_cut_loses_the_unsynced_log() {
    let app = Arc::new(spawn_app(Backend::Sqlite).await);
    let db_file = app.data_dir().join("madang.db");
    let ideas = app.scalar("SELECT count(*) FROM ideas").await;
    let tokens = app.create_members(6).await;
    let voters = Voters::start(&app, tokens, ideas, std::time::Duration::ZERO);

    let mut snapshots = Vec::new();
    for _ in 0..6 {
        tokio::time::sleep(std::time::Duration::from_millis(120)).await;
        snapshots.push(snapshot(&db_file, &voters).await);
    }
    voters.stop().await;

    let copies = tempfile::tempdir().expect("temp dir");
    let mut lost_somewhere = false;
    let mut worst = None;
    for (n, snapshot) in snapshots.iter().enumerate() {
        let mut crash: Option<Opened> = None;
        for (cut, wal) in snapshot.after_power_cuts(n + 1) {
            let what = format!("copy {n}, {cut}");
            let folder = copies.path().join(format!("{n}-{}", cut.replace(' ', "-")));
            std::fs::create_dir_all(&folder).expect("folder");
            std::fs::write(folder.join("madang.db"), &snapshot.db).expect("db");
            std::fs::write(folder.join("madang.db-wal"), &wal).expect("wal");
            let opened = open_and_check(&folder, &what).await;
            println!(
                "{what}: log {} bytes, {} frames in use, {} synced: {} votes",
                wal.len(),
                snapshot.live_frames,
                snapshot.synced_frames,
                opened.vote_ids.len()
            );
            match &crash {
                None => {
                    // The crash copy: every acknowledged vote is in it.
                    for vote in &snapshot.acknowledged {
                        assert!(opened.votes.contains(vote), "{what} lost {vote:?}");
                    }
                    crash = Some(opened);
                }
                Some(whole) => {
                    // A power cut keeps a prefix of the commits, never a
                    // later one without an earlier one.
                    assert!(
                        whole.vote_ids.starts_with(&opened.vote_ids),
                        "{what}: not a prefix of the commits"
                    );
                    if opened.vote_ids.len() < whole.vote_ids.len() {
                        lost_somewhere = true;
                    }
                    worst = Some(folder);
                }
            }
        }
    }
    assert!(
        lost_somewhere,
        "no copy had unsynced commits to lose: the test proved nothing"
    );

    // A server starts on a copy that lost its unsynced log, and serves.
    let worst = worst.expect("a cut copy");
    std::fs::copy(app.data_dir().join("secret.key"), worst.join("secret.key")).expect("key");
    let started = server::start(server::startup::StartConfig {
        database_url: format!("sqlite://{}?mode=rwc", worst.join("madang.db").display()),
        data_dir: worst.clone(),
        serve: server::ServeArgs {
            bind: "127.0.0.1:0".parse().expect("address"),
            site_root: worst.join("site"),
            ..server::ServeArgs::default()
        },
        clock: domain::Clock::System,
        synchronous: domain::db::Synchronous::default(),
    })
    .await
    .expect("a server starts on the copy");
    let board = reqwest::get(format!("{}/api/v1/ideas?sort=top", started.base_url))
        .await
        .expect("board");
    assert_eq!(board.status().as_u16(), 200);
    let page = reqwest::get(&started.base_url).await.expect("page");
    assert_eq!(page.status().as_u16(), 200);
    started.shutdown().await;
}
