//! Personal data stays out of public text (PIPA): every public field is
//! checked with the shared detector before it is written, and a finding is
//! a field error naming what was found — never the data itself, so it does
//! not travel on into logs — and where it belongs instead.

use std::collections::BTreeMap;

use shared::personal_data::{PersonalDataKind, find};

use crate::{Error, Message, Result};

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
fn problem(text: &str, instead: Instead) -> Option<Message> {
    let first = find(text).into_iter().next()?;
    let kind = match first.kind {
        PersonalDataKind::MobilePhone => "personal_data.mobile_phone",
        PersonalDataKind::Landline => "personal_data.landline",
        PersonalDataKind::ResidentNumber => "personal_data.resident_number",
        PersonalDataKind::CardNumber => "personal_data.card_number",
        PersonalDataKind::Email => "personal_data.email",
        PersonalDataKind::AccountNumber => "personal_data.account_number",
    };
    let advice = match instead {
        Instead::PrivateDetails => "personal_data.advice_private_details",
        Instead::TicketThread => "personal_data.advice_ticket_thread",
        Instead::Remove => "personal_data.advice_remove",
    };
    Some(
        crate::msg!("personal_data.refused")
            .arg_key("kind", kind)
            .arg_key("advice", advice),
    )
}

/// Refuses the write when any of these public fields holds personal data,
/// with one error per field.
pub(crate) fn refuse(fields: &[(&str, &str)], instead: Instead) -> Result<()> {
    let errors: BTreeMap<String, Message> = fields
        .iter()
        .filter_map(|(field, text)| problem(text, instead).map(|p| ((*field).to_owned(), p)))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(errors))
    }
}
