//! Editing one's public name and signature initials.

use leptos::form::ActionForm;
use leptos::prelude::*;
use shared::account::Me;

use crate::auth_state::AuthVersion;
use crate::components::field::field_error;
use crate::components::pick::pick;
use crate::i18n::{Locale, Translate};
use crate::rpc::UpdateProfile;

/// Creates the save action. It belongs to the page, not to the form: a
/// successful save refreshes the signed-in member, which re-renders the form,
/// and the "saved" message must outlive that.
#[must_use]
pub fn profile_action() -> ServerAction<UpdateProfile> {
    let AuthVersion(version) = expect_context::<AuthVersion>();
    let action = ServerAction::<UpdateProfile>::new();
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            version.update(|v| *v += 1);
        }
    });
    action
}

/// The edit form on the profile page, filled with the current values.
#[component]
pub fn ProfileForm(me: Me, action: ServerAction<UpdateProfile>) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let (language, remember_language) = pick("profile-language", me.language.tag());
    view! {
        <details class="edit-profile">
            <summary>{locale.t("me.edit")}</summary>
            <ActionForm action=action attr:class="form" attr:id="profile-form">
                <div class="field">
                    <label for="profile-name">{locale.t("signup.name")}</label>
                    <input id="profile-name" name="display_name" value=me.display_name required=true/>
                    <p class="field-error" role="alert">{field_error(action, "display_name")}</p>
                </div>
                <div class="field">
                    <label for="profile-initials">{locale.t("me.initials")}</label>
                    <input id="profile-initials" name="initials" value=me.initials required=true maxlength="12"/>
                    <p class="hint">{locale.t("me.initials_hint")}</p>
                    <p class="field-error" role="alert">{field_error(action, "initials")}</p>
                </div>
                <div class="field">
                    <label for="profile-language">{locale.t("me.language")}</label>
                    <select id="profile-language" name="language" on:change=remember_language>
                        {Locale::ALL.into_iter().map(|l| view! {
                            <option value=l.tag() selected=l.tag() == language lang=l.tag()>{l.t("lang.name")}</option>
                        }).collect_view()}
                    </select>
                    <p class="hint">{locale.t("me.language_hint")}</p>
                    <p class="field-error" role="alert">{field_error(action, "language")}</p>
                </div>
                <button type="submit" class="button primary">{locale.t("me.save")}</button>
                {move || matches!(action.value().get(), Some(Ok(()))).then(|| view! { <p class="notice" role="status">{locale.t("me.saved")}</p> })}
            </ActionForm>
        </details>
    }
}
