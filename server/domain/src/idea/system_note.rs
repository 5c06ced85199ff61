//! Notes the system writes into an idea's timeline (a merge, an unmerge):
//! stored as `merged_into:12` and worded for each reader.

/// The Markdown of a note the system wrote in an idea's timeline
/// (`merged_into:12`, `unmerged_from:12`), in a reader's language.
pub(crate) fn markdown(note: &str, locale: shared::Locale) -> Option<String> {
    let (kind, number) = note.split_once(':')?;
    let number: i64 = number.parse().ok()?;
    let key = match kind {
        "merged_into" => "timeline.merged_into",
        "unmerged_from" => "timeline.unmerged_from",
        _ => return None,
    };
    Some(crate::Message::new(key).arg("number", number).text(locale))
}
