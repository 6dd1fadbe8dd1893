//! Start-up progress, or the reason the app could not start.

use leptos::prelude::*;

use crate::app::engine::loader::LoadState;

#[component]
pub fn LoadingPanel(state: RwSignal<LoadState>) -> impl IntoView {
    move || {
        match state.get() {
        LoadState::Loading { step, progress } => view! {
            <section class="loading" role="status" aria-live="polite">
                <p>{step}"…"</p>
                <progress max="1" value=progress.to_string() aria-label="Loading progress"></progress>
            </section>
        }
        .into_any(),
        LoadState::Error(message) => view! {
            <section class="error" role="alert" data-testid="load-error">
                <h2>"Latent Lab could not start"</h2>
                <p>{message}</p>
                <p>"Reload the page to try again. If it keeps failing, check that the app's files are served next to index.html."</p>
            </section>
        }
        .into_any(),
        LoadState::Ready => ().into_any(),
    }
    }
}
