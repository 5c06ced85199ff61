//! Random bearer secrets (session cookies, API tokens, one-time links) and
//! their SHA-256 digests: only digests are stored, so a database leak does
//! not leak a usable credential.

use sha2::{Digest, Sha256};

/// A fresh 256-bit secret as 64 hex characters.
#[must_use]
pub fn generate() -> String {
    let mut bytes = [0_u8; 32];
    rand::fill(&mut bytes);
    hex(&bytes)
}

/// The stored form of a secret.
#[must_use]
pub fn digest(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    hex::encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_unique_and_digests_stable() {
        let a = generate();
        assert_eq!(a.len(), 64);
        assert_ne!(a, generate());
        assert_eq!(
            digest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
