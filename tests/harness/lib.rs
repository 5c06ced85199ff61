//! Black-box test harness: starts the real madang server on a random port
//! against a fresh `SQLite` file or a fresh `PostgreSQL` database, and gives
//! tests an HTTP client and direct SQL access to check what was stored.
#![expect(
    clippy::missing_panics_doc,
    reason = "a test helper panics on purpose: that is how a test fails"
)]

pub mod bench_data;
pub mod percentile;

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};
use server::ServeArgs;
use server::startup::{StartConfig, Started, start};

/// Which database a test runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// A new `SQLite` file in a temporary folder.
    Sqlite,
    /// A new database on the server named by `MADANG_TEST_POSTGRES_URL`.
    Postgres,
}

/// A running server owned by one test.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// A client that does not follow redirects (tests look at them).
    pub client: reqwest::Client,
    /// The database URL the server uses (for direct checks).
    pub database_url: String,
    started: Option<Started>,
    postgres: Option<(String, String)>,
    clock_shift: Arc<AtomicI64>,
    dir: tempfile::TempDir,
}

/// What a test wants from the server.
#[derive(Clone, Debug)]
pub struct Options {
    /// Load demo data into the empty database.
    pub demo: bool,
    /// Deliver mail to this SMTP server instead of only keeping it in the outbox.
    pub smtp_url: Option<String>,
    /// Let webhooks reach 127.0.0.1 (test receivers listen there).
    pub allow_private_webhooks: bool,
    /// Proxies whose `X-Forwarded-For` is believed (`--trusted-proxy`).
    pub trusted_proxies: Vec<&'static str>,
    /// `--header-timeout-secs`.
    pub header_timeout_secs: u64,
    /// `--max-connections`.
    pub max_connections: Option<u64>,
    /// `--hold-unconfirmed-posts`.
    pub hold_unconfirmed_posts: bool,
    /// `--metrics-token`.
    pub metrics_token: Option<&'static str>,
    /// Generate the benchmark database of this many ideas
    /// ([`bench_data`]) before the server starts; instead of demo data.
    pub bench_ideas: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            demo: true,
            smtp_url: None,
            allow_private_webhooks: true,
            trusted_proxies: Vec::new(),
            header_timeout_secs: 10,
            max_connections: None,
            hold_unconfirmed_posts: false,
            metrics_token: None,
            bench_ideas: None,
        }
    }
}

fn random_suffix() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    format!("{}_{nanos}", std::process::id())
}

async fn admin(url: &str) -> DatabaseConnection {
    Database::connect(url)
        .await
        .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at MADANG_TEST_POSTGRES_URL: {e}"))
}

async fn create_postgres_database() -> (String, String, String) {
    let admin_url = std::env::var("MADANG_TEST_POSTGRES_URL")
        .expect("MADANG_TEST_POSTGRES_URL must name a PostgreSQL server for the on_postgres tests");
    let name = format!("madang_test_{}", random_suffix());
    let conn = admin(&admin_url).await;
    conn.execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create test database");
    conn.close().await.expect("close admin connection");
    let (base, _) = admin_url
        .rsplit_once('/')
        .expect("URL with a database path");
    (format!("{base}/{name}"), admin_url, name)
}

/// Starts a server with demo data on the given backend.
pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, Options::default()).await
}

/// Starts a server with the given options on the given backend.
pub async fn spawn_app_with(backend: Backend, options: Options) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database_url, postgres) = match backend {
        Backend::Sqlite => (
            format!(
                "sqlite://{}?mode=rwc",
                dir.path().join("madang.db").display()
            ),
            None,
        ),
        Backend::Postgres => {
            let (url, admin_url, name) = create_postgres_database().await;
            (url, Some((admin_url, name)))
        }
    };
    if let Some(ideas) = options.bench_ideas {
        assert!(!options.demo, "benchmark data goes into an empty database");
        let ctx = bench_data::seeded(&database_url, bench_data::Scale { ideas }).await;
        ctx.db.close().await.expect("close");
    }
    let serve = ServeArgs {
        bind: "127.0.0.1:0".parse().expect("address"),
        demo: options.demo,
        allow_private_webhooks: options.allow_private_webhooks,
        trusted_proxies: options
            .trusted_proxies
            .iter()
            .map(|p| p.parse().expect("trusted proxy network"))
            .collect(),
        header_timeout_secs: options.header_timeout_secs,
        max_connections: options.max_connections,
        smtp_url: options.smtp_url.clone(),
        hold_unconfirmed_posts: options.hold_unconfirmed_posts,
        metrics_token: options.metrics_token.map(str::to_owned),
        site_root: dir.path().join("site"),
        ..ServeArgs::default()
    };
    let clock_shift = Arc::new(AtomicI64::new(0));
    let started = start(StartConfig {
        database_url: database_url.clone(),
        data_dir: dir.path().to_path_buf(),
        serve,
        clock: domain::Clock::Shifted(Arc::clone(&clock_shift)),
        synchronous: domain::db::Synchronous::default(),
    })
    .await
    .expect("server starts");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("http client");
    let app = TestApp {
        base: started.base_url.clone(),
        client,
        database_url,
        started: Some(started),
        postgres,
        clock_shift,
        dir,
    };
    app.wait_ready().await;
    app
}

impl TestApp {
    /// The data folder (`SQLite` file, secret key) this server uses.
    #[must_use]
    pub fn data_dir(&self) -> &std::path::Path {
        self.dir.path()
    }

    /// Starts a second server on the same database, as a second instance
    /// behind a load balancer would run (no demo data of its own; the
    /// database stays the first instance's to drop).
    pub async fn another_instance(&self) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let serve = ServeArgs {
            bind: "127.0.0.1:0".parse().expect("address"),
            demo: false,
            allow_private_webhooks: true,
            site_root: dir.path().join("site"),
            ..ServeArgs::default()
        };
        let clock_shift = Arc::new(AtomicI64::new(0));
        let started = start(StartConfig {
            database_url: self.database_url.clone(),
            data_dir: dir.path().to_path_buf(),
            serve,
            clock: domain::Clock::Shifted(Arc::clone(&clock_shift)),
            synchronous: domain::db::Synchronous::default(),
        })
        .await
        .expect("second instance starts");
        let app = TestApp {
            base: started.base_url.clone(),
            client: self.client.clone(),
            database_url: self.database_url.clone(),
            started: Some(started),
            postgres: None,
            clock_shift,
            dir,
        };
        app.wait_ready().await;
        app
    }

    /// Waits until `/readyz` answers 200 (start-up work done), as a load
    /// balancer would before sending traffic.
    pub async fn wait_ready(&self) {
        for _ in 0..300 {
            let response = self.client.get(self.url("/readyz")).send().await;
            if response.is_ok_and(|r| r.status().is_success()) {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("{} did not become ready within 15 s", self.base);
    }

    /// Moves the server's clock forward, as if that much time had passed.
    pub fn advance_clock(&self, by: chrono::Duration) {
        self.clock_shift
            .fetch_add(by.num_seconds(), Ordering::Relaxed);
    }

    /// The server's clock: now, moved by every `advance_clock`.
    #[must_use]
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        chrono::Utc::now() + chrono::Duration::seconds(self.clock_shift.load(Ordering::Relaxed))
    }

    /// The absolute URL of a path.
    #[must_use]
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// GET a path, reading the whole body (see `settled`).
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.settled(path, || self.client.get(self.url(path))).await
    }

    /// GET a path with extra request headers (language, cookie), reading
    /// the whole body (see `settled`).
    pub async fn get_with_headers(
        &self,
        path: &str,
        headers: &[(&str, &str)],
    ) -> reqwest::Response {
        self.settled(path, || {
            headers
                .iter()
                .fold(self.client.get(self.url(path)), |request, (name, value)| {
                    request.header(*name, *value)
                })
        })
        .await
    }

    /// Sends a GET and reads the whole response. One that stalls for 15 s
    /// (headers or body) is asked for once more, loudly: Leptos 0.8 has a rare,
    /// upstream lost-wakeup race in streaming SSR (leptos-rs/leptos#4851)
    /// that can stall one response; the retry keeps that from hanging CI
    /// while a stall that repeats still fails the test. Only GETs are
    /// retried: they change nothing.
    async fn settled(
        &self,
        path: &str,
        request: impl Fn() -> reqwest::RequestBuilder,
    ) -> reqwest::Response {
        for attempt in 1..=2 {
            let whole = async {
                let response = request().send().await.expect("request");
                let status = response.status();
                let headers = response.headers().clone();
                response.bytes().await.map(|body| (status, headers, body))
            };
            match tokio::time::timeout(std::time::Duration::from_secs(15), whole).await {
                Ok(Ok((status, headers, body))) => {
                    let mut rebuilt = http::Response::new(body);
                    *rebuilt.status_mut() = status;
                    *rebuilt.headers_mut() = headers;
                    return reqwest::Response::from(rebuilt);
                }
                Ok(Err(error)) => {
                    eprintln!("GET {path}: response body cut off (attempt {attempt}): {error}");
                }
                Err(_) => eprintln!("GET {path}: response stalled (attempt {attempt})"),
            }
        }
        panic!("GET {path}: response body stalled twice");
    }

    /// GET a path and parse JSON, asserting the status.
    pub async fn get_json(&self, path: &str, status: u16) -> serde_json::Value {
        let response = self.get(path).await;
        assert_eq!(response.status().as_u16(), status, "GET {path}");
        response.json().await.expect("JSON body")
    }

    /// POST JSON without credentials.
    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("request")
    }

    /// Signs up a new customer and returns the session cookie (`name=value`).
    pub async fn sign_up(&self, email: &str, name: &str) -> String {
        let response = self
            .post_json(
                "/api/v1/auth/signup",
                &serde_json::json!({"email": email, "password": "a long enough password", "display_name": name}),
            )
            .await;
        assert_eq!(response.status().as_u16(), 201, "sign-up of {email}");
        session_cookie(&response).expect("session cookie")
    }

    /// Signs in and returns the session cookie (`name=value`).
    pub async fn sign_in(&self, email: &str, password: &str) -> String {
        let response = self
            .post_json(
                "/api/v1/auth/login",
                &serde_json::json!({"email": email, "password": password}),
            )
            .await;
        assert_eq!(response.status().as_u16(), 200, "sign-in of {email}");
        session_cookie(&response).expect("session cookie")
    }

    /// Sends a request as the member with this session cookie, from this
    /// site (with the `Origin` header a browser adds).
    pub async fn send_as(
        &self,
        cookie: &str,
        method: reqwest::Method,
        path: &str,
        body: Option<&serde_json::Value>,
    ) -> reqwest::Response {
        let build = || {
            let mut request = self
                .client
                .request(method.clone(), self.url(path))
                .header("cookie", cookie)
                .header("origin", self.origin());
            if let Some(body) = body {
                request = request.json(body);
            }
            request
        };
        if method == reqwest::Method::GET {
            self.settled(path, build).await
        } else {
            build().send().await.expect("request")
        }
    }

    /// Sends a request as the member with this session cookie (empty for a
    /// visitor) and returns the status with the JSON body (`null` when the
    /// body is not JSON).
    pub async fn call(
        &self,
        cookie: &str,
        method: reqwest::Method,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> (u16, serde_json::Value) {
        let response = self.send_as(cookie, method, path, body.as_ref()).await;
        let status = response.status().as_u16();
        let text = response.text().await.expect("body");
        (
            status,
            serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
        )
    }

    /// Sends a request with an API token (no cookie, no `Origin`, as a script
    /// would) and returns the status with the JSON body (`null` when not JSON).
    pub async fn call_with_token(
        &self,
        token: &str,
        method: reqwest::Method,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> (u16, serde_json::Value) {
        let mut request = self
            .client
            .request(method, self.url(path))
            .bearer_auth(token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("request");
        let status = response.status().as_u16();
        let text = response.text().await.expect("body");
        (
            status,
            serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
        )
    }

    /// The tokens of every link `…{link}token=…` mailed to `to`, newest
    /// first, read from the admin outbox (`link` is e.g. `/reset?`).
    pub async fn mailed_tokens(&self, admin: &str, to: &str, link: &str) -> Vec<String> {
        let (code, outbox) = self
            .call(admin, reqwest::Method::GET, "/api/v1/admin/outbox", None)
            .await;
        assert_eq!(code, 200, "{outbox}");
        let marker = format!("{link}token=");
        outbox["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter(|m| m["to"] == to)
            .filter_map(|m| {
                let body = m["body"].as_str()?;
                let start = body.find(&marker)? + marker.len();
                Some(
                    body[start..]
                        .chars()
                        .take_while(char::is_ascii_hexdigit)
                        .collect(),
                )
            })
            .collect()
    }

    /// The member's notifications of one kind (`mention`,
    /// `commitment_kept`…), newest first, as the notification centre lists them.
    pub async fn notifications_of(&self, cookie: &str, kind: &str) -> Vec<serde_json::Value> {
        let (code, list) = self
            .call(
                cookie,
                reqwest::Method::GET,
                "/api/v1/me/notifications",
                None,
            )
            .await;
        assert_eq!(code, 200, "{list}");
        list["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter(|n| n["kind"] == kind)
            .cloned()
            .collect()
    }

    /// The site's origin, as a browser would send it.
    #[must_use]
    pub fn origin(&self) -> &str {
        &self.base
    }

    /// Creates `count` customers straight in the database, each with an API
    /// token, and returns the tokens: for load tests that need many members
    /// without going through the (rate-limited) sign-up.
    pub async fn create_members(&self, count: usize) -> Vec<String> {
        use sea_orm::{ActiveModelTrait, Set};
        let db = Database::connect(&self.database_url)
            .await
            .expect("connect for seeding");
        let now = chrono::Utc::now();
        let mut tokens = Vec::with_capacity(count);
        for i in 0..count {
            let member = domain::entity::user::ActiveModel {
                email: Set(format!("load{i}.{}@example.com", random_suffix())),
                password_hash: Set(None),
                display_name: Set(format!("Load member {i}")),
                role: Set(shared::Role::Customer),
                avatar_color: Set("#0f766e".to_owned()),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&db)
            .await
            .expect("insert member");
            let token = format!("mdg_{}", domain::secret_token::generate());
            domain::entity::api_token::ActiveModel {
                user_id: Set(member.id),
                name: Set("load".to_owned()),
                token_hash: Set(domain::secret_token::digest(&token)),
                prefix: Set(token.chars().take(10).collect()),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&db)
            .await
            .expect("insert token");
            tokens.push(token);
        }
        db.close().await.expect("close");
        tokens
    }

    /// Runs a query returning one integer (32 or 64 bit), straight on the database.
    pub async fn scalar(&self, sql: &str) -> i64 {
        let db = Database::connect(&self.database_url)
            .await
            .expect("connect for checks");
        let backend = db.get_database_backend();
        let row = db
            .query_one_raw(Statement::from_string(backend, sql.to_owned()))
            .await
            .expect("query")
            .expect("one row");
        // COUNT is 64-bit on PostgreSQL, plain columns may be 32-bit.
        let value: i64 = row
            .try_get_by_index::<i64>(0)
            .or_else(|_| row.try_get_by_index::<i32>(0).map(i64::from))
            .expect("integer column");
        db.close().await.expect("close");
        value
    }

    /// Stops the server (graceful) and drops a `PostgreSQL` test database.
    pub async fn stop(mut self) {
        if let Some(started) = self.started.take() {
            started.shutdown().await;
        }
        if let Some((admin_url, name)) = self.postgres.take() {
            let conn = admin(&admin_url).await;
            conn.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await
                .expect("drop test database");
            conn.close().await.expect("close admin connection");
        }
    }
}

/// The `name=value` of the session cookie a response sets, if any.
#[must_use]
pub fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("madang_session="))
        .and_then(|v| v.split(';').next())
        .map(str::to_owned)
}

/// The demo accounts' password.
pub const DEMO_PASSWORD: &str = "madang-demo-2026";

/// Declares each listed `async fn name(backend: Backend)` as two tests:
/// `on_sqlite::name` and `on_postgres::name`, so one suite covers both.
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {
        mod on_sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::Backend::Sqlite).await;
                }
            )*
        }
        mod on_postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::Backend::Postgres).await;
                }
            )*
        }
    };
}

/// One server-sent event as a test reads it.
#[derive(Clone, Debug)]
pub struct SseEvent {
    /// `id:` (the event log's id).
    pub id: i64,
    /// `event:` (vote, comment, post, …).
    pub kind: String,
    /// `data:` parsed: `{"topic", "data"}`.
    pub data: serde_json::Value,
}

/// An open `text/event-stream` response.
pub struct EventStream {
    response: reqwest::Response,
    buffer: String,
}

impl EventStream {
    /// The next event (keep-alive comments skipped), or `None` when none
    /// arrives within `within` or the stream ends.
    pub async fn next(&mut self, within: std::time::Duration) -> Option<SseEvent> {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let mut event = SseEvent {
                    id: 0,
                    kind: "message".to_owned(),
                    data: serde_json::Value::Null,
                };
                let mut seen = false;
                for line in block.lines() {
                    if let Some(v) = line.strip_prefix("id:") {
                        event.id = v.trim().parse().unwrap_or(0);
                        seen = true;
                    } else if let Some(v) = line.strip_prefix("event:") {
                        v.trim().clone_into(&mut event.kind);
                    } else if let Some(v) = line.strip_prefix("data:") {
                        event.data =
                            serde_json::from_str(v.trim()).unwrap_or(serde_json::Value::Null);
                    }
                }
                if seen {
                    return Some(event);
                }
                continue;
            }
            let chunk = tokio::time::timeout_at(deadline, self.response.chunk())
                .await
                .ok()?
                .ok()??;
            self.buffer.push_str(&String::from_utf8_lossy(&chunk));
        }
    }
}

impl EventStream {
    /// True when the server ends the stream within `within`; events and
    /// keep-alives that arrive before the end are skipped (and returned
    /// by nothing: a test using this expects none that matter).
    pub async fn ended(&mut self, within: std::time::Duration) -> bool {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            match tokio::time::timeout_at(deadline, self.response.chunk()).await {
                Err(_) => return false,
                Ok(Ok(Some(chunk))) => self.buffer.push_str(&String::from_utf8_lossy(&chunk)),
                Ok(Ok(None) | Err(_)) => return true,
            }
        }
    }
}

impl TestApp {
    /// Opens `GET /api/v1/events?topics=…` as a member (empty cookie for a
    /// visitor), resuming after `last_event_id` when given; panics unless
    /// the answer is 200 `text/event-stream`.
    pub async fn events(
        &self,
        cookie: &str,
        topics: &str,
        last_event_id: Option<i64>,
    ) -> EventStream {
        let response = self.events_response(cookie, topics, last_event_id).await;
        assert_eq!(response.status().as_u16(), 200, "events for {topics}");
        assert!(
            response
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|t| t.starts_with("text/event-stream"))
        );
        EventStream {
            response,
            buffer: String::new(),
        }
    }

    /// The raw answer to an events request (for refusals).
    pub async fn events_response(
        &self,
        cookie: &str,
        topics: &str,
        last_event_id: Option<i64>,
    ) -> reqwest::Response {
        let mut request = self
            .client
            .get(self.url(&format!("/api/v1/events?topics={topics}")))
            .header("cookie", cookie);
        if let Some(id) = last_event_id {
            request = request.header("last-event-id", id.to_string());
        }
        request.send().await.expect("events request")
    }
}

/// One vote the server acknowledged: the voter's token prefix (10
/// characters), the idea, and when the answer came.
pub type AcknowledgedVote = (String, i64, std::time::Instant);

/// Members voting for ideas 1..=`ideas` one after another, each on a task
/// of its own, until stopped: writes flowing while a test copies or backs
/// up the database.
pub struct Voters {
    stop: Arc<std::sync::atomic::AtomicBool>,
    acknowledged: Arc<tokio::sync::Mutex<Vec<AcknowledgedVote>>>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Voters {
    /// Starts one voter per API token, pausing `pause` between votes.
    pub fn start(
        app: &Arc<TestApp>,
        tokens: Vec<String>,
        ideas: i64,
        pause: std::time::Duration,
    ) -> Voters {
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let acknowledged: Arc<tokio::sync::Mutex<Vec<AcknowledgedVote>>> = Arc::default();
        let tasks = tokens
            .into_iter()
            .map(|token| {
                let (app, stop, acknowledged) = (
                    Arc::clone(app),
                    Arc::clone(&stop),
                    Arc::clone(&acknowledged),
                );
                tokio::spawn(async move {
                    let prefix: String = token.chars().take(10).collect();
                    for idea in 1..=ideas {
                        if stop.load(Ordering::Relaxed) {
                            break;
                        }
                        let (status, _) = app
                            .call_with_token(
                                &token,
                                reqwest::Method::PUT,
                                &format!("/api/v1/ideas/{idea}/vote"),
                                None,
                            )
                            .await;
                        if status == 200 {
                            acknowledged.lock().await.push((
                                prefix.clone(),
                                idea,
                                std::time::Instant::now(),
                            ));
                        }
                        tokio::time::sleep(pause).await;
                    }
                })
            })
            .collect();
        Voters {
            stop,
            acknowledged,
            tasks,
        }
    }

    /// The votes acknowledged so far.
    pub async fn acknowledged(&self) -> Vec<AcknowledgedVote> {
        self.acknowledged.lock().await.clone()
    }

    /// Stops the voters, waits for them, and returns every acknowledged vote.
    pub async fn stop(self) -> Vec<AcknowledgedVote> {
        self.stop.store(true, Ordering::Relaxed);
        for task in self.tasks {
            task.await.expect("voter");
        }
        self.acknowledged.lock().await.clone()
    }
}
