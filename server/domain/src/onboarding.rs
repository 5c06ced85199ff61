//! Staff invitations (an admin invites, the invitee picks a name and
//! password) and password resets, both by one-time links sent by e-mail
//! (see `one_time_link`).

use chrono::{Duration, SecondsFormat};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, Set,
    TransactionTrait,
};
use shared::Role;
use shared::account::{
    AcceptInvite, CompletePasswordReset, CreateInvite, InviteCreated, RequestPasswordReset,
};

use crate::actor::Actor;
use crate::auth::{Client, NewSession};
use crate::entity::{department, one_time_token, session, user};
use crate::one_time_link::{claim, usable_link};
use crate::policy::{self, Action, Scope};
use crate::user::{NewUser, normalize_email};
use crate::{Ctx, Error, Result, mail, password, rate_limit, secret_token};

/// How long an invitation link works.
pub const INVITE_LIFETIME: Duration = Duration::days(7);
/// How long a password-reset link works.
pub const RESET_LIFETIME: Duration = Duration::hours(1);

const PURPOSE_INVITE: &str = "invite";
const PURPOSE_RESET: &str = "reset";

/// Invites a staff member: stores the invitation and queues the e-mail.
pub async fn invite(ctx: &Ctx, actor: &Actor, input: CreateInvite) -> Result<InviteCreated> {
    let admin = policy::member_for(actor, Action::ManageStaff, Scope::Others)?;
    let email = normalize_email(&input.email);
    if !crate::user::looks_like_email(&email) {
        return Err(Error::invalid(
            "email",
            crate::msg!("field.must_e_mail_address_like"),
        ));
    }
    if !input.role.is_staff() {
        return Err(Error::invalid(
            "role",
            crate::msg!("onboarding.invitations_are_staff_employee_moderator"),
        ));
    }
    if user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .count(&ctx.db)
        .await?
        > 0
    {
        return Err(Error::Conflict(crate::msg!(
            "onboarding.already_has_account",
            email = email
        )));
    }
    let department = crate::department::find_for_field(ctx, input.department.as_deref()).await?;
    let now = ctx.clock.now();
    let secret = secret_token::generate();
    let txn = ctx.db.begin().await?;
    let row = one_time_token::ActiveModel {
        purpose: Set(PURPOSE_INVITE.to_owned()),
        token_hash: Set(secret_token::digest(&secret)),
        email: Set(email.clone()),
        user_id: Set(None),
        role: Set(Some(input.role.as_str().to_owned())),
        department_id: Set(department.as_ref().map(|d| d.id)),
        title: Set(input
            .title
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())),
        created_by_id: Set(Some(admin.id)),
        created_at: Set(now),
        expires_at: Set(now + INVITE_LIFETIME),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    crate::audit::Entry::new(admin.id, shared::AuditAction::StaffInvited, "member", &email)
        .after(serde_json::json!({"role": input.role.as_str(), "department_id": department.as_ref().map(|d| d.id)}))
        .write(&txn, now)
        .await?;
    // The invitee has no language yet: the mail speaks the inviting admin's.
    let locale = crate::i18n::request_locale();
    let intro = match &department {
        Some(d) => crate::msg!("mail.invite.intro_team").arg_names("department", d.names()),
        None => crate::msg!("mail.invite.intro"),
    }
    .arg_word("role", "role", input.role.as_str());
    let body = format!(
        "{}\n\n{}\n{}/invite?token={secret}\n",
        intro.text(locale),
        crate::i18n::lookup(locale, "mail.invite.link"),
        ctx.settings.base_url,
    );
    let subject = crate::i18n::lookup(locale, "mail.invite.subject");
    mail::queue(&txn, now, &email, subject, &body).await?;
    txn.commit().await?;
    Ok(InviteCreated {
        id: i64::from(row.id),
        email,
        expires_at: row.expires_at.to_rfc3339_opts(SecondsFormat::Secs, true),
    })
}

/// Creates the invited staff account and signs it in.
pub async fn accept_invite(ctx: &Ctx, input: AcceptInvite, client: &Client) -> Result<NewSession> {
    let link = usable_link(ctx, PURPOSE_INVITE, &input.token).await?;
    let department = match link.department_id {
        Some(id) => department::Entity::find_by_id(id)
            .one(&ctx.db)
            .await?
            .map(|d| d.slug),
        None => None,
    };
    let role = link
        .role
        .as_deref()
        .and_then(|r| r.parse::<Role>().ok())
        .unwrap_or(Role::Employee);
    let user_id = crate::user::create(
        ctx,
        NewUser {
            email: link.email.clone(),
            display_name: input.display_name,
            role,
            department,
            title: link.title.clone(),
            initials: None,
            password: input.password,
        },
    )
    .await?;
    mark_used(ctx, link).await?;
    // The invitation came by mail: the address is theirs.
    crate::verification::mark_confirmed(&ctx.db, user_id, ctx.clock.now()).await?;
    crate::auth::start_session(ctx, user_id, client).await
}

async fn mark_used(ctx: &Ctx, link: one_time_token::Model) -> Result<()> {
    claim(&ctx.db, &link, ctx.clock.now()).await
}

/// Queues a reset link if the account exists. Always succeeds (after the
/// rate limit), so the answer does not reveal which e-mails have accounts.
pub async fn request_reset(ctx: &Ctx, input: RequestPasswordReset, client: &Client) -> Result<()> {
    let email = normalize_email(&input.email);
    let address = format!("reset:ip:{}", client.ip.as_deref().unwrap_or("unknown"));
    let account_bucket = format!("reset:account:{email}");
    // Every request counts, whether or not the account exists.
    let _counted = rate_limit::attempt(
        ctx,
        &[
            (&address, rate_limit::RESET_ADDRESS),
            (&account_bucket, rate_limit::RESET_ACCOUNT),
        ],
    )
    .await?;
    let Some(account) = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .one(&ctx.db)
        .await?
    else {
        return Ok(());
    };
    let now = ctx.clock.now();
    let secret = secret_token::generate();
    let txn = ctx.db.begin().await?;
    one_time_token::ActiveModel {
        purpose: Set(PURPOSE_RESET.to_owned()),
        token_hash: Set(secret_token::digest(&secret)),
        email: Set(email.clone()),
        user_id: Set(Some(account.id)),
        role: Set(None),
        department_id: Set(None),
        title: Set(None),
        created_by_id: Set(None),
        created_at: Set(now),
        expires_at: Set(now + RESET_LIFETIME),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let locale = crate::language::of(&txn, account.id).await?;
    let say = |key| crate::i18n::lookup(locale, key);
    let body = format!(
        "{}\n\n{}\n{}/reset?token={secret}\n\n{}\n",
        say("mail.reset.intro"),
        say("mail.reset.link"),
        ctx.settings.base_url,
        say("mail.reset.ignore"),
    );
    mail::queue(&txn, now, &email, say("mail.reset.subject"), &body).await?;
    txn.commit().await?;
    Ok(())
}

/// Sets a new password from a reset link; the account is signed out
/// everywhere, its API tokens are revoked and every other reset link is
/// void. The link is claimed first, in the same transaction, so a link works
/// once however many requests race with it.
pub async fn complete_reset(ctx: &Ctx, input: CompletePasswordReset) -> Result<()> {
    password::validate(&input.password)?;
    let link = usable_link(ctx, PURPOSE_RESET, &input.token).await?;
    let user_id = link
        .user_id
        .ok_or_else(|| Error::Internal("reset link without account".to_owned()))?;
    let hash = password::hash(&input.password)?;
    let now = ctx.clock.now();
    let txn = ctx.db.begin().await?;
    claim(&txn, &link, now).await?;
    let account = user::Entity::find_by_id(user_id)
        .one(&txn)
        .await?
        .ok_or_else(|| {
            Error::invalid(
                "token",
                crate::msg!("onboarding.link_invalid_used_expired_ask"),
            )
        })?;
    let mut active = account.into_active_model();
    active.password_hash = Set(Some(hash));
    // The link came by mail: the address is theirs.
    if active.email_verified_at.as_ref().is_none() {
        active.email_verified_at = Set(Some(now));
    }
    active.update(&txn).await?;
    crate::verification::release_held_posts(&txn, user_id, now).await?;
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    crate::auth::revoke_all_tokens(&txn, user_id, now).await?;
    one_time_token::Entity::update_many()
        .col_expr(one_time_token::Column::UsedAt, Expr::value(Some(now)))
        .filter(one_time_token::Column::UserId.eq(user_id))
        .filter(one_time_token::Column::Purpose.eq(PURPOSE_RESET))
        .filter(one_time_token::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}
