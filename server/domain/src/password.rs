//! Password hashing with argon2id; only hashes are stored.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use crate::error::{Error, Result};

/// Shortest password accepted; long passphrases beat complex short ones.
pub const MIN_PASSWORD_CHARS: usize = 10;

/// A valid argon2id hash of a random string: verifying against it costs the
/// same as a real check, so a sign-in for an unknown e-mail is not faster.
pub const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$1t0Dq7wKRcuKSaPSt2TpzdNnWmIzfrpKYyT5fbvPSwg";

/// Checks the password rules, naming the field on failure.
pub fn validate(password: &str) -> Result<()> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(Error::invalid(
            "password",
            crate::msg!(
                "password.must_at_least_characters",
                min_password_chars = MIN_PASSWORD_CHARS
            ),
        ));
    }
    Ok(())
}

/// Hashes a password with a fresh random salt (PHC string format).
pub fn hash(password: &str) -> Result<String> {
    let mut salt_bytes = [0_u8; 16];
    rand::fill(&mut salt_bytes);
    let salt = SaltString::encode_b64(&salt_bytes)
        .map_err(|e| Error::Internal(format!("password salt: {e}")))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Internal(format!("password hash: {e}")))
}

/// True when `password` matches the stored hash; a malformed hash never matches.
#[must_use]
pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_only_its_own_password() {
        let stored = hash("correct horse battery").expect("hash");
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("correct horse battery", &stored));
        assert!(!verify("correct horse batterY", &stored));
        assert!(!verify("anything", "not a hash"));
    }

    #[test]
    fn the_dummy_hash_is_a_real_hash_so_unknown_accounts_cost_the_same() {
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
        assert!(!verify("anything at all", DUMMY_HASH));
    }

    #[test]
    fn short_passwords_are_rejected_with_the_field_named() {
        match validate("short") {
            Err(Error::Invalid(errors)) => assert!(errors.contains_key("password")),
            other => panic!("expected invalid, got {other:?}"),
        }
        assert!(validate("long enough!").is_ok());
    }
}
