//! The idea board: posting ideas, listing them in a stable, paginated
//! order, one idea with its signed timeline, and the trending formula.
//! Other modules reach the stored rows through [`store`] only, so the board
//! can read comments, votes and follows without an import cycle.

mod category;
mod command;
pub mod store;
pub(crate) mod system_note;
mod view;

pub use category::{categories, create_category};
pub use command::{change_status, create};
pub use store::{TRENDING_HALF_LIFE_DAYS, trending_score};
pub use view::{get, list_board};
