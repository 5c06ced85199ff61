//! The `OpenAPI` 3.1 document served at `/api/v1/openapi.json`, generated from
//! the handlers' annotations so it cannot drift from the code.

use serde_json::Value;
use utoipa::OpenApi;

mod contract;

/// What the document says besides its paths, which the REST modules
/// register with their routes (`rest::routes`).
#[derive(OpenApi)]
#[openapi(
    info(title = "Madang REST API", description = "Ideas, votes, public customer threads and signed official answers."),
    // The probes live outside `/api/v1`, beside the router's other layers.
    paths(crate::rest::meta::healthz, crate::rest::meta::readyz),
    // Schemas only parameters refer to (bodies bring their own).
    components(schemas(shared::IdeaSort, shared::ApiError)),
    tags(
        (name = "meta", description = "Probes and the API description"),
        (name = "ideas", description = "The idea board"),
        (name = "announcements", description = "Staff posts that deliver ideas"),
        (name = "tickets", description = "Public complaint, inquiry, suggestion and request threads"),
        (name = "moderation", description = "Reports, hiding with a public reason, the audit log"),
        (name = "live", description = "Server-sent events for live pages"),
        (name = "insight", description = "The managers' dashboard and the public scorecard"),
        (name = "departments", description = "Teams and their first-response promises"),
        (name = "accounts", description = "Sign-up, sign-in, sessions, API tokens, password resets"),
        (name = "admin", description = "Staff invitations and the mail outbox"),
        (name = "answer-reviews", description = "Answer quality reviews: managers score public staff answers against the guidelines and coach; the reviewed employee reads and replies (never public)"),
        (name = "customers", description = "The social CRM: one customer's whole history, staff notes and tags (staff only)"),
        (name = "webhooks", description = "Signed deliveries of events to integrations, with retries and a delivery log"),
    )
)]
pub struct ApiDoc;

/// The complete document: this description, the routes' entries below
/// `/api/v1`, and what the layers in front of every handler add (see
/// [`contract`]).
#[must_use]
pub fn document(routes: utoipa::openapi::OpenApi) -> Value {
    let mut doc =
        serde_json::to_value(ApiDoc::openapi().nest("/api/v1", routes)).unwrap_or_default();
    contract::apply(&mut doc);
    doc
}
