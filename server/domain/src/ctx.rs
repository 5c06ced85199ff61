//! The context every use case runs in: the database and the clock.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

/// Where "now" comes from, so deadline and ranking logic can be tested with a
/// fixed time.
#[derive(Clone, Debug)]
pub enum Clock {
    /// The machine's clock.
    System,
    /// Always the same instant (tests, data generators).
    Fixed(DateTime<Utc>),
    /// The machine's clock moved forward by a number of seconds that a test
    /// can change while the server runs (edit windows, deadlines, overdue
    /// promises), without waiting for real time to pass.
    Shifted(Arc<AtomicI64>),
}

impl Clock {
    /// The current instant according to this clock.
    #[must_use]
    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(at) => *at,
            Clock::Shifted(seconds) => {
                Utc::now() + chrono::Duration::seconds(seconds.load(Ordering::Relaxed))
            }
        }
    }
}

/// When "me too" marks become an incident: `threshold` marks within
/// `window_minutes` on one department's tickets raise a banner in the
/// staff queue (many customers hit by one outage at once).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IncidentRule {
    /// Marks needed.
    pub threshold: u32,
    /// Within this many minutes.
    pub window_minutes: u32,
}

impl Default for IncidentRule {
    fn default() -> Self {
        Self {
            threshold: 5,
            window_minutes: 30,
        }
    }
}

/// Site-wide settings use cases need.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The public URL of the site, without a trailing slash.
    pub base_url: String,
    /// When "me too" marks raise an incident banner.
    pub incident: IncidentRule,
    /// Whether webhooks may point at loopback, private and link-local
    /// addresses (tests, or a receiver on the company network). Off, an
    /// admin cannot use webhooks to probe the server's own network.
    pub allow_private_webhooks: bool,
}

impl Settings {
    /// Settings for a site at `base_url`, every other setting at its default.
    #[must_use]
    pub fn for_site(base_url: impl Into<String>) -> Self {
        Self {
            base_url: base_url.into(),
            incident: IncidentRule::default(),
            allow_private_webhooks: false,
        }
    }

    /// Cookies get the `Secure` flag when the site is served over https.
    #[must_use]
    pub fn secure_cookies(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    /// `scheme://host[:port]`: what browsers send as `Origin`.
    #[must_use]
    pub fn origin(&self) -> String {
        match self.base_url.split_once("://") {
            Some((scheme, rest)) => {
                format!("{scheme}://{}", rest.split('/').next().unwrap_or_default())
            }
            None => self.base_url.clone(),
        }
    }
}

/// Shared by every request; cheap to clone (the connection is a pool).
#[derive(Clone, Debug)]
pub struct Ctx {
    /// The connection pool (`SQLite` or `PostgreSQL`).
    pub db: DatabaseConnection,
    /// The source of "now".
    pub clock: Clock,
    /// Site-wide settings.
    pub settings: Settings,
}

impl Ctx {
    /// The same context on another clock.
    #[must_use]
    pub fn with_clock(self, clock: Clock) -> Self {
        Self { clock, ..self }
    }

    /// A context on the system clock.
    #[must_use]
    pub fn new(db: DatabaseConnection, settings: Settings) -> Self {
        Self {
            db,
            clock: Clock::System,
            settings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_origin_is_scheme_host_and_port() {
        let settings = Settings::for_site("https://support.example.com:8443/madang");
        assert_eq!(settings.origin(), "https://support.example.com:8443");
        assert!(settings.secure_cookies());
        assert!(!Settings::for_site("http://127.0.0.1:3000").secure_cookies());
    }
}
