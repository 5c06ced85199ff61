//! One definition of `Display` and `FromStr` for the closed string
//! vocabularies of the API (roles, statuses, kinds, sorts), so the database,
//! the query strings and the JSON all spell them the same way.

/// Implements `Display` and `FromStr` through the type's `ALL` and `as_str`,
/// with a named error type that says which vocabulary was violated.
macro_rules! string_enum {
    ($ty:ty, $err:ident, $what:literal) => {
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #[doc = concat!("Returned for an unknown ", $what, ".")]
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct $err(pub String);

        impl std::fmt::Display for $err {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "unknown {} `{}`", $what, self.0)
            }
        }

        impl std::error::Error for $err {}

        impl std::str::FromStr for $ty {
            type Err = $err;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$ty>::ALL
                    .into_iter()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| $err(s.to_owned()))
            }
        }
    };
}
