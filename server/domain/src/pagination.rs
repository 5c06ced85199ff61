//! Pages of long lists, in one place: the page size rule, the two cursor
//! forms, and fetching one row more than the page to know whether another
//! page follows.
//!
//! Lists in a stable order (newest first) use keyset cursors — the last id
//! seen — so a page never repeats or skips a row when new rows arrive.
//! Lists whose order moves while they are read (by deadline) use an offset
//! cursor, `o.N`.

use shared::page::{DEFAULT_PAGE_LIMIT, PAGE_LIMIT_RANGE};

use crate::{Error, Result};

/// The page size asked for, checked: 1–100, 20 when absent.
pub(crate) fn page_limit(requested: Option<u64>) -> Result<u64> {
    let limit = requested.unwrap_or(DEFAULT_PAGE_LIMIT);
    if !PAGE_LIMIT_RANGE.contains(&limit) {
        return Err(Error::invalid(
            "limit",
            crate::msg!("pagination.must_between_1_100"),
        ));
    }
    Ok(limit)
}

/// The answer to a cursor this list did not hand out.
pub(crate) fn foreign_cursor() -> Error {
    Error::invalid(
        "cursor",
        crate::msg!("pagination.not_cursor_list_start_again"),
    )
}

/// The cursor sent, if any (an empty one counts as none).
fn sent(raw: Option<&str>) -> Option<&str> {
    raw.filter(|c| !c.is_empty())
}

/// A keyset cursor: the last id of the previous page, after `prefix`.
pub(crate) fn id_before(raw: Option<&str>, prefix: &str) -> Result<Option<i32>> {
    sent(raw)
        .map(|raw| {
            raw.strip_prefix(prefix)
                .and_then(|id| id.parse().ok())
                .ok_or_else(foreign_cursor)
        })
        .transpose()
}

/// An offset cursor, `o.N`; 0 without one.
pub(crate) fn offset(raw: Option<&str>) -> Result<u64> {
    sent(raw).map_or(Ok(0), |raw| {
        raw.strip_prefix("o.")
            .and_then(|n| n.parse().ok())
            .ok_or_else(foreign_cursor)
    })
}

/// The cursor that continues after `offset` rows of `limit`-row pages.
pub(crate) fn next_offset(offset: u64, limit: u64) -> String {
    format!("o.{}", offset + limit)
}

/// Rows fetched with `limit + 1`: the page, and the cursor of the next
/// one (made from the page's last row) when there is more.
pub(crate) fn split_page<T>(
    mut rows: Vec<T>,
    limit: u64,
    cursor: impl FnOnce(&T) -> String,
) -> (Vec<T>, Option<String>) {
    let more = rows.len() as u64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let next = if more { rows.last().map(cursor) } else { None };
    (rows, next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_with_one_row_more_has_a_next_cursor() {
        let (page, next) = split_page(vec![9, 8, 7], 2, i32::to_string);
        assert_eq!(page, vec![9, 8]);
        assert_eq!(next.as_deref(), Some("8"));
        let (page, next) = split_page(vec![9, 8], 2, i32::to_string);
        assert_eq!(page, vec![9, 8]);
        assert_eq!(next, None);
    }

    #[test]
    fn cursors_read_back_and_foreign_ones_are_refused() {
        assert_eq!(id_before(Some("n.41"), "n.").ok(), Some(Some(41)));
        assert_eq!(id_before(Some(""), "n.").ok(), Some(None));
        assert!(id_before(Some("o.41"), "n.").is_err());
        assert_eq!(offset(Some(&next_offset(20, 20))).ok(), Some(40));
        assert!(offset(Some("40")).is_err());
        assert!(page_limit(Some(0)).is_err());
        assert_eq!(page_limit(None).ok(), Some(20));
    }
}
