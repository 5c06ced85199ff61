//! Sign-in page: e-mail and password; a wrong pair gets one message beside
//! the form (the same for an unknown e-mail, so accounts stay private).

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::auth_state::AuthActions;
use crate::components::carry_on::{CarriedFields, CarryingLink};
use crate::components::field::{Field, field_error, form_error};
use crate::i18n::{Locale, Translate};

/// The sign-in page.
#[component]
pub fn SignInPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let query = use_query_map();
    let action = expect_context::<AuthActions>().sign_in;
    view! {
        <Title text=locale.t("signin.title")/>
        <section class="auth-card">
            <h1>{locale.t("signin.title")}</h1>
            <Show when=move || query.read().get("reset").is_some()>
                <p class="notice" role="status">{locale.t("signin.was_reset")}</p>
            </Show>
            <ActionForm action=action attr:class="form" attr:id="sign-in-form">
                <p class="form-error" role="alert">
                    {form_error(action)}
                </p>
                // Only present when a page sent the visitor here, so an
                // ordinary sign-in posts no empty values.
                <CarriedFields/>
                <Field name="email" label=locale.t("signin.email") kind="email" autocomplete="username" error=field_error(action, "email")/>
                <Field name="password" label=locale.t("signin.password") kind="password" autocomplete="current-password" error=field_error(action, "password")/>
                <button type="submit" class="button primary" disabled=move || action.pending().get()>
                    {locale.t("signin.submit")}
                </button>
            </ActionForm>
            <p class="aside"><A href="/forgot">{locale.t("signin.forgot")}</A></p>
            <p class="aside">{locale.t("signin.no_account")} " " <CarryingLink href="/signup" text=locale.t("signin.create_account") class="create-account"/></p>
        </section>
    }
}
