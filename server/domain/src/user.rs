//! Members: creating accounts and showing people the way the API does (public
//! name, and the signed staff identity for employees).

use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set, SqlErr,
};
use shared::account::{ProfileUpdate, StaffUpdate};
use shared::{DepartmentRef, Role, StaffIdentity, UserRef};

use crate::actor::Actor;
use crate::entity::{department, user};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, password};

/// What `madang user create` and the demo loader need to make an account.
#[derive(Clone, Debug)]
pub struct NewUser {
    /// Any case, surrounding spaces allowed; stored normalised.
    pub email: String,
    /// Public name (also the staff signature).
    pub display_name: String,
    /// The member's role.
    pub role: Role,
    /// Department slug for staff.
    pub department: Option<String>,
    /// Job title for staff.
    pub title: Option<String>,
    /// Signature initials; derived from the name when absent.
    pub initials: Option<String>,
    /// Plain password, hashed before storing.
    pub password: String,
}

/// Lower-cased, trimmed e-mail: one account per mailbox whatever the case.
#[must_use]
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Initials a staff member signs with and avatars show: `Jiwoo Kim` →
/// `J.K.`; a Korean name gives its given name, as Koreans shorten names
/// (`김지우` → `지우`, `남궁민수` → `민수`), never dotted syllables.
#[must_use]
pub fn derive_initials(display_name: &str) -> String {
    let words: Vec<&str> = display_name.split_whitespace().collect();
    let hangul: String = words.concat();
    if !hangul.is_empty() && hangul.chars().all(is_hangul) {
        let syllables: Vec<char> = hangul.chars().collect();
        // Family names are one syllable (two for a few, in four-syllable names).
        let given = match syllables.len() {
            1 | 2 => &syllables[..],
            _ => &syllables[syllables.len() - 2..],
        };
        return given.iter().collect();
    }
    words
        .iter()
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .flat_map(|c| [c, '.'])
        .collect()
}

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

const AVATAR_COLORS: [&str; 8] = [
    "#0f766e", "#b45309", "#1d4ed8", "#9d174d", "#4d7c0f", "#6d28d9", "#be123c", "#0e7490",
];

/// A stable colour picked from the e-mail, so avatars are told apart at a glance.
pub(crate) fn avatar_color(email: &str) -> String {
    let sum = email.bytes().fold(0_usize, |acc, b| {
        acc.wrapping_mul(31).wrapping_add(usize::from(b))
    });
    AVATAR_COLORS[sum % AVATAR_COLORS.len()].to_owned()
}

/// A plausible address: something before one `@`, a dotted domain after it.
#[must_use]
pub fn looks_like_email(email: &str) -> bool {
    email.len() <= 254
        && !email.contains(char::is_whitespace)
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        })
}

fn validate(input: &NewUser) -> Result<String> {
    let email = normalize_email(&input.email);
    if !looks_like_email(&email) {
        return Err(Error::invalid(
            "email",
            crate::msg!("field.must_e_mail_address_like"),
        ));
    }
    let name_len = input.display_name.trim().chars().count();
    if !(1..=80).contains(&name_len) {
        return Err(Error::invalid(
            "display_name",
            crate::msg!("field.must_1_80_characters"),
        ));
    }
    password::validate(&input.password)?;
    Ok(email)
}

/// Creates an account after validating it; the e-mail must be unused.
pub async fn create(ctx: &Ctx, input: NewUser) -> Result<i32> {
    let email = validate(&input)?;
    let password_hash = password::hash(&input.password)?;
    let taken = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .count(&ctx.db)
        .await?;
    if taken > 0 {
        return Err(Error::Conflict(crate::msg!(
            "user.account_with_e_mail_already",
            email = email
        )));
    }
    let department_id = crate::department::find_for_field(ctx, input.department.as_deref())
        .await?
        .map(|d| d.id);
    let display_name = input.display_name.trim().to_owned();
    let initials = input
        .initials
        .unwrap_or_else(|| derive_initials(&display_name));
    let row = user::ActiveModel {
        avatar_color: Set(avatar_color(&email)),
        email: Set(email),
        password_hash: Set(Some(password_hash)),
        display_name: Set(display_name),
        role: Set(input.role),
        department_id: Set(department_id),
        title: Set(input.title),
        initials: Set(Some(initials)),
        created_at: Set(ctx.clock.now()),
        // Mail and notifications speak the language the member signed up in
        // until they choose another on /me.
        locale: Set(crate::i18n::serving_locale().map(|l| l.tag().to_owned())),
        ..Default::default()
    }
    .insert(&ctx.db)
    .await
    .map_err(|e| match e.sql_err() {
        // Lost a race with another sign-up for the same address.
        Some(SqlErr::UniqueConstraintViolation(_)) => {
            Error::Conflict(crate::msg!("user.account_with_e_mail_already_2"))
        }
        _ => Error::Db(e),
    })?;
    Ok(row.id)
}

/// Changes the signed-in member's public name, signature initials and the
/// language of their mail.
pub async fn update_profile(ctx: &Ctx, actor: &Actor, input: ProfileUpdate) -> Result<()> {
    let member = policy::member_for(actor, Action::ManageOwnAccount, Scope::Own)?;
    let mut errors = std::collections::BTreeMap::new();
    let name = input.display_name.map(|n| n.trim().to_owned());
    if name
        .as_ref()
        .is_some_and(|n| !(1..=80).contains(&n.chars().count()))
    {
        errors.insert(
            "display_name".to_owned(),
            crate::msg!("field.must_1_80_characters"),
        );
    }
    let initials = input.initials.map(|i| i.trim().to_owned());
    if initials
        .as_ref()
        .is_some_and(|i| !(1..=12).contains(&i.chars().count()))
    {
        errors.insert(
            "initials".to_owned(),
            crate::msg!("user.must_1_12_characters"),
        );
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let row = user::Entity::find_by_id(member.id)
        .one(&ctx.db)
        .await?
        .ok_or_else(|| Error::NotFound(crate::msg!("not_found.account")))?;
    let mut active = row.into_active_model();
    if let Some(name) = name {
        active.display_name = Set(name);
    }
    if let Some(initials) = initials {
        active.initials = Set(Some(initials));
    }
    if let Some(language) = input.language {
        active.locale = Set(Some(language.tag().to_owned()));
    }
    active.update(&ctx.db).await?;
    Ok(())
}

/// An admin sets a member's role, department and title. The last admin
/// cannot be demoted, so the site always has someone who can manage it.
pub async fn update_staff(ctx: &Ctx, actor: &Actor, id: i64, input: StaffUpdate) -> Result<()> {
    let admin = policy::member_for(actor, Action::ManageStaff, Scope::Others)?;
    let not_found = || Error::NotFound(crate::msg!("not_found.member_2", id = id));
    let user_id = i32::try_from(id).map_err(|_| not_found())?;
    let department_id = crate::department::find_for_field(ctx, input.department.as_deref())
        .await?
        .map(|d| d.id);
    let txn = ctx.begin_write().await?;
    let row = user::Entity::find_by_id(user_id)
        .one(&txn)
        .await?
        .filter(|u| u.deleted_at.is_none())
        .ok_or_else(not_found)?;
    if row.role == Role::Admin && input.role != Role::Admin {
        keep_an_admin(&txn, crate::msg!("user.last_admin")).await?;
    }
    let before = serde_json::json!({"role": row.role, "department_id": row.department_id, "title": row.title});
    let mut active = row.into_active_model();
    active.role = Set(input.role);
    active.department_id = Set(department_id);
    active.title = Set(input
        .title
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty()));
    let row = active.update(&txn).await?;
    crate::audit::Entry::new(admin.id, shared::AuditAction::StaffChanged, "member", row.id)
        .before(before)
        .after(serde_json::json!({"role": row.role, "department_id": row.department_id, "title": row.title}))
        .write(&txn, ctx.clock.now())
        .await?;
    Ok(txn.commit().await?)
}

/// The site always keeps an admin who can manage it: refuses with 409 when
/// one admin fewer would leave none. Call it inside the write transaction
/// that demotes or deletes the admin: the admin rows are locked
/// (`PostgreSQL`) or the whole database is (`SQLite`'s immediate
/// transaction), so two admins demoting each other cannot both pass.
pub(crate) async fn keep_an_admin<C: ConnectionTrait>(
    txn: &C,
    refusal: crate::Message,
) -> Result<()> {
    let admins = user::Entity::find()
        .filter(user::Column::Role.eq(Role::Admin))
        .filter(user::Column::DeletedAt.is_null())
        // Always in the same order, so two of these never deadlock.
        .order_by_asc(user::Column::Id)
        .lock_exclusive()
        .all(txn)
        .await?;
    if admins.len() <= 1 {
        return Err(Error::Conflict(refusal));
    }
    Ok(())
}

/// Public references for the given members, with the signed identity for
/// staff; one query for the users and one for their departments.
pub async fn refs(ctx: &Ctx, ids: impl IntoIterator<Item = i32>) -> Result<HashMap<i32, UserRef>> {
    let mut ids: Vec<i32> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let users = user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(&ctx.db)
        .await?;
    let department_ids: Vec<i32> = users.iter().filter_map(|u| u.department_id).collect();
    let departments: HashMap<i32, department::Model> = if department_ids.is_empty() {
        HashMap::new()
    } else {
        department::Entity::find()
            .filter(department::Column::Id.is_in(department_ids))
            .all(&ctx.db)
            .await?
            .into_iter()
            .map(|d| (d.id, d))
            .collect()
    };
    Ok(users
        .into_iter()
        .map(|u| {
            let department = u.department_id.and_then(|id| departments.get(&id));
            (u.id, to_ref(u, department))
        })
        .collect())
}

/// The name shown for a member whose profile a moderator hid, in the
/// reader's language.
#[must_use]
pub fn hidden_name() -> String {
    crate::msg!("member.hidden").text(crate::i18n::request_locale())
}

/// The name a deleted account keeps in the database; pages show it in the
/// reader's language.
pub const DELETED_NAME: &str = "Deleted member / 탈퇴한 회원";

/// The name a member has once they deleted their account, in the reader's
/// language (the stored name is the same in every database).
fn shown_name(display_name: String) -> String {
    if display_name == DELETED_NAME {
        crate::msg!("member.deleted").text(crate::i18n::request_locale())
    } else {
        display_name
    }
}

fn to_ref(u: user::Model, department: Option<&department::Model>) -> UserRef {
    let role = u.role;
    let staff = role.is_staff().then(|| StaffIdentity {
        id: i64::from(u.id),
        display_name: u.display_name.clone(),
        initials: u
            .initials
            .clone()
            .unwrap_or_else(|| derive_initials(&u.display_name)),
        department: department.map(|d| DepartmentRef {
            slug: d.slug.clone(),
            name: d.local_name(),
        }),
        title: u.title.clone(),
        role,
    });
    // A profile a moderator hid (an abusive name) shows no name anywhere.
    let display_name = if u.hidden_at.is_some() && staff.is_none() {
        hidden_name()
    } else {
        shown_name(u.display_name)
    };
    UserRef {
        id: i64::from(u.id),
        display_name,
        staff,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_follow_the_name() {
        assert_eq!(derive_initials("Jiwoo Kim"), "J.K.");
        assert_eq!(derive_initials("  sara   park "), "S.P.");
        assert_eq!(derive_initials("김지우"), "지우");
        assert_eq!(derive_initials("김 지우"), "지우");
        assert_eq!(derive_initials("남궁민수"), "민수");
        assert_eq!(derive_initials("이준"), "이준");
        assert_eq!(derive_initials("Kim 지우"), "K.지.");
    }

    #[test]
    fn emails_are_normalised() {
        assert_eq!(
            normalize_email("  Jiwoo.Kim@Example.COM "),
            "jiwoo.kim@example.com"
        );
    }
}
