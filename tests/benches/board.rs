//! Board listing, similar-idea search and the managers' dashboard on a
//! large generated database: 100,000 ideas, 1,000,000 votes, 100,000
//! comments and 20,000 tickets over 280 days (issues: "a benchmark, not a
//! test"; "the dashboard's load time on the benchmark database").
//!
//! `cargo bench -p madang-tests --bench board` runs it on `SQLite` (a file under
//! `target/bench/`, generated once and reused). Set
//! `MADANG_BENCH_POSTGRES_URL=postgres://…/dbname` to run it on an empty
//! `PostgreSQL` database as well. It prints median and 95th-percentile
//! latencies of the use cases the board, the new-idea page and the
//! dashboard call.
//!
//! `cargo bench -p madang-tests --bench board -- --only WORD` runs only the
//! measurements whose label holds WORD (e.g. `dashboard`).
//!
//! `cargo bench -p madang-tests --bench board -- --seed URL --ideas N` only
//! makes a database of N ideas (10 N votes) at URL, with API tokens for the
//! HTTP load run (`scripts/bench-http.sh`), and exits.

use std::time::Instant;

use domain::entity::{idea, idea_vote};
use domain::{Actor, Member};
use madang_tests::bench_data::{MEMBERS, Scale, seeded};
use madang_tests::percentile::percentile;
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait};
use shared::insight::DashboardQuery;
use shared::{BoardQuery, IdeaSort, IdeaStatus, Role};

const IDEAS: usize = 100_000;
const RUNS: usize = 40;

/// `--only WORD`: run only the measurements whose label holds WORD.
static ONLY: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

fn wanted(label: &str) -> bool {
    ONLY.get()
        .and_then(Option::as_deref)
        .is_none_or(|word| label.contains(word))
}

async fn measure<F, Fut>(label: &str, mut run: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = usize>,
{
    if !wanted(label) {
        return;
    }
    let mut samples = Vec::with_capacity(RUNS);
    let mut found = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        found = run().await;
        samples.push(started.elapsed());
    }
    samples.sort_unstable();
    let (p50, p95) = (percentile(&samples, 0.5), percentile(&samples, 0.95));
    println!("{label:<58} p50 {p50:>9.2?}  p95 {p95:>9.2?}  ({found} items)");
}

async fn bench(backend: &str, url: &str) {
    let ctx = seeded(url, Scale { ideas: IDEAS }).await;
    let ideas = idea::Entity::find().count(&ctx.db).await.expect("count");
    let votes = idea_vote::Entity::find()
        .count(&ctx.db)
        .await
        .expect("count");
    println!("\n== {backend}: {ideas} ideas, {votes} votes ==");
    let visitor = Actor::Anonymous;
    for sort in IdeaSort::ALL {
        let query = BoardQuery {
            sort,
            ..BoardQuery::default()
        };
        measure(
            &format!("board first page, sort={}", sort.as_str()),
            || async {
                domain::idea::list_board(&ctx, &visitor, &query)
                    .await
                    .expect("board")
                    .items
                    .len()
            },
        )
        .await;
    }
    // Fiftieth page by cursor: keyset pagination must not slow down.
    let mut query = BoardQuery::default();
    for _ in 0..49 {
        let page = domain::idea::list_board(&ctx, &visitor, &query)
            .await
            .expect("board");
        query.cursor = page.next_cursor;
    }
    measure("board 50th page (trending, by cursor)", || async {
        domain::idea::list_board(&ctx, &visitor, &query)
            .await
            .expect("board")
            .items
            .len()
    })
    .await;
    let filtered = BoardQuery {
        sort: IdeaSort::Top,
        status: Some(IdeaStatus::Planned),
        category: Some("billing".to_owned()),
        ..BoardQuery::default()
    };
    measure(
        "board filtered status=planned category=billing, top",
        || async {
            domain::idea::list_board(&ctx, &visitor, &filtered)
                .await
                .expect("board")
                .items
                .len()
        },
    )
    .await;
    for q in ["요금제", "로밍 요금제", "router", "dark mode"] {
        let search = BoardQuery {
            q: Some(q.to_owned()),
            ..BoardQuery::default()
        };
        measure(&format!("board search q={q:?}"), || async {
            domain::idea::list_board(&ctx, &visitor, &search)
                .await
                .expect("search")
                .items
                .len()
        })
        .await;
    }
    for typed in [
        "요금제를 바꾸고 싶어요",
        "와이파이 속도 개선",
        "번호이동 쉽게",
        "Show data on the bill",
        "Cheaper roaming",
    ] {
        measure(&format!("similar ideas for {typed:?}"), || async {
            domain::search::similar(&ctx, &visitor, typed)
                .await
                .expect("similar")
                .len()
        })
        .await;
    }
    // The header's search box: ideas, public tickets and announcements.
    for q in ["요금제를", "해지", "router", "로밍 요금제"] {
        let query = shared::search::SearchQuery {
            q: q.to_owned(),
            kind: None,
            limit: None,
            cursor: None,
        };
        measure(&format!("site search q={q:?}"), || async {
            domain::site_search::search(&ctx, &query)
                .await
                .expect("site search")
                .items
                .len()
        })
        .await;
    }
    for typed in ["요금이 두 번 나왔어요", "Router keeps restarting"] {
        measure(&format!("similar tickets for {typed:?}"), || async {
            domain::site_search::similar_tickets(&ctx, typed)
                .await
                .expect("similar tickets")
                .len()
        })
        .await;
    }
    let manager = Actor::Member(Member {
        id: i32::try_from(MEMBERS + 1).expect("id"),
        role: Role::Admin,
        department_id: None,
        suspension: None,
    });
    // The first view of a range counts and stores its finished days; later
    // views read them back (and count today).
    let first_view = "dashboard, last 365 days, first view (no day stored)";
    if wanted(first_view) {
        ctx.db
            .execute_unprepared("DELETE FROM insight_days")
            .await
            .expect("forget the stored days");
        let year = DashboardQuery {
            days: Some(365),
            ..DashboardQuery::default()
        };
        let started = Instant::now();
        domain::insight::dashboard(&ctx, &manager, &year)
            .await
            .expect("dashboard");
        println!("{first_view:<58} once {:>9.2?}", started.elapsed());
    }
    for days in [7, 30, 90, 365] {
        let query = DashboardQuery {
            days: Some(days),
            ..DashboardQuery::default()
        };
        measure(&format!("dashboard, last {days} days"), || async {
            domain::insight::dashboard(&ctx, &manager, &query)
                .await
                .expect("dashboard")
                .daily
                .len()
        })
        .await;
    }
    measure("public scorecard (last 30 days)", || async {
        domain::insight::scorecard(&ctx)
            .await
            .expect("scorecard")
            .departments
            .len()
    })
    .await;
    ctx.db.close().await.expect("close");
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    ONLY.get_or_init(|| value("--only"));
    if let Some(url) = value("--seed") {
        let ideas = value("--ideas").map_or(IDEAS, |n| n.parse().expect("--ideas N"));
        let ctx = seeded(&url, Scale { ideas }).await;
        let count = idea::Entity::find().count(&ctx.db).await.expect("count");
        println!("seeded: {count} ideas at {}", domain::db::redact(&url));
        ctx.db.close().await.expect("close");
        return;
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench");
    std::fs::create_dir_all(&dir).expect("bench dir");
    let path = dir.join("board-100k.db");
    bench("SQLite", &format!("sqlite://{}?mode=rwc", path.display())).await;
    if let Ok(url) = std::env::var("MADANG_BENCH_POSTGRES_URL") {
        bench("PostgreSQL", &url).await;
    }
}
