//! Insights: the managers' dashboard (admins) and the public scorecard.
//! Figures are computed from the rows of one range of UTC days, fetched by
//! indexed `created_at`/`resolved_at` ranges, so they stay fast on a large
//! board and mean exactly what their definitions below say.
//!
//! Definitions: a ticket's first-response time runs from filing to the first
//! public staff answer — a reply, or the public note staff must give when
//! they close or resolve a ticket nobody answered (so closing a ticket does
//! not stop its clock unanswered); internal notes are not answers. The
//! promise is met when that answer came by the stored deadline and breached
//! when it came later or has not come and the deadline passed; percentiles
//! are nearest-rank; commitments count by where the promises made in the
//! range stand now.

mod csv;
mod daily;
mod dashboard;
mod figures;
mod range;

pub use csv::{TABLES, csv};
pub use dashboard::{dashboard, scorecard};
