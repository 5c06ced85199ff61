//! What the demo company has written: product areas, canned answers, the
//! review word list, its ten guidelines, an announcement and comments.

pub(super) const CATEGORIES: [(&str, &str); 5] = [
    ("mobile-plans", "Mobile plans / 요금제"),
    ("home-internet", "Home internet / 인터넷"),
    ("app", "Hanbit app / 앱"),
    ("billing", "Billing / 청구"),
    ("stores", "Stores & service / 매장"),
];

/// Canned answers staff start from; placeholders are filled per ticket.
pub(super) const CANNED_ANSWERS: [(&str, &str); 3] = [
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
pub(super) const REVIEW_WORDS: [&str; 5] = ["casino", "viagra", "바카라", "불법대출", "카지노"];

/// Ten rules for answering in public, after Coca-Cola's social media
/// principles that the articles cite.
pub(super) const GUIDELINES: [&str; 10] = [
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
pub(super) const DEMO_ANNOUNCEMENT: (&str, &str) = (
    "You asked, we did: this season's delivered ideas / 이번 시즌에 완료한 아이디어",
    "Thank you for every idea and vote. These shipped this season — each links the idea that asked for it.\n\n여러분의 아이디어와 투표 덕분에 이번 시즌에 아래 기능을 선보였습니다. 계속 의견을 들려주세요.",
);

pub(super) const COMMENTS: [&str; 10] = [
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
