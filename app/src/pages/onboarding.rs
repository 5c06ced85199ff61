//! Pages behind e-mailed links: ask for a password reset, set the new
//! password, accept a staff invitation.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::{CompletePasswordReset, RequestPasswordReset, problem};
use crate::auth_state::AuthActions;
use crate::components::field::Field;
use crate::i18n::Locale;

/// Field messages and the form-level message of an action's last failure.
fn failure_of<A>(action: ServerAction<A>) -> impl Fn(&'static str) -> Signal<Option<String>> + Copy
where
    A: leptos::server_fn::ServerFn<Output = (), Error = ServerFnError>
        + Clone
        + Send
        + Sync
        + 'static,
{
    move |name| {
        Signal::derive(move || {
            action
                .value()
                .get()
                .and_then(Result::err)
                .and_then(|e| problem(&e).errors.get(name).cloned())
        })
    }
}

fn form_error<A>(action: ServerAction<A>) -> impl Fn() -> Option<String> + Copy
where
    A: leptos::server_fn::ServerFn<Output = (), Error = ServerFnError>
        + Clone
        + Send
        + Sync
        + 'static,
{
    move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| problem(&e))
            .filter(|p| p.errors.is_empty())
            .map(|p| p.detail)
    }
}

/// `/forgot`: ask for a reset link.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let action = ServerAction::<RequestPasswordReset>::new();
    let field_error = failure_of(action);
    let sent = move || matches!(action.value().get(), Some(Ok(())));
    view! {
        <Title text=locale.t("forgot.title")/>
        <section class="auth-card">
            <h1>{locale.t("forgot.title")}</h1>
            <p class="lead">{locale.t("forgot.lead")}</p>
            <Show when=sent fallback=move || view! {
                <ActionForm action=action attr:class="form" attr:id="forgot-form">
                    <p class="form-error" role="alert">{form_error(action)}</p>
                    <Field name="email" label=locale.t("signin.email") kind="email" autocomplete="email" error=field_error("email")/>
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
    let field_error = failure_of(action);
    view! {
        <Title text=locale.t("reset.title")/>
        <section class="auth-card">
            <h1>{locale.t("reset.title")}</h1>
            <ActionForm action=action attr:class="form" attr:id="reset-form">
                <p class="form-error" role="alert">{move || form_error(action)().or_else(|| field_error("token").get())}</p>
                <input type="hidden" name="token" prop:value=token/>
                <Field name="password" label=locale.t("signin.password") kind="password" autocomplete="new-password" hint=locale.t("signup.password_hint") error=field_error("password")/>
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
    let field_error = failure_of(action);
    view! {
        <Title text=locale.t("invite.title")/>
        <section class="auth-card">
            <h1>{locale.t("invite.title")}</h1>
            <p class="lead">{locale.t("invite.lead")}</p>
            <ActionForm action=action attr:class="form" attr:id="invite-form">
                <p class="form-error" role="alert">{move || form_error(action)().or_else(|| field_error("token").get())}</p>
                <input type="hidden" name="token" prop:value=token/>
                <Field name="display_name" label=locale.t("signup.name") autocomplete="name" error=field_error("display_name")/>
                <Field name="password" label=locale.t("signin.password") kind="password" autocomplete="new-password" hint=locale.t("signup.password_hint") error=field_error("password")/>
                <button type="submit" class="button primary" disabled=move || action.pending().get()>{locale.t("invite.submit")}</button>
            </ActionForm>
        </section>
    }
}
