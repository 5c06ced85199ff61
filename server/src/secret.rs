//! The server's secret key: given by the operator, or generated once and kept
//! in the data folder so sessions survive restarts.

use std::io::Write;
use std::path::Path;

/// Why the secret could not be had; one clear line each.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    /// The data folder could not be created or written.
    #[error("data folder {path} is not writable: {reason}")]
    Unwritable {
        /// The folder.
        path: String,
        /// What the OS said.
        reason: String,
    },
    /// A given or stored key is too short to be safe.
    #[error("secret key is too short: use at least 32 characters")]
    TooShort,
}

const FILE_NAME: &str = "secret.key";

/// Returns the operator's key, or the stored one, or a new random key that is
/// stored with owner-only permissions.
pub fn load_or_create(given: Option<&str>, data_dir: &Path) -> Result<String, SecretError> {
    if let Some(key) = given {
        return check(key.trim().to_owned());
    }
    let path = data_dir.join(FILE_NAME);
    if let Ok(stored) = std::fs::read_to_string(&path) {
        return check(stored.trim().to_owned());
    }
    let unwritable = |e: std::io::Error| SecretError::Unwritable {
        path: data_dir.display().to_string(),
        reason: e.to_string(),
    };
    std::fs::create_dir_all(data_dir).map_err(unwritable)?;
    let key: String = (0..32).fold(String::with_capacity(64), |mut key, _| {
        key.push_str(&format!("{:02x}", rand::random::<u8>()));
        key
    });
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(&path).map_err(unwritable)?;
    file.write_all(key.as_bytes()).map_err(unwritable)?;
    Ok(key)
}

fn check(key: String) -> Result<String, SecretError> {
    if key.len() < 32 {
        return Err(SecretError::TooShort);
    }
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_key_is_stored_and_reused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = load_or_create(None, dir.path()).expect("create");
        assert_eq!(first.len(), 64);
        assert_eq!(load_or_create(None, dir.path()).expect("reuse"), first);
        assert!(matches!(
            load_or_create(Some("short"), dir.path()),
            Err(SecretError::TooShort)
        ));
    }
}
