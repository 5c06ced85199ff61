//! The signed identity of a staff member, shown on every official answer:
//! initials avatar, name, an "Official" badge, department and title — the
//! practice of signing each reply that customers trust.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::{StaffIdentity, UserRef};

use crate::i18n::{Locale, Translate};

/// A staff signature block. `official` is false for what staff write that
/// is not an answer (internal notes, hand-off and status posts): those are
/// signed but carry no "Official answer" badge.
#[component]
pub fn StaffSignature(
    staff: StaffIdentity,
    #[prop(default = true)] official: bool,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    view! {
        <span class="signature" data-staff=staff.id>
            <span class="avatar small staff" aria-hidden="true">{staff.initials.clone()}</span>
            <A href=format!("/members/{}", staff.id) attr:class="signature-name">{staff.display_name}</A>
            {official.then(|| view! { <span class="badge-official">{locale.t("idea.official")}</span> })}
            <span class="signature-initials">{staff.initials}</span>
            {staff.department.map(|d| view! { <span class="signature-department">{d.name}</span> })}
            {staff.title.map(|t| view! { <span class="signature-title">{t}</span> })}
        </span>
    }
}

/// Any author: the signature for staff, the plain name for everyone else.
#[component]
pub fn AuthorName(author: UserRef) -> impl IntoView {
    match author.staff {
        Some(staff) => view! { <StaffSignature staff/> }.into_any(),
        None => view! {
            <A href=format!("/members/{}", author.id) attr:class="author-name">{author.display_name}</A>
        }
        .into_any(),
    }
}
