//! The `OpenAPI` 3.1 document served at `/api/v1/openapi.json`, generated from
//! the handlers' annotations so it cannot drift from the code.

use std::sync::OnceLock;

use serde_json::Value;
use utoipa::OpenApi;

mod contract;

/// Lists every documented endpoint; each new handler is added here.
#[derive(OpenApi)]
#[openapi(
    info(title = "Madang REST API", description = "Ideas, votes, public customer threads and signed official answers."),
    paths(
        crate::rest::meta::healthz,
        crate::rest::meta::readyz,
        crate::rest::ideas::list_ideas,
        crate::rest::ideas::get_idea,
        crate::rest::ideas::similar_ideas,
        crate::rest::ideas::create_idea,
        crate::rest::ideas::list_categories,
        crate::rest::ideas::create_category,
        crate::rest::ideas::list_comments,
        crate::rest::ideas::create_comment,
        crate::rest::ideas::edit_comment,
        crate::rest::ideas::delete_comment,
        crate::rest::ideas::change_status,
        crate::rest::ideas::merge_idea,
        crate::rest::ideas::unmerge_idea,
        crate::rest::ideas::edit_idea,
        crate::rest::ideas::lock_idea,
        crate::rest::ideas::unlock_idea,
        crate::rest::ideas::pin_idea,
        crate::rest::ideas::unpin_idea,
        crate::rest::ideas::cast_vote,
        crate::rest::ideas::retract_vote,
        crate::rest::ideas::cast_vote_on_behalf,
        crate::rest::ideas::retract_vote_on_behalf,
        crate::rest::ideas::follow_idea,
        crate::rest::ideas::unfollow_idea,
        crate::rest::tickets::create_ticket,
        crate::rest::tickets::list_tickets,
        crate::rest::tickets::get_ticket,
        crate::rest::tickets::reply,
        crate::rest::tickets::transfer,
        crate::rest::tickets::change_status,
        crate::rest::tickets::assign,
        crate::rest::tickets::me_too,
        crate::rest::tickets::withdraw_me_too,
        crate::rest::tickets::rate,
        crate::rest::tickets::list_commitments,
        crate::rest::tickets::incidents,
        crate::rest::moderation::create_report,
        crate::rest::moderation::list_reports,
        crate::rest::moderation::dismiss_report,
        crate::rest::moderation::hide,
        crate::rest::moderation::unhide,
        crate::live::events,
        crate::rest::insight::dashboard,
        crate::rest::insight::dashboard_csv,
        crate::rest::insight::scorecard,
        crate::rest::moderation::held_posts,
        crate::rest::moderation::word_list,
        crate::rest::moderation::replace_word_list,
        crate::rest::moderation::audit_log,
        crate::rest::moderation::suspend,
        crate::rest::moderation::lift_suspension,
        crate::rest::tickets::answer_kit,
        crate::rest::tickets::list_canned,
        crate::rest::tickets::create_canned,
        crate::rest::tickets::update_canned,
        crate::rest::tickets::delete_canned,
        crate::rest::tickets::list_guidelines,
        crate::rest::tickets::add_guideline,
        crate::rest::tickets::delete_guideline,
        crate::rest::tickets::update_commitment,
        crate::rest::tickets::pending_remedies,
        crate::rest::tickets::approve_remedy,
        crate::rest::tickets::reject_remedy,
        crate::rest::tickets::remedy_limits,
        crate::rest::tickets::set_remedy_limit,
        crate::rest::announcements::list_announcements,
        crate::rest::announcements::get_announcement,
        crate::rest::announcements::publish_announcement,
        crate::rest::accounts::notifications,
        crate::rest::accounts::mark_notifications_read,
        crate::rest::accounts::notification_settings,
        crate::rest::accounts::update_notification_settings,
        crate::rest::accounts::unsubscribe,
        crate::rest::departments::list_departments,
        crate::rest::departments::create_department,
        crate::rest::departments::update_department,
        crate::rest::accounts::sign_up,
        crate::rest::accounts::sign_in,
        crate::rest::accounts::sign_out,
        crate::rest::accounts::me,
        crate::rest::accounts::list_sessions,
        crate::rest::accounts::sign_out_everywhere,
        crate::rest::accounts::create_token,
        crate::rest::accounts::list_tokens,
        crate::rest::accounts::revoke_token,
        crate::rest::accounts::export,
        crate::rest::accounts::delete_account,
        crate::rest::accounts::update_profile,
        crate::rest::admin::update_user,
        crate::rest::members::profile,
        crate::rest::onboarding::request_reset,
        crate::rest::onboarding::complete_reset,
        crate::rest::onboarding::invite,
        crate::rest::onboarding::accept_invite,
        crate::rest::admin::outbox,
        crate::rest::webhooks::list_webhooks,
        crate::rest::webhooks::create_webhook,
        crate::rest::webhooks::delete_webhook,
        crate::rest::webhooks::ping_webhook,
        crate::rest::webhooks::webhook_deliveries,
    ),
    // Schemas only parameters refer to (bodies bring their own).
    components(schemas(shared::IdeaSort)),
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
        (name = "webhooks", description = "Signed deliveries of events to integrations, with retries and a delivery log"),
    )
)]
pub struct ApiDoc;

/// The document as JSON: the handlers' annotations plus what the layers in
/// front of every handler add (see [`contract`]). Built once.
pub async fn openapi_json() -> axum::Json<&'static Value> {
    static DOCUMENT: OnceLock<Value> = OnceLock::new();
    axum::Json(DOCUMENT.get_or_init(document))
}

/// The complete document.
#[must_use]
pub fn document() -> Value {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
    contract::apply(&mut doc);
    doc
}
