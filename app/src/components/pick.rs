//! What a reader picked in a select survives the page re-rendering.
//!
//! Pages re-render their forms when their data reloads (after any action,
//! failed ones included, and on live events). With erased components
//! (`.cargo/config.toml`) a re-rendered element drops and re-adds all its
//! attributes, and adding `selected` back to the stored option selects it
//! again, because the browser only ignores that for options the reader
//! touched: a staff member's unsaved status pick would snap back to the
//! old status, and the next submission would save the old one. A select
//! whose option follows the stored value renders the one [`pick`] returns
//! instead, and records the reader's choice with its change handler.

use leptos::ev::Event;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// One select's pick: on which page, over which stored value.
#[derive(Clone, Debug, PartialEq)]
struct Pick {
    path: String,
    select: String,
    stored: String,
    picked: String,
}

impl Pick {
    fn is_for(&self, path: &str, select: &str) -> bool {
        self.path == path && self.select == select
    }
}

/// The reader's picks on the pages of this visit (client-side navigation
/// keeps them, a full load starts afresh, as the server renders it).
#[derive(Clone, Copy, Debug)]
pub struct Picks(StoredValue<Vec<Pick>>);

/// Provides the picks; called once by `App`, above the router.
pub fn provide() {
    provide_context(Picks(StoredValue::new(Vec::new())));
}

/// For the select with id `select` whose stored value is `stored`: the
/// value whose option is to be `selected` (the reader's pick, while the
/// stored value is still the one they picked over; otherwise the stored
/// value) and the select's `on:change` handler.
pub fn pick(select: &str, stored: &str) -> (String, impl Fn(Event) + Clone + 'static) {
    let picks = use_context::<Picks>();
    let path = use_location().pathname.get_untracked();
    let shown = picks
        .and_then(|picks| {
            picks.0.with_value(|all| {
                all.iter()
                    .find(|p| p.is_for(&path, select) && p.stored == stored)
                    .map(|p| p.picked.clone())
            })
        })
        .unwrap_or_else(|| stored.to_owned());
    let (select, stored) = (select.to_owned(), stored.to_owned());
    let remember = move |ev: Event| {
        let Some(picks) = picks else { return };
        let pick = Pick {
            path: path.clone(),
            select: select.clone(),
            stored: stored.clone(),
            picked: event_target_value(&ev),
        };
        picks.0.update_value(|all| {
            all.retain(|p| !p.is_for(&pick.path, &pick.select));
            all.push(pick);
        });
    };
    (shown, remember)
}
