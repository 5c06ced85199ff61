//! Insights: the managers' dashboard (admins) and the public scorecard.
//! Figures are computed from the rows of one range of the company's days,
//! fetched by indexed `created_at`/`resolved_at` ranges, so they mean
//! exactly what their definitions below say. Two figures would grow with
//! the whole board's history and are kept fast another exact way: a
//! finished day's activity is stored once counted (`daily`), and a long
//! range's trending ideas come from the ideas' standing vote counts
//! (`trending`).
//!
//! Definitions (the dashboard and scorecard pages say the same in words):
//! - Each department promise is a response clock (`ticket::clock`): one
//!   starts when a ticket is filed, one at each hand-off (the receiving
//!   department's; the hand-off note is not an answer) and one when the
//!   customer writes again after an answer (next reply time). A clock stops
//!   at a public answer from its department, at a hand-off, or when the
//!   customer closes the ticket (withdrawn, not counted).
//! - Per department, a clock started in the range is met when it stopped
//!   by its deadline, breached when it stopped later or still runs past it;
//!   clocks still within their time are not counted yet. Answer minutes are
//!   those of the clocks that ended in an answer.
//! - Staff cannot close or resolve a ticket someone waits on without a
//!   public note; the note is the answer and counts like any other.
//! - The overall first-response time runs from filing to the first answer.
//! - Staff's own tickets (and their clocks, promises and ratings), votes and
//!   "me too" marks are left out of every figure; daily activity counts
//!   customers only.
//! - Percentiles are nearest-rank; commitments count by where the promises
//!   made in the range stand now.

mod csv;
mod daily;
mod dashboard;
mod figures;
mod range;
mod trending;

pub use csv::{TABLES, csv};
pub use dashboard::{dashboard, scorecard};
