//! People as the API shows them: any member, and the signed staff identity
//! every official answer carries (name, initials, department, title).

use serde::{Deserialize, Serialize};

/// What a member may do, from least to most trusted. Staff are every role
/// above `Customer`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
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
