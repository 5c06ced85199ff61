//! The moderators' tools on an idea page: correct the title, category and
//! tags, lock or unlock the discussion, feature the idea, hide it or show it
//! again — each with a reason and a cited guideline, each stated in the
//! idea's public timeline.

use leptos::form::ActionForm;
use leptos::prelude::*;
use shared::moderation::REASONS;
use shared::{Category, Guideline};

use crate::components::field::{field_error, form_error};
use crate::components::guideline_select::GuidelineSelect;
use crate::components::pick::pick;
use crate::components::report_form::reason_key;
use crate::i18n::{Locale, Translate};
use crate::rpc::{EditIdea, HideContent, LockIdea, PinIdea, UnhideContent, UnlockIdea};

/// The actions behind the tools; the page refetches the idea when any of
/// them has run.
#[derive(Clone, Copy)]
pub struct CurationActions {
    edit: ServerAction<EditIdea>,
    lock: ServerAction<LockIdea>,
    unlock: ServerAction<UnlockIdea>,
    pin: ServerAction<PinIdea>,
    hide: ServerAction<HideContent>,
    unhide: ServerAction<UnhideContent>,
}

impl CurationActions {
    /// One set of actions for the page.
    #[must_use]
    pub fn new() -> Self {
        Self {
            edit: ServerAction::new(),
            lock: ServerAction::new(),
            unlock: ServerAction::new(),
            pin: ServerAction::new(),
            hide: ServerAction::new(),
            unhide: ServerAction::new(),
        }
    }

    /// Changes whenever one of the actions finished (a refetch trigger).
    #[must_use]
    pub fn version(&self) -> usize {
        self.edit.version().get()
            + self.lock.version().get()
            + self.unlock.version().get()
            + self.pin.version().get()
            + self.hide.version().get()
            + self.unhide.version().get()
    }
}

impl Default for CurationActions {
    fn default() -> Self {
        Self::new()
    }
}

/// What the tools need to know about the idea.
pub struct CuratedIdea {
    /// Idea number.
    pub number: i64,
    /// Current title.
    pub title: String,
    /// Current category name.
    pub category: Option<String>,
    /// Current tags.
    pub tags: Vec<String>,
    /// Whether the discussion is locked.
    pub locked: bool,
    /// Whether it is featured.
    pub pinned: bool,
    /// Whether a moderator hid it.
    pub hidden: bool,
}

/// The folded tools panel.
#[component]
pub fn CurationTools(
    idea: CuratedIdea,
    actions: CurationActions,
    guidelines: Vec<Guideline>,
    categories: Vec<Category>,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let CurationActions {
        edit,
        lock,
        unlock,
        pin,
        hide,
        unhide,
    } = actions;
    let number = idea.number;
    let pinned = idea.pinned;
    // The idea carries its category's name; the select's values are slugs.
    let stored_category = categories
        .iter()
        .find(|c| idea.category.as_deref() == Some(c.name.as_str()))
        .map(|c| c.slug.clone())
        .unwrap_or_default();
    let (category, remember_category) = pick("edit-category", &stored_category);
    let (edit_guidelines, lock_guidelines) = (guidelines.clone(), guidelines.clone());
    view! {
        <details class="decision curation" id="curation">
            <summary>{locale.t("curation.open")}</summary>
            <p class="form-error" role="alert">{form_error(pin)} {form_error(unlock)} {form_error(unhide)}</p>
            <div class="curation-buttons">
                <button type="button" class="button small pin" on:click=move |_| { pin.dispatch(PinIdea { number, pinned: !pinned }); }>
                    {locale.t(if pinned { "curation.unpin" } else { "curation.pin" })}
                </button>
                {idea.locked.then(|| view! {
                    <button type="button" class="button small unlock" on:click=move |_| { unlock.dispatch(UnlockIdea { number }); }>{locale.t("curation.unlock")}</button>
                })}
                {idea.hidden.then(|| view! {
                    <button type="button" class="button small unhide" on:click=move |_| { unhide.dispatch(UnhideContent { kind: shared::ContentKind::Idea, id: number }); }>{locale.t("curation.unhide")}</button>
                })}
            </div>
            <h3>{locale.t("curation.edit")}</h3>
            <ActionForm action=edit attr:class="form" attr:id="edit-idea-form">
                <p class="form-error" role="alert">{form_error(edit)}</p>
                <input type="hidden" name="number" value=number/>
                <div class="field">
                    <label for="edit-title">{locale.t("new_idea.field_title")}</label>
                    <input id="edit-title" name="title" value=idea.title/>
                    <p class="field-error" role="alert">{field_error(edit, "title")}</p>
                </div>
                <div class="field">
                    <label for="edit-category">{locale.t("new_idea.field_category")}</label>
                    <select id="edit-category" name="category" on:change=remember_category>
                        <option value="">"—"</option>
                        {categories.into_iter().map(|c| {
                            let selected = c.slug == category;
                            view! { <option value=c.slug selected=selected>{c.name}</option> }
                        }).collect_view()}
                    </select>
                    <p class="field-error" role="alert">{field_error(edit, "category")}</p>
                </div>
                <div class="field">
                    <label for="edit-tags">{locale.t("new_idea.field_tags")}</label>
                    <input id="edit-tags" name="tags" value=idea.tags.join(", ")/>
                    <p class="field-error" role="alert">{field_error(edit, "tags")}</p>
                </div>
                <div class="field">
                    <label for="edit-reason">{locale.t("curation.reason")}</label>
                    <input id="edit-reason" name="reason"/>
                    <p class="field-error" role="alert">{field_error(edit, "reason")}</p>
                </div>
                <div class="field">
                    <label for="edit-guideline">{locale.t("moderation.guideline")}</label>
                    <GuidelineSelect guidelines=edit_guidelines id="edit-guideline"/>
                    <p class="field-error" role="alert">{field_error(edit, "guideline")}</p>
                </div>
                <button type="submit" class="button">{locale.t("curation.save")}</button>
            </ActionForm>
            {(!idea.locked).then(move ||
                view! {
                    <h3>{locale.t("curation.lock")}</h3>
                    <ActionForm action=lock attr:class="form" attr:id="lock-form">
                        <p class="form-error" role="alert">{form_error(lock)}</p>
                        <input type="hidden" name="number" value=number/>
                        <div class="field">
                            <label for="lock-reason">{locale.t("curation.reason")}</label>
                            <input id="lock-reason" name="reason"/>
                            <p class="field-error" role="alert">{field_error(lock, "reason")}</p>
                        </div>
                        <div class="field">
                            <label for="lock-guideline">{locale.t("moderation.guideline")}</label>
                            <GuidelineSelect guidelines=lock_guidelines id="lock-guideline"/>
                        </div>
                        <button type="submit" class="button">{locale.t("curation.lock_submit")}</button>
                    </ActionForm>
                }
            )}
            {(!idea.hidden).then(move || view! {
                <h3>{locale.t("curation.hide")}</h3>
                <ActionForm action=hide attr:class="form" attr:id="hide-idea-form">
                    <p class="form-error" role="alert">{form_error(hide)}</p>
                    <input type="hidden" name="kind" value="idea"/>
                    <input type="hidden" name="id" value=number/>
                    <div class="field">
                        <label for="hide-idea-reason">{locale.t("report.reason")}</label>
                        <select id="hide-idea-reason" name="reason">
                            {REASONS.into_iter().map(|r| view! { <option value=r>{locale.t(reason_key(r))}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="hide-idea-guideline">{locale.t("moderation.guideline")}</label>
                        <GuidelineSelect guidelines id="hide-idea-guideline"/>
                    </div>
                    <button type="submit" class="button danger">{locale.t("moderation.hide")}</button>
                </ActionForm>
            })}
        </details>
    }
}
