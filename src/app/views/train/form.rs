//! The training form. Every field shows a value derived from the session's configuration, the
//! one source of truth, and edits it in place: after an import, a restore or a preset, the form
//! shows exactly what the next run will train.

use leptos::prelude::*;

use crate::app::components::fields::{Choice, NumberField, NumberRule, SelectField};
use crate::app::engine::EngineChoice;
use crate::app::engine::training::TrainSession;
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

/// What the kind trains, quoting its live weights.
fn kind_note(kind: &LabKind) -> String {
    match *kind {
        LabKind::Ae => "Loss L(x, g(f(x))): reconstruct the input through the code h = f(x).".into(),
        LabKind::Vae { beta } => format!(
            "Loss: reconstruction + β·KL(q(z|x) ‖ N(0, I)) with β = {beta}; z = μ + σ·ε during training."
        ),
        LabKind::Denoising { sigma } => format!(
            "Trained on x̃ = x + n with n ~ N(0, σ²), σ = {sigma}: the loss L(x, g(f(x̃))) compares the output with the clean x."
        ),
        LabKind::SparseL1 { lambda } => format!(
            "Loss: L(x, g(f(x))) + Ω(h) with Ω(h) = λ Σ|h_i|, λ = {lambda} (the code goes through a ReLU)."
        ),
        LabKind::SparseKl { rho, lambda } => format!(
            "Loss: L(x, g(f(x))) + λ Σ_j KL(ρ ‖ ρ̂_j) with ρ = {rho}, λ = {lambda}: each code unit should be active \
             a share ρ of the time (ρ̂_j is its mean activation over a batch)."
        ),
        LabKind::Contractive { lambda } => format!(
            "Loss: L(x, g(f(x))) + λ‖∂h/∂x‖²_F with λ = {lambda}. The encoder is one sigmoid layer, so the penalty has \
             a closed form; the hidden widths shape the decoder."
        ),
        LabKind::Linear => "Linear encoder and decoder (no activation), one hidden layer (the code) and squared error: \
            it learns the same subspace as PCA."
            .into(),
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
    let running = Signal::derive(move || session.state.get().is_active());
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
            <SelectField
                testid="train-preset"
                disabled=running
                value=Signal::derive(move || preset.get().map(|p| p.0).unwrap_or("").to_string())
                choices=std::iter::once(Choice::new("", "(your own settings)"))
                    .chain(presets().into_iter().map(|p| Choice::new(p.slug, p.title)))
                    .collect()
                on_select=Callback::new(move |v: String| {
                    if let Some(p) = presets().into_iter().find(|p| p.slug == v) {
                        config.set(p.config);
                    }
                })
            />
        </label>
        {move || preset.get().map(|(_, hint)| view! { <p class="hint" data-testid="train-hint">{hint}</p> })}
        <label>"Kind "
            <SelectField
                testid="train-kind"
                disabled=running
                value=Signal::derive(move || config.with(|c| c.kind.slug().to_string()))
                choices=LabKind::defaults().iter().map(|k| Choice::new(k.slug(), kind_title(k))).collect()
                on_select=Callback::new(move |v: String| {
                    if let Some(kind) = LabKind::from_slug(&v) {
                        edit(&|c| c.kind = kind.clone());
                    }
                })
            />
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
        <p class="caption wide" data-testid="train-kind-note">{move || config.with(|c| kind_note(&c.kind))}</p>
        <Show when=move || config.with(|c| c.kind.uses_hidden_widths())>
        <label>"Hidden widths (encoder, from the input) "
            <input type="text" data-testid="train-hidden" prop:disabled=running
                prop:value=move || config.with(|c| format_hidden(&c.hidden))
                on:change=move |ev| match parse_hidden(&event_target_value(&ev)) {
                    Ok(h) => { hidden_error.set(None); edit(&|c| c.hidden = h.clone()); }
                    Err(why) => hidden_error.set(Some(why)),
                } />
            {move || hidden_error.get().map(|e| view! { <span class="field-error" role="alert" data-testid="train-hidden-error">{e}</span> })}
        </label>
        </Show>
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
            <SelectField
                testid="train-activation"
                disabled=Signal::derive(move || running.get() || !config.with(|c| c.kind.uses_activation()))
                value=Signal::derive(move || config.with(|c| {
                    let shown = if c.kind.uses_activation() { c.activation } else { Activation::Identity };
                    shown.slug().to_string()
                }))
                choices=Activation::CHOICES
                    .iter()
                    .map(|&a| Choice::new(a.slug(), activation_title(a)))
                    .chain(std::iter::once(Choice::new(Activation::Identity.slug(), activation_title(Activation::Identity)).hidden()))
                    .collect()
                on_select=Callback::new(move |v: String| {
                    if let Some(a) = Activation::from_slug(&v) {
                        edit(&|c| c.activation = a);
                    }
                })
            />
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
            <SelectField
                testid="train-engine"
                disabled=running
                value=Signal::derive(move || session.wanted.get().slug().to_string())
                choices=vec![
                    Choice::new(EngineChoice::Auto.slug(), "WebGPU when in use, else the CPU"),
                    Choice::new(EngineChoice::WebGpu.slug(), "WebGPU").disabled(!has_gpu),
                    Choice::new(EngineChoice::Cpu.slug(), "the CPU engine"),
                ]
                on_select=Callback::new(move |v: String| {
                    if let Some(choice) = EngineChoice::from_slug(&v) {
                        session.wanted.set(choice);
                    }
                })
            />
        </label>
    }
}
