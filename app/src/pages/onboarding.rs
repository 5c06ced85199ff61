//! Pages behind e-mailed links: ask for a password reset, set the new
//! password, accept a staff invitation.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::auth_state::AuthActions;
use crate::components::field::{Field, field_error, form_error};
use crate::i18n::{Locale, Translate};
use crate::rpc::{CompletePasswordReset, RequestPasswordReset};

/// `/forgot`: ask for a reset link.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let action = ServerAction::<RequestPasswordReset>::new();
    let query = use_query_map();
    let sent =
        move || query.read().get("sent").is_some() || matches!(action.value().get(), Some(Ok(())));
    view! {
        <Title text=locale.t("forgot.title")/>
        <section class="auth-card">
            <h1>{locale.t("forgot.title")}</h1>
            <p class="lead">{locale.t("forgot.lead")}</p>
            <Show when=sent fallback=move || view! {
                <ActionForm action=action attr:class="form" attr:id="forgot-form">
                    <p class="form-error" role="alert">{form_error(action)}</p>
                    <Field name="email" label=locale.t("signin.email") kind="email" autocomplete="email" error=field_error(action, "email")/>
                    <button type="submit" class="button primary" disabled=move || action.pending().get()>{locale.t("forgot.submit")}</button>
                </ActionForm>
            }>
                <p class="notice" role="status">{locale.t("forgot.sent")}</p>
            </Show>
        </section>
    }
}

/// `/reset?token=…`: choose a new password.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let action = ServerAction::<CompletePasswordReset>::new();
    view! {
        <Title text=locale.t("reset.title")/>
        <section class="auth-card">
            <h1>{locale.t("reset.title")}</h1>
            <ActionForm action=action attr:class="form" attr:id="reset-form">
                <p class="form-error" role="alert">{move || form_error(action).get().or_else(|| field_error(action, "token").get())}</p>
                <input type="hidden" name="token" value=token/>
                <Field name="password" label=locale.t("signin.password") kind="password" autocomplete="new-password" hint=locale.t("signup.password_hint") error=field_error(action, "password")/>
                <button type="submit" class="button primary" disabled=move || action.pending().get()>{locale.t("reset.submit")}</button>
            </ActionForm>
        </section>
    }
}

/// `/invite?token=…`: the invited staff member creates their account.
#[component]
pub fn AcceptInvitePage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let action = expect_context::<AuthActions>().accept_invite;
    view! {
        <Title text=locale.t("invite.title")/>
        <section class="auth-card">
            <h1>{locale.t("invite.title")}</h1>
            <p class="lead">{locale.t("invite.lead")}</p>
            <ActionForm action=action attr:class="form" attr:id="invite-form">
                <p class="form-error" role="alert">{move || form_error(action).get().or_else(|| field_error(action, "token").get())}</p>
                <input type="hidden" name="token" value=token/>
                <Field name="display_name" label=locale.t("signup.name") autocomplete="name" error=field_error(action, "display_name")/>
                <Field name="password" label=locale.t("signin.password") kind="password" autocomplete="new-password" hint=locale.t("signup.password_hint") error=field_error(action, "password")/>
                <button type="submit" class="button primary" disabled=move || action.pending().get()>{locale.t("invite.submit")}</button>
            </ActionForm>
        </section>
    }
}
