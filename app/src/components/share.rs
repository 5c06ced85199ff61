//! Passing a page on: its address to copy with one tap, the phone's own
//! share sheet (Kakao Talk, messages) where the browser offers one, and
//! ready-made links for X and e-mail that work without JavaScript.

use leptos::prelude::*;

use crate::i18n::{Locale, Translate};

/// The share box under an idea or a ticket thread; an island, so it works
/// on server-rendered pages (the islands client) too.
// An island for the islands client, a component in the full app (client.rs).
#[cfg_attr(not(feature = "full-app"), island)]
#[cfg_attr(feature = "full-app", component)]
pub fn ShareBox(url: String, title: String) -> impl IntoView {
    let locale = use_context::<Locale>().unwrap_or_else(crate::locale::from_document);
    let x_href = format!(
        "https://twitter.com/intent/tweet?url={}&text={}",
        crate::url::encode_component(&url),
        crate::url::encode_component(&title)
    );
    let mail_href = format!(
        "mailto:?subject={}&body={}",
        crate::url::encode_component(&title),
        crate::url::encode_component(&url)
    );
    // Only a browser that can share (most phones) shows the button; the
    // server cannot know, so it appears after hydration.
    let can_share = RwSignal::new(false);
    Effect::new(move || can_share.set(device::can_share()));
    let copied = RwSignal::new(false);
    let copy = {
        let url = url.clone();
        move |_| {
            device::copy(&url);
            copied.set(true);
        }
    };
    let share = {
        let (url, title) = (url.clone(), title.clone());
        move |_| device::share(&title, &url)
    };
    view! {
        <div class="share-box">
            <label for="share-url">{locale.t("share.label")}</label>
            <input id="share-url" type="url" readonly=true value=url/>
            <button type="button" class="button small copy-link" on:click=copy>{locale.t("share.copy")}</button>
            {move || can_share.get().then(|| view! {
                <button type="button" class="button small share-sheet" on:click=share.clone()>{locale.t("share.more")}</button>
            })}
            <a href=x_href rel="external noopener" target="_blank">"X"</a>
            <a href=mail_href rel="external">{locale.t("share.mail")}</a>
            <span class="copied" role="status">{move || copied.get().then(|| locale.t("share.copied"))}</span>
        </div>
    }
}

/// The browser's clipboard and share sheet (no-ops on the server).
#[cfg(feature = "hydrate")]
mod device {
    use wasm_bindgen::{JsCast, JsValue};

    fn navigator() -> Option<JsValue> {
        let window = web_sys::window()?;
        js_sys::Reflect::get(&window, &JsValue::from_str("navigator")).ok()
    }

    /// Calls `navigator[object][method](args)` (`object` empty: on the navigator).
    fn call(object: &str, method: &str, args: &[JsValue]) -> bool {
        let Some(navigator) = navigator() else {
            return false;
        };
        let target = if object.is_empty() {
            navigator
        } else {
            match js_sys::Reflect::get(&navigator, &JsValue::from_str(object)) {
                Ok(target) if !target.is_undefined() => target,
                _ => return false,
            }
        };
        let Some(function) = js_sys::Reflect::get(&target, &JsValue::from_str(method))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        else {
            return false;
        };
        let args: js_sys::Array = args.iter().collect();
        function.apply(&target, &args).is_ok()
    }

    /// Puts the address on the clipboard; where the Clipboard API is
    /// missing (plain HTTP), selects the field so a long press copies it.
    pub fn copy(text: &str) {
        if !call("clipboard", "writeText", &[JsValue::from_str(text)]) {
            let field = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("share-url"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
            if let Some(field) = field {
                field.select();
            }
        }
    }

    /// Whether the browser has a share sheet.
    pub fn can_share() -> bool {
        navigator().is_some_and(|n| {
            js_sys::Reflect::get(&n, &JsValue::from_str("share")).is_ok_and(|f| f.is_function())
        })
    }

    /// Opens the share sheet with the page's title and address.
    pub fn share(title: &str, url: &str) {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &data,
            &JsValue::from_str("title"),
            &JsValue::from_str(title),
        );
        let _ = js_sys::Reflect::set(&data, &JsValue::from_str("url"), &JsValue::from_str(url));
        call("", "share", &[data.into()]);
    }
}

/// On the server nothing is copied or shared.
#[cfg(not(feature = "hydrate"))]
mod device {
    pub fn copy(_text: &str) {}

    pub fn can_share() -> bool {
        false
    }

    pub fn share(_title: &str, _url: &str) {}
}
