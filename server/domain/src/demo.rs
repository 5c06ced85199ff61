//! Demo data for a fictional telecom, Hanbit Telecom, in Korean and English:
//! departments, staff, customers, ideas in every status with votes, comments
//! and signed explanations, and tickets in every state. Loaded on the first
//! start of an empty database so a new user sees a living board at once.

use chrono::{DateTime, Duration, Utc};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use sea_orm::{ActiveModelTrait, EntityTrait, PaginatorTrait, Set, TransactionTrait};
use shared::{IdeaStatus, Role, TicketKind, TicketStatus};

use crate::entity::{
    announcement, announcement_idea, canned_answer, category, department, guideline, idea,
    idea_comment, idea_status_change, idea_vote, remedy_limit, ticket, ticket_post, user,
};
use crate::{Ctx, Result, idea::store::trending_score, markdown, password};

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

struct Dept(&'static str, &'static str, &'static str, i32);
const DEPARTMENTS: [Dept; 5] = [
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

struct Staff(
    &'static str,
    &'static str,
    Role,
    &'static str,
    &'static str,
    &'static str,
);
const STAFF: [Staff; 8] = [
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

const CUSTOMER_NAMES: [&str; 24] = [
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

const CATEGORIES: [(&str, &str); 5] = [
    ("mobile-plans", "Mobile plans / 요금제"),
    ("home-internet", "Home internet / 인터넷"),
    ("app", "Hanbit app / 앱"),
    ("billing", "Billing / 청구"),
    ("stores", "Stores & service / 매장"),
];

struct DemoIdea(
    &'static str,
    &'static str,
    &'static str,
    IdeaStatus,
    &'static str,
);
/// Canned answers staff start from; placeholders are filled per ticket.
const CANNED_ANSWERS: [(&str, &str); 3] = [
    (
        "Acknowledge / 접수 확인",
        "{customer_name}님, 말씀해 주셔서 감사합니다. {department}의 {agent_name}입니다. {ticket_number} 건을 지금 확인하고 있으며 이 글에서 진행 상황을 알려 드리겠습니다.",
    ),
    (
        "Billing error — refund",
        "Dear {customer_name}, you are right: we charged you twice. The second payment is refunded to your card within 3 business days. — {agent_name}, {department}",
    ),
    (
        "Line check booked",
        "Hello {customer_name}, we have booked a line check for your address. A technician will call you before visiting. Ticket {ticket_number} stays open until the speed is right. — {agent_name}",
    ),
];

/// Words that hold a post for review in the demo: the gambling and loan
/// spam Korean boards see most.
const REVIEW_WORDS: [&str; 5] = ["casino", "viagra", "바카라", "불법대출", "카지노"];

/// Ten rules for answering in public, after Coca-Cola's social media
/// principles that the articles cite.
const GUIDELINES: [&str; 10] = [
    "Answer in your own name and department; never anonymously.",
    "Thank the customer for raising it in public.",
    "Be transparent: say what you know and what you do not know yet.",
    "Never ask for or repeat personal details in public; use the private details.",
    "Own the mistake before explaining it.",
    "Promise only what you can deliver, with a date.",
    "If another team can solve it, hand it over with a note, never refuse.",
    "Keep the tone human, polite and calm, also with angry customers.",
    "Follow up in the same thread until the customer confirms it is solved.",
    "When in doubt, ask a colleague in an internal note before answering.",
];

/// The demo's announcement: it links every idea the demo marks done.
const DEMO_ANNOUNCEMENT: (&str, &str) = (
    "You asked, we did: this season's delivered ideas / 이번 시즌에 완료한 아이디어",
    "Thank you for every idea and vote. These shipped this season — each links the idea that asked for it.\n\n여러분의 아이디어와 투표 덕분에 이번 시즌에 아래 기능을 선보였습니다. 계속 의견을 들려주세요.",
);

const IDEAS: [DemoIdea; 30] = [
    DemoIdea(
        "데이터 이월 기능을 만들어 주세요",
        "이번 달에 남은 데이터를 다음 달로 넘길 수 있으면 좋겠습니다. 매달 2~3GB씩 버려지고 있어요.",
        "mobile-plans",
        IdeaStatus::Planned,
        "좋은 제안 감사합니다. 3분기 요금제 개편 때 남은 데이터 최대 5GB 이월을 넣기로 결정했습니다.",
    ),
    DemoIdea(
        "Dark mode for the Hanbit app",
        "The app is blinding at night. Please add a dark theme that follows the phone setting.",
        "app",
        IdeaStatus::Done,
        "Shipped in app version 5.2 — it follows your system setting. Thank you for every vote!",
    ),
    DemoIdea(
        "Show real line speed on the bill",
        "My contract says up to 1 Gbps. I would like the monthly bill to show the average speed I actually got.",
        "home-internet",
        IdeaStatus::UnderReview,
        "Network Operations is checking whether our line measurements are accurate enough to print on bills.",
    ),
    DemoIdea(
        "가족 결합 할인을 앱에서 바로 신청",
        "매장에 가지 않고 앱에서 가족 결합을 신청하고 싶어요.",
        "app",
        IdeaStatus::InProgress,
        "앱 팀이 개발 중입니다. 가족 구성원 인증 단계를 설계하고 있어요.",
    ),
    DemoIdea(
        "Weekend store hours in Busan",
        "The Haeundae store closes at 6 pm on Saturdays. Please open later on weekends.",
        "stores",
        IdeaStatus::Declined,
        "We looked at visitor numbers for six months: after 6 pm there were fewer than three visits per hour. Instead we added weekend video consultations in the app.",
    ),
    DemoIdea(
        "해외 로밍 하루 요금 상한",
        "로밍 요금이 너무 많이 나와서 놀랐습니다. 하루 최대 요금을 정해 주세요.",
        "mobile-plans",
        IdeaStatus::Done,
        "하루 11,000원 상한 로밍 요금제가 출시되었습니다. 공지사항을 확인해 주세요.",
    ),
    DemoIdea(
        "Pay the bill with a QR code at convenience stores",
        "Not everyone uses card auto-pay. A QR code on the paper bill would help my parents.",
        "billing",
        IdeaStatus::New,
        "",
    ),
    DemoIdea(
        "공유기 재부팅을 앱에서 원격으로",
        "인터넷이 느릴 때마다 공유기 전원을 뽑아야 해요. 앱 버튼으로 재시작하면 좋겠어요.",
        "home-internet",
        IdeaStatus::Planned,
        "원격 재시작 기능을 내년 1분기에 제공할 예정입니다. 구형 공유기는 교체 안내를 드릴게요.",
    ),
    DemoIdea(
        "Notify me before the data runs out",
        "Send a push notification at 80% and 95% of my data allowance.",
        "app",
        IdeaStatus::Done,
        "Live now: Settings → Notifications → Data usage.",
    ),
    DemoIdea(
        "eSIM activation without visiting a store",
        "Let me activate an eSIM entirely online with identity verification.",
        "mobile-plans",
        IdeaStatus::InProgress,
        "We are integrating mobile ID verification; testing with 1,000 customers this month.",
    ),
    DemoIdea(
        "청구서를 영어로도 받을 수 있게",
        "외국인 가입자를 위해 영문 청구서를 선택할 수 있으면 좋겠습니다.",
        "billing",
        IdeaStatus::UnderReview,
        "청구 시스템에서 다국어 템플릿이 가능한지 검토하고 있습니다.",
    ),
    DemoIdea(
        "Same plan as my old phone when I switch devices",
        "The store tried to move me to a more expensive plan when I bought a new phone.",
        "stores",
        IdeaStatus::Duplicate,
        "This is the same request as “Keep my plan when changing phones”; please vote there so the votes count together.",
    ),
    DemoIdea(
        "Keep my plan when changing phones",
        "Changing the handset should never force a plan change.",
        "stores",
        IdeaStatus::Planned,
        "From next month stores must offer to keep the current plan first; we are updating the store guidelines.",
    ),
    DemoIdea(
        "장애 발생 시 지역별 현황 지도",
        "인터넷 장애가 나면 우리 동네만 그런지 알고 싶어요. 지역별 장애 지도를 보여 주세요.",
        "home-internet",
        IdeaStatus::New,
        "",
    ),
    DemoIdea(
        "Student discount for home internet",
        "University students living alone would love a cheaper 100 Mbps plan.",
        "home-internet",
        IdeaStatus::Declined,
        "We will not add a separate student plan this year; the new 100 Mbps Lite plan costs the same as the discount would.",
    ),
    DemoIdea(
        "앱 로그인 유지 기간 늘리기",
        "앱을 열 때마다 다시 로그인하라고 해요. 최소 30일은 유지되면 좋겠어요.",
        "app",
        IdeaStatus::Done,
        "로그인 유지 기간을 90일로 늘렸습니다. 생체 인증을 켜 두시면 더 편합니다.",
    ),
    DemoIdea(
        "Itemised roaming charges per day",
        "Show roaming usage per day and per country on the bill.",
        "billing",
        IdeaStatus::New,
        "",
    ),
    DemoIdea(
        "매장 방문 예약 기능",
        "매장에 가면 30분씩 기다려요. 방문 시간을 예약하고 싶습니다.",
        "stores",
        IdeaStatus::InProgress,
        "서울 10개 매장에서 예약 시범 운영 중입니다.",
    ),
    DemoIdea(
        "Family data sharing dashboard",
        "As the account holder I want to see each family member's data usage in one place.",
        "app",
        IdeaStatus::UnderReview,
        "Product is checking privacy rules for showing usage of adult family members.",
    ),
    DemoIdea(
        "5G coverage map with indoor signal",
        "The outdoor coverage map says 5G, but inside my office it is LTE. Show indoor coverage.",
        "mobile-plans",
        IdeaStatus::New,
        "",
    ),
    DemoIdea(
        "자동이체 날짜 변경",
        "월급날에 맞춰 자동이체 날짜를 바꿀 수 있으면 좋겠어요.",
        "billing",
        IdeaStatus::Done,
        "이제 앱에서 매달 5일, 15일, 25일 중 하나를 고를 수 있습니다.",
    ),
    DemoIdea(
        "Replace the old set-top box remote",
        "The remote from 2018 has worn-out buttons. A free replacement programme would be nice.",
        "home-internet",
        IdeaStatus::New,
        "",
    ),
    DemoIdea(
        "요금제 비교 계산기",
        "내 실제 사용량으로 어떤 요금제가 가장 싼지 계산해 주는 기능이 있으면 좋겠어요.",
        "app",
        IdeaStatus::Planned,
        "사용 패턴 기반 추천 기능을 기획 중이며 4분기 출시 예정입니다.",
    ),
    DemoIdea(
        "Prepaid top-up by bank transfer",
        "Foreign workers without Korean cards need an easy way to top up prepaid SIMs.",
        "mobile-plans",
        IdeaStatus::New,
        "",
    ),
    DemoIdea(
        "고객센터 대기 순번 알림",
        "전화 대기 중에 몇 번째인지 알려 주면 덜 답답할 것 같아요.",
        "stores",
        IdeaStatus::Declined,
        "전화 대기 순번 안내 대신 콜백 예약 기능을 도입했습니다. 기다리지 않고 원하는 시간에 전화를 받으실 수 있어요.",
    ),
    DemoIdea(
        "Paperless bill by default",
        "Stop printing paper bills unless the customer asks for one.",
        "billing",
        IdeaStatus::InProgress,
        "New contracts are paperless by default from this month; existing customers will be asked in the app.",
    ),
    DemoIdea(
        "Wi-Fi calling on all phones",
        "Indoor reception is bad in my basement flat. Enable Wi-Fi calling for every phone model.",
        "mobile-plans",
        IdeaStatus::UnderReview,
        "Mobile is checking which handset models can support it with a software update.",
    ),
    DemoIdea(
        "앱에서 인터넷 속도 측정 기록 보관",
        "속도 측정 결과를 저장해 두었다가 고객센터에 보낼 수 있게 해 주세요.",
        "app",
        IdeaStatus::New,
        "",
    ),
    DemoIdea(
        "Loyalty points for long-time customers",
        "I have been with Hanbit for 12 years and get nothing. New customers get all the discounts.",
        "billing",
        IdeaStatus::Planned,
        "A long-term customer programme starts in spring: points for every year with us, usable for devices and bills.",
    ),
    DemoIdea(
        "무인 매장에서 유심 구매",
        "밤에도 유심을 살 수 있는 무인 키오스크를 설치해 주세요.",
        "stores",
        IdeaStatus::Duplicate,
        "‘eSIM activation without visiting a store’ 아이디어와 같은 요청이라 그쪽으로 합쳐 주세요.",
    ),
];

const COMMENTS: [&str; 10] = [
    "저도 꼭 필요해요!",
    "+1, this would save me a trip every month.",
    "다른 통신사는 이미 하고 있어요.",
    "Is there any update on this?",
    "좋은 아이디어네요. 부모님께도 도움이 될 것 같아요.",
    "I asked the store about this last week and they had no idea.",
    "이 기능 생기면 가족 모두 옮길게요.",
    "Thanks for the clear explanation in the timeline.",
    "Please also think about people who do not use the app.",
    "응원합니다 👍",
];

/// kind, title, body, department slug, status
struct DemoTicket(
    TicketKind,
    &'static str,
    &'static str,
    &'static str,
    TicketStatus,
);
const TICKETS: [DemoTicket; 20] = [
    DemoTicket(
        TicketKind::Complaint,
        "인터넷이 너무 느려요",
        "저녁마다 속도가 10Mbps 이하로 떨어집니다. 1기가 요금을 내고 있어요.",
        "network",
        TicketStatus::InProgress,
    ),
    DemoTicket(
        TicketKind::Inquiry,
        "How do I change my billing date?",
        "I get paid on the 25th; can my auto-pay move to the 26th?",
        "billing",
        TicketStatus::Resolved,
    ),
    DemoTicket(
        TicketKind::Complaint,
        "Charged twice for October",
        "My card shows two payments of 55,000 won for the October bill.",
        "billing",
        TicketStatus::Acknowledged,
    ),
    DemoTicket(
        TicketKind::Request,
        "eSIM 재발급 요청",
        "휴대폰을 바꿔서 eSIM을 다시 받아야 합니다.",
        "mobile",
        TicketStatus::Closed,
    ),
    DemoTicket(
        TicketKind::Inquiry,
        "로밍 요금제 문의",
        "다음 주 일본 출장인데 하루 요금제가 있나요?",
        "mobile",
        TicketStatus::Resolved,
    ),
    DemoTicket(
        TicketKind::Complaint,
        "Technician did not show up",
        "The installation visit was booked for 10:00–12:00 and nobody came or called.",
        "network",
        TicketStatus::Open,
    ),
    DemoTicket(
        TicketKind::Suggestion,
        "상담 종료 후 요약 문자",
        "전화 상담이 끝나면 상담 내용 요약을 문자로 보내 주세요.",
        "customer-care",
        TicketStatus::Acknowledged,
    ),
    DemoTicket(
        TicketKind::Request,
        "Cancel the extra TV channel pack",
        "I never ordered the sports pack; please remove it and refund.",
        "billing",
        TicketStatus::WaitingForCustomer,
    ),
    DemoTicket(
        TicketKind::Complaint,
        "매장 직원이 요금제를 강요했어요",
        "휴대폰만 바꾸려 했는데 비싼 요금제로 바꾸라고 했습니다.",
        "customer-care",
        TicketStatus::InProgress,
    ),
    DemoTicket(
        TicketKind::Inquiry,
        "Is 5G available in Jeju?",
        "Moving to Jeju city next month. Which areas have 5G?",
        "mobile",
        TicketStatus::Open,
    ),
    DemoTicket(
        TicketKind::Complaint,
        "와이파이가 자꾸 끊겨요",
        "공유기 불이 깜빡이면서 하루에 서너 번 끊깁니다.",
        "network",
        TicketStatus::WaitingForCustomer,
    ),
    DemoTicket(
        TicketKind::Request,
        "Paper bill for my mother",
        "My mother (78) cannot read the app bill. Please send paper bills to her address.",
        "billing",
        TicketStatus::Closed,
    ),
    DemoTicket(
        TicketKind::Inquiry,
        "가족 결합 할인 조건",
        "부모님과 따로 살아도 가족 결합이 되나요?",
        "customer-care",
        TicketStatus::Resolved,
    ),
    DemoTicket(
        TicketKind::Complaint,
        "App crashes when opening the bill",
        "Since yesterday's update the app closes as soon as I tap Bill.",
        "product",
        TicketStatus::Acknowledged,
    ),
    DemoTicket(
        TicketKind::Suggestion,
        "Sign-language video consultation",
        "Deaf customers need video consultation in Korean Sign Language.",
        "customer-care",
        TicketStatus::Open,
    ),
    DemoTicket(
        TicketKind::Complaint,
        "해지했는데 요금이 또 나왔어요",
        "지난달 해지했는데 이번 달에도 요금이 청구되었습니다.",
        "billing",
        TicketStatus::Open,
    ),
    DemoTicket(
        TicketKind::Request,
        "Move my internet to a new address",
        "Moving on the 3rd of next month; please schedule the transfer.",
        "network",
        TicketStatus::InProgress,
    ),
    DemoTicket(
        TicketKind::Inquiry,
        "번호 이동 시 위약금",
        "다른 통신사로 옮기면 위약금이 얼마인가요?",
        "mobile",
        TicketStatus::Closed,
    ),
    DemoTicket(
        TicketKind::Complaint,
        "No signal in the subway line 9",
        "Calls drop between Sinnonhyeon and Sports Complex every day.",
        "network",
        TicketStatus::Acknowledged,
    ),
    DemoTicket(
        TicketKind::Inquiry,
        "고객센터 운영 시간",
        "주말에도 채팅 상담이 되나요?",
        "customer-care",
        TicketStatus::Resolved,
    ),
];

/// True when the database holds no members yet: the one case in which the
/// demo is loaded, so real data is never mixed with it.
pub async fn is_empty(ctx: &Ctx) -> Result<bool> {
    Ok(user::Entity::find().count(&ctx.db).await? == 0)
}

/// Loads the demo in one transaction (all or nothing). The random choices
/// come from a fixed seed, so every fresh database gets the same board.
pub async fn load(ctx: &Ctx) -> Result<()> {
    let now = ctx.clock.now();
    let mut rng = StdRng::seed_from_u64(2026);
    // One hash for the shared demo password: hashing is deliberately slow.
    let password_hash = password::hash(DEMO_PASSWORD)?;
    let txn = ctx.db.begin().await?;

    let mut department_ids = std::collections::HashMap::new();
    for d in &DEPARTMENTS {
        let row = department::ActiveModel {
            slug: Set(d.0.to_owned()),
            name: Set(d.1.to_owned()),
            description: Set(d.2.to_owned()),
            handle: Set(format!("@hanbit-{}", d.0)),
            first_response_minutes: Set(d.3),
            created_at: Set(now - Duration::days(400)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        department_ids.insert(d.0, row.id);
    }

    let mut staff_ids = Vec::new();
    for s in &STAFF {
        let id = insert_user(
            &txn,
            now,
            s.0,
            s.1,
            s.2,
            Some(id_of(&department_ids, s.3)?),
            Some(s.4),
            Some(s.5),
            &password_hash,
        )
        .await?;
        staff_ids.push((id, s.3));
    }
    let mut customer_ids = Vec::new();
    for (i, name) in CUSTOMER_NAMES.iter().enumerate() {
        let email = if i == 0 {
            "customer@hanbit.example".to_owned()
        } else {
            format!("member{i:02}@customers.example")
        };
        customer_ids.push(
            insert_user(
                &txn,
                now,
                &email,
                name,
                Role::Customer,
                None,
                None,
                None,
                &password_hash,
            )
            .await?,
        );
    }

    let mut category_ids = std::collections::HashMap::new();
    for (slug, name) in CATEGORIES {
        let row = category::ActiveModel {
            slug: Set(slug.to_owned()),
            name: Set(name.to_owned()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        category_ids.insert(slug, row.id);
    }

    let mut delivered = Vec::new();
    for (i, d) in IDEAS.iter().enumerate() {
        let age_days = 60 - i64::try_from(i * 2).unwrap_or(0);
        let created_at =
            now - Duration::days(age_days) - Duration::minutes(rng.random_range(0..600));
        let vote_count = rng.random_range(0..customer_ids.len());
        let voters: Vec<i32> = customer_ids
            .choose_multiple(&mut rng, vote_count)
            .copied()
            .collect();
        let comment_count = rng.random_range(0..4);
        let commenters: Vec<i32> = customer_ids
            .choose_multiple(&mut rng, comment_count)
            .copied()
            .collect();
        let author_id = customer_ids[i % customer_ids.len()];
        let votes = i32::try_from(voters.len()).unwrap_or(0);
        let row = idea::ActiveModel {
            title: Set(d.0.to_owned()),
            body_md: Set(d.1.to_owned()),
            body_html: Set(markdown::render(d.1)),
            status: Set(d.3.as_str().to_owned()),
            category_id: Set(Some(id_of(&category_ids, d.2)?)),
            author_id: Set(author_id),
            votes_count: Set(votes),
            comments_count: Set(i32::try_from(commenters.len()).unwrap_or(0)),
            trending_score: Set(trending_score(votes, created_at)),
            merged_into_id: Set(None),
            created_at: Set(created_at),
            updated_at: Set(created_at + Duration::days(1)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        crate::search::index_idea(&txn, row.id, &row.title, &[]).await?;
        crate::follow::add(&txn, row.id, author_id, created_at).await?;
        for (k, voter) in voters.iter().enumerate() {
            idea_vote::ActiveModel {
                idea_id: Set(row.id),
                user_id: Set(*voter),
                recorded_by_id: Set(None),
                created_at: Set(created_at + Duration::hours(i64::try_from(k).unwrap_or(0) + 1)),
            }
            .insert(&txn)
            .await?;
        }
        for (k, commenter) in commenters.iter().enumerate() {
            let body = COMMENTS[(i + k) % COMMENTS.len()];
            idea_comment::ActiveModel {
                idea_id: Set(row.id),
                author_id: Set(*commenter),
                body_md: Set(body.to_owned()),
                body_html: Set(markdown::render(body)),
                created_at: Set(created_at + Duration::hours(i64::try_from(k).unwrap_or(0) * 5 + 2)),
                edited_at: Set(None),
                deleted_at: Set(None),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            crate::follow::add(&txn, row.id, *commenter, created_at).await?;
        }
        if d.3 == IdeaStatus::Done {
            delivered.push((row.id, created_at + Duration::days(1)));
        }
        if d.3 != IdeaStatus::New {
            let (by_id, _) = staff_ids[(i % (staff_ids.len() - 1)) + 1];
            idea_status_change::ActiveModel {
                idea_id: Set(row.id),
                from_status: Set(IdeaStatus::New.as_str().to_owned()),
                to_status: Set(d.3.as_str().to_owned()),
                explanation_md: Set(d.4.to_owned()),
                explanation_html: Set(markdown::render(d.4)),
                by_id: Set(by_id),
                created_at: Set(created_at + Duration::days(1)),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }

    if let Some(&(_, last_done)) = delivered.iter().max_by_key(|(_, at)| *at) {
        let (author, _) = staff_ids[1];
        let post = announcement::ActiveModel {
            title: Set(DEMO_ANNOUNCEMENT.0.to_owned()),
            body_md: Set(DEMO_ANNOUNCEMENT.1.to_owned()),
            body_html: Set(markdown::render(DEMO_ANNOUNCEMENT.1)),
            author_id: Set(author),
            published_at: Set(last_done + Duration::hours(2)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        for (idea_id, _) in &delivered {
            announcement_idea::ActiveModel {
                announcement_id: Set(post.id),
                idea_id: Set(*idea_id),
            }
            .insert(&txn)
            .await?;
        }
    }

    // Employees grant up to 60,000 won on their own (a month of the usual
    // plan); moderators up to 100,000; more waits for an admin.
    for (role, max_won) in [(Role::Employee, 60_000), (Role::Moderator, 100_000)] {
        remedy_limit::ActiveModel {
            role: Set(role.as_str().to_owned()),
            department_id: Set(None),
            max_won: Set(max_won),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }

    for (title, body) in CANNED_ANSWERS {
        canned_answer::ActiveModel {
            title: Set(title.to_owned()),
            body_md: Set(body.to_owned()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    for (position, text) in (1..).zip(GUIDELINES) {
        guideline::ActiveModel {
            position: Set(position),
            text: Set(text.to_owned()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    for word in REVIEW_WORDS {
        crate::entity::review_word::ActiveModel {
            word: Set(word.to_owned()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }

    for (i, t) in TICKETS.iter().enumerate() {
        let created_at = now
            - Duration::hours(i64::try_from(20 - i).unwrap_or(0) * 9)
            - Duration::minutes(rng.random_range(0..50));
        let author_id = customer_ids[(i * 5) % customer_ids.len()];
        let department_id = id_of(&department_ids, t.3)?;
        let answerer = staff_ids
            .iter()
            .find(|(_, dept)| *dept == t.3)
            .map_or(staff_ids[0].0, |(id, _)| *id);
        let answered = t.4 != TicketStatus::Open;
        let first_response_at =
            answered.then(|| created_at + Duration::minutes(rng.random_range(4..90)));
        let resolved = matches!(t.4, TicketStatus::Resolved | TicketStatus::Closed);
        let row = ticket::ActiveModel {
            kind: Set(t.0.as_str().to_owned()),
            title: Set(t.1.to_owned()),
            body_md: Set(t.2.to_owned()),
            body_html: Set(markdown::render(t.2)),
            private_details: Set(Some(format!("Customer no. 10-{:06}", 482_113 + i * 37))),
            status: Set(t.4.as_str().to_owned()),
            department_id: Set(Some(department_id)),
            author_id: Set(author_id),
            created_at: Set(created_at),
            updated_at: Set(first_response_at.unwrap_or(created_at)),
            sla_started_at: Set(created_at),
            sla_due_at: Set(Some({
                let minutes = DEPARTMENTS.iter().find(|d| d.0 == t.3).map_or(60, |d| d.3);
                created_at + Duration::minutes(i64::from(minutes))
            })),
            first_response_at: Set(first_response_at),
            first_response_by_id: Set(answered.then_some(answerer)),
            resolved_at: Set(resolved.then(|| created_at + Duration::hours(6))),
            rating_score: Set(resolved.then(|| rng.random_range(3..=5))),
            me_too_count: Set(i32::try_from(i % 4).unwrap_or(0)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        // A few other customers say "me too" within the first hours.
        for k in 0..(i % 4) {
            crate::entity::ticket_me_too::ActiveModel {
                ticket_id: Set(row.id),
                user_id: Set(customer_ids[(i * 5 + k + 1) % customer_ids.len()]),
                created_at: Set(
                    created_at + Duration::minutes(i64::try_from(10 + k * 7).unwrap_or(0))
                ),
            }
            .insert(&txn)
            .await?;
        }
        if let Some(at) = first_response_at {
            let reply = if t.1.is_ascii() {
                "Thank you for telling us. We are looking into the cause now and will update this thread."
            } else {
                "불편을 드려 죄송합니다. 지금 원인을 확인하고 있으며 이 글에서 진행 상황을 알려 드리겠습니다."
            };
            insert_post(&txn, row.id, answerer, "reply", reply, at).await?;
            insert_post(
                &txn,
                row.id,
                answerer,
                "internal",
                "Checked the account history; see the customer number in the private details.",
                at + Duration::minutes(3),
            )
            .await?;
        }
        if resolved {
            insert_post(&txn, row.id, answerer, "reply", "This is now fixed. If anything is still wrong, reopen this thread and we will continue here.", created_at + Duration::hours(6)).await?;
        }
    }
    txn.commit().await?;
    Ok(())
}

fn id_of(ids: &std::collections::HashMap<&str, i32>, slug: &str) -> Result<i32> {
    ids.get(slug)
        .copied()
        .ok_or_else(|| crate::Error::Internal(format!("demo data refers to unknown slug `{slug}`")))
}

#[allow(clippy::too_many_arguments)]
async fn insert_user(
    txn: &sea_orm::DatabaseTransaction,
    now: DateTime<Utc>,
    email: &str,
    name: &str,
    role: Role,
    department_id: Option<i32>,
    title: Option<&str>,
    initials: Option<&str>,
    password_hash: &str,
) -> Result<i32> {
    let row = user::ActiveModel {
        email: Set(email.to_owned()),
        password_hash: Set(Some(password_hash.to_owned())),
        display_name: Set(name.to_owned()),
        role: Set(role.as_str().to_owned()),
        department_id: Set(department_id),
        title: Set(title.map(str::to_owned)),
        initials: Set(Some(
            initials.map_or_else(|| crate::user::derive_initials(name), str::to_owned),
        )),
        avatar_color: Set(crate::user::avatar_color(email)),
        created_at: Set(now - Duration::days(300)),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(row.id)
}

async fn insert_post(
    txn: &sea_orm::DatabaseTransaction,
    ticket_id: i32,
    author_id: i32,
    kind: &str,
    body: &str,
    at: DateTime<Utc>,
) -> Result<()> {
    ticket_post::ActiveModel {
        ticket_id: Set(ticket_id),
        author_id: Set(author_id),
        kind: Set(kind.to_owned()),
        body_md: Set(body.to_owned()),
        body_html: Set(markdown::render(body)),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(())
}
