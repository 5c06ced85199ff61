//! People as the API shows them: any member, and the signed staff identity
//! every official answer carries (name, initials, department, title).

use serde::{Deserialize, Serialize};

/// What a member may do, from least to most trusted. Staff are every role
/// above `Customer`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    feature = "db",
    derive(sea_orm::DeriveValueType),
    sea_orm(value_type = "String")
)]
pub enum Role {
    /// A member of the public with an account.
    Customer,
    /// Answers in public under their own name and department.
    Employee,
    /// Curates the board: merges, hides, locks, suspends.
    Moderator,
    /// Manages departments, staff and settings.
    Admin,
}

impl Role {
    /// Every role, for exhaustive tables (policy tests, admin forms).
    pub const ALL: [Role; 4] = [Role::Customer, Role::Employee, Role::Moderator, Role::Admin];

    /// Staff answer officially and see internal notes; customers do not.
    #[must_use]
    pub fn is_staff(self) -> bool {
        self != Role::Customer
    }

    /// The stable string used in the database, the API and the CLI.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Customer => "customer",
            Role::Employee => "employee",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }
}

string_enum!(Role, UnknownRole, "role");

/// A department as other records refer to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DepartmentRef {
    /// Stable URL-safe key, e.g. `billing`.
    pub slug: String,
    /// Display name, e.g. `Billing`.
    pub name: String,
}

/// The signed identity of a staff member: shown on every official answer so
/// customers know who decided and can hold a real person to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffIdentity {
    /// The member id.
    pub id: i64,
    /// Full name as the staff member signs.
    pub display_name: String,
    /// Initials used as a signature, e.g. `J.K.`.
    pub initials: String,
    /// The department that answers; `None` for staff not in one.
    pub department: Option<DepartmentRef>,
    /// Job title, e.g. `Billing specialist`.
    pub title: Option<String>,
    /// The member's role.
    pub role: Role,
}

/// Any author as shown in public lists: never the e-mail address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserRef {
    /// The member id.
    pub id: i64,
    /// Public name.
    pub display_name: String,
    /// Set for staff authors so their posts are visibly official.
    pub staff: Option<StaffIdentity>,
}

/// How much a member has given to the board, shown on their profile: the
/// regulars who become a company's "third employee" deserve to be seen.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Recognition {
    /// Ideas posted.
    pub ideas_posted: i64,
    /// Votes their ideas received.
    pub votes_received: i64,
    /// Their ideas that shipped (status done).
    pub ideas_delivered: i64,
    /// Comments written.
    pub comments: i64,
    /// Official answers: signed decisions and ticket replies (staff).
    pub official_answers: i64,
}

/// A member's public profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberProfile {
    /// Member id.
    pub id: i64,
    /// Public name.
    pub display_name: String,
    /// Signature initials.
    pub initials: String,
    /// Avatar colour (CSS hex).
    pub avatar_color: String,
    /// The signed identity, for staff.
    pub staff: Option<StaffIdentity>,
    /// RFC 3339 UTC.
    pub joined_at: String,
    /// What they have contributed.
    pub recognition: Recognition,
    /// Set when a moderator hid the profile: the public reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden: Option<String>,
}
