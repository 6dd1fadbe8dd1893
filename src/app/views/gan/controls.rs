//! What both GAN modes share: the settings form (noise, each player's learning rate, D steps per G
//! step, the generator's loss, batch, seed, engine), the run buttons and the progress line. Each
//! field shows the session's settings, the one source of truth, and edits them in place.

use leptos::prelude::*;

use super::testid;
use crate::app::components::fields::{Choice, NumberField, NumberRule, SelectField};
use crate::app::components::messages::Message;
use crate::app::engine::EngineChoice;
use crate::app::engine::gan::GanSession;
use crate::app::engine::training::RunState;
use crate::app::i18n::use_i18n;
use crate::app::state::use_resources;
use crate::gan::settings::{GanMode, GanSettings};
use crate::i18n::{Text, num, tk};
use crate::model::gan::GeneratorLoss;
use crate::slug::{Slug, Titled};

#[component]
pub fn GanForm(session: GanSession) -> impl IntoView {
    let i18n = use_i18n();
    let settings = session.settings;
    let running = Signal::derive(move || session.state.get().is_active());
    let edit = move |f: &dyn Fn(&mut GanSettings)| settings.update(|s| f(s));
    let noise_max = match session.mode {
        GanMode::Toy => 16.0,
        GanMode::Digits => 128.0,
    };
    view! {
        <div class="gan-form">
            <NumberField
                label=Signal::derive(move || i18n.t("gan-noise"))
                testid=testid(session, "noise")
                value=Signal::derive(move || settings.with(|s| s.noise as f64))
                rule=NumberRule::integer(1.0, noise_max)
                step="1"
                disabled=running
                on_commit=Callback::new(move |v: f64| edit(&|s| s.noise = v as usize))
            />
            <NumberField
                label=Signal::derive(move || i18n.t("gan-g-rate"))
                testid=testid(session, "g-rate")
                value=Signal::derive(move || settings.with(|s| s.g_learning_rate))
                rule=NumberRule::real(1e-6, 0.1)
                disabled=running
                on_commit=Callback::new(move |v: f64| edit(&|s| s.g_learning_rate = v))
            />
            <NumberField
                label=Signal::derive(move || i18n.t("gan-d-rate"))
                testid=testid(session, "d-rate")
                value=Signal::derive(move || settings.with(|s| s.d_learning_rate))
                rule=NumberRule::real(1e-6, 0.1)
                disabled=running
                on_commit=Callback::new(move |v: f64| edit(&|s| s.d_learning_rate = v))
            />
            <NumberField
                label=Signal::derive(move || i18n.t("gan-d-steps"))
                testid=testid(session, "d-steps")
                value=Signal::derive(move || settings.with(|s| s.d_steps as f64))
                rule=NumberRule::integer(1.0, 10.0)
                step="1"
                disabled=running
                on_commit=Callback::new(move |v: f64| edit(&|s| s.d_steps = v as usize))
            />
            <NumberField
                label=Signal::derive(move || i18n.t("gan-batch"))
                testid=testid(session, "batch")
                value=Signal::derive(move || settings.with(|s| s.batch_size as f64))
                rule=NumberRule::integer(1.0, 512.0)
                step="1"
                disabled=running
                on_commit=Callback::new(move |v: f64| edit(&|s| s.batch_size = v as usize))
            />
            <NumberField
                label=Signal::derive(move || i18n.t("gan-seed"))
                testid=testid(session, "seed")
                value=Signal::derive(move || settings.with(|s| s.seed as f64))
                rule=NumberRule::integer(0.0, 999_999_999.0)
                step="1"
                disabled=running
                on_commit=Callback::new(move |v: f64| edit(&|s| s.seed = v as u64))
            />
            <label class="field">
                {move || i18n.t("gan-g-loss")}" "
                <SelectField
                    testid=testid(session, "g-loss")
                    disabled=running
                    value=Signal::derive(move || settings.with(|s| s.generator_loss.slug()).to_string())
                    choices=GeneratorLoss::ALL.into_iter().map(|l| Choice::key(l.slug(), l.title_key())).collect()
                    on_select=Callback::new(move |v: String| {
                        if let Some(loss) = GeneratorLoss::from_slug(&v) {
                            edit(&|s| s.generator_loss = loss);
                        }
                    })
                />
            </label>
            <label class="field">
                {move || i18n.t("gan-engine")}" "
                <SelectField
                    testid=testid(session, "engine")
                    disabled=running
                    value=Signal::derive(move || session.wanted.get().slug().to_string())
                    choices=vec![
                        Choice::key("auto", match session.mode {
                            GanMode::Toy => tk("gan-engine-auto-toy"),
                            GanMode::Digits => tk("gan-engine-auto-digits"),
                        }),
                        Choice::key("webgpu", tk("gan-engine-webgpu")),
                        Choice::key("cpu", tk("gan-engine-cpu")),
                    ]
                    on_select=Callback::new(move |v: String| {
                        if let Some(choice) = EngineChoice::from_slug(&v) {
                            // The paused models stay on view; the next Start begins afresh on the
                            // engine chosen (see `GanSession::can_resume`).
                            session.wanted.set(choice);
                        }
                    })
                />
            </label>
        </div>
    }
}

/// Start or resume, pause, one step, reset; slow motion for the toy.
#[component]
pub fn GanButtons(session: GanSession) -> impl IntoView {
    let resources = use_resources();
    let i18n = use_i18n();
    let running = move || session.state.get().is_active();
    view! {
        <div class="buttons">
            <button data-testid=testid(session, "start") disabled=running on:click=move |_| session.start(resources.get())>
                {move || {
                    session.state.track();
                    session.settings.track();
                    session.wanted.track();
                    if session.can_resume() { i18n.t("gan-resume") } else { i18n.t("gan-start") }
                }}
            </button>
            <button data-testid=testid(session, "pause") disabled=move || session.state.get() != RunState::Running
                on:click=move |_| session.pause()>
                {move || i18n.t("gan-pause")}
            </button>
            <button data-testid=testid(session, "step") disabled=running on:click=move |_| session.single_step(resources.get())>
                {move || i18n.t("gan-single-step")}
            </button>
            <button data-testid=testid(session, "reset") disabled=running on:click=move |_| session.reset()>
                {move || i18n.t("gan-reset")}
            </button>
            {(session.mode == GanMode::Toy).then(|| view! {
                <label class="checkbox">
                    <input type="checkbox" data-testid=testid(session, "slow")
                        prop:checked=move || session.slow.get()
                        on:change=move |ev| session.slow.set(event_target_checked(&ev)) />
                    " "{move || i18n.t("gan-slow-motion")}
                </label>
            })}
        </div>
    }
}

fn state_key(state: RunState) -> &'static str {
    match state {
        RunState::Idle => tk("gan-state-idle"),
        RunState::Running => tk("gan-state-running"),
        RunState::Pausing => tk("gan-state-pausing"),
        RunState::Paused | RunState::Finished => tk("gan-state-paused"),
        RunState::Diverged => tk("gan-state-diverged"),
    }
}

/// State, step, the last numbers, speed and engine, with the figures as data attributes.
#[component]
pub fn GanProgress(session: GanSession) -> impl IntoView {
    let i18n = use_i18n();
    let last = move || session.history.with(|h| h.last().copied());
    let summary = move || {
        let mut parts = vec![i18n.t_with(
            "gan-progress",
            &[
                ("state", Text::new(state_key(session.state.get())).into()),
                ("step", session.step.get().into()),
            ],
        )];
        if let Some(p) = last() {
            parts.push(i18n.t_with(
                "gan-progress-numbers",
                &[
                    ("d", num(f64::from(p.values.d_loss), 3)),
                    ("g", num(f64::from(p.values.g_loss), 3)),
                    ("real", num(f64::from(p.values.d_real), 2)),
                    ("fake", num(f64::from(p.values.d_fake), 2)),
                ],
            ));
        }
        if session.state.get() == RunState::Running {
            parts.push(i18n.t_with(
                "gan-progress-speed",
                &[("speed", num(session.speed.get(), 1))],
            ));
        }
        if let Some(e) = session.engine.get() {
            parts.push(i18n.t_with("gan-progress-engine", &[("engine", e.label().into())]));
        }
        parts.join(" · ")
    };
    view! {
        <p
            class="progress"
            data-testid=testid(session, "progress")
            data-step=move || session.step.get().to_string()
            data-state=move || session.state.get().label()
            data-d-loss=move || last().map(|p| p.values.d_loss.to_string()).unwrap_or_default()
            data-g-loss=move || last().map(|p| p.values.g_loss.to_string()).unwrap_or_default()
        >
            {summary}
        </p>
    }
}

/// Under either mode's picture: the run buttons, the progress, the error, the curves, the file.
#[component]
pub fn GanRun(session: GanSession) -> impl IntoView {
    let error_id = match session.mode {
        GanMode::Toy => "gan-toy-error",
        GanMode::Digits => "gan-digits-error",
    };
    view! {
        <GanButtons session=session />
        <GanProgress session=session />
        <Message text=session.error testid=error_id />
        <super::chart::GanChart session=session />
        <super::model_file::GanModelFile session=session />
    }
}
