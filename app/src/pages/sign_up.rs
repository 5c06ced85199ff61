//! Sign-up page: name, e-mail, password, each with its own error message.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::auth_state::AuthActions;
use crate::components::carry_on::{CarriedFields, CarryingLink};
use crate::components::field::{Field, field_error, form_error};
use crate::i18n::{Locale, Translate};

/// The sign-up page.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let action = expect_context::<AuthActions>().sign_up;
    view! {
        <Title text=locale.t("signup.title")/>
        <section class="auth-card">
            <h1>{locale.t("signup.title")}</h1>
            <ActionForm action=action attr:class="form" attr:id="sign-up-form">
                <p class="form-error" role="alert">
                    {form_error(action)}
                </p>
                <CarriedFields/>
                <Field name="display_name" label=locale.t("signup.name") autocomplete="name" hint=locale.t("signup.name_hint") error=field_error(action, "display_name")/>
                <Field name="email" label=locale.t("signin.email") kind="email" autocomplete="email" error=field_error(action, "email")/>
                <Field name="password" label=locale.t("signin.password") kind="password" autocomplete="new-password" hint=locale.t("signup.password_hint") error=field_error(action, "password")/>
                <button type="submit" class="button primary" disabled=move || action.pending().get()>
                    {locale.t("signup.submit")}
                </button>
            </ActionForm>
            <p class="aside">{locale.t("signup.have_account")} " " <CarryingLink href="/signin" text=locale.t("signin.submit") class="sign-in-instead"/></p>
        </section>
    }
}
