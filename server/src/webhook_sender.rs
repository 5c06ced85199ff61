//! Posts webhook deliveries in the background: queues deliveries from the
//! event log, claims those that are due, and sends each in its own task
//! (at most a few at once, each with a time limit), so a slow or dead
//! receiver delays neither requests nor the other receivers.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::Semaphore;
use tokio::task::JoinHandle;

/// How long one try may take before it counts as failed.
const TRY_TIMEOUT: Duration = Duration::from_secs(10);
/// Tries in flight at once.
const PARALLEL_TRIES: usize = 8;
/// How often the worker looks for new events and due retries.
const LOOK_EVERY: Duration = Duration::from_millis(250);

/// Resolves receivers' names to public addresses only, and the connection
/// goes to exactly the address checked here: a name cannot pass the check
/// and then point somewhere else (DNS rebinding).
struct PublicAddressesOnly;

impl reqwest::dns::Resolve for PublicAddressesOnly {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let public: Vec<std::net::SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .filter(|a| domain::webhook::is_public_address(a.ip()))
                .collect();
            if public.is_empty() {
                return Err(format!(
                    "{host} has no public address (private receivers need --allow-private-webhooks)"
                )
                .into());
            }
            Ok(Box::new(public.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

/// Why a URL written with a private address is not tried, if it is.
fn refused_address(url: &str, allow_private: bool) -> Option<String> {
    if allow_private {
        return None;
    }
    let parsed = reqwest::Url::parse(url).ok()?;
    let host = parsed.host_str()?;
    let ip: std::net::IpAddr = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .ok()?;
    (!domain::webhook::is_public_address(ip)).then(|| {
        format!("{ip} is not a public address (private receivers need --allow-private-webhooks)")
    })
}

async fn send(
    client: &reqwest::Client,
    due: &domain::webhook::Due,
    allow_private: bool,
) -> domain::webhook::TryOutcome {
    let started = Instant::now();
    if let Some(error) = refused_address(&due.url, allow_private) {
        return domain::webhook::TryOutcome {
            status_code: None,
            error: Some(error),
            duration_ms: 0,
        };
    }
    let result = client
        .post(&due.url)
        .header(http::header::CONTENT_TYPE, "application/json")
        .header(domain::webhook::EVENT_HEADER, &due.event)
        .header(domain::webhook::DELIVERY_HEADER, due.id.to_string())
        .header(domain::webhook::SIGNATURE_HEADER, &due.signature)
        .body(due.body.clone())
        .send()
        .await;
    let duration_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    match result {
        Ok(response) => domain::webhook::TryOutcome {
            status_code: Some(response.status().as_u16()),
            error: None,
            duration_ms,
        },
        Err(e) => domain::webhook::TryOutcome {
            status_code: None,
            error: Some(if e.is_timeout() {
                format!("no answer within {} s", TRY_TIMEOUT.as_secs())
            } else if e.is_connect() {
                // The resolver's refusal is the useful part of the chain.
                let mut reason = "could not connect".to_owned();
                let mut source = std::error::Error::source(&e);
                while let Some(cause) = source {
                    if cause.to_string().contains("no public address") {
                        reason = cause.to_string();
                    }
                    source = cause.source();
                }
                reason
            } else {
                e.to_string()
            }),
            duration_ms,
        },
    }
}

/// Starts the delivery loop; it runs until the task is aborted.
#[must_use]
pub fn spawn(ctx: domain::Ctx) -> JoinHandle<()> {
    tokio::spawn(async move {
        let allow_private = ctx.settings.allow_private_webhooks;
        let mut builder = reqwest::Client::builder()
            .timeout(TRY_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            // A proxy from the environment would connect to the receiver
            // itself, past the address check.
            .no_proxy()
            .user_agent(concat!("Madang-Webhooks/", env!("CARGO_PKG_VERSION")));
        if !allow_private {
            builder = builder.dns_resolver(Arc::new(PublicAddressesOnly));
        }
        let client = match builder.build() {
            Ok(client) => client,
            Err(e) => {
                tracing::error!(error = %e, "webhooks are off: cannot build the HTTP client");
                return;
            }
        };
        let slots = Arc::new(Semaphore::new(PARALLEL_TRIES));
        let mut pruned_at: Option<Instant> = None;
        loop {
            if let Err(e) = domain::webhook::queue_new_events(&ctx).await {
                tracing::error!(error = %e, "queueing webhook deliveries");
            }
            let free = slots.available_permits();
            if free > 0 {
                match domain::webhook::claim_due(&ctx, free as u64).await {
                    Ok(batch) => {
                        for due in batch {
                            let Ok(slot) = slots.clone().acquire_owned().await else {
                                return;
                            };
                            let (client, ctx) = (client.clone(), ctx.clone());
                            tokio::spawn(async move {
                                let outcome = send(&client, &due, allow_private).await;
                                if let Some(code) =
                                    outcome.status_code.filter(|c| !(200..300).contains(c))
                                {
                                    tracing::warn!(
                                        delivery = due.id,
                                        code,
                                        "webhook receiver refused"
                                    );
                                }
                                if let Err(e) =
                                    domain::webhook::record_try(&ctx, due.id, outcome).await
                                {
                                    tracing::error!(error = %e, "recording a webhook try");
                                }
                                drop(slot);
                            });
                        }
                    }
                    Err(e) => tracing::error!(error = %e, "claiming webhook deliveries"),
                }
            }
            if pruned_at.is_none_or(|at| at.elapsed() > Duration::from_hours(1)) {
                if let Err(e) = domain::webhook::prune(&ctx).await {
                    tracing::warn!(error = %e, "pruning the webhook log");
                }
                pruned_at = Some(Instant::now());
            }
            tokio::time::sleep(LOOK_EVERY).await;
        }
    })
}
