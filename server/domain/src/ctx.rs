//! The context every use case runs in: the database and the clock.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, DatabaseTransaction, DbErr};

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

/// Minutes east of UTC in `zone` at an instant.
#[must_use]
pub fn utc_offset_minutes(zone: chrono_tz::Tz, at: DateTime<Utc>) -> i32 {
    use chrono::{Offset, TimeZone};
    zone.offset_from_utc_datetime(&at.naive_utc())
        .fix()
        .local_minus_utc()
        / 60
}

/// Madang is built for a Korean company; other companies say `--time-zone`.
pub const DEFAULT_TIME_ZONE: chrono_tz::Tz = chrono_tz::Asia::Seoul;

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
    /// The company's time zone: the days the dashboard counts, the dates of
    /// promises and the times in server-rendered pages (before the browser
    /// shows its own zone) are in it.
    pub time_zone: chrono_tz::Tz,
    /// The personal-information consent sign-up asks for.
    pub consent: crate::consent::Terms,
    /// The company whose customer centre this is, in Korean and English.
    pub company: shared::locale::Bilingual,
    /// Whether ideas and comments of members with an unconfirmed address
    /// wait for the confirmation before others see them.
    pub hold_unconfirmed_posts: bool,
    /// Reach (votes, followers, comments and "me too" marks others gave a
    /// customer's posts) from which staff are told a customer may be an
    /// opinion leader; 0 turns the suggestion off.
    pub opinion_leader_threshold: i64,
    /// Answers the review queue samples per staff member per week, so
    /// managers coach everyone, not only the busiest.
    pub reviews_per_week: i64,
    /// Whether the public scorecard shows each department's average review
    /// score (a company's choice to be open about its coaching).
    pub scorecard_quality: bool,
}

impl Settings {
    /// Settings for a site at `base_url`, every other setting at its default.
    #[must_use]
    pub fn for_site(base_url: impl Into<String>) -> Self {
        Self {
            base_url: base_url.into(),
            incident: IncidentRule::default(),
            allow_private_webhooks: false,
            time_zone: DEFAULT_TIME_ZONE,
            consent: crate::consent::Terms::default(),
            company: shared::locale::Bilingual::new("한빛텔레콤", "Hanbit Telecom"),
            hold_unconfirmed_posts: false,
            opinion_leader_threshold: 30,
            reviews_per_week: 3,
            scorecard_quality: false,
        }
    }

    /// Minutes east of UTC in the company's zone at an instant (seconds
    /// since the epoch), for pages that show local times.
    #[must_use]
    pub fn offset_minutes_at(&self, unix_seconds: i64) -> i32 {
        DateTime::from_timestamp(unix_seconds, 0)
            .map_or(0, |at| utc_offset_minutes(self.time_zone, at))
    }

    /// Today's date in the company's zone.
    #[must_use]
    pub fn today(&self, now: DateTime<Utc>) -> chrono::NaiveDate {
        now.with_timezone(&self.time_zone).date_naive()
    }

    /// The instant a day of the company's calendar begins (the earliest
    /// valid local time when a zone skips midnight).
    #[must_use]
    pub fn start_of(&self, day: chrono::NaiveDate) -> DateTime<Utc> {
        use chrono::TimeZone;
        let midnight = day.and_time(chrono::NaiveTime::MIN);
        self.time_zone
            .from_local_datetime(&midnight)
            .earliest()
            .map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc))
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
    /// `SQLite` only: the one connection write transactions take turns on
    /// (see `db::connect_writer`).
    writer: Option<DatabaseConnection>,
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
            writer: None,
            clock: Clock::System,
            settings,
        }
    }

    /// The same context with write transactions queued on `writer`.
    #[must_use]
    pub fn with_writer(self, writer: Option<DatabaseConnection>) -> Self {
        Self { writer, ..self }
    }

    /// The connection `SQLite` write transactions queue for, if any.
    pub(crate) fn writer(&self) -> Option<&DatabaseConnection> {
        self.writer.as_ref()
    }

    /// Begins a transaction that will write (`db::begin_write`), on the
    /// writer connection where there is one.
    pub async fn begin_write(&self) -> Result<DatabaseTransaction, DbErr> {
        crate::db::begin_write(self.writer.as_ref().unwrap_or(&self.db)).await
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
