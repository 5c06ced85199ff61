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

/// A local path with `welcome=1` added, for a new member's first page.
#[must_use]
pub fn with_welcome(path: &str) -> String {
    let (path, fragment) = path
        .split_once('#')
        .map_or((path, None), |(p, f)| (p, Some(f)));
    let joiner = if path.contains('?') { '&' } else { '?' };
    let mut href = format!("{path}{joiner}welcome=1");
    if let Some(fragment) = fragment {
        href.push('#');
        href.push_str(fragment);
    }
    href
}

/// What a visitor was doing when sent to sign in or up (`next`, `vote`,
/// `follow`), as a query string to carry between the two pages.
#[must_use]
pub fn carried_query(get: impl Fn(&str) -> Option<String>) -> String {
    let pairs: Vec<String> = CARRIED
        .iter()
        .filter_map(|key| get(key).map(|value| format!("{key}={}", encode_component(&value))))
        .collect();
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}

/// The query keys sign-in and sign-up carry through.
pub const CARRIED: [&str; 3] = ["next", "vote", "follow"];

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
    fn a_welcome_joins_the_query_and_keeps_the_fragment() {
        assert_eq!(with_welcome("/"), "/?welcome=1");
        assert_eq!(with_welcome("/ideas/3"), "/ideas/3?welcome=1");
        assert_eq!(with_welcome("/?sort=new#top"), "/?sort=new&welcome=1#top");
    }

    #[test]
    fn what_the_visitor_was_doing_is_carried_between_sign_in_and_sign_up() {
        let query = |key: &str| match key {
            "next" => Some("/ideas/7".to_owned()),
            "vote" => Some("7".to_owned()),
            _ => None,
        };
        assert_eq!(carried_query(query), "?next=/ideas/7&vote=7");
        assert_eq!(carried_query(|_| None), "");
    }

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
