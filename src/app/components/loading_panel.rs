//! Start-up progress, or the reason the app could not start.

use leptos::prelude::*;

use crate::app::engine::loader::LoadState;
use crate::app::i18n::use_i18n;

#[component]
pub fn LoadingPanel(state: RwSignal<LoadState>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        match state.get() {
        LoadState::Loading { step, progress } => view! {
            <section class="loading" role="status" aria-live="polite">
                <p>{i18n.t(step)}"…"</p>
                <progress max="1" value=progress.to_string() aria-label=i18n.t("load-progress")></progress>
            </section>
        }
        .into_any(),
        LoadState::Error(message) => view! {
            <section class="error" role="alert" data-testid="load-error">
                <h2>{i18n.t("load-failed")}</h2>
                <p>{message.to_string()}</p>
                <p>{i18n.t("load-failed-advice")}</p>
            </section>
        }
        .into_any(),
        LoadState::Ready => ().into_any(),
    }
    }
}
