//! The state every handler shares. Its own module, so the REST handlers and
//! the router that mounts them both depend on it rather than on each other.

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

/// What handlers share: the domain context and the Leptos options.
#[derive(Clone, Debug)]
pub struct AppState {
    /// Database and clock for the domain layer.
    pub ctx: domain::Ctx,
    /// Where the compiled client lives and what it is called.
    pub leptos: LeptosOptions,
    /// This instance's fan-out of the event log.
    pub hub: crate::live::Hub,
    /// The Content-Security-Policy and related headers.
    pub security: crate::security_headers::SecurityPolicy,
    /// Whose `X-Forwarded-For` names the client.
    pub proxies: crate::client_address::TrustedProxies,
    /// Whether start-up work (the search index catching up) is done;
    /// `/readyz` answers 503 until then.
    pub ready: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// Request counts and latencies for `/metrics`.
    pub metrics: std::sync::Arc<crate::metrics::Metrics>,
    /// The bearer token `/metrics` on the main address asks for; without
    /// one it is not served there.
    pub metrics_token: Option<std::sync::Arc<str>>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}
