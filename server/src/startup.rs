//! Starting and stopping the server: secret, database, migrations, demo data,
//! listener; then serving until asked to stop, letting in-flight requests
//! finish and closing the database cleanly.

use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::LeptosOptions;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::config::ServeArgs;
use crate::http::router;
use crate::secret::{self, SecretError};
use crate::state::AppState;

/// Why the server could not start; each is one clear line for the operator.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The data folder or secret key is unusable.
    #[error(transparent)]
    Secret(#[from] SecretError),
    /// The database could not be opened or migrated.
    #[error(transparent)]
    Database(#[from] domain::db::ConnectError),
    /// The SMTP settings are unusable.
    #[error(transparent)]
    Mail(#[from] crate::mailer::MailerError),
    /// The demo data could not be loaded.
    #[error("cannot load demo data: {0}")]
    Demo(domain::Error),
    /// The address is taken or not ours.
    #[error("cannot listen on {addr}: {reason}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// What the OS said.
        reason: String,
    },
    /// The consent text file could not be read.
    #[error("cannot read the consent text {path}: {reason}")]
    ConsentFile {
        /// The file.
        path: String,
        /// What the OS said.
        reason: String,
    },
    /// The data folder could not be created.
    #[error("data folder {path} is not writable: {reason}")]
    DataDir {
        /// The folder.
        path: String,
        /// What the OS said.
        reason: String,
    },
}

/// Everything `start` needs.
#[derive(Clone, Debug)]
pub struct StartConfig {
    /// The database URL in force.
    pub database_url: String,
    /// Folder for `SQLite` and the secret key.
    pub data_dir: PathBuf,
    /// Server settings.
    pub serve: ServeArgs,
    /// Where "now" comes from: the system clock, or a shifted one in tests.
    pub clock: domain::Clock,
    /// `SQLite`'s commit durability.
    pub synchronous: domain::db::Synchronous,
}

/// A running server.
#[derive(Debug)]
pub struct Started {
    /// The address actually bound (useful with port 0).
    pub addr: SocketAddr,
    /// The public base URL.
    pub base_url: String,
    /// Whether demo data was loaded by this start.
    pub demo_loaded: bool,
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

impl Started {
    /// Stops accepting connections, lets in-flight requests finish, closes
    /// the database, and waits until all of that is done.
    pub async fn shutdown(self) {
        let _ = self.stop.send(());
        let _ = self.task.await;
    }

    /// Waits until the server has stopped (after `signal` fires).
    pub async fn run_until(self, signal: impl Future<Output = ()>) {
        signal.await;
        tracing::info!("shutting down: finishing in-flight requests");
        self.shutdown().await;
        tracing::info!("stopped");
    }
}

/// Opens the database (creating the `SQLite` folder if needed) and migrates it.
pub async fn open_database(
    database_url: &str,
    data_dir: &std::path::Path,
    synchronous: domain::db::Synchronous,
) -> Result<sea_orm::DatabaseConnection, StartError> {
    let engine = domain::db::Engine::of(database_url)?;
    if engine == domain::db::Engine::Sqlite {
        ensure_sqlite_folder(database_url, data_dir)?;
    }
    let db = domain::db::connect(database_url, synchronous).await?;
    domain::db::migrate(&db, database_url).await?;
    Ok(db)
}

fn ensure_sqlite_folder(database_url: &str, data_dir: &std::path::Path) -> Result<(), StartError> {
    let Some(path) = domain::db::sqlite_file(database_url) else {
        return Ok(());
    };
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
    let folder = folder.unwrap_or(data_dir);
    std::fs::create_dir_all(folder).map_err(|e| StartError::DataDir {
        path: folder.display().to_string(),
        reason: e.to_string(),
    })
}

/// Starts the server and returns once it is listening.
pub async fn start(config: StartConfig) -> Result<Started, StartError> {
    let _secret = secret::load_or_create(config.serve.secret_key.as_deref(), &config.data_dir)?;
    let mailer = match &config.serve.smtp_url {
        Some(url) => Some(crate::mailer::Mailer::new(url, &config.serve.mail_from)?),
        None => None,
    };
    let db = open_database(&config.database_url, &config.data_dir, config.synchronous).await?;

    let listener = TcpListener::bind(config.serve.bind)
        .await
        .map_err(|e| StartError::Bind {
            addr: config.serve.bind,
            reason: e.to_string(),
        })?;
    let addr = listener.local_addr().map_err(|e| StartError::Bind {
        addr: config.serve.bind,
        reason: e.to_string(),
    })?;
    let base_url = config.serve.base_url.clone().map_or_else(
        || format!("http://{addr}"),
        |u| u.trim_end_matches('/').to_owned(),
    );
    let ctx = domain::Ctx::new(
        db,
        domain::Settings {
            base_url: base_url.clone(),
            incident: domain::IncidentRule {
                threshold: config.serve.incident_threshold,
                window_minutes: config.serve.incident_window_minutes,
            },
            allow_private_webhooks: config.serve.allow_private_webhooks,
            time_zone: config.serve.time_zone,
            consent: consent_terms(&config.serve)?,
            hold_unconfirmed_posts: config.serve.hold_unconfirmed_posts,
            opinion_leader_threshold: i64::from(config.serve.opinion_leader_threshold),
            reviews_per_week: i64::from(config.serve.reviews_per_week),
            scorecard_quality: config.serve.scorecard_quality,
            company: shared::locale::Bilingual::new(
                config.serve.company_name.trim(),
                config.serve.company_name_en.trim(),
            ),
        },
    )
    .with_clock(config.clock.clone())
    .with_writer(domain::db::connect_writer(&config.database_url, config.synchronous).await?);
    let mut demo_loaded = false;
    if config.serve.demo
        && domain::demo::is_empty(&ctx)
            .await
            .map_err(StartError::Demo)?
    {
        domain::demo::load(&ctx).await.map_err(StartError::Demo)?;
        demo_loaded = true;
    }
    if let Err(e) = domain::db::checkpoint(&ctx.db).await {
        tracing::warn!(error = %e, "syncing start-up's writes to the database file");
    }
    let leptos = LeptosOptions::builder()
        .output_name(app::OUTPUT_NAME)
        .site_root(config.serve.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .build();
    let pkg = config
        .serve
        .site_root
        .join("pkg")
        .join(format!("{}.js", app::OUTPUT_NAME));
    if !pkg.exists() {
        tracing::warn!(path = %pkg.display(), "compiled client not found: pages render but will not hydrate (run `make build`)");
    }
    let ready = Arc::new(AtomicBool::new(false));
    let (hub, hub_handle) = crate::live::Hub::start(
        ctx.clone(),
        chrono::Duration::hours(i64::from(config.serve.event_retention_hours)),
    )
    .await;
    let state = AppState {
        ctx: ctx.clone(),
        leptos,
        hub,
        security: crate::security_headers::SecurityPolicy::new(
            &base_url,
            &config.serve.frame_ancestors,
        ),
        proxies: crate::client_address::TrustedProxies(config.serve.trusted_proxies.clone()),
        ready: Arc::clone(&ready),
        metrics: Arc::default(),
        metrics_token: config.serve.metrics_token.as_deref().map(Arc::from),
    };
    let metrics_server = match config.serve.metrics_bind {
        Some(bind) => Some(serve_metrics(bind, state.clone()).await?),
        None => None,
    };
    let app = router(state);
    // Start-up work that may take long on a big database runs while the
    // server already answers; `/readyz` says 503 until it is done.
    let catching_up = tokio::spawn({
        let ctx = ctx.clone();
        async move {
            match domain::search::index_missing(&ctx).await {
                Ok(0) => {}
                Ok(indexed) => tracing::info!(ideas = indexed, "search index brought up to date"),
                Err(e) => tracing::error!(error = %e, "bringing the search index up to date"),
            }
            ready.store(true, Ordering::Release);
        }
    });

    let mail_worker = mailer.map(|m| m.spawn(ctx.clone()));
    // Integrations hear of events from this start on: place the outbox
    // cursor before the first request can append to the log.
    if let Err(e) = domain::webhook::queue_new_events(&ctx).await {
        tracing::warn!(error = %e, "starting the webhook outbox");
    }
    let webhook_worker = crate::webhook_sender::spawn(ctx.clone());
    let chores = crate::background::spawn(ctx.clone());
    let mut limits = crate::connection_guard::ConnectionLimits::for_descriptors(
        crate::connection_guard::raise_open_file_limit(),
        std::time::Duration::from_secs(config.serve.header_timeout_secs),
        std::time::Duration::from_secs(config.serve.idle_timeout_secs),
    );
    if let Some(max) = config.serve.max_connections {
        limits.max_connections = usize::try_from(max).unwrap_or(usize::MAX);
    }
    tracing::info!(
        max_connections = limits.max_connections,
        "accepting connections"
    );
    let listener = crate::connection_guard::GuardedListener::new(listener, limits);
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let serve = axum::serve(
            listener,
            app.into_make_service_with_connect_info::<crate::connection_guard::PeerAddr>(),
        )
        .with_graceful_shutdown(async {
            let _ = stopped.await;
            // Event streams never end by themselves: end them so the
            // in-flight requests can finish.
            hub_handle.close();
        });
        if let Err(e) = serve.await {
            tracing::error!(error = %e, "server error");
        }
        webhook_worker.abort();
        chores.abort();
        if let Some(metrics_server) = metrics_server {
            metrics_server.abort();
        }
        catching_up.abort();
        if let Some(worker) = mail_worker {
            // Unsent claims are taken over by the next worker after five minutes.
            worker.abort();
        }
        if let Err(e) = ctx.db.close_by_ref().await {
            tracing::warn!(error = %e, "closing the database");
        }
    });
    Ok(Started {
        addr,
        base_url,
        demo_loaded,
        stop,
        task,
    })
}

/// Serves `/metrics` alone on the metrics address until aborted.
async fn serve_metrics(bind: SocketAddr, state: AppState) -> Result<JoinHandle<()>, StartError> {
    let listener = TcpListener::bind(bind)
        .await
        .map_err(|e| StartError::Bind {
            addr: bind,
            reason: e.to_string(),
        })?;
    let addr = listener.local_addr().unwrap_or(bind);
    tracing::info!(%addr, "serving /metrics");
    let app = crate::metrics::metrics_only_router(state);
    Ok(tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            tracing::error!(error = %e, "metrics server error");
        }
    }))
}

/// Registers for SIGINT (Ctrl-C) and SIGTERM at once, so a signal that
/// arrives while the server is still starting is not lost, and returns a
/// future that resolves on the first of them.
pub fn shutdown_signal() -> std::io::Result<impl Future<Output = ()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut terminate = signal(SignalKind::terminate())?;
    let mut interrupt = signal(SignalKind::interrupt())?;
    Ok(async move {
        tokio::select! {
            _ = terminate.recv() => {},
            _ = interrupt.recv() => {},
        }
    })
}

/// The consent in force: the company's file with its version, or the
/// built-in text (under the given version, if one was given).
fn consent_terms(serve: &crate::config::ServeArgs) -> Result<domain::consent::Terms, StartError> {
    let mut terms = domain::consent::Terms::default();
    if let Some(version) = &serve.consent_version {
        version.trim().clone_into(&mut terms.version);
    }
    if let Some(path) = &serve.consent_file {
        let text = std::fs::read_to_string(path).map_err(|e| StartError::ConsentFile {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        terms.text = Some(text.trim().to_owned());
    }
    Ok(terms)
}
