//! The training lab: configure any autoencoder of the course, train it live in the browser
//! (WebGPU when in use, else the CPU engine), watch its losses, reconstructions and 2-D latent
//! map, and export, import or use the result in the other views.

mod form;
mod model_file;

use leptos::prelude::*;

use crate::app::components::digit_canvas::MosaicCanvas;
use crate::app::components::latent_map::{ClassLegend, LatentMap, Markers};
use crate::app::components::loss_chart::LossChart;
use crate::app::components::messages::Message;
use crate::app::engine::training::RunState;
use crate::app::state::{use_lab, use_session};
use form::TrainForm;
use model_file::ModelFile;

#[component]
pub fn TrainView() -> impl IntoView {
    let session = use_session();
    view! {
        <section class="train-view">
            <div class="controls">
                <TrainForm />
            </div>
            <div class="results">
                <RunControls />
                <RunProgressBar />
                <Message text=session.error testid="train-error" />
                <Message text=session.notice testid="train-notice" class="caption" />
                <LossChart history=session.history />
                <h3>"16 test digits and their reconstructions"</h3>
                <Show
                    when=move || session.recon.with(|r| !r.is_empty())
                    fallback=|| view! { <p class="caption wide">"They appear after the first training step."</p> }
                >
                    <MosaicCanvas rows=session.recon cols=16usize testid="recon-grid"
                        label="16 test digits (top row) and the model's current reconstructions (bottom row)" />
                </Show>
                <Show when=move || session.map.with(Option::is_some)>
                    <h3>"Latent map (500 test digits)"</h3>
                    <LatentMap map=session.map markers=Signal::derive(Markers::default) testid="latent-map-train"
                        label="The 2-D codes of 500 test digits under the model being trained, coloured by class" />
                    <ClassLegend />
                </Show>
                <ModelFile />
            </div>
        </section>
    }
}

/// Start or resume, pause, single step, stop and reset.
#[component]
fn RunControls() -> impl IntoView {
    let lab = use_lab();
    let session = use_session();
    let running = move || session.state.get().is_active();
    view! {
        <div class="buttons">
            <button data-testid="train-start" disabled=running on:click=move |_| session.start(lab.get())>
                {move || {
                    session.state.track();
                    session.config.track();
                    if session.can_resume() { "Resume" } else { "Start" }
                }}
            </button>
            <button data-testid="train-pause" disabled=move || session.state.get() != RunState::Running on:click=move |_| session.pause()>"Pause"</button>
            <button data-testid="train-step" disabled=running on:click=move |_| session.single_step(lab.get())>"Single step"</button>
            <button data-testid="train-stop" on:click=move |_| session.stop(lab.get())>"Stop"</button>
            <button data-testid="train-reset" disabled=running on:click=move |_| session.reset()>"Reset"</button>
        </div>
    }
}

/// Epoch, step, loss, speed and time left, with the same figures as data attributes for tests.
#[component]
fn RunProgressBar() -> impl IntoView {
    let session = use_session();
    let train_len = use_lab().with(|r| r.data.train.len());
    let progress = move || session.progress(train_len);
    let summary = move || {
        let p = progress();
        let state = session.state.get();
        let loss = session
            .last_loss
            .get()
            .map(|l| format!("{l:.2}"))
            .unwrap_or_else(|| "—".into());
        let engine = session
            .engine
            .get()
            .map(|e| format!(" · on {}", e.label()))
            .unwrap_or_default();
        // Speed and time left describe a run in progress only.
        let pace = if state == RunState::Running {
            let s = session.speed.get();
            format!(
                " · {:.0} images/s · {:.0} s left",
                s.images_per_s, s.seconds_left
            )
        } else {
            String::new()
        };
        format!(
            "{} · epoch {} of {} · step {} of {} · loss {loss}{pace}{engine}",
            state.label(),
            p.current_epoch(),
            p.epochs,
            p.step,
            p.total(),
        )
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
            <progress max="1" value=move || progress().fraction().to_string() aria-label="Training progress"></progress>
            <span>{summary}</span>
        </div>
    }
}
