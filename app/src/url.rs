//! Building links with query strings, so every filter of the board is a
//! plain link that works without JavaScript.

use shared::BoardQuery;

/// Percent-encodes a URL component (RFC 3986 unreserved characters and `/`
/// kept).
#[must_use]
pub fn encode_component(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for byte in raw.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The board's address for a query: sort always, other filters when set.
#[must_use]
pub fn board_href(query: &BoardQuery) -> String {
    let mut href = format!("/?sort={}", query.sort.as_str());
    let mut add = |key: &str, value: &str| {
        href.push('&');
        href.push_str(key);
        href.push('=');
        href.push_str(&encode_component(value));
    };
    if let Some(q) = &query.q {
        add("q", q);
    }
    if let Some(status) = query.status {
        add("status", status.as_str());
    }
    if let Some(category) = &query.category {
        add("category", category);
    }
    if let Some(tag) = &query.tag {
        add("tag", tag);
    }
    if let Some(cursor) = &query.cursor {
        add("cursor", cursor);
    }
    href
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn board_links_keep_every_filter_encoded() {
        let query = BoardQuery {
            q: Some("요금 제".to_owned()),
            tag: Some("5g&more".to_owned()),
            status: Some(shared::IdeaStatus::Planned),
            ..BoardQuery::default()
        };
        assert_eq!(
            board_href(&query),
            "/?sort=trending&q=%EC%9A%94%EA%B8%88%20%EC%A0%9C&status=planned&tag=5g%26more"
        );
    }
}
