//! The admin console: departments, staff invitations, the mail outbox, webhooks.

use leptos::prelude::*;
use shared::ApiError;
use shared::department::Department;

#[cfg(feature = "ssr")]
use super::{caller, ctx, problem};

/// Every department with its first-response promise.
#[server(prefix = "/rpc")]
pub async fn list_departments() -> Result<Vec<Department>, ApiError> {
    domain::department::list(&ctx()?).await.map_err(problem)
}

/// The mail outbox (admins).
#[server(prefix = "/rpc")]
pub async fn outbox() -> Result<Vec<shared::account::OutboxMail>, ApiError> {
    domain::mail::list_outbox(&ctx()?, &caller().actor, 200)
        .await
        .map_err(problem)
}

/// Invites a staff member by e-mail (admins).
#[server(prefix = "/rpc")]
pub async fn invite_staff(
    email: String,
    role: shared::Role,
    #[server(default)] department: Option<String>,
    #[server(default)] title: Option<String>,
) -> Result<shared::account::InviteCreated, ApiError> {
    let input = shared::account::CreateInvite {
        email,
        role,
        department: department.filter(|d| !d.is_empty()),
        title: title.filter(|t| !t.is_empty()),
    };
    domain::onboarding::invite(&ctx()?, &caller().actor, input)
        .await
        .map_err(problem)
}

/// Creates a department (admins).
#[server(prefix = "/rpc")]
pub async fn create_department(
    slug: String,
    name: String,
    #[server(default)] name_en: String,
    #[server(default)] description: String,
    #[server(default)] description_en: String,
    first_response_minutes: i64,
) -> Result<Department, ApiError> {
    // Around the clock until an admin sets hours in the edit form.
    let input = shared::department::DepartmentInput {
        slug,
        name,
        name_en,
        description,
        description_en,
        handle: String::new(),
        first_response_minutes,
        business_hours: None,
        time_zone: None,
    };
    domain::department::create(&ctx()?, &caller().actor, input)
        .await
        .map_err(problem)
}

pub use department_update::{UpdateDepartment, update_department};

/// The edit form sends every field of a department, hours included.
#[expect(
    clippy::too_many_arguments,
    reason = "one argument per form field; a struct would only rename them"
)]
mod department_update {
    #[cfg(feature = "ssr")]
    use super::{caller, ctx, problem};
    use leptos::prelude::*;
    use shared::ApiError;
    use shared::department::Department;

    /// Changes a department's names, description, promise or hours (admins);
    /// the slug stays, and so does the handle.
    #[server(prefix = "/rpc")]
    pub async fn update_department(
        slug: String,
        name: String,
        #[server(default)] name_en: String,
        #[server(default)] description: String,
        #[server(default)] description_en: String,
        handle: String,
        first_response_minutes: i64,
        #[server(default)] business_hours: Option<String>,
        #[server(default)] time_zone: Option<String>,
    ) -> Result<Department, ApiError> {
        let input = shared::department::DepartmentInput {
            slug: slug.clone(),
            name,
            name_en,
            description,
            description_en,
            handle,
            first_response_minutes,
            business_hours,
            time_zone,
        };
        domain::department::update(&ctx()?, &caller().actor, &slug, input)
            .await
            .map_err(problem)
    }
}

/// Registered webhooks with their delivery counts (admins).
#[server(prefix = "/rpc")]
pub async fn list_webhooks() -> Result<Vec<shared::webhook::WebhookView>, ApiError> {
    domain::webhook::list(&ctx()?, &caller().actor)
        .await
        .map_err(problem)
}

/// Registers a webhook (admins); the answer carries its secret, once.
#[server(prefix = "/rpc")]
pub async fn create_webhook(
    url: String,
    description: String,
    events: Option<Vec<String>>,
) -> Result<shared::webhook::WebhookView, ApiError> {
    let input = shared::webhook::NewWebhook {
        url,
        description,
        events: events.unwrap_or_default(),
    };
    domain::webhook::create(&ctx()?, &caller().actor, input)
        .await
        .map_err(problem)
}

/// Removes a webhook (admins).
#[server(prefix = "/rpc")]
pub async fn delete_webhook(id: i64) -> Result<(), ApiError> {
    domain::webhook::delete(&ctx()?, &caller().actor, id)
        .await
        .map_err(problem)
}

/// Sends a test delivery (admins).
#[server(prefix = "/rpc")]
pub async fn ping_webhook(id: i64) -> Result<(), ApiError> {
    domain::webhook::ping(&ctx()?, &caller().actor, id)
        .await
        .map(|_| ())
        .map_err(problem)
}

/// A webhook's newest deliveries with every try (admins).
#[server(prefix = "/rpc")]
pub async fn webhook_deliveries(
    id: i64,
) -> Result<Vec<shared::webhook::WebhookDeliveryView>, ApiError> {
    domain::webhook::deliveries(&ctx()?, &caller().actor, id, 20)
        .await
        .map_err(problem)
}

/// The holiday calendar (public).
#[server(prefix = "/rpc")]
pub async fn list_holidays() -> Result<Vec<shared::department::Holiday>, ApiError> {
    domain::holiday::list(&ctx()?).await.map_err(problem)
}

/// Adds a day to the holiday calendar (admins).
#[server(prefix = "/rpc")]
pub async fn add_holiday(
    day: String,
    name: String,
    #[server(default)] name_en: String,
) -> Result<shared::department::Holiday, ApiError> {
    let input = shared::department::HolidayInput { day, name, name_en };
    domain::holiday::add(&ctx()?, &caller().actor, input)
        .await
        .map_err(problem)
}

/// Removes a day from the holiday calendar (admins).
#[server(prefix = "/rpc")]
pub async fn remove_holiday(id: i64) -> Result<(), ApiError> {
    domain::holiday::remove(&ctx()?, &caller().actor, id)
        .await
        .map_err(problem)
}
