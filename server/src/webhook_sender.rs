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

async fn send(client: &reqwest::Client, due: &domain::webhook::Due) -> domain::webhook::TryOutcome {
    let started = Instant::now();
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
                "could not connect".to_owned()
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
        let client = match reqwest::Client::builder()
            .timeout(TRY_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("Madang-Webhooks/", env!("CARGO_PKG_VERSION")))
            .build()
        {
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
                                let outcome = send(&client, &due).await;
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
            if pruned_at.is_none_or(|at| at.elapsed() > Duration::from_secs(3_600)) {
                if let Err(e) = domain::webhook::prune(&ctx).await {
                    tracing::warn!(error = %e, "pruning the webhook log");
                }
                pruned_at = Some(Instant::now());
            }
            tokio::time::sleep(LOOK_EVERY).await;
        }
    })
}
