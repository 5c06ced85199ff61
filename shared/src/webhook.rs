//! Webhooks on the wire: what admins register, and the delivery log that
//! shows what each receiver answered.

use serde::{Deserialize, Serialize};

/// The event types a webhook can subscribe to.
pub const WEBHOOK_EVENT_TYPES: [&str; 10] = [
    "idea.created",
    "idea.voted",
    "idea.status_changed",
    "comment.changed",
    "ticket.opened",
    "ticket.replied",
    "ticket.status_changed",
    "ticket.transferred",
    "commitment.kept",
    "commitment.overdue",
];

/// `POST /api/v1/webhooks`
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewWebhook {
    /// Where deliveries are `POSTed`: an `http` or `https` URL.
    pub url: String,
    /// What it is for (shown to admins), up to 200 characters.
    #[serde(default)]
    pub description: String,
    /// Event types from `WEBHOOK_EVENT_TYPES`; at least one.
    pub events: Vec<String>,
}

/// A registered webhook. The secret is shown once, when it is created.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookView {
    /// Its id.
    pub id: i64,
    /// The receiver's URL.
    pub url: String,
    /// What it is for.
    pub description: String,
    /// Subscribed event types.
    pub events: Vec<String>,
    /// The HMAC-SHA256 key for `X-Madang-Signature-256`; only in the answer
    /// to its creation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// Deliveries that reached the receiver.
    pub delivered: i64,
    /// Deliveries still being tried.
    pub pending: i64,
    /// Deliveries given up after every retry.
    pub failed: i64,
}

/// One try at a delivery.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookAttemptView {
    /// 1 for the first try.
    pub attempt: i64,
    /// RFC 3339 UTC.
    pub at: String,
    /// The receiver's HTTP status, when it answered.
    pub status_code: Option<i64>,
    /// Why it failed without an answer (timeout, refused connection).
    pub error: Option<String>,
    /// How long the try took.
    pub duration_ms: i64,
}

vocabulary! {
    /// Where one delivery to a webhook stands.
    pub enum DeliveryStatus (UnknownDeliveryStatus, "delivery status") {
        /// Waiting for its next try.
        Pending = "pending",
        /// The receiver answered 2xx.
        Delivered = "delivered",
        /// Every try failed, or the webhook was removed.
        Failed = "failed",
    }
}

/// One event on its way to a webhook, with every try.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookDeliveryView {
    /// Delivery id (also the `X-Madang-Delivery` header).
    pub id: i64,
    /// `idea.voted`, `ticket.replied`…
    pub event: String,
    /// Where it stands.
    pub status: DeliveryStatus,
    /// Tries so far.
    pub attempts: i64,
    /// The last HTTP status the receiver answered.
    pub last_status_code: Option<i64>,
    /// When the next try is due (pending only), RFC 3339 UTC.
    pub next_attempt_at: Option<String>,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// The JSON body sent.
    pub payload: String,
    /// Every try, oldest first.
    pub tries: Vec<WebhookAttemptView>,
}
