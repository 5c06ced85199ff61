//! The member's own profile: who they are, where they are signed in, and
//! signing out here or everywhere.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use shared::Role;

use crate::api::{SignOut, SignOutEverywhere, my_sessions};
use crate::auth_state::{self, AuthVersion, CurrentUser};
use crate::i18n::Locale;

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
    let sessions = Resource::new(move || version.get(), |_| my_sessions());
    let sign_out = ServerAction::<SignOut>::new();
    let everywhere = ServerAction::<SignOutEverywhere>::new();
    Effect::new(move |_| {
        if matches!(sign_out.value().get(), Some(Ok(())))
            || matches!(everywhere.value().get(), Some(Ok(())))
        {
            auth_state::changed();
        }
    });
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
                                                    " · " {locale.t("me.since")} " " <time>{s.created_at.get(..16).unwrap_or_default().replace('T', " ")}</time>
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
