//! Signing up, in and out; resolving a session cookie or an API token to the
//! member behind it; listing and revoking sessions and tokens.

use chrono::{Duration, SecondsFormat};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};
use shared::Role;
use shared::account::{CreateToken, Me, SessionInfo, SignIn, SignUp, TokenCreated, TokenInfo};

use crate::actor::{Actor, Member};
use crate::entity::{api_token, department, session, user};
use crate::policy::{self, Action, Scope};
use crate::user::{NewUser, normalize_email};
use crate::{Ctx, Error, Result, password, rate_limit, secret_token};

/// How long a session lasts without use.
pub const SESSION_LIFETIME: Duration = Duration::days(30);

/// Where a request comes from, for rate limits and the session list.
#[derive(Clone, Debug, Default)]
pub struct Client {
    /// The peer address.
    pub ip: Option<String>,
    /// The `User-Agent` header.
    pub user_agent: Option<String>,
}

/// How the request proved who it is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Via {
    /// Nothing: a visitor.
    #[default]
    Nothing,
    /// The session cookie (browsers).
    Cookie,
    /// A bearer API token (integrations).
    Bearer,
}

/// Everything known about the caller of a request: who, how they proved it,
/// and from where. The HTTP layer builds it once per request; REST handlers
/// and server functions pass it to use cases.
#[derive(Clone, Debug, Default)]
pub struct Caller {
    /// Who is asking.
    pub actor: Actor,
    /// How they proved it.
    pub via: Via,
    /// The session cookie value, to sign out or mark the current session.
    pub session_token: Option<String>,
    /// Address and browser, for rate limits and the session list.
    pub client: Client,
}

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "madang_session";

/// The `Set-Cookie` value that starts a session: `HttpOnly`, SameSite=Lax, and
/// Secure when the site is served over https.
#[must_use]
pub fn session_set_cookie(token: &str, secure: bool) -> String {
    let max_age = SESSION_LIFETIME.num_seconds();
    let secure = if secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={token}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}")
}

/// The `Set-Cookie` value that ends the session in the browser.
#[must_use]
pub fn session_clear_cookie(secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{secure}")
}

/// A new session: the cookie value (shown once) and the member.
#[derive(Clone, Debug)]
pub struct NewSession {
    /// The secret for the cookie; only its digest is stored.
    pub token: String,
    /// The signed-in member.
    pub me: Me,
}

fn rfc3339(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn address_bucket(kind: &str, client: &Client) -> String {
    format!("{kind}:ip:{}", client.ip.as_deref().unwrap_or("unknown"))
}

/// Creates a customer account and signs it in.
pub async fn sign_up(ctx: &Ctx, input: SignUp, client: &Client) -> Result<NewSession> {
    let bucket = address_bucket("signup", client);
    // Every sign-up counts, taken or not.
    let _counted = rate_limit::attempt(ctx, &[(&bucket, rate_limit::SIGN_UP_ADDRESS)]).await?;
    if input.consent.is_some() {
        crate::consent::check(ctx, input.consent.as_deref())?;
    }
    let id = crate::user::create(
        ctx,
        NewUser {
            email: input.email,
            display_name: input.display_name,
            role: Role::Customer,
            department: None,
            title: None,
            initials: None,
            password: input.password,
        },
    )
    .await?;
    let now = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    let account = user::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or_else(|| Error::Internal("new account vanished".to_owned()))?;
    let email = account.email.clone();
    if input.consent.is_some() {
        let mut active = account.into_active_model();
        active.consent_version = Set(Some(ctx.settings.consent.version.clone()));
        active.consented_at = Set(Some(now));
        active.update(&txn).await?;
    }
    crate::verification::send_link(ctx, &txn, id, &email, now).await?;
    txn.commit().await?;
    start_session(ctx, id, client).await
}

/// Checks the credentials and signs in. Unknown e-mail and wrong password
/// give the same error and take the same time.
pub async fn sign_in(ctx: &Ctx, input: SignIn, client: &Client) -> Result<NewSession> {
    let email = normalize_email(&input.email);
    // Failures count per (account, address) and per address: a correct
    // password from a new address is never refused for somebody else's
    // guesses, and one address cannot guess at many accounts.
    let account_bucket = format!(
        "signin:account:{email}:ip:{}",
        client.ip.as_deref().unwrap_or("unknown")
    );
    let address_bucket = address_bucket("signin", client);
    let attempts = rate_limit::attempt(
        ctx,
        &[
            (&account_bucket, rate_limit::SIGN_IN_ACCOUNT),
            (&address_bucket, rate_limit::SIGN_IN_ADDRESS),
        ],
    )
    .await?;

    let found = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .one(&ctx.db)
        .await?;
    let stored_hash = found.as_ref().and_then(|u| u.password_hash.clone());
    let ok = if let Some(hash) = &stored_hash {
        password::verify(&input.password, hash)
    } else {
        // Same work as a real check, so timing does not reveal accounts.
        let _ = password::verify(&input.password, password::DUMMY_HASH);
        false
    };
    match found {
        Some(account) if ok => {
            rate_limit::forget(ctx, attempts).await?;
            rate_limit::clear(ctx, &account_bucket).await?;
            start_session(ctx, account.id, client).await
        }
        // The failed attempt stays counted.
        _ => Err(Error::BadCredentials),
    }
}

pub(crate) async fn start_session(ctx: &Ctx, user_id: i32, client: &Client) -> Result<NewSession> {
    let token = secret_token::generate();
    let now = ctx.clock.now();
    session::ActiveModel {
        id: Set(secret_token::digest(&token)),
        user_id: Set(user_id),
        user_agent: Set(client
            .user_agent
            .as_ref()
            .map(|ua| ua.chars().take(200).collect())),
        ip: Set(client.ip.clone()),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + SESSION_LIFETIME),
    }
    .insert(&ctx.db)
    .await?;
    let me = me_by_id(ctx, user_id).await?;
    Ok(NewSession { token, me })
}

/// Ends the session with this cookie value (no error if it is already gone).
pub async fn sign_out(ctx: &Ctx, token: &str) -> Result<()> {
    session::Entity::delete_by_id(secret_token::digest(token))
        .exec(&ctx.db)
        .await?;
    Ok(())
}

/// The member behind a session cookie, if it is valid; extends sliding
/// expiry at most once a minute to keep reads cheap.
pub async fn actor_for_session(ctx: &Ctx, token: &str) -> Result<Actor> {
    let now = ctx.clock.now();
    let Some(row) = session::Entity::find_by_id(secret_token::digest(token))
        .one(&ctx.db)
        .await?
    else {
        return Ok(Actor::Anonymous);
    };
    if row.expires_at <= now {
        return Ok(Actor::Anonymous);
    }
    let user_id = row.user_id;
    if now - row.last_seen_at > Duration::minutes(1) {
        let mut active = row.into_active_model();
        active.last_seen_at = Set(now);
        active.expires_at = Set(now + SESSION_LIFETIME);
        active.update(&ctx.db).await?;
    }
    actor_by_id(ctx, user_id).await
}

/// The member behind an API token, if it is valid and not revoked.
pub async fn actor_for_api_token(ctx: &Ctx, token: &str) -> Result<Actor> {
    let Some(row) = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(secret_token::digest(token)))
        .filter(api_token::Column::RevokedAt.is_null())
        .one(&ctx.db)
        .await?
    else {
        return Ok(Actor::Anonymous);
    };
    let user_id = row.user_id;
    let now = ctx.clock.now();
    if token_expiry(&row) <= now {
        return Ok(Actor::Anonymous);
    }
    if row
        .last_used_at
        .is_none_or(|at| now - at > Duration::minutes(1))
    {
        let mut active = row.into_active_model();
        active.last_used_at = Set(Some(now));
        active.update(&ctx.db).await?;
    }
    actor_by_id(ctx, user_id).await
}

async fn actor_by_id(ctx: &Ctx, user_id: i32) -> Result<Actor> {
    let Some(account) = user::Entity::find_by_id(user_id)
        .one(&ctx.db)
        .await?
        .filter(|u| u.deleted_at.is_none())
    else {
        return Ok(Actor::Anonymous);
    };
    let now = ctx.clock.now();
    let suspension = account
        .suspended_until
        .filter(|until| *until > now)
        .map(|until| {
            let until = until
                .with_timezone(&ctx.settings.time_zone)
                .format("%Y-%m-%d %H:%M %Z");
            match account.suspended_reason.as_deref() {
                Some(reason) => crate::msg!("auth.suspended", until = until, reason = reason),
                None => crate::msg!("auth.suspended_no_reason", until = until),
            }
        });
    Ok(Actor::Member(Member {
        id: account.id,
        role: account.role,
        department_id: account.department_id,
        suspension,
    }))
}

/// The signed-in member as they see themselves.
pub async fn me(ctx: &Ctx, actor: &Actor) -> Result<Me> {
    let member = policy::member_for(actor, Action::ManageOwnAccount, Scope::Own)?;
    me_by_id(ctx, member.id).await
}

async fn me_by_id(ctx: &Ctx, user_id: i32) -> Result<Me> {
    let account = user::Entity::find_by_id(user_id)
        .one(&ctx.db)
        .await?
        .ok_or_else(|| Error::NotFound(crate::msg!("not_found.account")))?;
    let department = match account.department_id {
        Some(id) => department::Entity::find_by_id(id).one(&ctx.db).await?,
        None => None,
    };
    Ok(Me {
        id: i64::from(account.id),
        role: account.role,
        department: department.map(|d| shared::DepartmentRef {
            name: d.local_name(),
            slug: d.slug,
        }),
        initials: account
            .initials
            .clone()
            .unwrap_or_else(|| crate::user::derive_initials(&account.display_name)),
        email: account.email,
        display_name: account.display_name,
        title: account.title,
        avatar_color: account.avatar_color,
        email_verified: account.email_verified_at.is_some(),
        language: account
            .locale
            .as_deref()
            .and_then(shared::Locale::from_tag)
            .unwrap_or_default(),
        can: policy::capabilities(&Member {
            id: account.id,
            role: account.role,
            department_id: account.department_id,
            suspension: None,
        }),
    })
}

/// The member's sessions, newest use first; `current_token` marks this one.
pub async fn list_sessions(
    ctx: &Ctx,
    actor: &Actor,
    current_token: Option<&str>,
) -> Result<Vec<SessionInfo>> {
    let member = policy::member_for(actor, Action::ManageOwnAccount, Scope::Own)?;
    let current = current_token.map(secret_token::digest);
    let now = ctx.clock.now();
    let rows = session::Entity::find()
        .filter(session::Column::UserId.eq(member.id))
        .filter(session::Column::ExpiresAt.gt(now))
        .order_by_desc(session::Column::LastSeenAt)
        .all(&ctx.db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|s| SessionInfo {
            current: current.as_deref() == Some(s.id.as_str()),
            // The list shows a short public id, never the stored digest itself.
            id: s.id.chars().take(16).collect(),
            user_agent: s.user_agent,
            created_at: rfc3339(s.created_at),
            last_seen_at: rfc3339(s.last_seen_at),
        })
        .collect())
}

/// Ends every session of the member ("sign out everywhere").
pub async fn sign_out_everywhere(ctx: &Ctx, actor: &Actor) -> Result<u64> {
    let member = policy::member_for(actor, Action::ManageOwnAccount, Scope::Own)?;
    let result = session::Entity::delete_many()
        .filter(session::Column::UserId.eq(member.id))
        .exec(&ctx.db)
        .await?;
    Ok(result.rows_affected)
}

/// Creates an API token; the secret is returned this once.
pub async fn create_token(ctx: &Ctx, actor: &Actor, input: CreateToken) -> Result<TokenCreated> {
    let member = policy::member_for(actor, Action::ManageOwnAccount, Scope::Own)?;
    let name = input.name.trim().to_owned();
    if !(1..=80).contains(&name.chars().count()) {
        return Err(Error::invalid(
            "name",
            crate::msg!("field.must_1_80_characters"),
        ));
    }
    let days = input
        .expires_in_days
        .unwrap_or(shared::account::DEFAULT_TOKEN_DAYS);
    if !(1..=366).contains(&days) {
        return Err(Error::invalid(
            "expires_in_days",
            crate::msg!("auth.must_1_366_days"),
        ));
    }
    let now = ctx.clock.now();
    let token = format!("mdg_{}", secret_token::generate());
    let row = api_token::ActiveModel {
        user_id: Set(member.id),
        name: Set(name),
        token_hash: Set(secret_token::digest(&token)),
        prefix: Set(token.chars().take(10).collect()),
        created_at: Set(now),
        last_used_at: Set(None),
        revoked_at: Set(None),
        expires_at: Set(Some(now + Duration::days(i64::from(days)))),
        ..Default::default()
    }
    .insert(&ctx.db)
    .await?;
    Ok(TokenCreated {
        token,
        info: token_info(row),
    })
}

/// The member's tokens that are not revoked.
pub async fn list_tokens(ctx: &Ctx, actor: &Actor) -> Result<Vec<TokenInfo>> {
    let member = policy::member_for(actor, Action::ManageOwnAccount, Scope::Own)?;
    let rows = api_token::Entity::find()
        .filter(api_token::Column::UserId.eq(member.id))
        .filter(api_token::Column::RevokedAt.is_null())
        .order_by_desc(api_token::Column::Id)
        .all(&ctx.db)
        .await?;
    let now = ctx.clock.now();
    Ok(rows
        .into_iter()
        .filter(|t| token_expiry(t) > now)
        .map(token_info)
        .collect())
}

/// Revokes one of the member's tokens; another member's token is "not found".
pub async fn revoke_token(ctx: &Ctx, actor: &Actor, id: i64) -> Result<()> {
    let member = policy::member_for(actor, Action::ManageOwnAccount, Scope::Own)?;
    let row = api_token::Entity::find_by_id(
        i32::try_from(id).map_err(|_| Error::NotFound(crate::msg!("not_found.token")))?,
    )
    .one(&ctx.db)
    .await?
    .filter(|t| t.user_id == member.id && t.revoked_at.is_none())
    .ok_or_else(|| Error::NotFound(crate::msg!("not_found.token")))?;
    let mut active = row.into_active_model();
    active.revoked_at = Set(Some(ctx.clock.now()));
    active.update(&ctx.db).await?;
    Ok(())
}

/// When a token stops working; tokens made before expiry existed live 90 days.
fn token_expiry(row: &api_token::Model) -> chrono::DateTime<chrono::Utc> {
    row.expires_at.unwrap_or_else(|| {
        row.created_at + Duration::days(i64::from(shared::account::DEFAULT_TOKEN_DAYS))
    })
}

fn token_info(row: api_token::Model) -> TokenInfo {
    TokenInfo {
        id: i64::from(row.id),
        expires_at: rfc3339(token_expiry(&row)),
        name: row.name,
        prefix: row.prefix,
        created_at: rfc3339(row.created_at),
        last_used_at: row.last_used_at.map(rfc3339),
    }
}

/// Revokes every token of the member (a password reset: whoever had the
/// old password may have made one).
pub(crate) async fn revoke_all_tokens<C: sea_orm::ConnectionTrait>(
    db: &C,
    user_id: i32,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    api_token::Entity::update_many()
        .col_expr(
            api_token::Column::RevokedAt,
            sea_orm::sea_query::Expr::value(Some(now)),
        )
        .filter(api_token::Column::UserId.eq(user_id))
        .filter(api_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_cookies_are_http_only_and_lax() {
        let text = session_set_cookie("t0k3n", true);
        assert!(text.starts_with("madang_session=t0k3n;"), "{text}");
        assert!(
            text.contains("HttpOnly") && text.contains("SameSite=Lax") && text.ends_with("Secure"),
            "{text}"
        );
        assert!(!session_set_cookie("t", false).contains("Secure"));
        assert!(session_clear_cookie(false).contains("Max-Age=0"));
    }
}
