//! "Copy link": the address of exactly what is on screen, copied to the clipboard and shown so it
//! can be copied by hand where the browser refuses (an insecure page, a denied permission).

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::app::i18n::use_i18n;
use crate::app::link::use_link;

/// Asks the browser to put `text` on the clipboard (without a web-sys feature, which would
/// rebuild wgpu): the promise of `navigator.clipboard.writeText`, if the browser has one.
fn write_clipboard(text: &str) -> Option<js_sys::Promise> {
    let navigator: JsValue = window().navigator().into();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    write.call1(&clipboard, &text.into()).ok()?.dyn_into().ok()
}

#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Yes,
    ByHand,
}

#[component]
pub fn CopyLink() -> impl IntoView {
    let i18n = use_i18n();
    let link = use_link();
    let url = RwSignal::new(None::<String>);
    let copied = RwSignal::new(Copied::Not);
    let copy = move |_| {
        // After the click's own state changes have reached the URL.
        leptos::task::spawn_local(async move {
            crate::app::web::next_frame().await;
            let text = link.share_url();
            url.set(Some(text.clone()));
            let ok = match write_clipboard(&text) {
                Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
                None => false,
            };
            copied.set(if ok { Copied::Yes } else { Copied::ByHand });
        });
    };
    let status = move || match copied.get() {
        Copied::Not => String::new(),
        Copied::Yes => i18n.t("share-copied"),
        Copied::ByHand => i18n.t("share-by-hand"),
    };
    view! {
        <div class="share">
            <button data-testid="copy-link" on:click=copy>{move || i18n.t("share-copy")}</button>
            {move || url.get().map(|u| view! {
                <input
                    class="share-url"
                    data-testid="share-url"
                    readonly
                    aria-label=move || i18n.t("share-url-label")
                    prop:value=u
                    on:focus=|ev| {
                        if let Some(input) = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                        {
                            input.select();
                        }
                    }
                />
            })}
            <span role="status" data-testid="share-status">{status}</span>
        </div>
    }
}

/// The one line saying what the opened link asked for and did not get.
#[component]
pub fn LinkNotice() -> impl IntoView {
    let i18n = use_i18n();
    let notices = use_link().notices();
    move || {
        notices.with(|all| {
            (!all.is_empty()).then(|| {
                let items = all
                    .iter()
                    .map(|n| {
                        let why = match &n.issue {
                            crate::link::Issue::Unknown => i18n.t("link-unknown"),
                            crate::link::Issue::Malformed => i18n.t("link-malformed"),
                            crate::link::Issue::Clamped(to) => {
                                i18n.t_with("link-clamped", &[("value", to.clone().into())])
                            }
                        };
                        format!("{}={} ({why})", n.key, n.value)
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                view! {
                    <p class="notice link-notice" role="status" data-testid="link-notice">
                        {i18n.t_with("link-notice", &[("items", items.into())])}
                        " "
                        <button class="link" on:click=move |_| notices.set(Vec::new())>
                            {i18n.t("link-notice-dismiss")}
                        </button>
                    </p>
                }
            })
        })
    }
}
