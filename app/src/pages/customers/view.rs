//! `/staff/customers/:id`: one customer whole, for staff — who they are,
//! what they did here, what was promised and granted to them, how far
//! their voice carries — with the team's notes and tags.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::customer::CustomerView;

use crate::auth_state::CurrentUser;
use crate::components::field::{field_error, form_error};
use crate::components::status_badge::status_key;
use crate::components::when::When;
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::pages::tickets::{Commitment, kind_key, staff_status_key, won};
use crate::rpc::{
    AddCustomerNote, MergeCustomer, SetCustomerTags, get_customer, list_customer_tags,
};
use crate::time::Style;

/// One customer's page.
#[component]
pub fn CustomerPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|n| n.parse::<i64>().ok());
    let note = ServerAction::<AddCustomerNote>::new();
    let tag = ServerAction::<SetCustomerTags>::new();
    let customer = load(
        move || (id(), note.version().get(), tag.version().get()),
        |(id, _, _)| async move {
            match id {
                Some(id) => get_customer(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let tags = load(|| (), |()| list_customer_tags());
    let CurrentUser(user) = expect_context::<CurrentUser>();
    view! {
        <Suspense fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match customer.await {
                    Ok(Some(c)) => {
                        let list = tags.await.unwrap_or_default();
                        let admin = matches!(user.await, Ok(Some(me)) if me.can.administer);
                        view! {
                            <Customer c=c.clone() note tag list/>
                            {admin.then(|| view! { <MergeForm id=c.summary.id/> })}
                        }.into_any()
                    }
                    Ok(None) => view! { <p class="error" role="alert">{locale.t("customers.not_found")}</p> }.into_any(),
                    Err(e) => view! {
                        <Title text=locale.t("customers.title")/>
                        <p class="error" role="alert">{e.detail}</p>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Customer(
    c: CustomerView,
    note: ServerAction<AddCustomerNote>,
    tag: ServerAction<SetCustomerTags>,
    list: Vec<shared::customer::CustomerTag>,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let s = c.summary.clone();
    let id = s.id;
    let influence = c.influence.clone();
    let totals = c.remedy_totals.clone();
    let stat = |label: &str, value: String, class: &'static str| {
        view! {
            <div class=format!("stat {class}")><span class="stat-value">{value}</span><span class="stat-label">{label.to_owned()}</span></div>
        }
    };
    let limit = totals.viewer_month_limit_won.map(|limit| {
        format!(
            "{} {} / {} {}",
            won(totals.this_month_won),
            locale.t("remedy.won"),
            won(limit),
            locale.t("remedy.won")
        )
    });
    view! {
        <Title text=format!("{} · {}", s.display_name, locale.t("customers.title"))/>
        <p class="breadcrumb"><A href="/staff/customers">{locale.t("customers.title")}</A></p>
        <section class="customer-head" data-customer=id>
            <h1 class="customer-name">{s.display_name.clone()}</h1>
            <p class="customer-contact">
                <span class="customer-email">{s.email.clone()}</span>
                " · " {locale.t("customers.member_since")} " " <When at=s.member_since.clone() style=Style::Date/>
                {s.last_active_at.clone().map(|at| view! { " · " {locale.t("customers.last_active")} " " <When at/> })}
                {c.language.clone().map(|l| view! { " · " <span class="customer-language">{l}</span> })}
                " · " {if c.email_confirmed { locale.t("customers.email_confirmed") } else { locale.t("customers.email_unconfirmed") }}
                " · " {locale.t("customers.mail")} " " <code>{c.notification_mail.clone()}</code>
            </p>
            {c.suspended_until.clone().map(|until| view! {
                <p class="suspension" role="status">{locale.t("customers.suspended_until")} " " <When at=until/> " — " {c.suspended_reason.clone().unwrap_or_default()}</p>
            })}
            <p class="customer-tags">{s.tags.iter().map(|t| view! { <span class="tag">{t.clone()}</span> " " }).collect_view()}</p>
        </section>

        <section class="stats customer-figures" aria-label=locale.t("customers.figures")>
            {stat(locale.t("customers.open_tickets"), format!("{} / {}", s.open_tickets, s.tickets), "open-tickets")}
            {stat(locale.t("customers.open_promises"), s.open_promises.to_string(), "open-promises")}
            {stat(locale.t("customers.remedies_year"), format!("{} {}", won(totals.this_year_won), locale.t("remedy.won")), "remedies-year")}
            {limit.map(|text| stat(locale.t("customers.remedies_month_of_limit"), text, "remedies-month"))}
            {stat(locale.t("customers.reach"), format!("{} / {}", influence.reach, influence.threshold), "reach")}
        </section>
        <p class="influence">
            {format!(
                "{} {} · {} {} · {} {} · {} {}",
                locale.t("customers.votes_received"), influence.votes_received,
                locale.t("customers.followers"), influence.followers,
                locale.t("customers.comments_drawn"), influence.comments_drawn,
                locale.t("customers.me_too_drawn"), influence.me_too_drawn,
            )}
            {s.opinion_leader_suggested.then(|| view! { " " <span class="badge opinion-leader">{locale.t("customers.opinion_leader")}</span> })}
        </p>

        <div class="customer-columns">
            <section class="customer-notes">
                <h2>{locale.t("customers.notes")}</h2>
                <p class="hint">{locale.t("customers.notes_hint")}</p>
                <ActionForm action=note attr:class="form" attr:id="customer-note-form">
                    <input type="hidden" name="id" value=id/>
                    <p class="form-error" role="alert">{form_error(note)}</p>
                    <div class="field">
                        <label for="customer-note">{locale.t("customers.new_note")}</label>
                        <textarea id="customer-note" name="body" rows="3" maxlength="4000"></textarea>
                        <p class="field-error" id="customer-note-error" role="alert">{field_error(note, "body")}</p>
                    </div>
                    <button type="submit" class="button">{locale.t("customers.add_note")}</button>
                </ActionForm>
                <ul class="note-list">
                    {c.notes.clone().into_iter().map(|n| view! {
                        <li class="customer-note" data-id=n.id>
                            <p class="note-body">{n.body.clone()}</p>
                            <p class="note-meta">{n.author.display_name.clone()} " · " <When at=n.created_at.clone()/>
                                {n.edited_at.clone().map(|_| view! { " · " {locale.t("customers.edited")} })}</p>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
            <section class="customer-tagging">
                <h2>{locale.t("customers.tags")}</h2>
                <ActionForm action=tag attr:class="form" attr:id="customer-tags-form">
                    <input type="hidden" name="id" value=id/>
                    <p class="form-error" role="alert">{form_error(tag)}</p>
                    <fieldset>
                        <legend>{locale.t("customers.tags_legend")}</legend>
                        {list.into_iter().map(|t| {
                            let mark = c.tags.iter().find(|m| m.name == t.name).cloned();
                            view! {
                                <label class="checkbox">
                                    <input type="checkbox" name="tags[]" value=t.name.clone() checked=mark.is_some()/>
                                    " " {t.name.clone()}
                                    {mark.map(|m| view! {
                                        <span class="tag-meta">" · " {m.tagged_by.map(|p| p.display_name).unwrap_or_default()} " " <When at=m.tagged_at style=Style::Date/></span>
                                    })}
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                    <p class="field-error" role="alert">{field_error(tag, "tags")}</p>
                    <button type="submit" class="button">{locale.t("customers.save_tags")}</button>
                </ActionForm>
            </section>
        </div>

        <section class="customer-tickets">
            <h2>{locale.t("customers.tickets")}</h2>
            <table>
                <thead><tr>
                    <th scope="col">{locale.t("customers.ticket")}</th>
                    <th scope="col">{locale.t("ticket.field_kind")}</th>
                    <th scope="col">{locale.t("customers.status")}</th>
                    <th scope="col">{locale.t("customers.private_details")}</th>
                    <th scope="col">{locale.t("customers.rating")}</th>
                </tr></thead>
                <tbody>
                    {c.tickets.clone().into_iter().map(|t| view! {
                        <tr>
                            <th scope="row"><A href=format!("/tickets/{}", t.number)>{t.number.clone()}</A> " " {t.title.clone()}
                                <br/><When at=t.created_at.clone() style=Style::Date/> {t.department.clone().map(|d| view! { " · " {d} })}</th>
                            <td>{locale.t(kind_key(t.kind))}</td>
                            <td>{locale.t(staff_status_key(t.status))}</td>
                            <td class="private-details">{t.private_details.clone()}</td>
                            <td>{t.rating.map(|r| format!("{r}/5"))} {t.rating_comment.clone().map(|c| view! { " " <q>{c}</q> })}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>

        <section class="customer-promises">
            <h2>{locale.t("customers.promises")}</h2>
            <ul class="commitment-list">
                {c.promises.iter().cloned().map(|p| view! { <Commitment c=p settle=None/> }).collect_view()}
            </ul>
            <h3>{locale.t("customers.remedies")}</h3>
            <ul class="remedy-list">
                {c.remedies.clone().into_iter().map(|r| view! {
                    <li class="remedy" data-status=r.status.as_str()>
                        <A href=format!("/tickets/{}", r.ticket)>{r.ticket.clone()}</A> " · " {r.description.clone()}
                        " · " {won(r.amount)} " " {locale.t("remedy.won")} " · " {r.granted_by.display_name.clone()}
                        " · " <When at=r.created_at.clone() style=Style::Date/>
                    </li>
                }).collect_view()}
            </ul>
        </section>

        <section class="customer-activity">
            <h2>{locale.t("customers.ideas")}</h2>
            <ul>
                {c.ideas.clone().into_iter().map(|i| view! {
                    <li><A href=format!("/ideas/{}", i.number)>{format!("#{} {}", i.number, i.title)}</A>
                        " · " {locale.t(status_key(i.status))} " · " {i.votes} " " {locale.t("customers.votes")}
                        " · " <When at=i.created_at.clone() style=Style::Date/></li>
                }).collect_view()}
            </ul>
            <h2>{locale.t("customers.comments")}</h2>
            <ul>
                {c.comments.clone().into_iter().map(|m| view! {
                    <li><A href=format!("/ideas/{}", m.idea_number)>{format!("#{} {}", m.idea_number, m.idea_title)}</A>
                        " — " <span class="comment-text">{m.body_markdown.clone()}</span> " · " <When at=m.created_at.clone()/></li>
                }).collect_view()}
            </ul>
            <h2>{locale.t("customers.votes_given")}</h2>
            <ul>
                {c.votes.clone().into_iter().map(|v| view! {
                    <li><A href=format!("/ideas/{}", v.idea_number)>{format!("#{} {}", v.idea_number, v.idea_title)}</A> " · " <When at=v.created_at.clone()/></li>
                }).collect_view()}
            </ul>
            <h2>{locale.t("customers.me_too")}</h2>
            <ul>
                {c.me_too.clone().into_iter().map(|m| view! {
                    <li><A href=format!("/tickets/{}", m.ticket_number)>{format!("{} {}", m.ticket_number, m.ticket_title)}</A> " · " <When at=m.created_at.clone()/></li>
                }).collect_view()}
            </ul>
            <h2>{locale.t("customers.reports")}</h2>
            <ul>
                {c.reports_against.clone().into_iter().map(|r| view! {
                    <li>{format!("{} {} · {} · {}", r.target_type.as_str(), r.target_id, r.reason, r.status.as_str())} " · " <When at=r.created_at.clone()/></li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Merging a duplicate account into this one's twin (admins): the form
/// names the account to keep; the result links to it.
#[component]
fn MergeForm(id: i64) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let merge = ServerAction::<MergeCustomer>::new();
    let kept = move || merge.value().get().and_then(Result::ok).map(|v| v.summary);
    view! {
        <section class="customer-merge">
            <h2>{locale.t("customers.merge")}</h2>
            <p class="hint">{locale.t("customers.merge_hint")}</p>
            {move || kept().map(|k| view! {
                <p class="notice merged" role="status">
                    {locale.t("customers.merged_into")} " "
                    <a href=format!("/staff/customers/{}", k.id) class="merged-into">{k.display_name}</a>
                </p>
            })}
            <ActionForm action=merge attr:class="form" attr:id="customer-merge-form">
                <input type="hidden" name="id" value=id/>
                <p class="form-error" role="alert">{form_error(merge)}</p>
                <div class="field">
                    <label for="merge-into">{locale.t("customers.merge_into")}</label>
                    <input id="merge-into" name="into" inputmode="numeric" required=true/>
                    <p class="field-error" role="alert">{field_error(merge, "into")}</p>
                </div>
                <button type="submit" class="button danger">{locale.t("customers.merge_button")}</button>
            </ActionForm>
        </section>
    }
}
