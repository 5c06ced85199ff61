//! Answer quality reviews: managers (admins) score staff members' public
//! answers against the company's numbered guidelines and coach them; the
//! reviewed employee reads the review and may reply. Reviews never reach
//! customers or any public surface, and every review is audited.
//!
//! - `answers`: what counts as a public staff answer, and how a reviewer
//!   reads one;
//! - `queue`: the fair weekly sample of answers still to review;
//! - `reviews`: writing, reading and replying to reviews;
//! - `quality`: the dashboard's and scorecard's figures.

mod answers;
mod quality;
mod queue;
mod reviews;

pub(crate) use quality::quality;
pub use queue::queue;
pub use reviews::{MAX_CHARS, create, draft, get, list, reply};
