//! Demo data for a fictional telecom, Hanbit Telecom, in Korean and English:
//! departments, staff, customers, ideas in every status with votes, comments
//! and signed explanations, and tickets in every state. Loaded on the first
//! start of an empty database so a new user sees a living board at once.

mod content;
mod crm;
mod ideas;
mod load;
mod people;
mod post;
mod story;
mod tickets;

pub use load::{is_empty, load};
pub use people::{COMPANY_NAME, DEMO_PASSWORD, DEMO_SIGN_INS, DemoSignIn};
