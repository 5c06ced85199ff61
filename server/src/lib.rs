//! The `madang` server: configuration, start-up, the axum router with the
//! REST API, and the Leptos wiring. Business rules live in `domain`.

pub mod auth;
pub mod background;
pub mod backup;
pub mod client_address;
pub mod config;
pub mod connection_guard;
pub mod error;
pub mod extract;
pub mod http;
pub mod input_guard;
pub mod live;
pub mod mailer;
pub mod metrics;
pub mod openapi;
pub mod rest;
pub mod rpc_status;
pub mod secret;
pub mod security_headers;
pub mod startup;
pub mod state;
pub mod webhook_sender;

pub use config::{Cli, Command, ServeArgs};
pub use startup::{StartError, Started, start};
