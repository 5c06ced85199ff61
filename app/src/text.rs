//! Text helpers for places where Leptos writes user text without escaping.

/// Makes user text safe inside `<title>`: leptos_meta writes the title
/// unescaped during server rendering, so a `<` could close the element and
/// open a script. Angle brackets become look-alike quotes; nothing else changes.
#[must_use]
pub fn title_text(text: &str) -> String {
    text.replace('<', "‹").replace('>', "›")
}

#[cfg(test)]
mod tests {
    use super::title_text;

    #[test]
    fn titles_cannot_open_tags() {
        assert_eq!(
            title_text("</title><script>x</script>"),
            "‹/title›‹script›x‹/script›"
        );
        assert_eq!(title_text("데이터 이월 & more"), "데이터 이월 & more");
    }
}
