//! The OpenAPI 3.1 document served at `/api/v1/openapi.json`, generated from
//! the handlers' annotations so it cannot drift from the code.

use utoipa::OpenApi;

/// Lists every documented endpoint; each new handler is added here.
#[derive(OpenApi)]
#[openapi(
    info(title = "Madang REST API", description = "Ideas, votes, public customer threads and signed official answers."),
    paths(
        crate::rest::healthz,
        crate::rest::readyz,
        crate::rest::list_ideas,
        crate::rest::list_departments,
    ),
    tags(
        (name = "meta", description = "Probes and the API description"),
        (name = "ideas", description = "The idea board"),
        (name = "departments", description = "Teams and their first-response promises"),
    )
)]
pub struct ApiDoc;

/// The document as JSON.
pub async fn openapi_json() -> axum::Json<utoipa::openapi::OpenApi> {
    axum::Json(ApiDoc::openapi())
}
