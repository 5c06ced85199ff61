//! Live pages: the hub tails the event log (the database is the broker, so
//! every instance sharing one `PostgreSQL` sees every event; there each
//! commit that appended events wakes the hubs with LISTEN/NOTIFY, so they
//! read at once instead of at their next look) and fans new entries out to
//! this instance's server-sent-event streams. A stream
//! replays the log after `Last-Event-ID` first, so a reconnecting browser
//! misses nothing that is still retained.

use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use domain::events::Entry;
use futures_util::Stream;
use serde::Deserialize;
use tokio::sync::{Notify, broadcast, watch};
use tokio::task::JoinHandle;

use crate::auth::Auth;
use crate::error::ApiResult;
use crate::extract::ApiQuery;
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// How often the hub looks for new events when the log is quiet.
const POLL: Duration = Duration::from_millis(100);
/// How often it looks when `PostgreSQL` wakes it on every commit: only in
/// case a wake-up was lost while the listening connection reconnected.
const POLL_WITH_NOTIFY: Duration = Duration::from_millis(500);
/// Events read per look.
const BATCH: u64 = 500;
/// Events a slow stream may fall behind before it re-reads the log.
const BUFFER: usize = 4_096;
/// How often an open stream checks that its subscriber is still signed in
/// with the same role (and before any event that is not public, at most
/// once a second).
const RECHECK: Duration = Duration::from_secs(30);

/// How a stream's subscriber proved who they are, to ask again later.
#[derive(Clone, Debug)]
enum Credential {
    Nobody,
    Session(String),
    Bearer(String),
}

impl Credential {
    /// True while the credential still stands for `actor`: not signed out,
    /// not revoked or expired, not promoted or demoted since.
    async fn still_stands_for(&self, ctx: &domain::Ctx, actor: &domain::Actor) -> bool {
        let now = match self {
            Credential::Nobody => return true,
            Credential::Session(token) => domain::auth::actor_for_session(ctx, token).await,
            Credential::Bearer(token) => domain::auth::actor_for_api_token(ctx, token).await,
        };
        now.is_ok_and(|now| now == *actor)
    }
}

/// This instance's fan-out of the event log.
#[derive(Clone, Debug)]
pub struct Hub {
    sender: broadcast::Sender<Arc<Entry>>,
    closing: watch::Receiver<bool>,
    position: Arc<AtomicI32>,
}

/// Stops the hub's task and ends every open stream (for graceful shutdown).
pub struct HubHandle {
    close: watch::Sender<bool>,
    task: JoinHandle<()>,
    listener: Option<JoinHandle<()>>,
}

impl HubHandle {
    /// Ends the streams so the server can finish its requests.
    pub fn close(self) {
        let _ = self.close.send(true);
        self.task.abort();
        if let Some(listener) = self.listener {
            listener.abort();
        }
    }
}

/// On `PostgreSQL`, listens on the events channel and wakes the hub on every
/// commit that appended events; `None` on `SQLite` (one instance, which the
/// short poll serves) or when listening fails (the poll still works).
async fn listen_for_commits(ctx: &domain::Ctx, wake: Arc<Notify>) -> Option<JoinHandle<()>> {
    if ctx.db.get_database_backend() != sea_orm::DbBackend::Postgres {
        return None;
    }
    let pool = ctx.db.get_postgres_connection_pool();
    let mut listener = match sea_orm::sqlx::postgres::PgListener::connect_with(pool).await {
        Ok(listener) => listener,
        Err(error) => {
            tracing::warn!(%error, "cannot LISTEN for events; polling instead");
            return None;
        }
    };
    if let Err(error) = listener.listen(domain::events::NOTIFY_CHANNEL).await {
        tracing::warn!(%error, "cannot LISTEN for events; polling instead");
        return None;
    }
    Some(tokio::spawn(async move {
        loop {
            match listener.try_recv().await {
                // A notification, or a reconnection (wake-ups may have been
                // lost): read the log now.
                Ok(Some(_) | None) => wake.notify_one(),
                Err(error) => {
                    tracing::warn!(%error, "listening for events");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        }
    }))
}

impl Hub {
    /// Starts tailing the log from its current end; events older than
    /// `retention` are pruned every few minutes.
    pub async fn start(ctx: domain::Ctx, retention: chrono::Duration) -> (Hub, HubHandle) {
        let (sender, _) = broadcast::channel(BUFFER);
        let (close, closing) = watch::channel(false);
        let mut last = domain::events::latest(&ctx.db).await.unwrap_or(0);
        let position = Arc::new(AtomicI32::new(last));
        let seen = Arc::clone(&position);
        let fan_out = sender.clone();
        let wake = Arc::new(Notify::new());
        let listener = listen_for_commits(&ctx, Arc::clone(&wake)).await;
        let poll = if listener.is_some() {
            POLL_WITH_NOTIFY
        } else {
            POLL
        };
        let task = tokio::spawn(async move {
            let mut looks: u64 = 0;
            loop {
                match domain::events::after(&ctx.db, last, None, BATCH).await {
                    Ok(batch) => {
                        for entry in batch.entries {
                            // No subscriber is not an error.
                            let _ = fan_out.send(Arc::new(entry));
                        }
                        if let Some(read) = batch.read_up_to {
                            last = read;
                            seen.store(last, Ordering::Relaxed);
                        }
                        if !batch.full {
                            tokio::select! {
                                () = tokio::time::sleep(poll) => {}
                                () = wake.notified() => {}
                            }
                        }
                    }
                    Err(error) => {
                        tracing::warn!(%error, "reading the event log");
                        tokio::time::sleep(Duration::from_secs(1)).await;
                    }
                }
                looks += 1;
                if looks.is_multiple_of(3_000) {
                    let before = ctx.clock.now() - retention;
                    if let Err(error) = domain::events::prune(&ctx.db, before).await {
                        tracing::warn!(%error, "pruning the event log");
                    }
                }
            }
        });
        (
            Hub {
                sender,
                closing,
                position,
            },
            HubHandle {
                close,
                task,
                listener,
            },
        )
    }

    /// Event streams open now: each holds one subscription to the fan-out.
    #[must_use]
    pub fn open_streams(&self) -> usize {
        self.sender.receiver_count()
    }

    /// The newest event this instance has seen: pages rendered now resume
    /// after it.
    #[must_use]
    pub fn position(&self) -> i32 {
        self.position.load(Ordering::Relaxed)
    }
}

/// `GET /api/v1/events` query.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventsQuery {
    /// Comma-separated: `board`, `idea:12`, `ticket:VOC-000001`, `queue`
    /// (staff), `me` (your notifications).
    pub topics: String,
    /// Resume after this event (when the client cannot send the
    /// `Last-Event-ID` header).
    #[serde(default)]
    pub last_event_id: Option<i32>,
}

fn to_sse(entry: &Entry) -> Event {
    Event::default()
        .id(entry.id.to_string())
        .event(entry.event.kind().as_str())
        .data(format!(
            "{{\"topic\":{},\"data\":{}}}",
            serde_json::Value::String(entry.topic.clone()),
            entry.data()
        ))
}

/// Server-sent events for the topics, as far as the caller may see them;
/// with `Last-Event-ID` the missed events come first.
#[utoipa::path(get, path = "/events", tag = "live", params(EventsQuery), responses(
    (status = 200, content_type = "text/event-stream", body = String, description = "id: N / event: kind / data: {\"topic\", \"data\"}"),
    (status = 401),
    (status = 403),
    (status = 422),
))]
pub async fn events(
    State(state): State<AppState>,
    auth: Auth,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<EventsQuery>,
) -> ApiResult<Sse<impl Stream<Item = Result<Event, Infallible>>>> {
    let actor = auth.actor.clone();
    let topics = domain::events::subscription(&actor, &query.topics)?;
    let credential = match (auth.via, &auth.session_token) {
        (domain::auth::Via::Cookie, Some(token)) => Credential::Session(token.clone()),
        (domain::auth::Via::Bearer, _) => headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map_or(Credential::Nobody, |t| {
                Credential::Bearer(t.trim().to_owned())
            }),
        _ => Credential::Nobody,
    };
    let ctx = state.ctx.clone();
    let resume = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i32>().ok())
        .or(query.last_event_id);
    // Subscribe before reading the log, so nothing falls between the two.
    let mut live = state.hub.sender.subscribe();
    let mut closing = state.hub.closing.clone();
    let db = state.ctx.db.clone();
    let mut sent = match resume {
        Some(id) => id,
        None => domain::events::latest(&db).await?,
    };
    let stream = async_stream::stream! {
        let mut recheck = tokio::time::interval(RECHECK);
        recheck.tick().await;
        // Never checked yet: the first private event asks at once.
        let mut checked_at: Option<std::time::Instant> = None;
        // Replay what the client missed (or, after a lag, what we dropped).
        let mut replay = resume.is_some();
        'stream: loop {
            if replay {
                loop {
                    let Ok(batch) = domain::events::after(&db, sent, Some(&topics), BATCH).await else {
                        break;
                    };
                    for row in batch.entries {
                        if !row.admits(&actor) {
                            continue;
                        }
                        if !row.is_public() && checked_at.is_none_or(|at| at.elapsed() > Duration::from_secs(1)) {
                            if !credential.still_stands_for(&ctx, &actor).await {
                                break 'stream;
                            }
                            checked_at = Some(std::time::Instant::now());
                        }
                        yield Ok(to_sse(&row));
                    }
                    if let Some(read) = batch.read_up_to {
                        sent = read;
                    }
                    if !batch.full {
                        break;
                    }
                }
                replay = false;
            }
            tokio::select! {
                received = live.recv() => match received {
                    Ok(row) => {
                        if row.id > sent && topics.contains(&row.topic) {
                            sent = row.id;
                            if row.admits(&actor) {
                                if !row.is_public() && checked_at.is_none_or(|at| at.elapsed() > Duration::from_secs(1)) {
                                    if !credential.still_stands_for(&ctx, &actor).await {
                                        break 'stream;
                                    }
                                    checked_at = Some(std::time::Instant::now());
                                }
                                yield Ok(to_sse(&row));
                            }
                        }
                    }
                    Err(broadcast::error::RecvError::Lagged(_)) => replay = true,
                    Err(broadcast::error::RecvError::Closed) => break,
                },
                _ = recheck.tick() => {
                    // Signed out, revoked, suspended away or demoted: the
                    // stream ends, and the browser's reconnection gets only
                    // what the caller may now see.
                    if !credential.still_stands_for(&ctx, &actor).await {
                        break;
                    }
                    checked_at = Some(std::time::Instant::now());
                }
                _ = closing.changed() => break,
            }
        }
    };
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}

/// The routes of live events with their `OpenAPI` entries, registered
/// together so neither can be forgotten.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(events))
}
