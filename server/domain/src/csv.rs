//! CSV for exports (audit log, dashboard tables): every field quoted, and a
//! leading `=`, `+`, `-` or `@` defused so a spreadsheet never runs it as a
//! formula.

/// One quoted, formula-safe field.
#[must_use]
pub fn field(value: &str) -> String {
    let safe = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    format!("\"{}\"", safe.replace('"', "\"\""))
}

/// One line of fields, ending in a newline.
#[must_use]
pub fn line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = fields
        .iter()
        .map(|f| field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::{field, line};

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("a \"b\", c"), "\"a \"\"b\"\", c\"");
        assert_eq!(field("=SUM(A1)"), "\"'=SUM(A1)\"");
        assert_eq!(line(&["a", "1"]), "\"a\",\"1\"\n");
    }
}
