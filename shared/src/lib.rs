//! Wire types shared by the Madang server and its WASM client: the REST and
//! server-function contract. No I/O here, so it compiles to wasm32 unchanged.

#[macro_use]
mod string_enum;

pub mod account;
pub mod announcement;
pub mod answer_review;
pub mod audit;
pub mod clock;
pub mod customer;
pub mod department;
pub mod error;
pub mod idea;
pub mod insight;
pub mod live;
pub mod locale;
pub mod moderation;
pub mod notification;
pub mod page;
pub mod personal_data;
pub mod promise;
pub mod redirect;
pub mod search;
pub mod staff;
pub mod ticket;
pub mod vocabulary;
pub mod webhook;

pub use account::Capabilities;
pub use announcement::{AnnouncementView, LinkedIdea, NewAnnouncement};
pub use audit::{AuditAction, AuditEntry, AuditQuery};
pub use clock::{ClockKind, ClockOutcome, ResponseClock};
pub use error::ApiError;
pub use idea::{
    AnnouncementRef, BoardQuery, Category, CategoryInput, CommentView, CurationKind, FollowState,
    IdeaCard, IdeaEdit, IdeaSort, IdeaStatus, IdeaView, LockRequest, MergeInto, NewComment,
    NewIdea, ProxyVoteState, SimilarIdea, SimilarIdeas, SimilarQuery, StatusChange, TimelineEntry,
    TimelineKind, VoteState,
};
pub use live::{LiveEvent, LiveEventKind};
pub use locale::Locale;
pub use moderation::{
    ContentKind, ContentRef, HeldPost, HideRequest, NewReport, RedactableKind, RedactionRequest,
    RedactionResult, ReportView, Suspension, UnhideRequest, WordList,
};
pub use notification::{
    EmailMode, NotificationKind, NotificationList, NotificationSettings, NotificationView,
    Unsubscribed,
};
pub use page::Page;
pub use promise::{
    CommitmentInput, CommitmentQuery, CommitmentUpdate, CommitmentView, RemedyAllowance,
    RemedyInput, RemedyLimit, RemedyView,
};
pub use staff::{DepartmentRef, MemberProfile, Recognition, Role, StaffIdentity, UserRef};
pub use ticket::{
    AnswerKit, CannedAnswer, CannedAnswerInput, FirstResponse, Guideline, GuidelineInput, Incident,
    MeTooState, MyTicketsQuery, NewTicket, NewTicketReply, Rating, TicketAbilities,
    TicketAssignment, TicketCard, TicketEdit, TicketKind, TicketPost, TicketPostEdit, TicketQuery,
    TicketStatus, TicketStatusChange, TicketTransfer, TicketView,
};
pub use vocabulary::{CommitmentStatus, RemedyKind, RemedyStatus, ReportStatus, TicketPostKind};
