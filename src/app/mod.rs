//! The Leptos user interface (WebAssembly only), in layers (see docs/architecture.md):
//! - `views/`: one folder per route, laying out components;
//! - `components/`: reusable pieces with one job each;
//! - `state`: what the views share, provided once through context;
//! - `engine/`: Burn's engines, the shipped models, loading, the lab model and training;
//! - `web/`: browser services (fetch, storage, files, scheduling) that know nothing of models.
//!
//! Anything numeric lives in the natively tested modules (`data`, `model`, `analysis`, `train`).

mod bench;
mod components;
mod engine;
mod homework;
mod i18n;
mod link;
mod routes;
mod state;
mod views;
mod web;

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{Lang, Text, tk};
use crate::slug::{Slug, Titled};
use components::engine_badge::EngineBadge;
use components::late_models::{LateModels, TrainingDigitsStatus};
use components::loading_panel::LoadingPanel;
use components::offline_status::OfflineStatus;
use components::share::{CopyLink, LinkNotice};
use engine::loader::{LoadState, load};
use engine::resources::Resources;
use engine::training::TrainSession;
use i18n::{I18n, use_i18n};
use link::{LinkState, use_link};
use routes::Route;
use state::{CurrentDigit, ResourceHandle, use_current_digit, use_resources, use_session};

/// Installs the panic hook and the console logger, then mounts the app.
pub fn start() {
    console_error_panic_hook::set_once();
    // Warnings and errors only: cubecl reports WGSL compilation failures through `log`, and they
    // must reach the console (and the browser tests) rather than vanish.
    let _ = console_log::init_with_level(log::Level::Warn);
    // The app runs: the start-up failure message of index.html (static/boot.js) is not needed.
    if let Some(boot) = document().get_element_by_id("boot-failure") {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let link = LinkState::install();
    provide_context(link);
    let i18n = I18n::install(link.initial("lang").as_deref());
    provide_context(i18n);
    // The language is part of every link, so the receiver reads what the sender read.
    link.bind(
        "lang",
        i18n.lang_signal(),
        |text| {
            Lang::from_tag(text)
                .map(|l| (l, None))
                .ok_or(crate::link::Issue::Malformed)
        },
        |lang| lang.tag().to_string(),
    );
    let state = RwSignal::new(LoadState::starting());
    let resources = RwSignal::new(None::<Arc<Resources>>);
    leptos::task::spawn_local(load(state, resources));
    let route = link.route();
    provide_context(CurrentDigit::restore());
    provide_context(TrainSession::new());
    provide_context(engine::gan::GanSessions::new());
    provide_context(homework::Homework::new());

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
                        .filter(|r| r.in_nav())
                        .map(|&r| {
                            view! {
                                <a
                                    href=format!("#/{}", r.slug())
                                    data-testid=format!("nav-{}", r.slug())
                                    class:active=move || route.get() == r
                                >
                                    {move || i18n.t(r.title_key())}
                                </a>
                            }
                        })
                        .collect_view()}
                </nav>
                <LanguageSwitch />
                <EngineBadge resources=resources />
                <OfflineStatus />
            </header>
            <main>
                <LinkNotice />
                <LoadingPanel state=state />
                {move || resources.get().map(|r| view! { <Loaded resources=r route=route /> })}
            </main>
            <footer>{move || i18n.t("app-footer")}</footer>
        </div>
    }
}

/// Română | English, in the top bar: changes every word at once and is remembered.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="lang-switch" role="group" aria-label=move || i18n.t("lang-switch-label")>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            lang=lang.tag()
                            data-testid=format!("lang-{}", lang.tag())
                            aria-pressed=move || (i18n.lang() == lang).to_string()
                            on:click=move |_| i18n.choose(lang)
                        >
                            {lang.tag().to_uppercase()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Everything that needs the loaded resources: provides them to the views, restores the current
/// digit's input and the lab model saved in this browser, and shows the routed view with its
/// "copy link" button.
#[component]
fn Loaded(resources: Arc<Resources>, route: Memo<Route>) -> impl IntoView {
    bench::install(resources.clone());
    let resources = ResourceHandle::new(resources);
    provide_context(resources);
    use_current_digit().restore_input(resources);
    let session = use_session();
    leptos::task::spawn_local(session.restore(resources.get()));
    let link = use_link();
    // A download that succeeded after "Retry" opens the view again, so work that failed
    // without its model runs now (what the view shows is in the link and the current digit).
    let recovered = RwSignal::new(0u32);
    let needed = Signal::derive(move || route.get().late_models());
    let needs_digits = Signal::derive(move || route.get().needs_training_digits());
    view! {
        <TrainedBanner />
        <views::hw::HomeworkBanner />
        <CopyLink />
        <LateModels models=needed recovered=recovered />
        <TrainingDigitsStatus needed=needs_digits recovered=recovered />
        {move || {
            recovered.track();
            let route = route.get();
            link.begin_view();
            let view = match route {
                Route::Draw => view! { <views::draw::DrawView /> }.into_any(),
                Route::Noise => view! { <views::noise::NoiseView /> }.into_any(),
                Route::Latent => view! { <views::latent::LatentView /> }.into_any(),
                Route::Train => view! { <views::train::TrainView /> }.into_any(),
                Route::Apps => view! { <views::apps::AppsView /> }.into_any(),
                Route::Gan => view! { <views::gan::GanView /> }.into_any(),
                Route::Hw => view! { <views::hw::HomeworkView /> }.into_any(),
                Route::Verify => view! { <views::verify::VerifyView /> }.into_any(),
            };
            link.end_view();
            view
        }}
    }
}

/// Says when the lab model stands in for a shipped one.
#[component]
fn TrainedBanner() -> impl IntoView {
    let resources = use_resources();
    let i18n = use_i18n();
    move || {
        resources.with(|r| r.lab_model_in_use()).map(|slot| {
            let key = if slot.config.kind.is_vae() {
                tk("trained-banner-vae")
            } else {
                tk("trained-banner-ae")
            };
            let model = slot.describe();
            view! {
                <p class="trained-banner" data-testid="trained-banner">
                    {move || i18n.text(&Text::new(key).with("model", model.clone()))}
                </p>
            }
        })
    }
}
