//! Which page each path shows, and how the whole-app client loads it.
//!
//! Every page is a lazy route in a page group: the whole-app client
//! (`madang_app.wasm`) holds the shell (header, router, bell) and loads a
//! group's code the first time one of its pages is shown, so a member's
//! first load carries one group, not all thirty pages (issue 17: a staff
//! page's first load within 600 KB). The Makefile splits the client at the
//! groups (`scripts/wasm-split`), one pack file per group; on the server
//! and in the islands client the pages are rendered in place.

use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::{Lazy, LazyRoute, SsrMode, path};

use crate::pages::onboarding::{AcceptInvitePage, ForgotPasswordPage, ResetPasswordPage};
use crate::pages::{
    admin::AdminPage,
    admin_outbox::AdminOutboxPage,
    admin_webhooks::AdminWebhooksPage,
    announcements::{AnnouncementPage, AnnouncementsPage},
    board::BoardPage,
    commitments::CommitmentsPage,
    customers::{CustomerPage, CustomersPage},
    dashboard::{DashboardPage, ScorecardPage},
    idea::IdeaPage,
    member::MemberPage,
    moderation::{AuditPage, ModerationPage},
    my_tickets::MyTicketsPage,
    new_idea::NewIdeaPage,
    notifications::{NotificationsPage, UnsubscribePage},
    profile::ProfilePage,
    reviews::{NewReviewPage, ReviewPage, ReviewsPage},
    roadmap::RoadmapPage,
    search::SearchPage,
    sign_in::SignInPage,
    sign_up::SignUpPage,
    staff_queue::StaffQueuePage,
    support::SupportPage,
    tickets::{NewTicketPage, TicketPage},
    verify::VerifyPage,
};

/// Declares `$route`, the lazily loaded form of the page component `$page`
/// (a unit struct: pages load their own data), in the split group `$group`.
///
/// In the whole-app client `$view` is a split point (`wasm_split`) of the
/// module `$group`: every page of a group lands in one module, loaded the
/// first time one of its pages is shown. A split point per page made 500
/// to 650 chunks (code shared by any set of pages becomes a chunk of its
/// own), each compressed alone and too many for `wasm-opt`: the ticket
/// thread fetched 351 files. Groups keep pages that are used together in
/// one module and the chunk count near a hundred, and the splitter packs
/// each group's chunks into one file. `$view` must be unique: the splitter
/// names exports after it.
///
/// On the server and in the islands client (which never renders routes; a
/// split point would keep its page alive there, 1.55 MB instead of 128 KB)
/// the route is an ordinary async view.
macro_rules! lazy_page {
    ($group:ident: $route:ident, $page:ident, $view:ident) => {
        #[doc = concat!("[`", stringify!($page), "`], loaded when first shown.")]
        pub struct $route;

        #[cfg(all(feature = "hydrate", feature = "full-app"))]
        #[doc = concat!("The split point of [`", stringify!($page), "`].")]
        pub mod $view {
            use super::*;
            use ::leptos::wasm_split::wasm_split;

            #[doc = concat!("Renders [`", stringify!($page), "`] once its group has loaded.")]
            #[wasm_split($group, wasm_split_path = ::leptos::wasm_split, preload(preload))]
            pub fn $view() -> AnyView {
                view! { <$page/> }.into_any()
            }
        }

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            // The router loads a lazy route's code before it asks for the
            // view, and hydrates the view only if it is ready at once.
            #[cfg(all(feature = "hydrate", feature = "full-app"))]
            async fn preload() {
                $view::preload().await;
            }

            #[cfg(all(feature = "hydrate", feature = "full-app"))]
            async fn view(_this: Self) -> AnyView {
                $view::$view().await
            }

            #[cfg(not(all(feature = "hydrate", feature = "full-app")))]
            async fn view(_this: Self) -> AnyView {
                view! { <$page/> }.into_any()
            }
        }
    };
}

// The page groups: pages opened together share a group, and a group's
// first load (shell + its pack) stays within 600 KB; the ticket thread and
// the idea page, the heaviest, are alone (`make size-gate` weighs each).
lazy_page!(ticket: Ticket, TicketPage, ticket_view);

lazy_page!(idea: Idea, IdeaPage, idea_view);

lazy_page!(board: Board, BoardPage, board_view);
lazy_page!(board: Roadmap, RoadmapPage, roadmap_view);
lazy_page!(board: Search, SearchPage, search_view);
lazy_page!(board: Member, MemberPage, member_view);

lazy_page!(news: Announcements, AnnouncementsPage, announcements_view);
lazy_page!(news: Announcement, AnnouncementPage, announcement_view);
lazy_page!(news: NewIdea, NewIdeaPage, new_idea_view);

lazy_page!(account: SignIn, SignInPage, sign_in_view);
lazy_page!(account: SignUp, SignUpPage, sign_up_view);
lazy_page!(account: ForgotPassword, ForgotPasswordPage, forgot_password_view);
lazy_page!(account: ResetPassword, ResetPasswordPage, reset_password_view);
lazy_page!(account: AcceptInvite, AcceptInvitePage, accept_invite_view);
lazy_page!(account: Verify, VerifyPage, verify_view);
lazy_page!(account: Unsubscribe, UnsubscribePage, unsubscribe_view);
lazy_page!(account: Profile, ProfilePage, profile_view);
lazy_page!(account: Notifications, NotificationsPage, notifications_view);
lazy_page!(support: Support, SupportPage, support_view);
lazy_page!(support: NewTicket, NewTicketPage, new_ticket_view);
lazy_page!(support: MyTickets, MyTicketsPage, my_tickets_view);

lazy_page!(queue: StaffQueue, StaffQueuePage, staff_queue_view);
lazy_page!(queue: Commitments, CommitmentsPage, commitments_view);
lazy_page!(queue: Customers, CustomersPage, customers_view);
lazy_page!(queue: Customer, CustomerPage, customer_view);

lazy_page!(desk: Moderation, ModerationPage, moderation_view);
lazy_page!(desk: Audit, AuditPage, audit_view);
lazy_page!(desk: Dashboard, DashboardPage, dashboard_view);
lazy_page!(desk: Scorecard, ScorecardPage, scorecard_view);
lazy_page!(desk: Reviews, ReviewsPage, reviews_view);
lazy_page!(desk: NewReview, NewReviewPage, new_review_view);
lazy_page!(desk: Review, ReviewPage, review_view);

lazy_page!(admin: Admin, AdminPage, admin_view);
lazy_page!(admin: AdminOutbox, AdminOutboxPage, admin_outbox_view);
lazy_page!(admin: AdminWebhooks, AdminWebhooksPage, admin_webhooks_view);
/// The routed pages. They stream in order: what a page loads is written in
/// place as it arrives, so it reads (and its forms work) without
/// JavaScript, and nothing moves when it comes. A shared link's page
/// (`Async`) is rendered whole before sending, so its title and OpenGraph
/// tags are in `<head>`.
#[component]
pub fn PageRoutes(
    /// What a path no route matches shows.
    fallback: fn() -> AnyView,
) -> impl IntoView {
    let in_order = SsrMode::InOrder;
    view! {
        <Routes fallback>
            <Route path=path!("/") view={Lazy::<Board>::new()} ssr=in_order.clone()/>
            <Route path=path!("/ideas") view={Lazy::<Board>::new()} ssr=in_order.clone()/>
            <Route path=path!("/ideas/new") view={Lazy::<NewIdea>::new()} ssr=in_order.clone()/>
            <Route path=path!("/ideas/:number") view={Lazy::<Idea>::new()} ssr=SsrMode::Async/>
            <Route path=path!("/roadmap") view={Lazy::<Roadmap>::new()} ssr=in_order.clone()/>
            <Route path=path!("/support") view={Lazy::<Support>::new()} ssr=in_order.clone()/>
            <Route path=path!("/tickets") view={Lazy::<Support>::new()} ssr=in_order.clone()/>
            <Route path=path!("/tickets/new") view={Lazy::<NewTicket>::new()} ssr=in_order.clone()/>
            <Route path=path!("/tickets/:number") view={Lazy::<Ticket>::new()} ssr=SsrMode::Async/>
            <Route path=path!("/staff/queue") view={Lazy::<StaffQueue>::new()} ssr=in_order.clone()/>
            <Route path=path!("/staff/customers") view={Lazy::<Customers>::new()} ssr=in_order.clone()/>
            <Route path=path!("/staff/customers/:id") view={Lazy::<Customer>::new()} ssr=SsrMode::Async/>
            <Route path=path!("/staff/reviews") view={Lazy::<Reviews>::new()} ssr=in_order.clone()/>
            <Route path=path!("/staff/reviews/:id") view={Lazy::<Review>::new()} ssr=in_order.clone()/>
            <Route path=path!("/staff/review") view={Lazy::<NewReview>::new()} ssr=in_order.clone()/>
            <Route path=path!("/commitments") view={Lazy::<Commitments>::new()} ssr=in_order.clone()/>
            <Route path=path!("/moderation") view={Lazy::<Moderation>::new()} ssr=in_order.clone()/>
            <Route path=path!("/moderation/audit") view={Lazy::<Audit>::new()} ssr=in_order.clone()/>
            <Route path=path!("/announcements") view={Lazy::<Announcements>::new()} ssr=in_order.clone()/>
            <Route path=path!("/announcements/:id") view={Lazy::<Announcement>::new()} ssr=SsrMode::Async/>
            <Route path=path!("/signin") view={Lazy::<SignIn>::new()} ssr=in_order.clone()/>
            <Route path=path!("/signup") view={Lazy::<SignUp>::new()} ssr=in_order.clone()/>
            <Route path=path!("/me") view={Lazy::<Profile>::new()} ssr=in_order.clone()/>
            <Route path=path!("/me/tickets") view={Lazy::<MyTickets>::new()} ssr=in_order.clone()/>
            <Route path=path!("/members/:id") view={Lazy::<Member>::new()} ssr=SsrMode::Async/>
            <Route path=path!("/forgot") view={Lazy::<ForgotPassword>::new()} ssr=in_order.clone()/>
            <Route path=path!("/reset") view={Lazy::<ResetPassword>::new()} ssr=in_order.clone()/>
            <Route path=path!("/invite") view={Lazy::<AcceptInvite>::new()} ssr=in_order.clone()/>
            <Route path=path!("/admin") view={Lazy::<Admin>::new()} ssr=in_order.clone()/>
            <Route path=path!("/dashboard") view={Lazy::<Dashboard>::new()} ssr=in_order.clone()/>
            <Route path=path!("/scorecard") view={Lazy::<Scorecard>::new()} ssr=in_order.clone()/>
            <Route path=path!("/notifications") view={Lazy::<Notifications>::new()} ssr=in_order.clone()/>
            <Route path=path!("/unsubscribe/:token") view={Lazy::<Unsubscribe>::new()} ssr=in_order.clone()/>
            <Route path=path!("/verify") view={Lazy::<Verify>::new()} ssr=in_order.clone()/>
            <Route path=path!("/search") view={Lazy::<Search>::new()} ssr=in_order.clone()/>
            <Route path=path!("/admin/outbox") view={Lazy::<AdminOutbox>::new()} ssr=in_order.clone()/>
            <Route path=path!("/admin/webhooks") view={Lazy::<AdminWebhooks>::new()} ssr=in_order/>
        </Routes>
    }
}
