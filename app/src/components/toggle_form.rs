//! A toggle (vote, follow, "me too") as a real HTML form, so a click is
//! never lost: before the WASM has arrived, or with JavaScript off, the
//! browser posts it to the server function, which does it and sends the
//! browser back to the page (Leptos' form redirect); once the page is
//! interactive the click is handled in place instead. A visitor who is not
//! signed in is sent to sign in first, carrying the action (`carry_on`).

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::auth_state::CurrentUser;

/// Where a visitor who is not signed in goes first: sign in, then back to
/// `next` with the action (`vote` or `follow` and the idea's number) done.
#[derive(Clone, Debug)]
pub struct SignInFirst {
    /// The page to come back to.
    pub next: String,
    /// The carried action: its query key and value.
    pub carried: (&'static str, String),
}

impl SignInFirst {
    fn href(&self) -> String {
        let (key, value) = &self.carried;
        format!("/signin?next={}&{key}={value}", self.next)
    }
}

/// The form around a toggle button (the children). `fields` are the server
/// function's arguments as hidden inputs; `on_toggle` runs instead of the
/// post once the page is interactive.
#[component]
pub fn ToggleForm(
    /// The server function's URL.
    action: &'static str,
    /// The server function's arguments: name and value.
    fields: Vec<(&'static str, Signal<String>)>,
    /// For a visitor who is not signed in; without it the form is only
    /// shown to members.
    #[prop(optional)]
    sign_in_first: Option<SignInFirst>,
    /// The in-place toggle.
    on_toggle: impl Fn() + 'static,
    #[prop(into)] class: String,
    children: Children,
) -> impl IntoView {
    let CurrentUser(user) = expect_context::<CurrentUser>();
    let members_only = sign_in_first.is_none();
    let signed_in = move || members_only || matches!(user.get(), Some(Ok(Some(_))));
    let navigate = use_navigate();
    let visitor = sign_in_first.clone();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match &visitor {
            Some(first) if !matches!(user.get_untracked(), Some(Ok(Some(_)))) => {
                navigate(&first.href(), leptos_router::NavigateOptions::default());
            }
            _ => on_toggle(),
        }
    };
    let sign_in_fields = sign_in_first.map(|first| {
        let (key, value) = first.carried;
        view! {
            <input type="hidden" name="next" value=first.next disabled=signed_in/>
            <input type="hidden" name=key value=value disabled=signed_in/>
        }
    });
    view! {
        <form
            class=class
            method=move || if signed_in() { "post" } else { "get" }
            action=move || if signed_in() { action } else { "/signin" }
            on:submit=on_submit
        >
            {fields.into_iter().map(|(name, value)| view! {
                <input type="hidden" name=name value=value disabled=move || !signed_in()/>
            }).collect_view()}
            {sign_in_fields}
            {children()}
        </form>
    }
}
