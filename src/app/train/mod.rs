//! The training lab: configure any autoencoder of the course, train it live in the browser
//! (WebGPU when in use, else the CPU engine), watch its losses, reconstructions and 2-D latent
//! map, and export, import or use the result in the other views.

mod chart;
pub mod session;

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::digit_canvas::MosaicCanvas;
use super::engine::Backend;
use super::fetch::js_message;
use super::latent::map::{ClassLegend, LatentMap, Markers};
use super::loader::Loaded;
use crate::model::lab::{Activation, LabKind, parse_hidden};
use crate::train::presets::presets;
use chart::LossChart;
use session::{RunState, TrainSession};

/// The regulariser weights the kind selector combines with a kind.
#[derive(Clone, Copy, Debug, PartialEq)]
struct KindParams {
    beta: f64,
    sigma: f32,
    lambda: f64,
    rho: f64,
}

impl KindParams {
    fn of(kind: &LabKind) -> Self {
        let mut p = KindParams {
            beta: 1.0,
            sigma: 0.5,
            lambda: 0.1,
            rho: 0.05,
        };
        match *kind {
            LabKind::Vae { beta } => p.beta = beta,
            LabKind::Denoising { sigma } => p.sigma = sigma,
            LabKind::SparseL1 { lambda } | LabKind::Contractive { lambda } => p.lambda = lambda,
            LabKind::SparseKl { rho, lambda } => (p.rho, p.lambda) = (rho, lambda),
            LabKind::Ae | LabKind::Linear => {}
        }
        p
    }

    fn kind(self, slug: &str) -> LabKind {
        match slug {
            "vae" => LabKind::Vae { beta: self.beta },
            "denoising" => LabKind::Denoising { sigma: self.sigma },
            "sparse_l1" => LabKind::SparseL1 {
                lambda: self.lambda,
            },
            "sparse_kl" => LabKind::SparseKl {
                rho: self.rho,
                lambda: self.lambda,
            },
            "contractive" => LabKind::Contractive {
                lambda: self.lambda,
            },
            "linear" => LabKind::Linear,
            _ => LabKind::Ae,
        }
    }
}

const KINDS: [(&str, &str); 7] = [
    ("ae", "Autoencoder"),
    ("vae", "VAE (β)"),
    ("denoising", "Denoising AE"),
    ("sparse_l1", "Sparse AE, L1 penalty"),
    ("sparse_kl", "Sparse AE, KL towards ρ"),
    ("contractive", "Contractive AE"),
    ("linear", "Linear AE (PCA)"),
];

fn download(bytes: &[u8], name: &str) -> Result<(), String> {
    let array = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/octet-stream");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&array, &options)
        .map_err(|e| js_message(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| js_message(&e))?;
    let a: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(|e| js_message(&e))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

async fn read_file(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| js_message(&e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[component]
pub fn TrainView(lab: Arc<Loaded>, session: TrainSession) -> impl IntoView {
    let config = session.config;
    let params = RwSignal::new(KindParams::of(&config.get_untracked().kind));
    let hint = RwSignal::new(None::<&'static str>);
    let hidden_text = RwSignal::new(config.with_untracked(|c| {
        c.hidden
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }));
    let running = move || session.state.get() == RunState::Running;
    let train_len = lab.data.train.len();
    let import_error = RwSignal::new(None::<String>);

    let set_kind = move |slug: String| {
        let kind = params.get_untracked().kind(&slug);
        config.update(|c| c.kind = kind);
    };
    let kind_slug = move || config.with(|c| c.kind.slug());
    let update_param = move |f: &dyn Fn(&mut KindParams)| {
        params.update(|p| f(p));
        let slug = config.with_untracked(|c| c.kind.slug());
        let kind = params.get_untracked().kind(slug);
        config.update(|c| c.kind = kind);
    };
    let apply_preset = move |slug: String| {
        if let Some(p) = presets().into_iter().find(|p| p.slug == slug) {
            params.set(KindParams::of(&p.config.kind));
            hidden_text.set(
                p.config
                    .hidden
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            config.set(p.config);
            hint.set(Some(p.hint));
        } else {
            hint.set(None);
        }
    };
    let number = |ev: &leptos::ev::Event| event_target_value(ev).trim().parse::<f64>().ok();

    let (start_lab, stop_lab, step_lab, export_lab, import_lab) = (
        lab.clone(),
        lab.clone(),
        lab.clone(),
        lab.clone(),
        lab.clone(),
    );
    let export = move |_| {
        let lab = export_lab.clone();
        let _ = lab;
        leptos::task::spawn_local(async move {
            match session.export().await {
                Ok(bytes) => {
                    let name = format!(
                        "latent-lab-{}-{}d.llmodel",
                        session.config.with_untracked(|c| c.kind.slug()),
                        session.config.with_untracked(|c| c.latent)
                    );
                    if let Err(why) = download(&bytes, &name) {
                        session
                            .error
                            .set(Some(format!("The download failed: {why}")));
                    }
                }
                Err(why) => session.error.set(Some(format!("Cannot export: {why}."))),
            }
        });
    };
    let import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let lab = import_lab.clone();
        leptos::task::spawn_local(async move {
            let result = match read_file(file).await {
                Ok(bytes) => session.import(lab, bytes).await,
                Err(why) => Err(format!("the file could not be read: {why}")),
            };
            import_error.set(
                result
                    .err()
                    .map(|why| format!("Import failed: {why}. Your current model is unchanged.")),
            );
        });
    };
    let progress = move || {
        let total = session.total_steps(train_len).max(1);
        session.step.get() as f64 / total as f64
    };
    let use_trained = lab.use_trained;
    let trained = lab.trained;
    let has_gpu = lab.gpu.is_some();

    view! {
        <section class="train-view">
            <div class="controls">
                <h2>"Model"</h2>
                <label>"Preset "
                    <select data-testid="train-preset" prop:disabled=running on:change=move |ev| apply_preset(event_target_value(&ev))>
                        <option value="">"(your own settings)"</option>
                        {presets().into_iter().map(|p| view! { <option value=p.slug>{p.title}</option> }).collect_view()}
                    </select>
                </label>
                {move || hint.get().map(|h| view! { <p class="hint" data-testid="train-hint">{h}</p> })}
                <label>"Kind "
                    <select data-testid="train-kind" prop:disabled=running prop:value=kind_slug on:change=move |ev| set_kind(event_target_value(&ev))>
                        {KINDS.iter().map(|(v, t)| view! { <option value=*v>{*t}</option> }).collect_view()}
                    </select>
                </label>
                <Show when=move || kind_slug() == "vae">
                    <label>"β " <input type="number" step="0.5" min="0" prop:value=move || params.get().beta.to_string()
                        on:change=move |ev| if let Some(v) = number(&ev) { update_param(&|p| p.beta = v) } /></label>
                </Show>
                <Show when=move || kind_slug() == "denoising">
                    <label>"noise σ " <input type="number" step="0.05" min="0" max="1" prop:value=move || params.get().sigma.to_string()
                        on:change=move |ev| if let Some(v) = number(&ev) { update_param(&|p| p.sigma = v as f32) } /></label>
                </Show>
                <Show when=move || matches!(kind_slug(), "sparse_l1" | "sparse_kl" | "contractive")>
                    <label>"penalty λ " <input type="number" step="0.01" min="0" prop:value=move || params.get().lambda.to_string()
                        on:change=move |ev| if let Some(v) = number(&ev) { update_param(&|p| p.lambda = v) } /></label>
                </Show>
                <Show when=move || kind_slug() == "sparse_kl">
                    <label>"target activation ρ " <input type="number" step="0.01" min="0.001" max="0.999" prop:value=move || params.get().rho.to_string()
                        on:change=move |ev| if let Some(v) = number(&ev) { update_param(&|p| p.rho = v) } /></label>
                </Show>
                <Show when=move || kind_slug() == "contractive">
                    <p class="caption">"The contractive AE uses a one-layer sigmoid encoder, so ‖∂h/∂x‖² has a closed form; the hidden widths shape its decoder."</p>
                </Show>
                <label>"Hidden widths (encoder, from the input) "
                    <input type="text" data-testid="train-hidden" prop:disabled=running prop:value=move || hidden_text.get()
                        on:change=move |ev| {
                            let text = event_target_value(&ev);
                            match parse_hidden(&text) {
                                Ok(h) => { config.update(|c| c.hidden = h); session.error.set(None); }
                                Err(why) => session.error.set(Some(why)),
                            }
                            hidden_text.set(text);
                        } />
                </label>
                <label>{move || {
                        let l = config.with(|c| c.latent);
                        format!("Latent size dim(h) = {l} ({})", if l < 784 { "undercomplete" } else { "overcomplete" })
                    }}
                    <input type="number" min="1" max="1024" data-testid="train-latent" prop:disabled=running prop:value=move || config.with(|c| c.latent.to_string())
                        on:change=move |ev| if let Some(v) = number(&ev) { config.update(|c| c.latent = v as usize) } />
                </label>
                <label>"Activation "
                    <select data-testid="train-activation" prop:disabled=running on:change=move |ev| {
                        let a = match event_target_value(&ev).as_str() { "tanh" => Activation::Tanh, "sigmoid" => Activation::Sigmoid, _ => Activation::Relu };
                        config.update(|c| c.activation = a);
                    }>
                        <option value="relu">"ReLU"</option>
                        <option value="tanh">"tanh"</option>
                        <option value="sigmoid">"sigmoid"</option>
                    </select>
                </label>
                <h2>"Training (Adam)"</h2>
                <label>"Learning rate " <input type="number" step="0.0005" min="0" data-testid="train-lr" prop:disabled=running
                    prop:value=move || config.with(|c| c.learning_rate.to_string())
                    on:change=move |ev| if let Some(v) = number(&ev) { config.update(|c| c.learning_rate = v) } /></label>
                <label>"Batch size " <input type="number" min="1" max="1024" data-testid="train-batch" prop:disabled=running
                    prop:value=move || config.with(|c| c.batch_size.to_string())
                    on:change=move |ev| if let Some(v) = number(&ev) { config.update(|c| c.batch_size = v as usize) } /></label>
                <label>"Epochs " <input type="number" min="1" max="1000" data-testid="train-epochs" prop:disabled=running
                    prop:value=move || config.with(|c| c.epochs.to_string())
                    on:change=move |ev| if let Some(v) = number(&ev) { config.update(|c| c.epochs = v as usize) } /></label>
                <label>"Seed " <input type="number" min="0" data-testid="train-seed" prop:disabled=running
                    prop:value=move || config.with(|c| c.seed.to_string())
                    on:change=move |ev| if let Some(v) = number(&ev) { config.update(|c| c.seed = v as u64) } /></label>
                <label>"Train on "
                    <select data-testid="train-engine" prop:disabled=running on:change=move |ev| session.wanted.set(match event_target_value(&ev).as_str() {
                        "cpu" => Some(Backend::Cpu), "webgpu" => Some(Backend::WebGpu), _ => None })>
                        <option value="auto">"WebGPU when in use, else the CPU"</option>
                        <option value="webgpu" disabled=!has_gpu>"WebGPU"</option>
                        <option value="cpu">"the CPU engine"</option>
                    </select>
                </label>
            </div>
            <div class="results">
                <div class="buttons">
                    <button data-testid="train-start" disabled=running on:click=move |_| session.start(start_lab.clone())>
                        {move || {
                        session.state.track();
                        config.track();
                        if session.can_resume() { "Resume" } else { "Start" }
                    }}
                    </button>
                    <button data-testid="train-pause" disabled=move || !running() on:click=move |_| session.pause()>"Pause"</button>
                    <button data-testid="train-step" disabled=running on:click=move |_| session.single_step(step_lab.clone())>"Single step"</button>
                    <button data-testid="train-stop" on:click=move |_| session.stop(stop_lab.clone())>"Stop"</button>
                    <button data-testid="train-reset" disabled=running on:click=move |_| session.reset()>"Reset"</button>
                </div>
                <div
                    class="progress"
                    data-testid="train-progress"
                    data-step=move || session.step.get().to_string()
                    data-epoch=move || { let per = train_len.div_ceil(config.with(|c| c.batch_size).max(1)); (session.step.get() / per.max(1)).to_string() }
                    data-loss=move || session.last_loss.get().map(|l| l.to_string()).unwrap_or_default()
                    data-state=move || session.state.get().label()
                >
                    <progress max="1" value=move || progress().to_string()></progress>
                    <span>{move || {
                        let per = train_len.div_ceil(config.with(|c| c.batch_size).max(1));
                        let step = session.step.get();
                        let s = session.speed.get();
                        format!(
                            "{} · epoch {} of {} · step {} of {} · loss {} · {:.0} images/s · {:.0} s left{}",
                            session.state.get().label(),
                            (step / per.max(1) + 1).min(config.with(|c| c.epochs)),
                            config.with(|c| c.epochs),
                            step,
                            session.total_steps(train_len),
                            session.last_loss.get().map(|l| format!("{l:.2}")).unwrap_or_else(|| "—".into()),
                            s.images_per_s,
                            s.seconds_left,
                            session.engine.get().map(|e| format!(" · on {}", e.label())).unwrap_or_default(),
                        )
                    }}</span>
                </div>
                {move || session.error.get().map(|e| view! { <p class="error" role="alert" data-testid="train-error">{e}</p> })}
                {move || import_error.get().map(|e| view! { <p class="error" role="alert" data-testid="train-error">{e}</p> })}
                {move || session.notice.get().map(|n| view! { <p class="caption" data-testid="train-notice">{n}</p> })}
                <LossChart history=session.history />
                <h3>"16 test digits and their reconstructions"</h3>
                <MosaicCanvas rows=session.recon cols=16usize testid="recon-grid" />
                <Show when=move || session.map.with(Option::is_some)>
                    <h3>"Latent map (500 test digits)"</h3>
                    <LatentMap map=session.map markers=Signal::derive(Markers::default) testid="latent-map-train"
                        on_hover=Callback::new(|_| ()) on_pick=Callback::new(|_| ()) />
                    <ClassLegend />
                </Show>
                <h3>"Your model"</h3>
                <div class="buttons">
                    <button data-testid="model-export" on:click=export>"Export (one file)"</button>
                    <label class="file">"Import a model file "
                        <input type="file" accept=".llmodel,application/octet-stream" data-testid="model-import" on:change=import />
                    </label>
                </div>
                <label class="check">
                    <input type="checkbox" data-testid="use-trained" prop:checked=move || use_trained.get()
                        disabled=move || trained.with(Option::is_none)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            use_trained.set(on);
                            super::storage::save_setting(session::USE_TRAINED_KEY, &on);
                        } />
                    {move || match trained.get() {
                        Some(slot) => format!("Use this model ({}) as the {} in every view", slot.describe(), if slot.config.kind.is_vae() { "VAE" } else { "autoencoder" }),
                        None => "Use the trained model in every view (train, pause or import one first)".into(),
                    }}
                </label>
            </div>
        </section>
    }
}
