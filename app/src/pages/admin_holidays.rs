//! The holiday calendar on the admin page: the days departments that keep
//! business hours are closed (the Korean public holidays ship), with a
//! form to add the company's own days and a button to remove any.

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::components::field::{field_error, form_error};
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::rpc::{AddHoliday, RemoveHoliday, list_holidays};

/// The calendar and its form.
#[component]
pub fn HolidaysAdmin() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let add = ServerAction::<AddHoliday>::new();
    let remove = ServerAction::<RemoveHoliday>::new();
    let days = load(
        move || (add.version().get(), remove.version().get()),
        |_| list_holidays(),
    );
    view! {
        <section class="auth-card wide holidays-admin">
            <h2>{locale.t("admin.holidays")}</h2>
            <p class="hint">{locale.t("admin.holidays_hint")}</p>
            <ActionForm action=add attr:class="form inline-form" attr:id="holiday-form">
                <p class="form-error" role="alert">{form_error(add)}</p>
                <div class="field">
                    <label for="holiday-day">{locale.t("admin.holiday_day")}</label>
                    <input id="holiday-day" name="day" type="date" required=true/>
                    <p class="field-error" role="alert">{field_error(add, "day")}</p>
                </div>
                <div class="field">
                    <label for="holiday-name">{locale.t("admin.name_ko")}</label>
                    <input id="holiday-name" name="name" required=true/>
                    <p class="field-error" role="alert">{field_error(add, "name")}</p>
                </div>
                <div class="field">
                    <label for="holiday-name-en">{locale.t("admin.name_en")}</label>
                    <input id="holiday-name-en" name="name_en"/>
                </div>
                <button type="submit" class="button">{locale.t("admin.add_holiday")}</button>
            </ActionForm>
            <Transition fallback=|| view! { <p class="loading">"…"</p> }>
                {move || Suspend::new(async move {
                    let list = days.await.unwrap_or_default();
                    view! {
                        <ul class="holiday-list">
                            {list.into_iter().map(|h| view! {
                                <li class="holiday" data-day=h.day.clone()>
                                    <time datetime=h.day.clone()>{h.day.clone()}</time> " " {h.name}
                                    " " <button type="button" class="button small remove-holiday" on:click=move |_| { remove.dispatch(RemoveHoliday { id: h.id }); }>
                                        {locale.t("admin.remove")}
                                    </button>
                                </li>
                            }).collect_view()}
                        </ul>
                    }
                })}
            </Transition>
        </section>
    }
}
