//! Who is signed in, as the UI knows it: one resource for the whole page,
//! refetched whenever an action that changes who is signed in succeeds.
//! Those actions live here, above the router, so their completion is seen
//! even when the page that started them has already been left.

use leptos::prelude::*;
use shared::account::Me;

use crate::loaded::{Loaded, load};
use crate::rpc::{
    AcceptInvite, DeleteAccount, SignIn, SignOut, SignOutEverywhere, SignUp, current_user,
};

/// Bumped after every change of who is signed in.
#[derive(Clone, Copy, Debug)]
pub struct AuthVersion(pub RwSignal<u32>);

/// The signed-in member for the page.
#[derive(Clone, Copy)]
pub struct CurrentUser(pub Loaded<Result<Option<Me>, shared::ApiError>>);

/// The server actions that change who is signed in.
#[derive(Clone, Copy)]
pub struct AuthActions {
    /// Sign in with e-mail and password.
    pub sign_in: ServerAction<SignIn>,
    /// Create a customer account.
    pub sign_up: ServerAction<SignUp>,
    /// End this session.
    pub sign_out: ServerAction<SignOut>,
    /// End every session.
    pub sign_out_everywhere: ServerAction<SignOutEverywhere>,
    /// Delete the account.
    pub delete_account: ServerAction<DeleteAccount>,
    /// Accept a staff invitation.
    pub accept_invite: ServerAction<AcceptInvite>,
}

/// Provides the contexts; called once by `App`.
pub fn provide() {
    provide_form_error_from_address();
    let version = AuthVersion(RwSignal::new(0));
    let actions = AuthActions {
        sign_in: ServerAction::new(),
        sign_up: ServerAction::new(),
        sign_out: ServerAction::new(),
        sign_out_everywhere: ServerAction::new(),
        delete_account: ServerAction::new(),
        accept_invite: ServerAction::new(),
    };
    for value in [
        actions.sign_in.value(),
        actions.sign_up.value(),
        actions.sign_out.value(),
        actions.sign_out_everywhere.value(),
        actions.delete_account.value(),
        actions.accept_invite.value(),
    ] {
        Effect::new(move |_| {
            if matches!(value.get(), Some(Ok(()))) {
                version.0.update(|v| *v += 1);
            }
        });
    }
    provide_context(version);
    provide_context(actions);
    provide_context(CurrentUser(load(
        move || version.0.get(),
        |_| current_user(),
    )));
}

/// A form posted without JavaScript (or before the client arrived) comes
/// back with its error in the address (`__path`, `__err`). Leptos' router
/// hands it to the server actions created below it; the actions here are
/// above the router, so they are handed it here, or the sign-in page would
/// not say why a sign-in failed.
fn provide_form_error_from_address() {
    use leptos_router::location::Url;
    let query = current_query();
    let value = |key: &str| {
        query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .filter(|(name, _)| *name == key)
            .map(|(_, value)| Url::unescape(value))
            .next_back()
    };
    if let (Some(path), Some(error)) = (value("__path"), value("__err")) {
        provide_context(leptos::server::ServerActionError::new(&path, &error));
    }
}

/// The query of the page's address, without `?`.
fn current_query() -> String {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|parts| parts.uri.query().map(str::to_owned))
            .unwrap_or_default()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .map(|search| search.trim_start_matches('?').to_owned())
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        String::new()
    }
}
