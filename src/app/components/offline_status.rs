//! The offline notice: says when the whole app is kept in this browser (it then works with no
//! network) and when a newer version is kept and waits for a reload. static/boot.js runs the
//! service worker and tells this component through `<html data-offline>` and a
//! `latent-lab-offline` event; the reload button asks it (a `latent-lab-offline-apply` event) to let
//! the new version take over, and the page reloads on it.

use leptos::prelude::*;

use crate::app::i18n::use_i18n;
use crate::i18n::tk;

/// The state boot.js last announced: "ready", "update", or nothing yet.
fn announced() -> Option<String> {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("data-offline"))
}

#[component]
pub fn OfflineStatus() -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(announced());
    let listener = window_event_listener_untyped("latent-lab-offline", move |_| {
        state.set(announced());
    });
    on_cleanup(move || listener.remove());
    let apply = move |_| {
        if let Ok(event) = web_sys::Event::new("latent-lab-offline-apply") {
            let _ = window().dispatch_event(&event);
        }
    };
    move || {
        state.get().map(|s| {
            let update = s == "update";
            view! {
                <p class="offline-status" data-testid="offline-status" data-state=s role="status">
                    {move || i18n.t(if update { tk("offline-update") } else { tk("offline-ready") })}
                    {update
                        .then(|| {
                            view! {
                                <button data-testid="offline-reload" on:click=apply>
                                    {move || i18n.t("offline-reload")}
                                </button>
                            }
                        })}
                </p>
            }
        })
    }
}
