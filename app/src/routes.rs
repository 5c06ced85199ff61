//! Which page each path shows, and how the whole-app client loads it.
//!
//! Every page is a lazy route: the whole-app client (`madang_app.wasm`)
//! holds the shell (header, router, bell) and loads a page's code the
//! first time that page is shown, so a member's first load carries one
//! page, not all thirty (issue 17: a staff page's first load within
//! 600 KB). The Makefile splits the client at these routes
//! (`scripts/wasm-split`); on the server and in the islands client the
//! pages are rendered in place as before.

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
    dashboard::{DashboardPage, ScorecardPage},
    idea::IdeaPage,
    member::MemberPage,
    moderation::{AuditPage, ModerationPage},
    my_tickets::MyTicketsPage,
    new_idea::NewIdeaPage,
    notifications::{NotificationsPage, UnsubscribePage},
    profile::ProfilePage,
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
/// (a unit struct: pages load their own data).
///
/// The islands client never renders routes, and a split point would keep
/// its page alive there (it is exported for the splitter): 1.55 MB instead
/// of 128 KB. So there the route is an ordinary async view.
macro_rules! lazy_page {
    ($route:ident, $page:ident) => {
        #[doc = concat!("[`", stringify!($page), "`], loaded when first shown.")]
        pub struct $route;

        #[cfg(not(all(feature = "hydrate", not(feature = "full-app"))))]
        #[leptos_router::lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page/> }.into_any()
            }
        }

        #[cfg(all(feature = "hydrate", not(feature = "full-app")))]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_this: Self) -> AnyView {
                view! { <$page/> }.into_any()
            }
        }
    };
}

lazy_page!(Board, BoardPage);
lazy_page!(NewIdea, NewIdeaPage);
lazy_page!(Idea, IdeaPage);
lazy_page!(Roadmap, RoadmapPage);
lazy_page!(Support, SupportPage);
lazy_page!(NewTicket, NewTicketPage);
lazy_page!(Ticket, TicketPage);
lazy_page!(StaffQueue, StaffQueuePage);
lazy_page!(Commitments, CommitmentsPage);
lazy_page!(Moderation, ModerationPage);
lazy_page!(Audit, AuditPage);
lazy_page!(Announcements, AnnouncementsPage);
lazy_page!(Announcement, AnnouncementPage);
lazy_page!(SignIn, SignInPage);
lazy_page!(SignUp, SignUpPage);
lazy_page!(Profile, ProfilePage);
lazy_page!(MyTickets, MyTicketsPage);
lazy_page!(Member, MemberPage);
lazy_page!(ForgotPassword, ForgotPasswordPage);
lazy_page!(ResetPassword, ResetPasswordPage);
lazy_page!(AcceptInvite, AcceptInvitePage);
lazy_page!(Admin, AdminPage);
lazy_page!(Dashboard, DashboardPage);
lazy_page!(Scorecard, ScorecardPage);
lazy_page!(Notifications, NotificationsPage);
lazy_page!(Unsubscribe, UnsubscribePage);
lazy_page!(Verify, VerifyPage);
lazy_page!(Search, SearchPage);
lazy_page!(AdminOutbox, AdminOutboxPage);
lazy_page!(AdminWebhooks, AdminWebhooksPage);

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
