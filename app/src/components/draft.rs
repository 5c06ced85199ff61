//! What a reader is typing survives live updates. A live page renders its
//! forms anew whenever an event arrives (somebody else's reply, a vote); the
//! draft keeps the fields' values outside the form and puts them back into
//! the new one, so a busy thread never wipes a half-written answer.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// One field's typed value.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(
    not(feature = "hydrate"),
    expect(dead_code, reason = "only the browser reads the fields back")
)]
enum Value {
    Text(String),
    Checked(bool),
}

/// What is typed now and what was sent with the last submission.
#[derive(Clone, Debug, Default)]
struct Fields {
    typed: Vec<(String, Value)>,
    sent: Vec<(String, Value)>,
}

impl Fields {
    /// After a successful submission: forget what was sent, keep what was
    /// typed since (a live update can show the sent reply before its
    /// confirmation arrives, and the next one may already be under way).
    fn forget_sent(&mut self) {
        let sent = std::mem::take(&mut self.sent);
        self.typed
            .retain(|(id, value)| !sent.iter().any(|(s, v)| s == id && v == value));
    }
}

/// The values typed into one form, by field id. Create it where the page
/// is created (outside what live events re-render) and bind each rendering
/// of the form to it.
#[derive(Clone, Copy, Debug)]
pub struct Draft(StoredValue<Fields>);

impl Default for Draft {
    fn default() -> Self {
        Self::new()
    }
}

impl Draft {
    /// An empty draft.
    #[must_use]
    pub fn new() -> Self {
        Self(StoredValue::new(Fields::default()))
    }

    /// Binds this rendering of the form: fills it with what was typed
    /// before, records what is typed next, and once `action` succeeds after
    /// this rendering empties what was sent from the draft and the form (so
    /// nothing is sent twice, and a re-rendering after an old success keeps
    /// the draft), keeping anything typed since the submission.
    pub fn bind<A>(self, action: ServerAction<A>, form: NodeRef<leptos::html::Form>)
    where
        A: ServerFn<Error = shared::ApiError> + Clone + Send + Sync + 'static,
        A::Output: Clone + Send + Sync + 'static,
    {
        let rendered_at = action.version().get_untracked();
        Effect::new(move |_| {
            let version = action.version().get();
            if version != rendered_at && matches!(action.value().get(), Some(Ok(_))) {
                self.0.update_value(Fields::forget_sent);
                if let Some(form) = form.get_untracked() {
                    form.reset();
                    #[cfg(feature = "hydrate")]
                    self.restore(&form);
                }
            }
        });
        #[cfg(feature = "hydrate")]
        Effect::new(move |_| {
            if let Some(form) = form.get() {
                self.restore(&form);
                self.record(&form);
            }
        });
    }

    #[cfg(feature = "hydrate")]
    fn restore(self, form: &web_sys::HtmlFormElement) {
        use wasm_bindgen::JsCast;
        self.0.with_value(|fields| {
            for (id, value) in &fields.typed {
                let Ok(Some(element)) = form.query_selector(&format!("[id=\"{id}\"]")) else {
                    continue;
                };
                match value {
                    Value::Checked(checked) => {
                        if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
                            input.set_checked(*checked);
                        }
                    }
                    Value::Text(text) => {
                        if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
                            input.set_value(text);
                        } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>()
                        {
                            area.set_value(text);
                        } else if let Some(select) = element.dyn_ref::<web_sys::HtmlSelectElement>()
                        {
                            select.set_value(text);
                        }
                    }
                }
            }
        });
    }

    #[cfg(feature = "hydrate")]
    fn record(self, form: &web_sys::HtmlFormElement) {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::closure::Closure;
        let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let Some(element) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let id = element.id();
            if id.is_empty() {
                return;
            }
            let value = if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
                if input.type_() == "checkbox" {
                    Value::Checked(input.checked())
                } else {
                    Value::Text(input.value())
                }
            } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                Value::Text(area.value())
            } else if let Some(select) = element.dyn_ref::<web_sys::HtmlSelectElement>() {
                Value::Text(select.value())
            } else {
                return;
            };
            self.0.try_update_value(|fields| {
                match fields.typed.iter_mut().find(|(f, _)| *f == id) {
                    Some((_, old)) => *old = value,
                    None => fields.typed.push((id, value)),
                }
            });
        });
        for kind in ["input", "change"] {
            let _ = form.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
        }
        // Lives as long as the form element; a removed form gets no events.
        listener.forget();
        let sending = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
            self.0
                .try_update_value(|fields| fields.sent = fields.typed.clone());
        });
        let _ = form.add_event_listener_with_callback("submit", sending.as_ref().unchecked_ref());
        sending.forget();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(id: &str, value: &str) -> (String, Value) {
        (id.to_owned(), Value::Text(value.to_owned()))
    }

    #[test]
    fn a_success_forgets_what_was_sent_but_keeps_what_was_typed_since() {
        let mut fields = Fields {
            typed: vec![
                text("reply", "second answer"),
                text("amount", "150000"),
                text("kind", "credit"),
            ],
            sent: vec![
                text("reply", "first answer"),
                text("amount", "150000"),
                text("kind", "month_free"),
            ],
        };
        fields.forget_sent();
        assert_eq!(
            fields.typed,
            vec![text("reply", "second answer"), text("kind", "credit")]
        );
        assert!(fields.sent.is_empty());
    }
}
