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

/// A demo department: slug, Korean and English names, Korean and English
/// descriptions, first-response minutes.
pub(super) struct Dept {
    pub(super) slug: &'static str,
    pub(super) name: (&'static str, &'static str),
    pub(super) description: (&'static str, &'static str),
    pub(super) minutes: i32,
}
pub(super) const DEPARTMENTS: [Dept; 5] = [
    Dept {
        slug: "customer-care",
        name: ("고객센터", "Customer Care"),
        description: (
            "무엇이든 먼저 묻는 곳입니다. 직접 풀지 못하는 건은 맡을 팀에 넘깁니다.",
            "First stop for any question; routes what it cannot solve.",
        ),
        minutes: 15,
    },
    Dept {
        slug: "billing",
        name: ("요금·청구", "Billing"),
        description: (
            "청구서, 결제, 환불, 요금제 변경.",
            "Bills, payments, refunds and plan changes.",
        ),
        minutes: 30,
    },
    Dept {
        slug: "network",
        name: ("네트워크운영", "Network Operations"),
        description: (
            "속도, 장애, 커버리지, 설치.",
            "Line speed, outages, coverage and installation.",
        ),
        minutes: 60,
    },
    Dept {
        slug: "mobile",
        name: ("모바일", "Mobile"),
        description: (
            "단말기, 유심·eSIM, 로밍, 모바일 요금제.",
            "Handsets, SIM and eSIM, roaming and mobile plans.",
        ),
        minutes: 30,
    },
    Dept {
        slug: "product",
        name: ("서비스기획", "Product"),
        description: (
            "앱, 새 서비스, 아이디어 게시판.",
            "The app, new services and the idea board.",
        ),
        minutes: 240,
    },
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
