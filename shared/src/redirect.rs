//! Where a "come back to" parameter may send the browser.

/// True for a path on this site (`/ideas/7?x=1`), false for anything that
/// could leave it (`//evil.example`, `https://…`, `/\evil`): every
/// redirect taken from a query string goes through here, so none is open.
#[must_use]
pub fn is_local_path(next: &str) -> bool {
    next.starts_with('/') && !next.starts_with("//") && !next.contains('\\')
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_paths_on_this_site_are_local() {
        assert!(is_local_path("/ideas/7?vote=7"));
        assert!(is_local_path("/"));
        for foreign in [
            "//evil.example/",
            "https://evil.example",
            "/\\evil.example",
            "ideas/7",
            "",
        ] {
            assert!(!is_local_path(foreign), "{foreign}");
        }
    }
}
