//! Accounts: signing up and in, sessions, API tokens, the profile, notifications.

use leptos::prelude::*;
use shared::ApiError;
use shared::account::{Me, SessionInfo};

#[cfg(feature = "ssr")]
use super::{caller, ctx, keep_session, problem, set_cookie};

/// The signed-in member, or `None` for a visitor.
#[server(prefix = "/rpc")]
pub async fn current_user() -> Result<Option<Me>, ApiError> {
    let caller = caller();
    if caller.actor == domain::Actor::Anonymous {
        return Ok(None);
    }
    domain::auth::me(&ctx()?, &caller.actor)
        .await
        .map(Some)
        .map_err(problem)
}

/// Signs in, does what sent a visitor here (a vote, a follow) if anything,
/// and goes on to `next` (a local path) or the profile. Also works as a
/// plain form post.
#[server(prefix = "/rpc")]
pub async fn sign_in(
    email: String,
    password: String,
    #[server(default)] next: Option<String>,
    #[server(default)] vote: Option<i64>,
    #[server(default)] follow: Option<i64>,
) -> Result<(), ApiError> {
    let ctx = ctx()?;
    let input = shared::account::SignIn { email, password };
    let session = domain::auth::sign_in(&ctx, input, &caller().client)
        .await
        .map_err(problem)?;
    keep_session(&ctx, &session.token);
    carry_on(&ctx, &session.token, vote, follow).await?;
    let next = next.filter(|n| shared::redirect::is_local_path(n));
    leptos_axum::redirect(next.as_deref().unwrap_or("/me"));
    Ok(())
}

/// Creates a customer account, signs it in, does what sent the visitor here
/// (a vote, a follow) and goes back there — or to the board — with a
/// welcome, never to the account settings.
#[server(prefix = "/rpc")]
pub async fn sign_up(
    display_name: String,
    email: String,
    password: String,
    #[server(default)] next: Option<String>,
    #[server(default)] vote: Option<i64>,
    #[server(default)] follow: Option<i64>,
    #[server(default)] consent: Option<String>,
) -> Result<(), ApiError> {
    let ctx = ctx()?;
    // The form always asks: no account without the consent in force.
    domain::consent::check(&ctx, consent.as_deref()).map_err(problem)?;
    let input = shared::account::SignUp {
        email,
        password,
        display_name,
        consent,
    };
    let session = domain::auth::sign_up(&ctx, input, &caller().client)
        .await
        .map_err(problem)?;
    keep_session(&ctx, &session.token);
    carry_on(&ctx, &session.token, vote, follow).await?;
    let next = next.filter(|n| shared::redirect::is_local_path(n));
    leptos_axum::redirect(&crate::url::with_welcome(next.as_deref().unwrap_or("/")));
    Ok(())
}

/// The personal-information consent the sign-up form asks for.
#[server(prefix = "/rpc")]
pub async fn consent_terms() -> Result<shared::account::ConsentTerms, ApiError> {
    let terms = domain::consent::terms(&ctx()?, crate::locale::from_request());
    // Server functions are async; this one has nothing to wait for.
    Ok(std::future::ready(terms).await)
}

/// Confirms an e-mail address with the link mailed at sign-up.
#[server(prefix = "/rpc")]
pub async fn confirm_email(token: String) -> Result<(), ApiError> {
    domain::verification::confirm(&ctx()?, &token)
        .await
        .map_err(problem)
}

/// Mails the signed-in member a new confirmation link.
#[server(prefix = "/rpc")]
pub async fn resend_confirmation() -> Result<(), ApiError> {
    domain::verification::resend(&ctx()?, &caller().actor)
        .await
        .map_err(problem)
}

/// The action a visitor clicked before signing in or up. The account stands
/// even if the idea is gone since; its page will say so.
#[cfg(feature = "ssr")]
async fn carry_on(
    ctx: &domain::Ctx,
    token: &str,
    vote: Option<i64>,
    follow: Option<i64>,
) -> Result<(), ApiError> {
    if vote.is_none() && follow.is_none() {
        return Ok(());
    }
    let actor = domain::auth::actor_for_session(ctx, token)
        .await
        .map_err(problem)?;
    if let Some(number) = vote {
        let _ = domain::vote::cast(ctx, &actor, number).await;
    }
    if let Some(number) = follow {
        let _ = domain::follow::set(ctx, &actor, number, true).await;
    }
    Ok(())
}

/// Ends this session and goes home.
#[server(prefix = "/rpc")]
pub async fn sign_out() -> Result<(), ApiError> {
    let ctx = ctx()?;
    if let Some(token) = caller().session_token {
        domain::auth::sign_out(&ctx, &token).await?;
    }
    set_cookie(&domain::auth::session_clear_cookie(
        ctx.settings.secure_cookies(),
    ));
    leptos_axum::redirect("/");
    Ok(())
}

/// Where the member is signed in.
#[server(prefix = "/rpc")]
pub async fn my_sessions() -> Result<Vec<SessionInfo>, ApiError> {
    let caller = caller();
    domain::auth::list_sessions(&ctx()?, &caller.actor, caller.session_token.as_deref())
        .await
        .map_err(problem)
}

/// Signs the member out on every device, this one included.
#[server(prefix = "/rpc")]
pub async fn sign_out_everywhere() -> Result<(), ApiError> {
    let ctx = ctx()?;
    domain::auth::sign_out_everywhere(&ctx, &caller().actor).await?;
    set_cookie(&domain::auth::session_clear_cookie(
        ctx.settings.secure_cookies(),
    ));
    leptos_axum::redirect("/signin");
    Ok(())
}

/// Mails a reset link if the account exists (same answer either way), then
/// shows the page that says so (also to a browser without JavaScript).
#[server(prefix = "/rpc")]
pub async fn request_password_reset(email: String) -> Result<(), ApiError> {
    let input = shared::account::RequestPasswordReset { email };
    domain::onboarding::request_reset(&ctx()?, input, &caller().client)
        .await
        .map_err(problem)?;
    leptos_axum::redirect("/forgot?sent=1");
    Ok(())
}

/// Sets a new password from the e-mailed link, then goes to sign in.
#[server(prefix = "/rpc")]
pub async fn complete_password_reset(token: String, password: String) -> Result<(), ApiError> {
    let input = shared::account::CompletePasswordReset { token, password };
    domain::onboarding::complete_reset(&ctx()?, input).await?;
    leptos_axum::redirect("/signin?reset=1");
    Ok(())
}

/// Creates the invited staff account, signs it in, goes to the profile.
#[server(prefix = "/rpc")]
pub async fn accept_invite(
    token: String,
    display_name: String,
    password: String,
) -> Result<(), ApiError> {
    let ctx = ctx()?;
    let input = shared::account::AcceptInvite {
        token,
        display_name,
        password,
    };
    let session = domain::onboarding::accept_invite(&ctx, input, &caller().client).await?;
    keep_session(&ctx, &session.token);
    leptos_axum::redirect("/me");
    Ok(())
}

/// A member's public profile.
#[server(prefix = "/rpc")]
pub async fn member_profile(id: i64) -> Result<shared::MemberProfile, ApiError> {
    domain::member::profile(&ctx()?, id).await.map_err(problem)
}

/// Deletes the signed-in member's account (password confirms), then goes home.
#[server(prefix = "/rpc")]
pub async fn delete_account(password: String) -> Result<(), ApiError> {
    let ctx = ctx()?;
    let input = shared::account::DeleteAccount { password };
    domain::privacy::delete_account(&ctx, &caller().actor, input).await?;
    set_cookie(&domain::auth::session_clear_cookie(
        ctx.settings.secure_cookies(),
    ));
    leptos_axum::redirect("/?account=deleted");
    Ok(())
}

/// Changes the signed-in member's name, signature initials and the
/// language of their mail and notifications.
#[server(prefix = "/rpc")]
pub async fn update_profile(
    display_name: String,
    initials: String,
    language: String,
) -> Result<(), ApiError> {
    let language = shared::Locale::from_tag(&language).ok_or_else(|| {
        problem(domain::Error::invalid(
            "language",
            domain::msg!("rpc.language"),
        ))
    })?;
    let input = shared::account::ProfileUpdate {
        display_name: Some(display_name),
        initials: Some(initials),
        language: Some(language),
    };
    domain::user::update_profile(&ctx()?, &caller().actor, input)
        .await
        .map_err(problem)
}

/// The member's API tokens.
#[server(prefix = "/rpc")]
pub async fn my_tokens() -> Result<Vec<shared::account::TokenInfo>, ApiError> {
    domain::auth::list_tokens(&ctx()?, &caller().actor)
        .await
        .map_err(problem)
}

/// Creates an API token; the secret comes back this once.
#[server(prefix = "/rpc")]
pub async fn create_token(
    name: String,
    expires_in_days: Option<u32>,
) -> Result<shared::account::TokenCreated, ApiError> {
    let input = shared::account::CreateToken {
        name,
        expires_in_days,
    };
    domain::auth::create_token(&ctx()?, &caller().actor, input)
        .await
        .map_err(problem)
}

/// Revokes one of the member's API tokens.
#[server(prefix = "/rpc")]
pub async fn revoke_token(id: i64) -> Result<(), ApiError> {
    domain::auth::revoke_token(&ctx()?, &caller().actor, id)
        .await
        .map_err(problem)
}

/// The signed-in member's newest notifications and unread count.
#[server(prefix = "/rpc")]
pub async fn my_notifications() -> Result<shared::NotificationList, ApiError> {
    domain::notification::list(&ctx()?, &caller().actor)
        .await
        .map_err(problem)
}

/// Marks all of the member's notifications read.
#[server(prefix = "/rpc")]
pub async fn mark_notifications_read() -> Result<(), ApiError> {
    domain::notification::mark_all_read(&ctx()?, &caller().actor)
        .await
        .map_err(problem)
}

/// The signed-in member's e-mail preference for notifications.
#[server(prefix = "/rpc")]
pub async fn notification_settings() -> Result<shared::NotificationSettings, ApiError> {
    domain::notification_mail::settings(&ctx()?, &caller().actor)
        .await
        .map_err(problem)
}

/// Sets how the member hears about notifications by e-mail.
#[server(prefix = "/rpc")]
pub async fn set_notification_settings(
    email: String,
) -> Result<shared::NotificationSettings, ApiError> {
    let email = email.parse::<shared::EmailMode>().map_err(|_| {
        problem(domain::Error::invalid(
            "email",
            domain::msg!("rpc.mail_frequency"),
        ))
    })?;
    domain::notification_mail::update_settings(
        &ctx()?,
        &caller().actor,
        shared::NotificationSettings { email },
    )
    .await
    .map_err(problem)
}

/// The one-click unsubscribe link of a notification mail.
#[server(prefix = "/rpc")]
pub async fn unsubscribe_link(token: String) -> Result<shared::Unsubscribed, ApiError> {
    domain::notification_mail::unsubscribe(&ctx()?, &token)
        .await
        .map_err(problem)
}
