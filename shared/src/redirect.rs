//! Where a "come back to" parameter may send the browser.

/// True for a path on this site (`/ideas/7?x=1`), false for anything that
/// could leave it (`//evil.example`, `https://…`, `/\evil`, `/%09/evil`
/// once decoded): every redirect taken from a query string or a form goes
/// through here, so none is open.
///
/// Browsers drop tabs and line breaks inside URLs and treat `\` as `/`, so
/// `"/\t/evil.example"` is read as `//evil.example`, another site. A prefix
/// test alone misses that: the path is checked as the browser will read it,
/// and anything with a control character, a space or a backslash is refused
/// outright (none of them is in a path this site writes).
#[must_use]
pub fn is_local_path(next: &str) -> bool {
    let readable = next
        .chars()
        .all(|c| !c.is_control() && !c.is_whitespace() && c != '\\');
    let mut chars = next.chars();
    readable && chars.next() == Some('/') && chars.next() != Some('/')
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_paths_on_this_site_are_local() {
        assert!(is_local_path("/ideas/7?vote=7"));
        assert!(is_local_path("/"));
        assert!(is_local_path("/ideas?q=%ED%95%9C+x"));
        for foreign in [
            "//evil.example/",
            "https://evil.example",
            "/\\evil.example",
            "/\t/evil.example/x",
            "/\n/evil.example",
            "/\r/evil.example",
            "/ /evil.example",
            "/\u{0}/x",
            "\t//evil.example",
            "/\u{a0}/evil.example",
            "ideas/7",
            "",
        ] {
            assert!(!is_local_path(foreign), "{foreign:?}");
        }
    }
}
