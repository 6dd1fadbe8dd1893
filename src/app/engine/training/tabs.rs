//! Two tabs of the app train and save to the same browser storage: each save is one whole file
//! (the last writer wins, never a mix), and the other tabs are told through a localStorage key,
//! whose change the browser announces to every other tab with a `storage` event.

use js_sys::Reflect;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::app::web::now_ms;
use crate::app::web::storage::{keys, save_setting};
use crate::i18n::Text;

/// What a tab writes after saving the lab model.
#[derive(Serialize, Deserialize)]
struct SaveStamp {
    step: usize,
    /// Milliseconds since the page started (only to make each stamp a change).
    at: f64,
    tab: u32,
}

/// A random id for this page, to tell our own saves from another tab's.
pub fn new_tab_id() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

/// Tells the other tabs that this one saved the model at `step`.
pub fn announce_save(tab: u32, step: usize) {
    save_setting(
        keys::TRAINED_SAVED,
        &SaveStamp {
            step,
            at: now_ms(),
            tab,
        },
    );
}

/// Shows a notice in this tab whenever another tab saves its model over ours.
pub fn listen_for_other_saves(tab: u32, notice: RwSignal<Option<Text>>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // A StorageEvent, read generically: its `key` and `newValue`.
    let on_storage = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let field = |name: &str| Reflect::get(&ev, &name.into()).ok()?.as_string();
        if field("key").as_deref() != Some(keys::TRAINED_SAVED) {
            return;
        }
        let Some(stamp) =
            field("newValue").and_then(|v| serde_json::from_str::<SaveStamp>(&v).ok())
        else {
            return;
        };
        if stamp.tab != tab {
            notice.try_set(Some(
                Text::new("train-other-tab-saved").with("step", stamp.step),
            ));
        }
    });
    let _ = window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    // The app's session lives as long as the page.
    on_storage.forget();
}
