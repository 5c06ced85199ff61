//! Who is signed in, as the UI knows it: one resource for the whole page,
//! refetched whenever a sign-in, sign-up or sign-out completes.

use leptos::prelude::*;
use shared::account::Me;

use crate::api::current_user;

/// Bumped after every change of who is signed in.
#[derive(Clone, Copy, Debug)]
pub struct AuthVersion(pub RwSignal<u32>);

/// The signed-in member for the page.
#[derive(Clone, Copy)]
pub struct CurrentUser(pub Resource<Result<Option<Me>, ServerFnError>>);

/// Provides both contexts; called once by `App`.
pub fn provide() {
    let version = AuthVersion(RwSignal::new(0));
    provide_context(version);
    provide_context(CurrentUser(Resource::new(
        move || version.0.get(),
        |_| current_user(),
    )));
}

/// Marks that who is signed in has changed.
pub fn changed() {
    if let Some(AuthVersion(version)) = use_context::<AuthVersion>() {
        version.update(|v| *v += 1);
    }
}
