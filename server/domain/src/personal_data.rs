//! Personal data stays out of public text (PIPA): every public field is
//! checked with the shared detector before it is written, and a finding is
//! a field error naming what was found — never the data itself, so it does
//! not travel on into logs — and where it belongs instead.

use std::collections::BTreeMap;

use shared::personal_data::find;

use crate::{Error, Result};

/// Where a refused finding should go instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Instead {
    /// The ticket's private details field of the same form.
    PrivateDetails,
    /// A reply in a ticket: the ticket's private details already reach staff.
    TicketThread,
    /// Nowhere: ideas and comments are public through and through.
    Remove,
}

/// The error for one public field, if it holds personal data.
fn problem(text: &str, instead: Instead) -> Option<String> {
    let first = find(text).into_iter().next()?;
    let advice = match instead {
        Instead::PrivateDetails => "move it to the private details, which only you and staff see",
        Instead::TicketThread => {
            "remove it: replies are public; staff see your ticket's private details"
        }
        Instead::Remove => "remove it: everything here is public",
    };
    Some(format!(
        "contains {} — personal data must not be public; {advice}",
        first.kind.label()
    ))
}

/// Refuses the write when any of these public fields holds personal data,
/// with one error per field.
pub(crate) fn refuse(fields: &[(&str, &str)], instead: Instead) -> Result<()> {
    let errors: BTreeMap<String, String> = fields
        .iter()
        .filter_map(|(field, text)| problem(text, instead).map(|p| ((*field).to_owned(), p)))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(errors))
    }
}
