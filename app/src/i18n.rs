//! UI translations: every string comes from `locales/*.ftl` (`key = value`
//! lines), so adding a language is adding a file, and the locale is chosen
//! per request (cookie, then Accept-Language) and kept by the browser.

use std::sync::OnceLock;

pub use shared::Locale;
use shared::locale::{Catalog, fill, parse_catalog};

/// Looks up UI text: `locale.t("nav.ideas")`.
pub trait Translate {
    /// The translation of `key`; the key itself if it is missing, so a gap
    /// is visible on the page instead of crashing it.
    fn t(self, key: &'static str) -> &'static str;

    /// The translation of `key` with each `{name}` replaced by its value,
    /// for texts whose word order differs between languages.
    fn format(self, key: &'static str, args: &[(&str, String)]) -> String;
}

impl Translate for Locale {
    fn t(self, key: &'static str) -> &'static str {
        table(self).get(key).copied().unwrap_or(key)
    }

    fn format(self, key: &'static str, args: &[(&str, String)]) -> String {
        fill(self.t(key), args)
    }
}

fn source(locale: Locale) -> &'static str {
    match locale {
        Locale::En => include_str!("../locales/en.ftl"),
        Locale::Ko => include_str!("../locales/ko.ftl"),
    }
}

fn table(locale: Locale) -> &'static Catalog {
    static EN: OnceLock<Catalog> = OnceLock::new();
    static KO: OnceLock<Catalog> = OnceLock::new();
    let cell = match locale {
        Locale::En => &EN,
        Locale::Ko => &KO,
    };
    cell.get_or_init(|| parse_catalog(source(locale)))
}

/// Name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "madang_lang";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_key() {
        let en: std::collections::BTreeSet<_> = table(Locale::En).keys().collect();
        let ko: std::collections::BTreeSet<_> = table(Locale::Ko).keys().collect();
        assert!(en.len() > 20, "the English file looks truncated");
        assert_eq!(en, ko, "en.ftl and ko.ftl must have the same keys");
    }

    #[test]
    fn lookups_translate() {
        assert_eq!(Locale::Ko.t("nav.ideas"), "아이디어");
        assert_eq!(Locale::En.t("nav.ideas"), "Ideas");
        assert_eq!(Locale::En.t("no.such.key"), "no.such.key");
    }
}
