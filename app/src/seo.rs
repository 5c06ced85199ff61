//! What search engines are told: private pages (accounts, staff and admin
//! tools) are not indexed; public lists describe themselves.

/// Pages only a member or staff sees, and the forms around accounts: no
/// search engine should list them.
const PRIVATE_PREFIXES: [&str; 17] = [
    "/me",
    "/notifications",
    "/staff",
    "/admin",
    "/dashboard",
    "/moderation",
    "/commitments",
    "/signin",
    "/signup",
    "/forgot",
    "/reset",
    "/invite",
    "/unsubscribe",
    "/tickets/new",
    "/ideas/new",
    "/verify",
    "/search",
];

/// Whether a path is one of the private pages (a prefix up to a `/` or the end).
#[must_use]
pub fn is_private_path(path: &str) -> bool {
    PRIVATE_PREFIXES.iter().any(|prefix| {
        path.strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?']))
    })
}

/// The path of the request being rendered (server side; empty elsewhere).
#[must_use]
pub fn request_path() -> String {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<http::request::Parts>()
            .map(|parts| parts.uri.path().to_owned())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        String::new()
    }
}

/// The first 200 characters of the text in sanitised HTML, for link previews.
#[must_use]
pub fn excerpt(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    // Undo the entities of the sanitised HTML; the meta tag escapes again.
    words
        .join(" ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .chars()
        .take(200)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_and_tools_are_private_and_public_pages_are_not() {
        for path in [
            "/me",
            "/me/tickets",
            "/admin/outbox",
            "/staff/queue",
            "/signin",
            "/tickets/new",
            "/dashboard",
        ] {
            assert!(is_private_path(path), "{path}");
        }
        for path in [
            "/",
            "/ideas/3",
            "/tickets/VOC-000021",
            "/roadmap",
            "/members/4",
            "/scorecard",
            "/meetings",
        ] {
            assert!(!is_private_path(path), "{path}");
        }
    }
}
