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
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| $err(s.to_owned()))
            }
        }
    };
}

/// Defines a closed vocabulary in one place: the enum (JSON, the `OpenAPI`
/// schema and, with the `db` feature, a column type stored as its string),
/// `as_str`, `Display` and `FromStr`. Each variant names its stable string.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $ty:ident ($err:ident, $what:literal) {
            $($(#[$variant_meta:meta])* $variant:ident = $text:literal,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        // `rename_all` (not a per-variant `rename` from the macro's literal,
        // which the OpenAPI derive does not read): every stable string is
        // the snake_case variant name, and a test holds `as_str` to it.
        #[serde(rename_all = "snake_case")]
        #[cfg_attr(
            feature = "db",
            derive(sea_orm::DeriveValueType),
            sea_orm(value_type = "String")
        )]
        pub enum $ty {
            $($(#[$variant_meta])* $variant,)+
        }

        impl $ty {
            /// Every value, in declaration order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The stable string used in the database and the API.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $text,)+
                }
            }
        }

        string_enum!($ty, $err, $what);
    };
}
