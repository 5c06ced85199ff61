//! A labelled form field with its error message right beside it, and the
//! helpers that read those messages from a server action's last failure.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

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
    /// A field that may stay empty (an English translation); others are
    /// required before the browser sends the form.
    #[prop(optional)]
    optional: bool,
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
                required=!optional
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=error_id.clone()
            />
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            <p class="field-error" id=error_id role="alert">{move || error.get()}</p>
        </div>
    }
}

/// The message for field `name` from an action's last failure.
pub fn field_error<A>(action: ServerAction<A>, name: &'static str) -> Signal<Option<String>>
where
    A: ServerFn<Error = shared::ApiError> + Clone + Send + Sync + 'static,
    A::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || failure(action).and_then(|p| p.errors.get(name).cloned()))
}

/// The message of an action's last failure when it names no field (shown
/// at the top of the form).
pub fn form_error<A>(action: ServerAction<A>) -> Signal<Option<String>>
where
    A: ServerFn<Error = shared::ApiError> + Clone + Send + Sync + 'static,
    A::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || {
        failure(action)
            .filter(|p| p.errors.is_empty())
            .map(|p| p.detail)
    })
}

/// For one-field forms: the field's message, else the general one.
pub fn only_field_error<A>(action: ServerAction<A>, name: &'static str) -> Signal<Option<String>>
where
    A: ServerFn<Error = shared::ApiError> + Clone + Send + Sync + 'static,
    A::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || failure(action).map(|p| p.errors.get(name).cloned().unwrap_or(p.detail)))
}

fn failure<A>(action: ServerAction<A>) -> Option<shared::ApiError>
where
    A: ServerFn<Error = shared::ApiError> + Clone + Send + Sync + 'static,
    A::Output: Clone + Send + Sync + 'static,
{
    action.value().get().and_then(Result::err)
}
