//! The training lab: configure any autoencoder of the course, train it live in the browser
//! (WebGPU when in use, else the CPU engine), watch its losses, reconstructions and 2-D latent
//! map, and export, import or use the result in the other views. Its settings are in the URL
//! (`link`), so a link reproduces the run.

mod form;
mod link;
mod model_file;

use leptos::prelude::*;

use crate::app::components::digit_canvas::MosaicCanvas;
use crate::app::components::latent_map::{ClassLegend, LatentMap, Markers};
use crate::app::components::loss_chart::LossChart;
use crate::app::components::messages::Message;
use crate::app::engine::training::{RunState, TrainSession};
use crate::app::i18n::use_i18n;
use crate::app::state::{use_resources, use_session};
use crate::i18n::{Arg, Decimals, Text, num, tk};
use crate::model::lab::LabConfig;
use form::TrainForm;
use model_file::ModelFile;

#[component]
pub fn TrainView() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let offer = link::bind_settings(session);
    view! {
        <section class="train-view">
            <div class="controls">
                <LinkOffer session=session offer=offer />
                <TrainForm />
            </div>
            <div class="results">
                <RunControls />
                <RunProgressBar />
                <Message text=session.error testid="train-error" />
                <Message text=session.notice testid="train-notice" class="caption" />
                <LossChart history=session.history />
                <h3>{move || i18n.t("train-recon-title")}</h3>
                <Show
                    when=move || session.recon.with(|r| !r.is_empty())
                    fallback=move || view! { <p class="caption wide">{move || i18n.t("train-recon-empty")}</p> }
                >
                    <MosaicCanvas rows=session.recon cols=16usize testid="recon-grid"
                        label=Signal::derive(move || i18n.t("train-recon-label")) />
                </Show>
                <Show when=move || session.map.with(Option::is_some)>
                    <h3>{move || i18n.t("train-map-title")}</h3>
                    {view! {
                        <LatentMap map=session.map markers=Signal::derive(Markers::default) testid="latent-map-train"
                            label=Signal::derive(move || i18n.t("train-map-label")) />
                    }}
                    <ClassLegend />
                </Show>
                <ModelFile />
            </div>
        </section>
    }
}

/// The link's settings, when they differ from the student's own: used only if the student
/// says so, and never while a run is training.
#[component]
fn LinkOffer(session: TrainSession, offer: RwSignal<Option<LabConfig>>) -> impl IntoView {
    let i18n = use_i18n();
    let config = session.config;
    let running = Signal::derive(move || session.state.get().is_active());
    move || {
        offer
            .get()
            .filter(|wanted| config.with(|c| c != wanted))
            .map(|wanted| {
                let settings = Text::new("train-link-settings")
                    .with("kind", Text::new(wanted.kind.name_key()))
                    .with("latent", wanted.latent)
                    .with("hidden", if wanted.hidden.is_empty() {
                        "—".to_string()
                    } else {
                        crate::model::lab::format_hidden(&wanted.hidden)
                    })
                    .with("rate", Arg::Num(wanted.learning_rate, Decimals::UpTo(6)))
                    .with("batch", wanted.batch_size)
                    .with("epochs", wanted.epochs)
                    .with("seed", wanted.seed);
                let accept = move |_| {
                    if !session.state.get_untracked().is_active() {
                        config.set(wanted.clone());
                        offer.set(None);
                    }
                };
                view! {
                    <div class="notice link-config-offer" role="status" data-testid="link-config-offer">
                        <p>
                            {move || if running.get() {
                                i18n.t("train-link-offer-running")
                            } else {
                                i18n.t("train-link-offer")
                            }}
                        </p>
                        <p class="caption">{move || i18n.text(&settings)}</p>
                        <div class="buttons">
                            <button data-testid="link-config-accept" disabled=running on:click=accept>
                                {move || i18n.t("train-link-accept")}
                            </button>
                            <button data-testid="link-config-keep" on:click=move |_| offer.set(None)>
                                {move || i18n.t("train-link-keep")}
                            </button>
                        </div>
                    </div>
                }
            })
    }
}

/// Start or resume, pause, single step, stop and reset.
#[component]
fn RunControls() -> impl IntoView {
    let resources = use_resources();
    let session = use_session();
    let i18n = use_i18n();
    let running = move || session.state.get().is_active();
    view! {
        <div class="buttons">
            <button data-testid="train-start" disabled=running on:click=move |_| session.start(resources.get())>
                {move || {
                    session.state.track();
                    session.config.track();
                    if session.can_resume() { i18n.t("train-resume") } else { i18n.t("train-start") }
                }}
            </button>
            <button data-testid="train-pause" disabled=move || session.state.get() != RunState::Running on:click=move |_| session.pause()>
                {move || i18n.t("train-pause")}
            </button>
            <button data-testid="train-step" disabled=running on:click=move |_| session.single_step(resources.get())>
                {move || i18n.t("train-single-step")}
            </button>
            <button data-testid="train-stop" on:click=move |_| session.stop(resources.get())>{move || i18n.t("train-stop")}</button>
            <button data-testid="train-reset" disabled=running on:click=move |_| session.reset()>{move || i18n.t("train-reset")}</button>
        </div>
    }
}

/// The state of a run, in words.
fn state_key(state: RunState) -> &'static str {
    match state {
        RunState::Idle => tk("train-state-idle"),
        RunState::Running => tk("train-state-running"),
        RunState::Pausing => tk("train-state-pausing"),
        RunState::Paused => tk("train-state-paused"),
        RunState::Finished => tk("train-state-finished"),
        RunState::Diverged => tk("train-state-diverged"),
    }
}

/// Epoch, step, loss, speed and time left, with the same figures as data attributes for tests.
#[component]
fn RunProgressBar() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let train_len = use_resources().with(|r| r.training_digits().count());
    let progress = move || session.progress(train_len);
    let summary = move || {
        let p = progress();
        let state = session.state.get();
        let loss: Arg = match session.last_loss.get() {
            Some(l) => i18n.num(f64::from(l), 2).into(),
            None => "—".into(),
        };
        let mut parts = vec![i18n.t_with(
            "train-progress",
            &[
                ("state", Text::new(state_key(state)).into()),
                ("epoch", p.current_epoch().into()),
                ("epochs", p.epochs.into()),
                ("step", p.step.into()),
                ("steps", p.total().into()),
                ("loss", loss),
            ],
        )];
        // Speed and time left describe a run in progress only.
        if state == RunState::Running {
            let s = session.speed.get();
            parts.push(i18n.t_with("train-progress-speed", &[("speed", num(s.images_per_s, 0))]));
            let seconds = s.seconds_left.max(0.0).round();
            parts.push(if seconds >= 90.0 {
                i18n.t_with(
                    "train-progress-minutes-left",
                    &[("minutes", num((seconds / 60.0).round(), 0))],
                )
            } else {
                i18n.t_with(
                    "train-progress-seconds-left",
                    &[("seconds", num(seconds, 0))],
                )
            });
        }
        if let Some(e) = session.engine.get() {
            parts.push(i18n.t_with("train-progress-engine", &[("engine", e.label().into())]));
        }
        parts.join(" · ")
    };
    view! {
        <div
            class="progress"
            data-testid="train-progress"
            data-step=move || session.step.get().to_string()
            data-epoch=move || progress().epochs_done().to_string()
            data-loss=move || session.last_loss.get().map(|l| l.to_string()).unwrap_or_default()
            data-state=move || session.state.get().label()
        >
            <progress max="1" value=move || progress().fraction().to_string() aria-label=move || i18n.t("train-progress-label")></progress>
            <span>{summary}</span>
        </div>
    }
}
