//! The demo company and its people: departments with their promises, named
//! staff, customers, and the accounts worth signing in as.

use shared::Role;

/// The one password of every demo account, printed at start-up.
pub const DEMO_PASSWORD: &str = "madang-demo-2026";

/// A demo account worth signing in as, for the start-up log and the README.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoSignIn {
    /// Sign-in e-mail.
    pub email: &'static str,
    /// What the account shows.
    pub what: &'static str,
}

/// The accounts the start-up log lists.
pub const DEMO_SIGN_INS: [DemoSignIn; 4] = [
    DemoSignIn {
        email: "admin@hanbit.example",
        what: "admin (Seoyeon Han)",
    },
    DemoSignIn {
        email: "moderator@hanbit.example",
        what: "moderator (Yuna Kang, Product)",
    },
    DemoSignIn {
        email: "billing@hanbit.example",
        what: "employee (Jiho Kwon, Billing)",
    },
    DemoSignIn {
        email: "customer@hanbit.example",
        what: "customer (Minseo Oh)",
    },
];

/// The company name the demo data speaks for.
pub const COMPANY_NAME: &str = "Hanbit Telecom";

pub(super) struct Dept(
    pub(super) &'static str,
    pub(super) &'static str,
    pub(super) &'static str,
    pub(super) i32,
);
pub(super) const DEPARTMENTS: [Dept; 5] = [
    Dept(
        "customer-care",
        "Customer Care",
        "고객센터 — first stop for any question; routes what it cannot solve.",
        15,
    ),
    Dept(
        "billing",
        "Billing",
        "요금·청구 — bills, payments, refunds and plan changes.",
        30,
    ),
    Dept(
        "network",
        "Network Operations",
        "네트워크 — line speed, outages, coverage and installation.",
        60,
    ),
    Dept(
        "mobile",
        "Mobile",
        "모바일 — handsets, SIM and eSIM, roaming and mobile plans.",
        30,
    ),
    Dept(
        "product",
        "Product",
        "서비스 기획 — the app, new services and the idea board.",
        240,
    ),
];

pub(super) struct Staff(
    pub(super) &'static str,
    pub(super) &'static str,
    pub(super) Role,
    pub(super) &'static str,
    pub(super) &'static str,
    pub(super) &'static str,
);
pub(super) const STAFF: [Staff; 8] = [
    Staff(
        "admin@hanbit.example",
        "Seoyeon Han",
        Role::Admin,
        "customer-care",
        "Head of Customer Experience",
        "S.H.",
    ),
    Staff(
        "moderator@hanbit.example",
        "Yuna Kang",
        Role::Moderator,
        "product",
        "Community Manager",
        "Y.K.",
    ),
    Staff(
        "billing@hanbit.example",
        "Jiho Kwon",
        Role::Employee,
        "billing",
        "Billing Specialist",
        "J.K.",
    ),
    Staff(
        "sara.park@hanbit.example",
        "Sara Park",
        Role::Employee,
        "customer-care",
        "Customer Care Agent",
        "S.P.",
    ),
    Staff(
        "minjun.lee@hanbit.example",
        "Minjun Lee",
        Role::Employee,
        "network",
        "Network Operations Engineer",
        "M.L.",
    ),
    Staff(
        "hana.choi@hanbit.example",
        "최하나",
        Role::Employee,
        "mobile",
        "모바일 상담 매니저",
        "H.C.",
    ),
    Staff(
        "daniel.jung@hanbit.example",
        "Daniel Jung",
        Role::Employee,
        "product",
        "Product Manager, App",
        "D.J.",
    ),
    Staff(
        "eunji.song@hanbit.example",
        "송은지",
        Role::Employee,
        "billing",
        "요금 상담 파트장",
        "E.S.",
    ),
];

pub(super) const CUSTOMER_NAMES: [&str; 24] = [
    "Minseo Oh",
    "김민준",
    "이서연",
    "박도윤",
    "정하은",
    "Alex Turner",
    "최지호",
    "강수아",
    "조은우",
    "윤지아",
    "Priya Nair",
    "장예준",
    "임채원",
    "한시우",
    "오유진",
    "Tom Becker",
    "서지안",
    "신하린",
    "권도현",
    "황서윤",
    "Maria Santos",
    "안준서",
    "송다은",
    "전민재",
];
