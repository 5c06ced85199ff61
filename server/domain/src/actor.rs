//! Who is asking: a signed-out visitor or a member with a role. Every use
//! case takes an `Actor` and asks the policy before acting.

use shared::Role;

/// A signed-in member as the policy needs to know them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    /// Member id.
    pub id: i32,
    /// Role.
    pub role: Role,
    /// Department, for staff.
    pub department_id: Option<i32>,
    /// Set while a moderator's suspension runs: what the member is told
    /// when they try to write. Reading stays allowed.
    pub suspension: Option<crate::Message>,
}

/// The caller of a use case.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Actor {
    /// Not signed in: may read public things.
    #[default]
    Anonymous,
    /// Signed in.
    Member(Member),
}

impl Actor {
    /// The member, if signed in.
    #[must_use]
    pub fn member(&self) -> Option<&Member> {
        match self {
            Actor::Anonymous => None,
            Actor::Member(member) => Some(member),
        }
    }

    /// The role, if signed in.
    #[must_use]
    pub fn role(&self) -> Option<Role> {
        self.member().map(|m| m.role)
    }
}
