//! The benchmark database: ideas with log-uniformly spread votes, members,
//! one comment per idea, departments with staff, and tickets answered after
//! varying delays, over the 280 days up to today — generated, not loaded, so
//! any size can be made. Deterministic: every run builds the same data.

use std::time::Instant;

use chrono::Utc;
use domain::entity::{
    api_token, category, department, idea, idea_comment, idea_search_term, idea_vote, ticket,
    ticket_post, user,
};
use domain::{Ctx, Settings};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use shared::IdeaStatus;

/// The password of the generated accounts that can sign in: the
/// administrator, an employee and a customer below.
pub const PASSWORD: &str = "bench-password-2026";
/// A generated administrator (also the first staff member).
pub const ADMIN: &str = "staff0@example.com";
/// A generated employee of department 2.
pub const EMPLOYEE: &str = "staff1@example.com";
/// A generated customer, author of ideas and tickets.
pub const CUSTOMER: &str = "bench1@example.com";

/// Opens (and migrates) the database at `url`, generating `scale` into it
/// when it is empty.
pub async fn seeded(url: &str, scale: Scale) -> Ctx {
    let db = domain::db::connect(url, domain::db::Synchronous::default())
        .await
        .expect("connect");
    domain::db::migrate(&db, url).await.expect("migrate");
    let ctx = Ctx::new(db, Settings::for_site("http://127.0.0.1:3000"));
    if idea::Entity::find().count(&ctx.db).await.expect("count") == 0 {
        generate(&ctx, scale).await;
    }
    ctx
}

/// Voting members.
pub const MEMBERS: usize = 20_000;
const CHUNK: usize = 1_000;
/// Days the generated activity spans, ending today.
const SPAN_DAYS: i64 = 280;
/// Staff members with API tokens for HTTP load runs (`bench_token`).
pub const LOAD_STAFF: usize = 64;

/// How big a database to make.
#[derive(Clone, Copy, Debug)]
pub struct Scale {
    /// Ideas; votes are ten times as many, tickets a fifth.
    pub ideas: usize,
}

impl Scale {
    fn votes(self) -> usize {
        self.ideas * 10
    }
    fn tickets(self) -> usize {
        (self.ideas / 5).max(1)
    }
}

/// The API token of load-test staff member `i` (`0..LOAD_STAFF`): staff
/// vote without a quota, so a load run measures votes, not refusals.
#[must_use]
pub fn bench_token(i: usize) -> String {
    format!("mdg_benchload{i:02}")
}

const KO_NOUNS: [&str; 24] = [
    "요금제",
    "데이터",
    "로밍",
    "인터넷",
    "공유기",
    "앱",
    "알림",
    "청구서",
    "가족",
    "결합",
    "할인",
    "매장",
    "예약",
    "속도",
    "와이파이",
    "유심",
    "번호이동",
    "포인트",
    "고객센터",
    "상담",
    "셋톱박스",
    "리모컨",
    "자동이체",
    "장애",
];
const KO_ENDINGS: [&str; 6] = ["를", "을", "에서", "도", "의", ""];
const KO_VERBS: [&str; 8] = [
    "바꾸고 싶어요",
    "개선해 주세요",
    "추가해 주세요",
    "만들어 주세요",
    "늘려 주세요",
    "쉽게 해주세요",
    "앱에서 확인",
    "알려 주세요",
];
const EN_NOUNS: [&str; 20] = [
    "data",
    "roaming",
    "plan",
    "bill",
    "router",
    "app",
    "dark mode",
    "family",
    "discount",
    "store",
    "speed",
    "Wi-Fi",
    "eSIM",
    "points",
    "coverage",
    "top-up",
    "support",
    "outage",
    "remote",
    "invoice",
];
const EN_TEMPLATES: [&str; 5] = [
    "Add {a} to the {b}",
    "Better {a} for {b} customers",
    "Show {a} on the {b}",
    "Cheaper {a} with {b}",
    "Let me change {a} in the {b}",
];

/// A small deterministic generator, so every run builds the same data.
pub struct Lcg(pub u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[usize::try_from(self.next()).unwrap_or(0) % items.len()]
    }
    fn unit(&mut self) -> f64 {
        #[expect(
            clippy::cast_precision_loss,
            reason = "counts and sizes here are far below 2^52, where f64 is exact"
        )]
        let x = self.next() as f64 / f64::from(1_u32 << 31);
        x
    }
}

fn title(rng: &mut Lcg, i: usize) -> String {
    if i.is_multiple_of(2) {
        format!(
            "{}{} {}{} {}",
            rng.pick(&KO_NOUNS),
            rng.pick(&KO_ENDINGS),
            rng.pick(&KO_NOUNS),
            rng.pick(&KO_ENDINGS),
            rng.pick(&KO_VERBS)
        )
    } else {
        rng.pick(&EN_TEMPLATES)
            .replace("{a}", rng.pick(&EN_NOUNS))
            .replace("{b}", rng.pick(&EN_NOUNS))
    }
}

pub async fn insert_chunked<A, E>(db: &sea_orm::DatabaseConnection, rows: Vec<A>)
where
    E: EntityTrait<ActiveModel = A>,
    A: sea_orm::ActiveModelTrait<Entity = E> + Clone + Send,
{
    for chunk in rows.chunks(CHUNK) {
        E::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await
            .expect("insert");
    }
}

/// Fills an empty database to `scale`.
pub async fn generate(ctx: &Ctx, scale: Scale) {
    let (ideas_n, votes_n) = (scale.ideas, scale.votes());
    let db = &ctx.db;
    let started = Instant::now();
    // Activity spans the SPAN_DAYS days up to today, so the dashboard's
    // default range and the scorecard see it.
    let base = (Utc::now() - chrono::Duration::days(SPAN_DAYS))
        .date_naive()
        .and_time(chrono::NaiveTime::MIN)
        .and_utc();
    let minutes_per_idea = SPAN_DAYS * 24 * 60 / i64::try_from(ideas_n).expect("ideas");
    let areas = ["mobile-plans", "home-internet", "app", "billing", "stores"];
    let categories: Vec<category::ActiveModel> = areas
        .iter()
        .map(|slug| category::ActiveModel {
            slug: Set((*slug).to_owned()),
            name: Set((*slug).to_owned()),
            name_en: Set(String::new()),
            ..Default::default()
        })
        .collect();
    insert_chunked(db, categories).await;
    let members: Vec<user::ActiveModel> = (0..MEMBERS)
        .map(|i| user::ActiveModel {
            email: Set(format!("bench{i}@example.com")),
            password_hash: Set(None),
            display_name: Set(format!("Bench member {i}")),
            role: Set(shared::Role::Customer),
            avatar_color: Set("#0f766e".to_owned()),
            created_at: Set(base),
            ..Default::default()
        })
        .collect();
    insert_chunked(db, members).await;

    let mut rng = Lcg(42);
    // Log-uniform vote counts (a few popular ideas, many quiet ones), cut
    // off when the total reaches one million.
    let mut left = votes_n;
    let mut counts = Vec::with_capacity(ideas_n);
    for _ in 0..ideas_n {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "the value is a small, non-negative sample size"
        )]
        let n = ((rng.unit() * 60_f64.ln()).exp() as usize).min(left);
        counts.push(n);
        left -= n;
    }
    counts[0] += left;
    let statuses = IdeaStatus::ALL;
    let mut ideas = Vec::with_capacity(ideas_n);
    let mut terms = Vec::new();
    for (i, &votes) in counts.iter().enumerate() {
        let id = i32::try_from(i + 1).expect("id");
        let text = title(&mut rng, i);
        let created = base + chrono::Duration::minutes(i64::from(id) * minutes_per_idea);
        for term in domain::search::terms(&text) {
            terms.push(idea_search_term::ActiveModel {
                term: Set(term),
                idea_id: Set(id),
            });
        }
        let votes = i32::try_from(votes).expect("votes");
        ideas.push(idea::ActiveModel {
            id: Set(id),
            title: Set(text),
            body_md: Set("Generated for the benchmark.".to_owned()),
            body_html: Set("<p>Generated for the benchmark.</p>".to_owned()),
            status: Set(statuses[i % statuses.len()]),
            category_id: Set(Some(id % 5 + 1)),
            author_id: Set(id % 20_000 + 1),
            votes_count: Set(votes),
            comments_count: Set(0),
            trending_score: Set(domain::idea::trending_score(votes, created)),
            merged_into_id: Set(None),
            created_at: Set(created),
            updated_at: Set(created),
            ..Default::default()
        });
    }
    insert_chunked(db, ideas).await;
    insert_chunked(db, terms).await;
    let mut votes = Vec::with_capacity(CHUNK);
    for (i, &n) in counts.iter().enumerate() {
        let id = i32::try_from(i + 1).expect("id");
        // Distinct voters: a stride coprime with the member count.
        let start = (i * 7_919) % MEMBERS;
        for k in 0..n.min(MEMBERS) {
            let member = (start + k * 7_919) % MEMBERS;
            // Votes arrive over the days after the idea, never in the future.
            let idea_created = base + chrono::Duration::minutes(i64::from(id) * minutes_per_idea);
            let at = (idea_created
                + chrono::Duration::minutes(i64::try_from(k * 97 % 20_000).expect("k")))
            .min(Utc::now());
            votes.push(idea_vote::ActiveModel {
                idea_id: Set(id),
                user_id: Set(i32::try_from(member + 1).expect("member")),
                recorded_by_id: Set(None),
                created_at: Set(at),
            });
            if votes.len() == CHUNK {
                insert_chunked(db, std::mem::take(&mut votes)).await;
            }
        }
    }
    insert_chunked(db, votes).await;
    generate_support(ctx, scale, base, &mut rng).await;
    load_staff(ctx, base).await;
    let hash = domain::password::hash(PASSWORD).expect("hash");
    user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(hash))
        .filter(user::Column::Email.is_in([ADMIN, EMPLOYEE, CUSTOMER]))
        .exec(db)
        .await
        .expect("passwords");
    println!("generated in {:.1?}", started.elapsed());
}

/// Departments with staff, one comment per idea, and tickets answered after
/// varying delays (some late, some never), most resolved and rated.
async fn generate_support(ctx: &Ctx, scale: Scale, base: chrono::DateTime<Utc>, rng: &mut Lcg) {
    let (ideas_n, tickets_n) = (scale.ideas, scale.tickets());
    let db = &ctx.db;
    let now = Utc::now();
    let departments: Vec<department::ActiveModel> = (1..=5)
        .map(|i| department::ActiveModel {
            slug: Set(format!("team-{i}")),
            name: Set(format!("Team {i}")),
            name_en: Set(String::new()),
            description: Set(String::new()),
            description_en: Set(String::new()),
            handle: Set(format!("@team{i}")),
            first_response_minutes: Set(30 * i),
            created_at: Set(base),
            ..Default::default()
        })
        .collect();
    insert_chunked(db, departments).await;
    let first_staff = i32::try_from(MEMBERS + 1).expect("id");
    let staff: Vec<user::ActiveModel> = (0..10)
        .map(|i| user::ActiveModel {
            email: Set(format!("staff{i}@example.com")),
            password_hash: Set(None),
            display_name: Set(format!("Staff member {i}")),
            role: Set(if i == 0 {
                shared::Role::Admin
            } else {
                shared::Role::Employee
            }),
            department_id: Set(Some(i % 5 + 1)),
            avatar_color: Set("#0f766e".to_owned()),
            created_at: Set(base),
            ..Default::default()
        })
        .collect();
    insert_chunked(db, staff).await;
    let minutes_per_idea = SPAN_DAYS * 24 * 60 / i64::try_from(ideas_n).expect("ideas");
    let comments: Vec<idea_comment::ActiveModel> = (1..=ideas_n)
        .map(|i| {
            let id = i32::try_from(i).expect("id");
            let at = base + chrono::Duration::minutes(i64::from(id) * minutes_per_idea + 90);
            idea_comment::ActiveModel {
                idea_id: Set(id),
                author_id: Set(id % 20_000 + 1),
                body_md: Set("Same here.".to_owned()),
                body_html: Set("<p>Same here.</p>".to_owned()),
                created_at: Set(at.min(now)),
                ..Default::default()
            }
        })
        .collect();
    for chunk in comments.chunks(CHUNK) {
        insert_chunked(db, chunk.to_vec()).await;
    }
    let minutes_per_ticket = SPAN_DAYS * 24 * 60 / i64::try_from(tickets_n).expect("tickets");
    let mut tickets = Vec::with_capacity(tickets_n);
    let mut posts = Vec::with_capacity(tickets_n * 2);
    for i in 0..tickets_n {
        let id = i32::try_from(i + 1).expect("id");
        let department = id % 5 + 1;
        let created = base + chrono::Duration::minutes(i64::from(id) * minutes_per_ticket);
        let promise = i64::from(30 * department);
        // Delays from 2 minutes to 5 hours; every 25th never answered.
        let delay = i64::try_from(2 + rng.next() % 300).expect("delay");
        let answered = i % 25 != 0 && created + chrono::Duration::minutes(delay) < now;
        let first = answered.then(|| created + chrono::Duration::minutes(delay));
        let resolved = (answered && i % 3 != 0)
            .then(|| {
                created + chrono::Duration::hours(i64::try_from(1 + rng.next() % 72).expect("h"))
            })
            .filter(|at| *at < now);
        let staff_id = first_staff + (id % 10);
        tickets.push(ticket::ActiveModel {
            id: Set(id),
            kind: Set(shared::TicketKind::Complaint),
            title: Set(format!("Generated ticket {id}")),
            body_md: Set("Generated.".to_owned()),
            body_html: Set("<p>Generated.</p>".to_owned()),
            private_details: Set(None),
            status: Set(if resolved.is_some() {
                shared::TicketStatus::Resolved
            } else {
                shared::TicketStatus::InProgress
            }),
            department_id: Set(Some(department)),
            author_id: Set(id % 20_000 + 1),
            created_at: Set(created),
            updated_at: Set(created),
            sla_started_at: Set(created),
            sla_due_at: Set(Some(created + chrono::Duration::minutes(promise))),
            first_response_at: Set(first),
            first_response_by_id: Set(first.map(|_| staff_id)),
            resolved_at: Set(resolved),
            assignee_id: Set(None),
            me_too_count: Set(0),
            rating_score: Set(resolved.map(|_| i32::try_from(1 + rng.next() % 5).expect("score"))),
            rating_comment: Set(None),
        });
        if let Some(at) = first {
            posts.push(ticket_post::ActiveModel {
                ticket_id: Set(id),
                author_id: Set(staff_id),
                kind: Set(shared::TicketPostKind::Reply),
                body_md: Set("Looking into it.".to_owned()),
                body_html: Set("<p>Looking into it.</p>".to_owned()),
                created_at: Set(at),
                ..Default::default()
            });
        }
    }
    for chunk in tickets.chunks(CHUNK) {
        insert_chunked(db, chunk.to_vec()).await;
    }
    for chunk in posts.chunks(CHUNK) {
        insert_chunked(db, chunk.to_vec()).await;
    }
}

/// Employees with known API tokens for the HTTP load run, after the
/// generated staff.
async fn load_staff(ctx: &Ctx, base: chrono::DateTime<Utc>) {
    for i in 0..LOAD_STAFF {
        let member = user::ActiveModel {
            email: Set(format!("loadstaff{i}@example.com")),
            password_hash: Set(None),
            display_name: Set(format!("Load staff {i}")),
            role: Set(shared::Role::Employee),
            department_id: Set(Some(1)),
            avatar_color: Set("#0f766e".to_owned()),
            created_at: Set(base),
            ..Default::default()
        };
        let member = user::Entity::insert(member)
            .exec(&ctx.db)
            .await
            .expect("load staff");
        let token = bench_token(i);
        let row = api_token::ActiveModel {
            user_id: Set(member.last_insert_id),
            name: Set("load".to_owned()),
            token_hash: Set(domain::secret_token::digest(&token)),
            prefix: Set(token.chars().take(10).collect()),
            created_at: Set(base),
            // The database is kept and reused: tokens that outlive it.
            expires_at: Set(Some(Utc::now() + chrono::Duration::days(3_650))),
            ..Default::default()
        };
        api_token::Entity::insert(row)
            .exec(&ctx.db)
            .await
            .expect("load token");
    }
}
