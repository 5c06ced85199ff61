//! What the operator's monitoring reads: every request counted and timed
//! by route template and status (one middleware, which also writes the
//! request's log line), and on each scrape of `/metrics` the gauges that
//! live elsewhere — open event streams, the event log's lag, queues, late
//! promises and pool use — in Prometheus' text format.
//!
//! `/metrics` is served on the main address only behind a bearer token
//! (`--metrics-token`), or without one on an address of its own
//! (`--metrics-bind`) that only the monitoring network reaches.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tracing::Instrument;

use crate::error::AppError;
use crate::state::AppState;

/// Upper bounds (seconds) of the latency histogram's buckets.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

/// The label of a request that matched no route (unknown pages, files).
const NO_ROUTE: &str = "none";

/// Counts and latencies of the requests this instance answered.
#[derive(Debug, Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<RequestKind, Latencies>>,
}

/// Requests are told apart by method, route template and status: never by
/// the raw path, whose ids and tokens would make series without end.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct RequestKind {
    method: String,
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Default)]
struct Latencies {
    count: u64,
    sum_seconds: f64,
    /// Per bucket, the requests that took at most its bound (not
    /// cumulative; summed when rendered).
    in_bucket: [u64; BUCKETS.len()],
}

impl Metrics {
    fn record(&self, kind: RequestKind, seconds: f64) {
        let mut requests = match self.requests.lock() {
            Ok(requests) => requests,
            Err(poisoned) => poisoned.into_inner(),
        };
        let latencies = requests.entry(kind).or_default();
        latencies.count += 1;
        latencies.sum_seconds += seconds;
        if let Some(bucket) = BUCKETS.iter().position(|bound| seconds <= *bound) {
            latencies.in_bucket[bucket] += 1;
        }
    }

    fn snapshot(&self) -> BTreeMap<RequestKind, Latencies> {
        match self.requests.lock() {
            Ok(requests) => requests.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }
}

/// The route template a request matched, carried out on its response so a
/// layer outside a nested router (the API's) learns the inner, complete
/// template instead of the nesting's wildcard.
#[derive(Clone, Debug)]
struct RouteTemplate(Arc<str>);

fn template_of(request: &Request) -> Option<Arc<str>> {
    request
        .extensions()
        .get::<MatchedPath>()
        .map(|path| Arc::from(path.as_str()))
}

/// Middleware for a nested router: remembers its route template on the
/// response (the innermost template wins).
pub async fn remember_route(request: Request, next: Next) -> Response {
    let template = template_of(&request);
    let mut response = next.run(request).await;
    if let Some(template) = template
        && response.extensions().get::<RouteTemplate>().is_none()
    {
        response.extensions_mut().insert(RouteTemplate(template));
    }
    response
}

/// Middleware around every request: opens the request's log span (request
/// id, method, route, and the member once authentication knows them),
/// writes one log line when the response starts, and counts and times it.
/// The path and query are never logged: they can carry one-time tokens.
pub async fn observe(
    State(metrics): State<Arc<Metrics>>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let outer_template = template_of(&request);
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_owned();
    let span = tracing::info_span!(
        "request",
        request_id = %request_id,
        method = %method,
        route = tracing::field::Empty,
        member = tracing::field::Empty,
    );
    let response = next.run(request).instrument(span.clone()).await;
    let route = response
        .extensions()
        .get::<RouteTemplate>()
        .map(|t| Arc::clone(&t.0))
        .or(outer_template)
        .map_or_else(|| NO_ROUTE.to_owned(), |t| readable_template(&t));
    let seconds = started.elapsed().as_secs_f64();
    let status = response.status().as_u16();
    span.record("route", route.as_str());
    span.in_scope(|| {
        // Whole microseconds, in milliseconds: 2.049, not 2.0486269999.
        let latency_ms = (seconds * 1_000_000.0).round() / 1_000.0;
        if response.status().is_server_error() {
            tracing::error!(status, latency_ms, "request");
        } else {
            tracing::info!(status, latency_ms, "request");
        }
    });
    metrics.record(
        RequestKind {
            method,
            route,
            status,
        },
        seconds,
    );
    response
}

/// A nesting's wildcard (`/pkg/{*__private__axum_nest_tail_param}`) reads
/// as `/pkg/{*path}`.
fn readable_template(template: &str) -> String {
    template.replace("{*__private__axum_nest_tail_param}", "{*path}")
}

/// Records the signed-in member on the request's log span.
pub fn note_member(actor: &domain::Actor) {
    if let Some(member) = actor.member() {
        tracing::Span::current().record("member", member.id);
    }
}

/// `GET /metrics` on the main address: only with the configured token.
pub async fn scrape_with_token(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(expected) = state.metrics_token.as_deref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let offered = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    // Digests are compared, so the time taken tells nothing about the token.
    let digest = domain::secret_token::digest;
    if digest(offered.trim()) != digest(expected) {
        return AppError::problem(
            401,
            "bad-token",
            "problem.bad_token",
            &domain::msg!("server.bad_token"),
        )
        .into_response();
    }
    scrape(State(state)).await
}

/// `GET /metrics` on the metrics address.
pub async fn scrape(State(state): State<AppState>) -> Response {
    match render(&state).await {
        Ok(text) => (
            [(
                header::CONTENT_TYPE,
                "text/plain; version=0.0.4; charset=utf-8",
            )],
            text,
        )
            .into_response(),
        Err(error) => AppError::from(error).into_response(),
    }
}

/// The router of the metrics address: `/metrics` and nothing else.
pub fn metrics_only_router(state: AppState) -> axum::Router {
    axum::Router::new()
        .route("/metrics", axum::routing::get(scrape))
        .with_state(state)
}

/// Every series, in Prometheus' text exposition format.
async fn render(state: &AppState) -> domain::Result<String> {
    let figures = domain::operations::figures(&state.ctx).await?;
    let mut out = String::new();
    let requests = state.metrics.snapshot();

    family(
        &mut out,
        "madang_http_requests_total",
        "counter",
        "Requests answered, by method, route template and status.",
    );
    for (kind, latencies) in &requests {
        sample(
            &mut out,
            "madang_http_requests_total",
            &labels_of(kind, None),
            latencies.count,
        );
    }
    family(
        &mut out,
        "madang_http_request_duration_seconds",
        "histogram",
        "Time until the response started, by method, route template and status.",
    );
    for (kind, latencies) in &requests {
        let mut cumulative = 0;
        for (bound, in_bucket) in BUCKETS.iter().zip(latencies.in_bucket) {
            cumulative += in_bucket;
            let le = bound.to_string();
            sample(
                &mut out,
                "madang_http_request_duration_seconds_bucket",
                &labels_of(kind, Some(&le)),
                cumulative,
            );
        }
        sample(
            &mut out,
            "madang_http_request_duration_seconds_bucket",
            &labels_of(kind, Some("+Inf")),
            latencies.count,
        );
        let plain = labels_of(kind, None);
        sample(
            &mut out,
            "madang_http_request_duration_seconds_sum",
            &plain,
            latencies.sum_seconds,
        );
        sample(
            &mut out,
            "madang_http_request_duration_seconds_count",
            &plain,
            latencies.count,
        );
    }

    let position = state.hub.position();
    gauge(
        &mut out,
        "madang_sse_streams_open",
        "Event streams (/api/v1/events) this instance holds open.",
        state.hub.open_streams(),
    );
    gauge(
        &mut out,
        "madang_event_log_newest",
        "Id of the newest event in the shared event log.",
        figures.newest_event,
    );
    gauge(
        &mut out,
        "madang_event_log_position",
        "Id of the newest event this instance has fanned out to its streams.",
        position,
    );
    gauge(
        &mut out,
        "madang_event_log_lag_events",
        "Events in the log this instance has not fanned out yet.",
        (figures.newest_event - position).max(0),
    );

    family(
        &mut out,
        "madang_outbox_mails",
        "gauge",
        "Unsent mails: waiting for a try (or, without SMTP, kept for admins), or given up after every try.",
    );
    sample(
        &mut out,
        "madang_outbox_mails",
        "state=\"waiting\"",
        figures.mails_waiting,
    );
    sample(
        &mut out,
        "madang_outbox_mails",
        "state=\"given_up\"",
        figures.mails_given_up,
    );
    family(
        &mut out,
        "madang_webhook_deliveries",
        "gauge",
        "Webhook deliveries waiting for a try, or failed after every try.",
    );
    sample(
        &mut out,
        "madang_webhook_deliveries",
        "state=\"pending\"",
        figures.deliveries_pending,
    );
    sample(
        &mut out,
        "madang_webhook_deliveries",
        "state=\"failed\"",
        figures.deliveries_failed,
    );

    family(
        &mut out,
        "madang_response_promises_overdue",
        "gauge",
        "Response promises (clocks) running past their deadline now, by kind.",
    );
    for (kind, n) in &figures.promises_overdue {
        sample(
            &mut out,
            "madang_response_promises_overdue",
            &format!("kind=\"{}\"", kind.as_str()),
            *n,
        );
    }
    family(
        &mut out,
        "madang_response_promises_broken",
        "gauge",
        "Response promises ever broken (answered late or overdue now), by kind.",
    );
    for (kind, n) in &figures.promises_broken {
        sample(
            &mut out,
            "madang_response_promises_broken",
            &format!("kind=\"{}\"", kind.as_str()),
            *n,
        );
    }

    let pools = domain::operations::pool_use(&state.ctx);
    family(
        &mut out,
        "madang_db_pool_connections",
        "gauge",
        "Database connections of this instance, by pool and state.",
    );
    for pool in &pools {
        let in_use = pool.open.saturating_sub(pool.idle);
        sample(
            &mut out,
            "madang_db_pool_connections",
            &format!("pool=\"{}\",state=\"in_use\"", pool.name),
            in_use,
        );
        sample(
            &mut out,
            "madang_db_pool_connections",
            &format!("pool=\"{}\",state=\"idle\"", pool.name),
            pool.idle,
        );
    }
    family(
        &mut out,
        "madang_db_pool_max_connections",
        "gauge",
        "The most connections each pool opens.",
    );
    for pool in &pools {
        sample(
            &mut out,
            "madang_db_pool_max_connections",
            &format!("pool=\"{}\"", pool.name),
            pool.max,
        );
    }
    family(
        &mut out,
        "madang_build_info",
        "gauge",
        "Always 1; the running version is its label.",
    );
    sample(
        &mut out,
        "madang_build_info",
        &format!("version=\"{}\"", escape(env!("CARGO_PKG_VERSION"))),
        1,
    );
    Ok(out)
}

fn labels_of(kind: &RequestKind, le: Option<&str>) -> String {
    let mut labels = format!(
        "method=\"{}\",route=\"{}\",status=\"{}\"",
        escape(&kind.method),
        escape(&kind.route),
        kind.status
    );
    if let Some(le) = le {
        let _ = write!(labels, ",le=\"{le}\"");
    }
    labels
}

/// A label value as the format wants it: backslash, quote and newline
/// escaped.
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

fn family(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
}

fn sample(out: &mut String, name: &str, labels: &str, value: impl std::fmt::Display) {
    if labels.is_empty() {
        let _ = writeln!(out, "{name} {value}");
    } else {
        let _ = writeln!(out, "{name}{{{labels}}} {value}");
    }
}

fn gauge(out: &mut String, name: &str, help: &str, value: impl std::fmt::Display) {
    family(out, name, "gauge", help);
    sample(out, name, "", value);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_cumulative_and_end_with_the_count() {
        let metrics = Metrics::default();
        let kind = RequestKind {
            method: "GET".into(),
            route: "/ideas/{id}".into(),
            status: 200,
        };
        for seconds in [0.0005, 0.003, 0.003, 20.0] {
            metrics.record(kind.clone(), seconds);
        }
        let snapshot = metrics.snapshot();
        let latencies = &snapshot[&kind];
        assert_eq!(latencies.count, 4);
        assert_eq!(latencies.in_bucket[0], 1);
        assert_eq!(latencies.in_bucket[2], 2);
        // Slower than every bound: only in +Inf.
        assert_eq!(latencies.in_bucket.iter().sum::<u64>(), 3);
    }

    #[test]
    fn label_values_are_escaped() {
        assert_eq!(escape("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
        assert_eq!(
            readable_template("/pkg/{*__private__axum_nest_tail_param}"),
            "/pkg/{*path}"
        );
    }
}
