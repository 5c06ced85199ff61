//! `/admin`: invite staff and manage departments. The server checks every
//! action (admins only); the page shows the refusal to anyone else.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::field::{Field, field_error, form_error};
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::rpc::{
    AddCanned, AddGuideline, CreateCategory, CreateDepartment, DecideRemedy, InviteStaff,
    RemoveCanned, RemoveGuideline, SetRemedyLimit, UpdateDepartment, list_canned, list_categories,
    list_departments, list_guidelines, pending_remedies, remedy_limits,
};

/// The admin page.
#[component]
pub fn AdminPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let invite = ServerAction::<InviteStaff>::new();
    let create = ServerAction::<CreateDepartment>::new();
    let change = ServerAction::<UpdateDepartment>::new();
    let departments = load(
        move || (create.version().get(), change.version().get()),
        |_| list_departments(),
    );
    let add_category = ServerAction::<CreateCategory>::new();
    let decide = ServerAction::<DecideRemedy>::new();
    let waiting = load(move || decide.version().get(), |_| pending_remedies());
    let categories = load(move || add_category.version().get(), |_| list_categories());
    let invited = move || invite.value().get().and_then(Result::ok);
    view! {
        <Title text=locale.t("admin.title")/>
        <h1>{locale.t("admin.title")}</h1>
        <p><A href="/admin/outbox">{locale.t("admin.outbox_link")}</A> " · " <A href="/admin/webhooks">{locale.t("webhooks.title")}</A></p>
        <section class="auth-card wide pending-remedies">
            <h2>{locale.t("remedy.pending_title")}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let items = waiting.await.unwrap_or_default();
                    if items.is_empty() {
                        return view! { <p class="empty">{locale.t("remedy.none_pending")}</p> }.into_any();
                    }
                    view! {
                        <ul class="remedy-list">
                            {items.into_iter().map(|r| {
                                let by = r.granted_by.display_name.clone();
                                view! {
                                    <li class="remedy" data-remedy=r.id>
                                        <A href=format!("/tickets/{}", r.ticket) attr:class="remedy-ticket">{r.ticket.clone()}</A> " · "
                                        <strong>{r.description.clone()}</strong> " · " {crate::pages::tickets::won(r.amount)} " " {locale.t("remedy.won")} " · " {by}
                                        {r.reply_html.clone().filter(|h| !h.trim().is_empty()).map(|html| view! {
                                            <blockquote class="remedy-reply prose" inner_html=html></blockquote>
                                        })}
                                        " " <button type="button" class="button small approve" on:click=move |_| { decide.dispatch(DecideRemedy { id: r.id, approve: true }); }>{locale.t("remedy.approve")}</button>
                                        " " <button type="button" class="button small reject" on:click=move |_| { decide.dispatch(DecideRemedy { id: r.id, approve: false }); }>{locale.t("remedy.reject")}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })}
            </Suspense>
        </section>
        <div class="admin-grid">
            <RemedyLimitsAdmin/>
            <AnswerKitAdmin/>
            <crate::pages::admin_holidays::HolidaysAdmin/>
            <section class="auth-card wide">
                <h2>{locale.t("admin.invite")}</h2>
                {move || invited().map(|i| view! { <p class="notice" role="status">{locale.t("admin.invited")} " " <strong class="invited-email">{i.email}</strong></p> })}
                <ActionForm action=invite attr:class="form" attr:id="invite-staff-form">
                    <p class="form-error" role="alert">{form_error(invite)}</p>
                    <Field name="email" label=locale.t("signin.email") kind="email" error=field_error(invite, "email")/>
                    <div class="field">
                        <label for="invite-role">{locale.t("admin.role")}</label>
                        <select id="invite-role" name="role">
                            <option value="employee">{locale.t("role.employee")}</option>
                            <option value="moderator">{locale.t("role.moderator")}</option>
                            <option value="admin">{locale.t("role.admin")}</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="invite-department">{locale.t("admin.department")}</label>
                        <select id="invite-department" name="department">
                            <option value="">{locale.t("admin.none")}</option>
                            <Suspense fallback=|| ()>
                                {move || Suspend::new(async move {
                                    departments.await.unwrap_or_default().into_iter()
                                        .map(|d| view! { <option value=d.slug>{d.name}</option> })
                                        .collect_view()
                                })}
                            </Suspense>
                        </select>
                        <p class="field-error" role="alert">{field_error(invite, "department")}</p>
                    </div>
                    <div class="field">
                        <label for="invite-title">{locale.t("admin.job_title")}</label>
                        <input id="invite-title" name="title"/>
                    </div>
                    <button type="submit" class="button primary">{locale.t("admin.invite_submit")}</button>
                </ActionForm>
            </section>
            <section class="auth-card wide">
                <h2>{locale.t("admin.departments")}</h2>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        view! {
                            <ul class="admin-departments">
                                {departments.await.unwrap_or_default().into_iter().map(|d| view! {
                                    <DepartmentItem department=d changed=change/>
                                }).collect_view()}
                            </ul>
                        }
                    })}
                </Suspense>
                <ActionForm action=create attr:class="form" attr:id="department-form">
                    <p class="form-error" role="alert">{form_error(create)}</p>
                    <Field name="slug" label=locale.t("admin.slug") error=field_error(create, "slug")/>
                    <Field name="name" label=locale.t("admin.name_ko") error=field_error(create, "name")/>
                    <Field name="name_en" label=locale.t("admin.name_en") error=field_error(create, "name_en") optional=true/>
                    <div class="field">
                        <label for="department-description">{locale.t("admin.description_ko")}</label>
                        <input id="department-description" name="description"/>
                    </div>
                    <div class="field">
                        <label for="department-description-en">{locale.t("admin.description_en")}</label>
                        <input id="department-description-en" name="description_en"/>
                    </div>
                    <Field name="first_response_minutes" label=locale.t("admin.minutes") kind="number" error=field_error(create, "first_response_minutes")/>
                    <button type="submit" class="button primary">{locale.t("admin.create_department")}</button>
                </ActionForm>
            </section>
            <section class="auth-card wide">
                <h2>{locale.t("admin.categories")}</h2>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        view! {
                            <ul class="admin-categories">
                                {categories.await.unwrap_or_default().into_iter().map(|c| {
                                    let key = c.slug.clone();
                                    view! { <li data-category=key><strong lang="ko">{c.names.ko}</strong> " · " <span lang="en" class="name-en">{c.names.en}</span> " · " <code>{c.slug}</code></li> }
                                }).collect_view()}
                            </ul>
                        }
                    })}
                </Suspense>
                <ActionForm action=add_category attr:class="form" attr:id="category-form">
                    <p class="form-error" role="alert">{form_error(add_category)}</p>
                    <div class="field">
                        <label for="category-slug">{locale.t("admin.slug")}</label>
                        <input id="category-slug" name="slug"/>
                        <p class="field-error" id="category-slug-error" role="alert">{field_error(add_category, "slug")}</p>
                    </div>
                    <div class="field">
                        <label for="category-name">{locale.t("admin.name_ko")}</label>
                        <input id="category-name" name="name"/>
                        <p class="field-error" id="category-name-error" role="alert">{field_error(add_category, "name")}</p>
                    </div>
                    <div class="field">
                        <label for="category-name-en">{locale.t("admin.name_en")}</label>
                        <input id="category-name-en" name="name_en"/>
                        <p class="field-error" id="category-name-en-error" role="alert">{field_error(add_category, "name_en")}</p>
                    </div>
                    <button type="submit" class="button primary">{locale.t("admin.create_category")}</button>
                </ActionForm>
            </section>
        </div>
    }
}

/// One department in the admin list: its names in both languages and a
/// form that changes them (and the promise).
#[component]
fn DepartmentItem(
    department: shared::department::Department,
    changed: ServerAction<UpdateDepartment>,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let shared::department::Department {
        slug,
        names,
        descriptions,
        handle,
        first_response_minutes,
        business_hours,
        time_zone,
        ..
    } = department;
    let id = {
        let slug = slug.clone();
        move |field: &str| format!("department-{slug}-{field}")
    };
    let minutes = locale.format(
        "admin.minutes_short",
        &[("minutes", first_response_minutes.to_string())],
    );
    let (key, shown) = (slug.clone(), slug.clone());
    let (name_ko, name_en) = (names.ko.clone(), names.en.clone());
    view! {
        <li data-department=key>
            <strong lang="ko">{name_ko}</strong> " · " <span lang="en" class="name-en">{name_en}</span>
            " · " <code>{shown}</code> " · " {minutes}
            " · " <span class="department-hours">{business_hours.clone().unwrap_or_else(|| locale.t("admin.around_the_clock").to_owned())}</span>
            <details class="department-edit">
                <summary>{locale.t("admin.edit")}</summary>
                <ActionForm action=changed attr:class="form">
                    <p class="form-error" role="alert">{form_error(changed)}</p>
                    <input type="hidden" name="slug" value=slug/>
                    <input type="hidden" name="handle" value=handle/>
                    <div class="field">
                        <label for=id("name")>{locale.t("admin.name_ko")}</label>
                        <input id=id("name") name="name" value=names.ko/>
                    </div>
                    <div class="field">
                        <label for=id("name-en")>{locale.t("admin.name_en")}</label>
                        <input id=id("name-en") name="name_en" value=names.en/>
                    </div>
                    <div class="field">
                        <label for=id("description")>{locale.t("admin.description_ko")}</label>
                        <input id=id("description") name="description" value=descriptions.ko/>
                    </div>
                    <div class="field">
                        <label for=id("description-en")>{locale.t("admin.description_en")}</label>
                        <input id=id("description-en") name="description_en" value=descriptions.en/>
                    </div>
                    <div class="field">
                        <label for=id("minutes")>{locale.t("admin.minutes")}</label>
                        <input id=id("minutes") name="first_response_minutes" inputmode="numeric" value=first_response_minutes.to_string()/>
                    </div>
                    <div class="field">
                        <label for=id("hours")>{locale.t("admin.business_hours")}</label>
                        <input id=id("hours") name="business_hours" value=business_hours.unwrap_or_default() placeholder="mon-fri 09:00-18:00"/>
                        <p class="hint">{locale.t("admin.business_hours_hint")}</p>
                        <p class="field-error" role="alert">{field_error(changed, "business_hours")}</p>
                    </div>
                    <div class="field">
                        <label for=id("zone")>{locale.t("admin.time_zone")}</label>
                        <input id=id("zone") name="time_zone" value=time_zone.unwrap_or_default() placeholder="Asia/Seoul"/>
                        <p class="field-error" role="alert">{field_error(changed, "time_zone")}</p>
                    </div>
                    <button type="submit" class="button">{locale.t("admin.save")}</button>
                </ActionForm>
            </details>
        </li>
    }
}

/// Canned answers and the guidelines checklist staff see when replying.
#[component]
fn AnswerKitAdmin() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let add = ServerAction::<AddCanned>::new();
    let remove = ServerAction::<RemoveCanned>::new();
    let add_rule = ServerAction::<AddGuideline>::new();
    let remove_rule = ServerAction::<RemoveGuideline>::new();
    let canned = load(
        move || (add.version().get(), remove.version().get()),
        |_| list_canned(),
    );
    let rules = load(
        move || (add_rule.version().get(), remove_rule.version().get()),
        |_| list_guidelines(),
    );
    view! {
        <section class="auth-card wide answer-kit-admin">
            <h2>{locale.t("kit.admin_canned")}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    view! {
                        <ul class="admin-canned">
                            {canned.await.unwrap_or_default().into_iter().map(|c| view! {
                                <li data-canned=c.id>
                                    <strong lang="ko">{c.titles.ko}</strong> " · " <strong lang="en" class="name-en">{c.titles.en}</strong> " " <button type="button" class="button small" on:click=move |_| { remove.dispatch(RemoveCanned { id: c.id }); }>{locale.t("kit.remove")}</button>
                                    <p class="hint" lang="ko">{c.bodies.ko}</p>
                                    <p class="hint name-en" lang="en">{c.bodies.en}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    }
                })}
            </Suspense>
            <ActionForm action=add attr:class="form" attr:id="canned-form">
                <p class="form-error" role="alert">{form_error(add)}</p>
                <div class="field">
                    <label for="canned-title">{locale.t("kit.title_ko")}</label>
                    <input id="canned-title" name="title"/>
                    <p class="field-error" role="alert">{field_error(add, "title")}</p>
                </div>
                <div class="field">
                    <label for="canned-body">{locale.t("kit.body_ko")}</label>
                    <textarea id="canned-body" name="body" rows="3"></textarea>
                    <p class="hint">{locale.t("kit.placeholders")}</p>
                    <p class="field-error" role="alert">{field_error(add, "body")}</p>
                </div>
                <div class="field">
                    <label for="canned-title-en">{locale.t("kit.title_en")}</label>
                    <input id="canned-title-en" name="title_en"/>
                    <p class="field-error" role="alert">{field_error(add, "title_en")}</p>
                </div>
                <div class="field">
                    <label for="canned-body-en">{locale.t("kit.body_en")}</label>
                    <textarea id="canned-body-en" name="body_en" rows="3"></textarea>
                    <p class="hint">{locale.t("kit.english_hint")}</p>
                    <p class="field-error" role="alert">{field_error(add, "body_en")}</p>
                </div>
                <button type="submit" class="button primary">{locale.t("kit.add_canned")}</button>
            </ActionForm>
            <h2>{locale.t("kit.guidelines")}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    view! {
                        <ol class="admin-guidelines">
                            {rules.await.unwrap_or_default().into_iter().map(|g| view! {
                                <li data-guideline=g.id><span lang="ko">{g.texts.ko}</span> " · " <span lang="en" class="name-en">{g.texts.en}</span> " " <button type="button" class="button small" on:click=move |_| { remove_rule.dispatch(RemoveGuideline { id: g.id }); }>{locale.t("kit.remove")}</button></li>
                            }).collect_view()}
                        </ol>
                    }
                })}
            </Suspense>
            <ActionForm action=add_rule attr:class="form" attr:id="guideline-form">
                <div class="field">
                    <label for="guideline-text">{locale.t("kit.new_guideline")}</label>
                    <input id="guideline-text" name="text"/>
                    <p class="field-error" role="alert">{field_error(add_rule, "text")}</p>
                </div>
                <div class="field">
                    <label for="guideline-text-en">{locale.t("kit.new_guideline_en")}</label>
                    <input id="guideline-text-en" name="text_en"/>
                    <p class="field-error" role="alert">{field_error(add_rule, "text_en")}</p>
                </div>
                <button type="submit" class="button">{locale.t("kit.add_guideline")}</button>
            </ActionForm>
        </section>
    }
}

/// Up to how much staff grant remedies on their own, per role and department.
#[component]
fn RemedyLimitsAdmin() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let set = ServerAction::<SetRemedyLimit>::new();
    let limits = load(move || set.version().get(), |_| remedy_limits());
    let departments = load(|| (), |()| list_departments());
    view! {
        <section class="auth-card wide remedy-limits">
            <h2>{locale.t("limits.title")}</h2>
            <p class="hint">{locale.t("limits.lead")}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    view! {
                        <ul class="admin-limits">
                            {limits.await.unwrap_or_default().into_iter().map(|l| view! {
                                <li data-role=l.role.as_str()>
                                    <strong>{l.role.as_str()}</strong> " · " {l.department.unwrap_or_else(|| "*".to_owned())}
                                    " · " {crate::pages::tickets::won(l.max_won)} " " {locale.t("remedy.won")} " " {locale.t("limits.per_ticket")}
                                    " · " {crate::pages::tickets::won(l.monthly_max_won.unwrap_or(l.max_won))} " " {locale.t("remedy.won")} " " {locale.t("limits.per_month")}
                                </li>
                            }).collect_view()}
                        </ul>
                    }
                })}
            </Suspense>
            <ActionForm action=set attr:class="form" attr:id="limit-form">
                <p class="form-error" role="alert">{form_error(set)}</p>
                <div class="field">
                    <label for="limit-role">{locale.t("admin.role")}</label>
                    <select id="limit-role" name="role">
                        <option value="employee">{locale.t("role.employee")}</option>
                        <option value="moderator">{locale.t("role.moderator")}</option>
                    </select>
                </div>
                <div class="field">
                    <label for="limit-department">{locale.t("admin.department")}</label>
                    <select id="limit-department" name="department">
                        <option value="">{locale.t("limits.every_department")}</option>
                        <Suspense fallback=|| ()>
                            {move || Suspend::new(async move {
                                departments.await.unwrap_or_default().into_iter().map(|d| view! { <option value=d.slug>{d.name}</option> }).collect_view()
                            })}
                        </Suspense>
                    </select>
                </div>
                <div class="field">
                    <label for="limit-max">{locale.t("limits.max_won")}</label>
                    <input id="limit-max" name="max_won" inputmode="numeric"/>
                    <p class="field-error" id="limit-max-error" role="alert">{field_error(set, "max_won")}</p>
                </div>
                <div class="field">
                    <label for="limit-monthly">{locale.t("limits.monthly_max_won")}</label>
                    <input id="limit-monthly" name="monthly_max_won" inputmode="numeric" aria-describedby="limit-monthly-hint"/>
                    <p class="hint" id="limit-monthly-hint">{locale.t("limits.monthly_hint")}</p>
                    <p class="field-error" id="limit-monthly-error" role="alert">{field_error(set, "monthly_max_won")}</p>
                </div>
                <button type="submit" class="button">{locale.t("limits.save")}</button>
            </ActionForm>
        </section>
    }
}
