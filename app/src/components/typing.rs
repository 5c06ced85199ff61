//! What a member is typing, once they pause: suggestions (similar ideas,
//! similar tickets) follow the title without asking the server on every
//! keystroke.

use std::time::Duration;

use leptos::prelude::*;

/// How long typing must pause before suggestions follow: short enough to
/// feel instant, long enough not to query on every keystroke.
pub const PAUSE: Duration = Duration::from_millis(180);

/// The paused text and the `on:input` handler that feeds it.
pub fn after_pause() -> (
    RwSignal<String>,
    impl Fn(leptos::ev::Event) + Copy + 'static,
) {
    let typed = RwSignal::new(String::new());
    let keystrokes = RwSignal::new(0_u64);
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let stroke = keystrokes.get_untracked() + 1;
        keystrokes.set(stroke);
        set_timeout(
            move || {
                if keystrokes.get_untracked() == stroke {
                    typed.set(text);
                }
            },
            PAUSE,
        );
    };
    (typed, on_input)
}
