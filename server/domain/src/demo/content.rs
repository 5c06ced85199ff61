//! What the demo company has written: product areas, canned answers, the
//! review word list, its ten guidelines, an announcement and comments.

pub(super) const CATEGORIES: [(&str, (&str, &str)); 5] = [
    ("mobile-plans", ("요금제", "Mobile plans")),
    ("home-internet", ("인터넷", "Home internet")),
    ("app", ("한빛 앱", "Hanbit app")),
    ("billing", ("청구", "Billing")),
    ("stores", ("매장·서비스", "Stores & service")),
];

/// A text in Korean and in English.
type Both = (&'static str, &'static str);

/// Canned answers staff start from (title, body); placeholders are filled
/// per ticket.
pub(super) const CANNED_ANSWERS: [(Both, Both); 3] = [
    (
        ("접수 확인", "Acknowledge"),
        (
            "{customer_name}님, 말씀해 주셔서 감사합니다. {department}의 {agent_name}입니다. {ticket_number} 건을 지금 확인하고 있으며 이 글에서 진행 상황을 알려 드리겠습니다.",
            "Dear {customer_name}, thank you for telling us. This is {agent_name} from {department}. We are looking into {ticket_number} now and will keep you posted in this thread.",
        ),
    ),
    (
        ("청구 오류 — 환불", "Billing error — refund"),
        (
            "{customer_name}님, 말씀하신 대로 두 번 청구되었습니다. 두 번째 결제는 영업일 3일 안에 카드로 환불됩니다. — {department} {agent_name}",
            "Dear {customer_name}, you are right: we charged you twice. The second payment is refunded to your card within 3 business days. — {agent_name}, {department}",
        ),
    ),
    (
        ("회선 점검 예약", "Line check booked"),
        (
            "{customer_name}님, 주소지 회선 점검을 예약했습니다. 기사님이 방문 전에 전화드립니다. 속도가 정상이 될 때까지 {ticket_number} 건은 열어 두겠습니다. — {agent_name}",
            "Hello {customer_name}, we have booked a line check for your address. A technician will call you before visiting. Ticket {ticket_number} stays open until the speed is right. — {agent_name}",
        ),
    ),
];

/// Words that hold a post for review in the demo: the gambling and loan
/// spam Korean boards see most.
pub(super) const REVIEW_WORDS: [&str; 5] = ["casino", "viagra", "바카라", "불법대출", "카지노"];

/// Ten rules for answering in public, after Coca-Cola's social media
/// principles that the articles cite.
pub(super) const GUIDELINES: [Both; 10] = [
    (
        "자기 이름과 부서로 답합니다. 익명으로 답하지 않습니다.",
        "Answer in your own name and department; never anonymously.",
    ),
    (
        "공개적으로 말해 준 고객에게 감사합니다.",
        "Thank the customer for raising it in public.",
    ),
    (
        "투명하게: 아는 것과 아직 모르는 것을 말합니다.",
        "Be transparent: say what you know and what you do not know yet.",
    ),
    (
        "공개 글에서 개인정보를 묻거나 되풀이하지 않습니다. 비공개 정보 칸을 씁니다.",
        "Never ask for or repeat personal details in public; use the private details.",
    ),
    (
        "설명하기 전에 잘못을 먼저 인정합니다.",
        "Own the mistake before explaining it.",
    ),
    (
        "지킬 수 있는 것만, 날짜와 함께 약속합니다.",
        "Promise only what you can deliver, with a date.",
    ),
    (
        "다른 팀이 풀 수 있으면 거절하지 말고 메모와 함께 넘깁니다.",
        "If another team can solve it, hand it over with a note, never refuse.",
    ),
    (
        "화난 고객에게도 사람답고 정중하고 차분하게 말합니다.",
        "Keep the tone human, polite and calm, also with angry customers.",
    ),
    (
        "고객이 해결됐다고 할 때까지 같은 글에서 이어 갑니다.",
        "Follow up in the same thread until the customer confirms it is solved.",
    ),
    (
        "확신이 없으면 답하기 전에 내부 메모로 동료에게 묻습니다.",
        "When in doubt, ask a colleague in an internal note before answering.",
    ),
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
