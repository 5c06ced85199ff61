//! Query plans of the server-rendered pages on the benchmark database
//! (issue 17: the board's featured strip walked every idea for the few
//! pinned ones, and nothing noticed until a load run at 100,000 ideas).
//!
//! The real server renders every page a visitor, a customer and the staff
//! open, on a generated database of 10,000 ideas / 100,000 votes
//! (`madang_tests::bench_data`, the one `cargo bench` uses), while a
//! tracing layer collects every statement it runs (`domain::db` logs them
//! under `sqlx::query`). Each statement then goes through `SQLite`'s
//! `EXPLAIN QUERY PLAN`, and a scan of a big table fails the test unless it
//! is one of the reviewed walks below, which stop after a page of rows.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

use madang_tests::bench_data::{ADMIN, CUSTOMER, EMPLOYEE, PASSWORD};
use madang_tests::{Backend, Options, TestApp, spawn_app_with};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, Statement};
use tracing::field::{Field, Visit};
use tracing_subscriber::Layer;
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::util::SubscriberInitExt;

/// Ideas in the generated database; votes are ten times as many.
const IDEAS: usize = 10_000;

/// A table with more rows than this is big: reading all of it for one page
/// is what the test is there to catch (the generated database has 10,000
/// ideas and comments, 20,000 members, 100,000 votes, 2,000 tickets).
const BIG_TABLE: i64 = 1_000;

/// Statements the server ran, in order, as `sqlx` logged them.
static STATEMENTS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Keeps the SQL of every `sqlx::query` event.
struct CollectStatements;

impl<S: tracing::Subscriber> Layer<S> for CollectStatements {
    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        if event.metadata().target() != "sqlx::query" {
            return;
        }
        let mut fields = StatementFields::default();
        event.record(&mut fields);
        // `summary` is the first words; `db.statement` the whole text when
        // the summary is not all of it.
        let sql = if fields.statement.trim().is_empty() {
            fields.summary
        } else {
            fields.statement
        };
        STATEMENTS
            .lock()
            .expect("statements")
            .push(sql.trim().to_owned());
    }
}

#[derive(Default)]
struct StatementFields {
    summary: String,
    statement: String,
}

impl Visit for StatementFields {
    fn record_str(&mut self, field: &Field, value: &str) {
        match field.name() {
            "summary" => value.clone_into(&mut self.summary),
            "db.statement" => value.clone_into(&mut self.statement),
            _ => {}
        }
    }

    /// `sqlx` records both fields as strings; anything else is not SQL.
    fn record_debug(&mut self, _: &Field, _: &dyn std::fmt::Debug) {}
}

fn take_statements() -> Vec<String> {
    std::mem::take(&mut *STATEMENTS.lock().expect("statements"))
}

/// Who opens which pages.
struct Reader {
    who: &'static str,
    email: Option<&'static str>,
    pages: &'static [&'static str],
}

const READERS: [Reader; 4] = [
    Reader {
        who: "visitor",
        email: None,
        pages: &[
            "/",
            "/ideas?sort=top",
            "/ideas?sort=new",
            "/ideas?sort=updated",
            "/ideas?status=planned&category=app&sort=top",
            "/ideas?q=%EC%9A%94%EA%B8%88%EC%A0%9C",
            "/ideas?q=router",
            "/ideas/1",
            "/ideas/5000",
            "/roadmap",
            "/announcements",
            "/scorecard",
            "/support",
            "/search?q=router",
            "/members/2",
            "/signin",
            "/signup",
        ],
    },
    Reader {
        who: "customer",
        email: Some(CUSTOMER),
        pages: &[
            "/",
            "/ideas/1",
            "/ideas/new",
            "/tickets/new",
            "/tickets/VOC-000001",
            "/me",
            "/me/tickets",
            "/notifications",
        ],
    },
    Reader {
        who: "employee",
        email: Some(EMPLOYEE),
        pages: &[
            "/staff/queue",
            "/staff/customers",
            "/staff/customers?q=bench",
            "/staff/customers/2",
            "/staff/reviews",
            "/staff/review",
            "/commitments",
            "/tickets/VOC-000002",
            "/ideas/2",
        ],
    },
    Reader {
        who: "administrator",
        email: Some(ADMIN),
        pages: &[
            "/",
            "/moderation",
            "/moderation/audit",
            "/dashboard",
            "/admin",
            "/admin/outbox",
            "/admin/webhooks",
            "/staff/queue",
        ],
    },
];

/// Scans of big tables that were reviewed, `(statement holds, plan step
/// begins)`; only statements with a `LIMIT` qualify.
const REVIEWED_WALKS: &[(&str, &str)] = &[
    // The board in each order: walks that order's index (or the rows by id,
    // newest first) and stops after a page. The only filters are merged and
    // hidden ideas, which are few; filtered boards (status, category) and
    // searches use their own indexes and are not listed here.
    (
        r#"FROM "ideas" WHERE "ideas"."merged_into_id" IS NULL AND "ideas"."hidden_at" IS NULL ORDER BY"#,
        "SCAN ideas",
    ),
    // Public tickets, newest first, a page at a time: no filter at all.
    (
        r#"FROM "tickets" ORDER BY "tickets"."id" DESC LIMIT"#,
        "SCAN tickets",
    ),
    // KNOWN SCAN, not bounded: the site-wide search box matches every word
    // as a substring of titles and bodies (`LIKE '%word%'`, Korean words
    // with their endings), which no index serves; a word that is rare or
    // absent reads every public idea and ticket (0.2 s at 100,000 ideas,
    // docs/performance.md). The board's own search uses the term index.
    (
        r#"LIKE ? ESCAPE '\' OR LOWER("body_md") LIKE ? ESCAPE '\')"#,
        "SCAN ideas",
    ),
    (
        r#"WHERE LOWER("title") LIKE ? ESCAPE '\' OR LOWER("body_md") LIKE"#,
        "SCAN tickets",
    ),
];

/// Opens every page as its reader, returning each distinct statement with
/// the first page that ran it.
async fn statements_of_pages(app: &TestApp) -> BTreeMap<String, String> {
    let mut seen = BTreeMap::new();
    for reader in &READERS {
        let cookie = match reader.email {
            Some(email) => Some(app.sign_in(email, PASSWORD).await),
            None => None,
        };
        take_statements();
        for page in reader.pages {
            let mut request = app.client.get(app.url(page));
            if let Some(cookie) = &cookie {
                request = request.header("cookie", cookie);
            }
            let response = request.send().await.expect("page");
            let status = response.status().as_u16();
            let body = response.text().await.expect("page body");
            assert_eq!(status, 200, "{} opens {page}: {body:.300}", reader.who);
            for sql in take_statements() {
                seen.entry(sql)
                    .or_insert_with(|| format!("{} {page}", reader.who));
            }
        }
    }
    seen
}

async fn plan_of(db: &DatabaseConnection, sql: &str) -> Vec<String> {
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            format!("EXPLAIN QUERY PLAN {sql}"),
        ))
        .await
        .unwrap_or_else(|e| panic!("EXPLAIN QUERY PLAN {sql}: {e}"));
    rows.iter()
        .map(|row| row.try_get::<String>("", "detail").expect("detail"))
        .collect()
}

/// The table a `SCAN` step reads, when it reads a table (not a subquery,
/// a constant row or a temporary b-tree), and the index it reads it by.
fn scanned(step: &str) -> Option<(&str, Option<&str>)> {
    let rest = step.strip_prefix("SCAN ")?;
    let table = rest.split_whitespace().next()?;
    if table.starts_with('(') || table == "CONSTANT" {
        return None;
    }
    let index = rest
        .split_once(" INDEX ")
        .and_then(|(_, after)| after.split_whitespace().next());
    Some((table, index))
}

/// How many rows a scan reads at most: the table's, or a partial index's
/// (one that holds only the rows its `WHERE` keeps, such as pinned ideas).
async fn rows_scanned(
    db: &DatabaseConnection,
    counts: &BTreeMap<String, i64>,
    table: &str,
    index: Option<&str>,
) -> i64 {
    let all = counts.get(table).copied().unwrap_or(0);
    let Some(index) = index else {
        return all;
    };
    let backend = db.get_database_backend();
    let definition = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?",
            [index.into()],
        ))
        .await
        .expect("index definition")
        .and_then(|row| row.try_get::<Option<String>>("", "sql").ok().flatten());
    let Some((_, kept)) = definition
        .as_deref()
        .and_then(|sql| sql.split_once(" WHERE "))
    else {
        return all;
    };
    db.query_one_raw(Statement::from_string(
        backend,
        format!("SELECT COUNT(*) AS n FROM \"{table}\" WHERE {kept}"),
    ))
    .await
    .expect("count of a partial index")
    .expect("a row")
    .try_get::<i64>("", "n")
    .expect("n")
}

async fn row_counts(db: &DatabaseConnection) -> BTreeMap<String, i64> {
    let tables = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT name FROM sqlite_master WHERE type = 'table'",
        ))
        .await
        .expect("tables");
    let mut counts = BTreeMap::new();
    for row in tables {
        let name: String = row.try_get("", "name").expect("name");
        let count = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                format!("SELECT COUNT(*) AS n FROM \"{name}\""),
            ))
            .await
            .expect("count")
            .expect("a row");
        counts.insert(name, count.try_get::<i64>("", "n").expect("n"));
    }
    counts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_page_scans_a_big_table() {
    tracing_subscriber::registry()
        .with(
            CollectStatements.with_filter(
                tracing_subscriber::filter::Targets::new()
                    .with_target("sqlx::query", tracing::Level::TRACE),
            ),
        )
        .init();
    let app = spawn_app_with(
        Backend::Sqlite,
        Options {
            demo: false,
            bench_ideas: Some(IDEAS),
            ..Options::default()
        },
    )
    .await;
    let statements = statements_of_pages(&app).await;

    let mut options = ConnectOptions::new(app.database_url.clone());
    options.sqlx_logging(false).max_connections(1);
    let db = Database::connect(options).await.expect("connect");
    let counts = row_counts(&db).await;
    assert!(
        counts.get("idea_votes").copied().unwrap_or(0) >= 10 * i64::try_from(IDEAS).expect("n") / 2,
        "the benchmark database has its votes: {counts:?}"
    );
    let mut scans = BTreeSet::new();
    let mut explained = 0;
    for (sql, page) in &statements {
        let upper = sql.to_ascii_uppercase();
        if !(upper.starts_with("SELECT") || upper.starts_with("WITH")) {
            continue;
        }
        explained += 1;
        for step in plan_of(&db, sql).await {
            let Some((table, index)) = scanned(&step) else {
                continue;
            };
            let rows = rows_scanned(&db, &counts, table, index).await;
            let reviewed = sql.contains(" LIMIT ")
                && REVIEWED_WALKS
                    .iter()
                    .any(|(holds, walk)| sql.contains(holds) && step.starts_with(walk));
            if rows > BIG_TABLE && !reviewed {
                scans.insert(format!("{page}: `{step}` over {rows} rows in\n    {sql}"));
            }
        }
    }
    println!(
        "{} distinct statements, {explained} queries explained",
        statements.len()
    );
    assert!(explained > 50, "the pages ran their queries: {explained}");
    assert!(
        scans.is_empty(),
        "{} queries scan a big table:\n{}",
        scans.len(),
        scans.into_iter().collect::<Vec<_>>().join("\n")
    );
    app.stop().await;
}
