//! Sign-up page: name, e-mail, password, each with its own error message.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::auth_state::AuthActions;
use crate::components::carry_on::{CarriedFields, CarryingLink};
use crate::components::field::{Field, field_error, form_error};
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::rpc::consent_terms;

/// The sign-up page.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let action = expect_context::<AuthActions>().sign_up;
    let terms = load(|| (), |()| consent_terms());
    let consent = move || {
        Suspend::new(async move {
            terms.await.ok().map(|t| {
                view! {
                    <fieldset class="consent">
                        <legend>{t.title}</legend>
                        <div class="consent-text" id="consent-text" tabindex="0" role="region" aria-label=locale.t("signup.consent_text")>
                            {t.text.lines().filter(|l| !l.trim().is_empty()).map(|l| view! { <p>{l.to_owned()}</p> }).collect_view()}
                        </div>
                        <label class="check" for="consent">
                            <input type="checkbox" id="consent" name="consent" value=t.version required=true aria-describedby="consent-text consent-error"/>
                            " " {locale.t("signup.consent")}
                        </label>
                        <p class="field-error" id="consent-error" role="alert">{field_error(action, "consent")}</p>
                    </fieldset>
                }
            })
        })
    };
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
                <Suspense fallback=|| ()>{consent}</Suspense>
                <button type="submit" class="button primary" disabled=move || action.pending().get()>
                    {locale.t("signup.submit")}
                </button>
            </ActionForm>
            <p class="aside">{locale.t("signup.have_account")} " " <CarryingLink href="/signin" text=locale.t("signin.submit") class="sign-in-instead"/></p>
        </section>
    }
}
