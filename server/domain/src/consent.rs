//! The consent to the collection and use of personal information
//! (개인정보 수집·이용 동의) that sign-up asks for: what is collected, why
//! and for how long. The company may replace the text (`--consent-file`)
//! and must then give it a new version (`--consent-version`); each member's
//! account keeps the version they agreed to and when.

use shared::Locale;
use shared::account::ConsentTerms;

use crate::{Ctx, Error, Result};

/// The version of the built-in text.
pub const DEFAULT_VERSION: &str = "2026-12-04";

/// The consent in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Terms {
    /// Changes whenever the text does.
    pub version: String,
    /// The company's own text (plain text); the built-in text in the
    /// reader's language when absent.
    pub text: Option<String>,
}

impl Default for Terms {
    fn default() -> Self {
        Self {
            version: DEFAULT_VERSION.to_owned(),
            text: None,
        }
    }
}

/// The consent as sign-up shows it, in the reader's language.
#[must_use]
pub fn terms(ctx: &Ctx, locale: Locale) -> ConsentTerms {
    let terms = &ctx.settings.consent;
    let text = terms.text.clone().unwrap_or_else(|| {
        [
            "consent.collected",
            "consent.purpose",
            "consent.retention",
            "consent.refuse",
        ]
        .map(|key| crate::i18n::lookup(locale, key))
        .join("\n")
    });
    ConsentTerms {
        version: terms.version.clone(),
        title: crate::i18n::lookup(locale, "consent.title").to_owned(),
        text,
    }
}

/// Checks the version a sign-up agreed to: it must be the one in force (a
/// form left open while the text changed must be read again).
pub fn check(ctx: &Ctx, agreed: Option<&str>) -> Result<()> {
    match agreed.map(str::trim) {
        Some(version) if version == ctx.settings.consent.version => Ok(()),
        Some(_) => Err(Error::invalid("consent", crate::msg!("consent.outdated"))),
        None => Err(Error::invalid("consent", crate::msg!("consent.required"))),
    }
}
