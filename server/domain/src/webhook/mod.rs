//! Webhooks for integrations: admins register a URL and the event types it
//! wants; an outbox reads the event log (the same one live pages use) and
//! queues one delivery per event and subscribed webhook; a worker in the
//! server posts each delivery signed with HMAC-SHA256, retries with growing
//! delays, and records every try with the receiver's status code. The
//! request that caused the event only appended to the log, so a slow or
//! dead receiver never slows it.

mod admin;
mod outbox;
mod payload;
mod target;

pub use admin::{create, delete, deliveries, list, ping};
pub use outbox::{
    Due, LOG_RETENTION_DAYS, RETRY_DELAYS_SECONDS, TryOutcome, claim_due, prune, queue_new_events,
    record_try,
};
pub use payload::{DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signature};
pub use target::is_public_address;
