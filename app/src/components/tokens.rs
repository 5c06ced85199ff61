//! The member's API tokens: create (the secret is shown once), list, revoke.

use crate::components::when::When;
use crate::time::Style;
use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::components::field::{Field, only_field_error};
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::rpc::{CreateToken, RevokeToken, my_tokens};

/// The tokens section of the profile page.
#[component]
pub fn TokenManager() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let create = ServerAction::<CreateToken>::new();
    let revoke = ServerAction::<RevokeToken>::new();
    let tokens = load(
        move || (create.version().get(), revoke.version().get()),
        |_| my_tokens(),
    );
    let name_error = only_field_error(create, "name");
    let fresh = move || create.value().get().and_then(Result::ok);
    view! {
        <section class="tokens">
            <h2>{locale.t("me.tokens")}</h2>
            <p class="hint">{locale.t("me.tokens_lead")}</p>
            {move || fresh().map(|created| view! {
                <p class="notice new-token">{locale.t("me.token_copy")} " " <code class="token-secret">{created.token}</code></p>
            })}
            <ActionForm action=create attr:class="form inline" attr:id="create-token-form">
                <Field name="name" label=locale.t("me.token_name") error=name_error/>
                <label for="token-expiry">{locale.t("me.token_expiry")}</label>
                <select id="token-expiry" name="expires_in_days">
                    <option value="30">{locale.t("me.token_30_days")}</option>
                    <option value="90" selected>{locale.t("me.token_90_days")}</option>
                    <option value="365">{locale.t("me.token_365_days")}</option>
                </select>
                <button type="submit" class="button">{locale.t("me.token_create")}</button>
            </ActionForm>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    tokens.await.map(|list| {
                        if list.is_empty() {
                            return view! { <p class="empty">{locale.t("me.no_tokens")}</p> }.into_any();
                        }
                        view! {
                            <ul class="token-list">
                                {list.into_iter().map(|t| view! {
                                    <li class="token" data-token=t.id>
                                        <strong class="token-name">{t.name}</strong>
                                        " " <code>{t.prefix} "…"</code>
                                        " · " <When at=t.created_at.clone() style=Style::Date/>
                                        " · " {locale.t("me.token_expires")} " "
                                        <When at=t.expires_at.clone() style=Style::Date class="token-expires"/>
                                        <button type="button" class="button small" on:click=move |_| { revoke.dispatch(RevokeToken { id: t.id }); }>
                                            {locale.t("me.token_revoke")}
                                        </button>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    })
                })}
            </Transition>
        </section>
    }
}
