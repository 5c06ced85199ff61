//! A choice of the numbered community guidelines, so every moderation
//! action can cite the rule it enforces (the public tombstone and the audit
//! log then name it).

use leptos::prelude::*;
use shared::Guideline;

use crate::i18n::{Locale, Translate};

/// Characters of a guideline's text shown in the list.
const LABEL_CHARS: usize = 60;

/// `<select name="guideline">`: none, or one guideline by its number.
#[component]
pub fn GuidelineSelect(guidelines: Vec<Guideline>, #[prop(into)] id: String) -> impl IntoView {
    let locale = expect_context::<Locale>();
    view! {
        <select name="guideline" id=id aria-label=locale.t("moderation.guideline")>
            <option value="">{locale.t("moderation.no_guideline")}</option>
            {guidelines.into_iter().map(|g| {
                let mut text: String = g.text.chars().take(LABEL_CHARS).collect();
                if g.text.chars().count() > LABEL_CHARS {
                    text.push('…');
                }
                view! { <option value=g.position.to_string()>{format!("{}. {text}", g.position)}</option> }
            }).collect_view()}
        </select>
    }
}
