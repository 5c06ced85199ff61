//! A labelled form field with its error message right beside it.

use leptos::prelude::*;

/// An input with label, optional hint, and the server's message for this
/// field (by name) from the last submission.
#[component]
pub fn Field(
    /// The form field name, also the key of its error message.
    name: &'static str,
    /// The visible label.
    label: &'static str,
    /// `text`, `email`, `password`…
    #[prop(default = "text")]
    kind: &'static str,
    /// Browser autofill hint.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// Help text under the field.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The error message for this field, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                required=true
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=error_id.clone()
            />
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            <p class="field-error" id=error_id role="alert">{move || error.get()}</p>
        </div>
    }
}
