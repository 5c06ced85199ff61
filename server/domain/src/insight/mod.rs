//! Insights: the managers' dashboard (admins) and the public scorecard.
//! Figures are computed from the rows of one range of UTC days, fetched by
//! indexed `created_at`/`resolved_at` ranges, so they stay fast on a large
//! board and mean exactly what their definitions below say.
//!
//! Definitions: a ticket's first-response time runs from filing to the first
//! staff answer; the promise is met when that answer came by the stored
//! deadline and breached when it came later or has not come and the deadline
//! passed; percentiles are nearest-rank; commitments count by where the
//! promises made in the range stand now.

mod csv;
mod daily;
mod dashboard;
mod figures;
mod range;

pub use csv::{TABLES, csv};
pub use dashboard::{dashboard, scorecard};
