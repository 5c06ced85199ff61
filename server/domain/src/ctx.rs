//! The context every use case runs in: the database and the clock.

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
}

impl Clock {
    /// The current instant according to this clock.
    #[must_use]
    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(at) => *at,
        }
    }
}

/// Shared by every request; cheap to clone (the connection is a pool).
#[derive(Clone, Debug)]
pub struct Ctx {
    /// The connection pool (SQLite or PostgreSQL).
    pub db: DatabaseConnection,
    /// The source of "now".
    pub clock: Clock,
}

impl Ctx {
    /// A context on the system clock.
    #[must_use]
    pub fn new(db: DatabaseConnection) -> Self {
        Self {
            db,
            clock: Clock::System,
        }
    }
}
