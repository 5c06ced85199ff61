//! The member's own profile: who they are, where they are signed in, and
//! signing out here or everywhere.

use crate::components::when::When;
use crate::time::Style;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use shared::Role;

use crate::auth_state::{AuthActions, AuthVersion, CurrentUser};
use crate::components::field::{Field, only_field_error};
use crate::components::profile_form::{ProfileForm, profile_action};
use crate::components::tokens::TokenManager;
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::rpc::{ResendConfirmation, my_sessions};

fn role_key(role: Role) -> &'static str {
    match role {
        Role::Customer => "role.customer",
        Role::Employee => "role.employee",
        Role::Moderator => "role.moderator",
        Role::Admin => "role.admin",
    }
}

/// The profile page at `/me`.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let CurrentUser(user) = expect_context::<CurrentUser>();
    let AuthVersion(version) = expect_context::<AuthVersion>();
    let sessions = load(move || version.get(), |_| my_sessions());
    let actions = expect_context::<AuthActions>();
    let save_profile = profile_action();
    let sign_out = actions.sign_out;
    let everywhere = actions.sign_out_everywhere;
    let delete = actions.delete_account;
    let delete_error = only_field_error(delete, "password");
    let resend = ServerAction::<ResendConfirmation>::new();
    view! {
        <Title text=locale.t("me.title")/>
        <Transition fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(Some(me)) => view! {
                        <section class="profile" data-user=me.id>
                            <div class="profile-head">
                                <span class="avatar" style=format!("background:{}", me.avatar_color)>{me.initials.clone()}</span>
                                <div>
                                    <h1 class="profile-name">{me.display_name.clone()}</h1>
                                    <p class="profile-email">{me.email.clone()}</p>
                                    <p class="profile-role">
                                        {locale.t("me.role")} ": " {locale.t(role_key(me.role))}
                                        {me.department.clone().map(|d| view! { " · " <span class="department-name">{d.name}</span> })}
                                        {me.title.clone().map(|t| view! { " · " <span>{t}</span> })}
                                    </p>
                                </div>
                            </div>
                            {(!me.email_verified).then(|| view! {
                                <div class="notice unconfirmed" role="status">
                                    <p>{locale.t("me.unconfirmed")}</p>
                                    <ActionForm action=resend attr:class="inline-form" attr:id="resend-confirmation">
                                        <button type="submit" class="button">{locale.t("me.resend")}</button>
                                    </ActionForm>
                                    {move || match resend.value().get() {
                                        Some(Ok(())) => Some(view! { <p class="saved">{locale.t("me.resent")}</p> }.into_any()),
                                        Some(Err(e)) => Some(view! { <p class="field-error" role="alert">{e.detail}</p> }.into_any()),
                                        None => None,
                                    }}
                                </div>
                            })}
                            <ProfileForm me=me.clone() action=save_profile/>
                            <ActionForm action=sign_out attr:class="inline-form">
                                <button type="submit" class="button" id="sign-out">{locale.t("me.sign_out")}</button>
                            </ActionForm>
                            <h2>{locale.t("me.sessions")}</h2>
                            <Suspense fallback=|| ()>
                                {move || Suspend::new(async move {
                                    sessions.await.map(|list| view! {
                                        <ul class="sessions">
                                            {list.into_iter().map(|s| view! {
                                                <li class="session" class:current=s.current>
                                                    <span class="agent">{s.user_agent.unwrap_or_default()}</span>
                                                    " · " {locale.t("me.since")} " " <When at=s.created_at.clone() style=Style::DateTime/>
                                                    {s.current.then(|| view! { " · " <strong>{locale.t("me.this_device")}</strong> })}
                                                </li>
                                            }).collect_view()}
                                        </ul>
                                    })
                                })}
                            </Suspense>
                            <ActionForm action=everywhere attr:class="inline-form">
                                <button type="submit" class="button danger" id="sign-out-everywhere">{locale.t("me.sign_out_everywhere")}</button>
                            </ActionForm>
                            <p class="hint">{locale.t("me.tokens_stay")}</p>
                            <TokenManager/>
                            <h2>{locale.t("me.privacy")}</h2>
                            <p>
                                <A href=format!("/members/{}", me.id)>{locale.t("me.public_profile")}</A>
                                " · "
                                <a href="/api/v1/me/export" rel="external" download="madang-my-data.json" id="export-data">{locale.t("me.export")}</a>
                            </p>
                            <details class="danger-zone">
                                <summary>{locale.t("me.delete_title")}</summary>
                                <p>{locale.t("me.delete_lead")}</p>
                                <ActionForm action=delete attr:class="form" attr:id="delete-account-form">
                                    <Field name="password" label=locale.t("me.delete_password") kind="password" autocomplete="current-password" error=delete_error/>
                                    <button type="submit" class="button danger">{locale.t("me.delete_submit")}</button>
                                </ActionForm>
                            </details>
                        </section>
                    }.into_any(),
                    Ok(None) => view! {
                        <h1>{locale.t("me.title")}</h1>
                        <p class="lead">{locale.t("me.signed_out")}</p>
                        <A href="/signin" attr:class="button primary">{locale.t("signin.submit")}</A>
                    }.into_any(),
                    Err(_) => view! { <p class="error" role="alert">{locale.t("error.load")}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}
