//! A member's public profile: who they are, their signed identity if staff,
//! what they have contributed, and their ideas.

use crate::components::when::When;
use crate::time::Style;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use shared::{BoardQuery, IdeaSort};

use crate::components::idea_list::IdeaList;
use crate::components::not_found::NotFoundNotice;
use crate::components::report_form::ReportForm;
use crate::components::signature::StaffSignature;
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::rpc::{list_ideas, member_profile};
use crate::text::title_text;

/// The profile page at `/members/:id`.
#[component]
pub fn MemberPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|n| n.parse::<i64>().ok());
    let profile = load(id, |id| async move {
        match id {
            Some(id) => member_profile(id).await.map(Some),
            None => Ok(None),
        }
    });
    let ideas = load(id, |id| async move {
        match id {
            Some(id) => list_ideas(BoardQuery {
                sort: IdeaSort::New,
                author: Some(id),
                limit: Some(50),
                ..BoardQuery::default()
            })
            .await
            .map(|page| page.items),
            None => Ok(Vec::new()),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match profile.await {
                    Ok(Some(p)) => {
                        let stat = |label: &'static str, value: i64, class: &'static str| view! {
                            <div class=format!("stat {class}")><span class="stat-value">{value}</span><span class="stat-label">{label}</span></div>
                        };
                        let r = p.recognition.clone();
                        view! {
                            <Title text=title_text(&p.display_name)/>
                            <section class="profile" data-member=p.id>
                                <div class="profile-head">
                                    <span class="avatar" style=format!("background:{}", p.avatar_color)>{p.initials.clone()}</span>
                                    <div>
                                        <h1 class="profile-name">{p.display_name.clone()}</h1>
                                        {p.staff.clone().map(|staff| view! { <p><StaffSignature staff/></p> })}
                                        {p.hidden.clone().map(|reason| view! {
                                            <p class="tombstone hidden-by-moderator">{locale.t("member.hidden")} " " <strong class="hidden-reason">{reason}</strong></p>
                                        })}
                                        {(p.staff.is_none() && p.hidden.is_none()).then(|| view! { <ReportForm kind=shared::ContentKind::Profile id=p.id/> })}
                                        <p class="profile-role">{locale.t("member.joined")} " " <When at=p.joined_at.clone() style=Style::Date/></p>
                                    </div>
                                </div>
                                <div class="stats">
                                    {stat(locale.t("member.ideas"), r.ideas_posted, "ideas-posted")}
                                    {stat(locale.t("member.votes_received"), r.votes_received, "votes-received")}
                                    {stat(locale.t("member.delivered"), r.ideas_delivered, "ideas-delivered")}
                                    {stat(locale.t("member.comments"), r.comments, "comments")}
                                    {p.staff.is_some().then(|| stat(locale.t("member.answers"), r.official_answers, "official-answers"))}
                                </div>
                                <h2>{locale.t("member.their_ideas")}</h2>
                                <Suspense fallback=|| ()>
                                    {move || Suspend::new(async move {
                                        ideas.await.map(|items| view! { <IdeaList ideas=items/> })
                                    })}
                                </Suspense>
                            </section>
                        }.into_any()
                    }
                    _ => view! { <NotFoundNotice message=locale.t("member.not_found")/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
