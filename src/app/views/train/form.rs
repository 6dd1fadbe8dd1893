//! The training form. Every field shows a value derived from the session's configuration, the
//! one source of truth, and edits it in place: after an import, a restore or a preset, the form
//! shows exactly what the next run will train.

use leptos::prelude::*;

use crate::app::components::fields::{NumberField, NumberRule};
use crate::app::engine::EngineChoice;
use crate::app::engine::training::{RunState, TrainSession};
use crate::app::state::{use_lab, use_session};
use crate::model::lab::{Activation, KindParam, LabConfig, LabKind, format_hidden, parse_hidden};
use crate::train::presets::presets;

fn kind_title(kind: &LabKind) -> &'static str {
    match kind {
        LabKind::Ae => "Autoencoder",
        LabKind::Vae { .. } => "VAE (β)",
        LabKind::Denoising { .. } => "Denoising AE",
        LabKind::SparseL1 { .. } => "Sparse AE, L1 penalty",
        LabKind::SparseKl { .. } => "Sparse AE, KL towards ρ",
        LabKind::Contractive { .. } => "Contractive AE",
        LabKind::Linear => "Linear AE (PCA)",
    }
}

fn param_label(param: KindParam) -> &'static str {
    match param {
        KindParam::Beta => "β",
        KindParam::Sigma => "noise σ",
        KindParam::Lambda => "penalty λ",
        KindParam::Rho => "target activation ρ",
    }
}

fn param_testid(param: KindParam) -> &'static str {
    match param {
        KindParam::Beta => "train-beta",
        KindParam::Sigma => "train-sigma",
        KindParam::Lambda => "train-lambda",
        KindParam::Rho => "train-rho",
    }
}

fn activation_title(activation: Activation) -> &'static str {
    match activation {
        Activation::Relu => "ReLU",
        Activation::Tanh => "tanh",
        Activation::Sigmoid => "sigmoid",
        Activation::Identity => "none (linear)",
    }
}

#[component]
pub fn TrainForm() -> impl IntoView {
    let session = use_session();
    let config = session.config;
    let running = Signal::derive(move || session.state.get() == RunState::Running);
    let has_gpu = use_lab().with(|r| r.gpu.is_some());
    let edit = move |f: &dyn Fn(&mut LabConfig)| config.update(|c| f(c));
    // The preset whose configuration is on screen, if any: edits turn it into "your own settings".
    let preset = Memo::new(move |_| {
        config
            .with(|c| presets().into_iter().find(|p| p.config == *c))
            .map(|p| (p.slug, p.hint))
    });
    let hidden_error = RwSignal::new(None::<String>);
    // Only a change of kind rebuilds the weight fields (not every edit of the configuration).
    let kind_params = Memo::new(move |_| config.with(|c| c.kind.params()));

    view! {
        <h2>"Model"</h2>
        <label>"Preset "
            <select
                data-testid="train-preset"
                prop:disabled=running
                prop:value=move || preset.get().map(|p| p.0).unwrap_or("")
                on:change=move |ev| {
                    if let Some(p) = presets().into_iter().find(|p| p.slug == event_target_value(&ev)) {
                        config.set(p.config);
                    }
                }
            >
                <option value="">"(your own settings)"</option>
                {presets().into_iter().map(|p| view! { <option value=p.slug>{p.title}</option> }).collect_view()}
            </select>
        </label>
        {move || preset.get().map(|(_, hint)| view! { <p class="hint" data-testid="train-hint">{hint}</p> })}
        <label>"Kind "
            <select
                data-testid="train-kind"
                prop:disabled=running
                prop:value=move || config.with(|c| c.kind.slug())
                on:change=move |ev| {
                    if let Some(kind) = LabKind::from_slug(&event_target_value(&ev)) {
                        edit(&|c| c.kind = kind.clone());
                    }
                }
            >
                {LabKind::defaults().map(|k| view! { <option value=k.slug()>{kind_title(&k)}</option> }).into_iter().collect_view()}
            </select>
        </label>
        {move || kind_params.get().iter().map(|&param| {
            let (min, max) = param.range();
            view! {
                <NumberField
                    label=param_label(param).to_string()
                    testid=param_testid(param)
                    value=Signal::derive(move || config.with(|c| c.kind.param(param).unwrap_or_default()))
                    rule=NumberRule::real(min, max)
                    disabled=running
                    on_commit=Callback::new(move |v: f64| edit(&|c| { c.kind.set_param(param, v); }))
                />
            }
        }).collect_view()}
        <Show when=move || config.with(|c| matches!(c.kind, LabKind::Contractive { .. }))>
            <p class="caption">"The contractive AE uses a one-layer sigmoid encoder, so ‖∂h/∂x‖² has a closed form; the hidden widths shape its decoder."</p>
        </Show>
        <label>"Hidden widths (encoder, from the input) "
            <input type="text" data-testid="train-hidden" prop:disabled=running
                prop:value=move || config.with(|c| format_hidden(&c.hidden))
                on:change=move |ev| match parse_hidden(&event_target_value(&ev)) {
                    Ok(h) => { hidden_error.set(None); edit(&|c| c.hidden = h.clone()); }
                    Err(why) => hidden_error.set(Some(why)),
                } />
            {move || hidden_error.get().map(|e| view! { <span class="field-error" role="alert" data-testid="train-hidden-error">{e}</span> })}
        </label>
        <NumberField
            label=Signal::derive(move || {
                let l = config.with(|c| c.latent);
                format!("Latent size dim(h) = {l} ({})", if l < crate::PIXELS { "undercomplete" } else { "overcomplete" })
            })
            testid="train-latent"
            value=Signal::derive(move || config.with(|c| c.latent as f64))
            rule=NumberRule::integer(1.0, 1024.0)
            step="1"
            disabled=running
            on_commit=Callback::new(move |v: f64| edit(&|c| c.latent = v as usize))
        />
        <label>"Activation "
            <select
                data-testid="train-activation"
                prop:disabled=move || running.get() || !config.with(|c| c.kind.uses_activation())
                prop:value=move || config.with(|c| if c.kind.uses_activation() { c.activation.slug() } else { Activation::Identity.slug() })
                on:change=move |ev| {
                    if let Some(a) = Activation::from_slug(&event_target_value(&ev)) {
                        edit(&|c| c.activation = a);
                    }
                }
            >
                {Activation::CHOICES.map(|a| view! { <option value=a.slug()>{activation_title(a)}</option> }).into_iter().collect_view()}
                <option value=Activation::Identity.slug() hidden=true>{activation_title(Activation::Identity)}</option>
            </select>
        </label>
        <TrainingFields session=session running=running has_gpu=has_gpu />
    }
}

/// The optimiser's settings and the engine to train on.
#[component]
fn TrainingFields(session: TrainSession, running: Signal<bool>, has_gpu: bool) -> impl IntoView {
    let config = session.config;
    let edit = move |f: &dyn Fn(&mut LabConfig)| config.update(|c| f(c));
    view! {
        <h2>"Training (Adam)"</h2>
        <NumberField
            label="Learning rate".to_string()
            testid="train-lr"
            value=Signal::derive(move || config.with(|c| c.learning_rate))
            rule=NumberRule::real(1e-6, 1.0)
            disabled=running
            on_commit=Callback::new(move |v: f64| edit(&|c| c.learning_rate = v))
        />
        <NumberField
            label="Batch size".to_string()
            testid="train-batch"
            value=Signal::derive(move || config.with(|c| c.batch_size as f64))
            rule=NumberRule::integer(1.0, 1024.0)
            step="1"
            disabled=running
            on_commit=Callback::new(move |v: f64| edit(&|c| c.batch_size = v as usize))
        />
        <NumberField
            label="Epochs".to_string()
            testid="train-epochs"
            value=Signal::derive(move || config.with(|c| c.epochs as f64))
            rule=NumberRule::integer(1.0, 1000.0)
            step="1"
            disabled=running
            on_commit=Callback::new(move |v: f64| edit(&|c| c.epochs = v as usize))
        />
        <NumberField
            label="Seed".to_string()
            testid="train-seed"
            value=Signal::derive(move || config.with(|c| c.seed as f64))
            rule=NumberRule::integer(0.0, 4_294_967_295.0)
            step="1"
            disabled=running
            on_commit=Callback::new(move |v: f64| edit(&|c| c.seed = v as u64))
        />
        <label>"Train on "
            <select
                data-testid="train-engine"
                prop:disabled=running
                prop:value=move || session.wanted.get().slug()
                on:change=move |ev| {
                    if let Some(choice) = EngineChoice::from_slug(&event_target_value(&ev)) {
                        session.wanted.set(choice);
                    }
                }
            >
                <option value=EngineChoice::Auto.slug()>"WebGPU when in use, else the CPU"</option>
                <option value=EngineChoice::WebGpu.slug() disabled=!has_gpu>"WebGPU"</option>
                <option value=EngineChoice::Cpu.slug()>"the CPU engine"</option>
            </select>
        </label>
    }
}
