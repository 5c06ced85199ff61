//! Corrections in a thread: the author fixes their ticket or reply within
//! 15 minutes; staff redact personal data from any public text with a
//! reason (the original stays only in the audit log).

use leptos::form::ActionForm;
use leptos::prelude::*;
use shared::RedactableKind;

use crate::components::field::{field_error, form_error};
use crate::i18n::{Locale, Translate};
use crate::rpc::{EditTicket, EditTicketPost, RedactText};
use crate::text::textarea_text;

/// The thread's correction actions, shared by its forms through context;
/// the thread reloads when any of them completes.
#[derive(Clone, Copy)]
pub(super) struct Corrections {
    pub edit: ServerAction<EditTicket>,
    pub edit_post: ServerAction<EditTicketPost>,
    pub redact: ServerAction<RedactText>,
}

impl Corrections {
    pub(super) fn new() -> Self {
        Self {
            edit: ServerAction::new(),
            edit_post: ServerAction::new(),
            redact: ServerAction::new(),
        }
    }

    /// Changes whenever a correction completed.
    pub(super) fn version(self) -> (usize, usize, usize) {
        (
            self.edit.version().get(),
            self.edit_post.version().get(),
            self.redact.version().get(),
        )
    }
}

/// The author's correction of title and description.
#[component]
pub(super) fn EditTicketForm(number: String, title: String, body: String) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let Corrections { edit, .. } = expect_context::<Corrections>();
    view! {
        <details class="decision edit-ticket">
            <summary>{locale.t("ticket.correct")}</summary>
            <ActionForm action=edit attr:class="form" attr:id="ticket-edit-form">
                <p class="form-error" role="alert">{form_error(edit)}</p>
                <input type="hidden" name="number" value=number/>
                <div class="field">
                    <label for="ticket-edit-title">{locale.t("ticket.field_title")}</label>
                    <input id="ticket-edit-title" name="title" value=title maxlength="120"/>
                    <p class="field-error" role="alert">{field_error(edit, "title")}</p>
                </div>
                <div class="field">
                    <label for="ticket-edit-body">{locale.t("ticket.field_body")}</label>
                    <textarea id="ticket-edit-body" name="body" rows="4">{textarea_text(body)}</textarea>
                    <p class="field-error" id="ticket-edit-body-error" role="alert">{field_error(edit, "body")}</p>
                </div>
                <p class="hint">{locale.t("ticket.correct_hint")}</p>
                <button type="submit" class="button">{locale.t("ticket.correct_save")}</button>
            </ActionForm>
        </details>
    }
}

/// The author's correction of one reply.
#[component]
pub(super) fn EditPostForm(number: String, post: i64, body: String) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let Corrections { edit_post, .. } = expect_context::<Corrections>();
    let id = format!("post-edit-{post}");
    view! {
        <details class="decision edit-post">
            <summary>{locale.t("ticket.correct")}</summary>
            <ActionForm action=edit_post attr:class="form">
                <p class="form-error" role="alert">{form_error(edit_post)}</p>
                <input type="hidden" name="number" value=number/>
                <input type="hidden" name="post" value=post/>
                <label for=id.clone() class="visually-hidden">{locale.t("ticket.reply")}</label>
                <textarea id=id name="body" rows="3">{textarea_text(body)}</textarea>
                <p class="field-error" role="alert">{field_error(edit_post, "body")}</p>
                <button type="submit" class="button small">{locale.t("ticket.correct_save")}</button>
            </ActionForm>
        </details>
    }
}

/// Staff cut a piece of text out of a ticket or post.
#[component]
pub(super) fn RedactForm(kind: RedactableKind, id: i64) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let Corrections { redact, .. } = expect_context::<Corrections>();
    let field = format!("redact-{}-{id}", kind.as_str());
    view! {
        <details class="decision redact">
            <summary>{locale.t("redact.title")}</summary>
            <ActionForm action=redact attr:class="form redact-form">
                <p class="form-error" role="alert">{form_error(redact)}</p>
                <input type="hidden" name="kind" value=kind.as_str()/>
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="reason" value="personal_information"/>
                <div class="field">
                    <label for=field.clone()>{locale.t("redact.text")}</label>
                    <input id=field name="text" autocomplete="off"/>
                    <p class="field-error" role="alert">{field_error(redact, "text")}</p>
                </div>
                <p class="hint">{locale.t("redact.hint")}</p>
                <button type="submit" class="button small">{locale.t("redact.submit")}</button>
            </ActionForm>
        </details>
    }
}
