//! The "draw" view: a drawing pad, and live side by side the model input, the AE's and the VAE's
//! reconstructions with their errors.

use std::sync::Arc;

use leptos::prelude::*;

use super::digit_canvas::DigitCanvas;
use super::draw_pad::{DrawPad, saved_sketch};
use super::engine::{Backend, now_ms};
use super::inference::Reconstruction;
use super::loader::Loaded;
use super::runner::LatestRunner;
use crate::data::sketch::Sketch;
use crate::model::manifest::Manifest;
use crate::model::pretrained::{AE_16, VAE_16};

/// Which engine the student wants live drawing on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EngineChoice {
    Auto,
    WebGpu,
    Cpu,
}

impl EngineChoice {
    fn parse(s: &str) -> Self {
        match s {
            "webgpu" => Self::WebGpu,
            "cpu" => Self::Cpu,
            _ => Self::Auto,
        }
    }
}

/// The last reconstruction, with where and how fast it ran.
#[derive(Clone, Debug, PartialEq)]
struct LiveResult {
    recon: Reconstruction,
    engine: Backend,
    ms: f64,
}

fn architecture(m: &Manifest) -> String {
    let a = &m.architecture;
    let mut widths = vec![a.input];
    widths.extend(&a.hidden);
    widths.push(a.latent);
    widths.extend(a.hidden.iter().rev());
    widths.push(a.input);
    widths
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("→")
}

#[component]
pub fn DrawView(lab: Arc<Loaded>) -> impl IntoView {
    let sketch = RwSignal::new(saved_sketch());
    let (input, set_input) = signal(None::<Vec<f32>>);
    let result = RwSignal::new(None::<LiveResult>);
    let choice = RwSignal::new(EngineChoice::Auto);
    let data = StoredValue::new(lab.data.clone());
    let run_error = RwSignal::new(None::<String>);

    let runner = LatestRunner::new();
    let runner_lab = lab.clone();
    let submit = move |x: Vec<f32>| {
        let lab = runner_lab.clone();
        runner.submit(x, move |x| {
            let lab = lab.clone();
            async move {
                let wanted = match choice.try_get_untracked().unwrap_or(EngineChoice::Auto) {
                    EngineChoice::Auto => lab.engine.get_untracked().live,
                    EngineChoice::WebGpu => Backend::WebGpu,
                    EngineChoice::Cpu => Backend::Cpu,
                };
                let start = now_ms();
                match lab.reconstruct_on(wanted, &x).await {
                    Ok((recon, engine)) => {
                        run_error.try_set(None);
                        result.try_set(Some(LiveResult {
                            recon,
                            engine,
                            ms: now_ms() - start,
                        }));
                    }
                    Err(why) => {
                        _ = run_error.try_set(Some(format!("The models could not run: {why}")))
                    }
                }
            }
        });
    };

    let submit_input = submit.clone();
    Effect::new(move |_| match input.get() {
        Some(x) => submit_input(x),
        None => result.set(None),
    });
    // A new engine choice reruns the current input on it.
    Effect::new(move |_| {
        choice.track();
        if let Some(x) = input.get_untracked() {
            submit(x);
        }
    });

    let random_digit = move |_| {
        let n = data.with_value(|d| d.test.len());
        let i = (js_sys::Math::random() * n as f64) as usize % n.max(1);
        sketch.set(Sketch {
            strokes: Vec::new(),
            background: Some(i),
        });
    };
    let clear = move |_| sketch.set(Sketch::default());
    let caption = move || {
        sketch.with(|s| match s.background {
            Some(i) if s.strokes.is_empty() => {
                format!(
                    "Test digit #{i} (label {}), exactly as in MNIST",
                    data.with_value(|d| d.test.labels[i])
                )
            }
            Some(i) => format!("Test digit #{i} with your strokes, preprocessed like MNIST"),
            None if s.strokes.is_empty() => "Draw a digit (0–9) on the pad".into(),
            None => "Your drawing, cropped, fitted to 20×20 and centred by mass like MNIST".into(),
        })
    };

    let fmt_err = |v: Option<f64>| v.map(|e| format!("{e:.5}")).unwrap_or_else(|| "—".into());
    let ae_err = move || fmt_err(result.with(|r| r.as_ref().map(|r| r.recon.ae_mse)));
    let vae_err = move || fmt_err(result.with(|r| r.as_ref().map(|r| r.recon.vae_mse)));
    let timing = move || {
        result.with(|r| {
            r.as_ref()
                .map(|r| {
                    format!(
                        "Reconstructed in {:.1} ms on the {} engine",
                        r.ms,
                        r.engine.label()
                    )
                })
                .unwrap_or_default()
        })
    };
    let has_gpu = lab.gpu.is_some();
    let (ae_m, vae_m) = (lab.manifest(AE_16).clone(), lab.manifest(VAE_16).clone());

    view! {
        <section class="draw-view">
            <div class="pad-column">
                <DrawPad sketch=sketch input=set_input data=data />
                <div class="buttons">
                    <button data-testid="clear" on:click=clear>"Clear"</button>
                    <button data-testid="random-digit" on:click=random_digit>"Random test digit"</button>
                </div>
                <p class="caption" data-testid="pad-caption">{caption}</p>
            </div>
            <div class="results">
                <div class="triple">
                    <figure>
                        <DigitCanvas pixels=input testid="model-input" label="Model input x (28×28)" />
                        <figcaption>"Input x (28×28)"</figcaption>
                    </figure>
                    <figure>
                        <DigitCanvas
                            pixels=Signal::derive(move || result.with(|r| r.as_ref().map(|r| r.recon.ae.clone())))
                            testid="recon-ae"
                            label="Autoencoder reconstruction"
                        />
                        <figcaption>
                            "Autoencoder r = g(f(x))"<br />"MSE "<span class="num" data-testid="err-ae">{ae_err}</span>
                        </figcaption>
                    </figure>
                    <figure>
                        <DigitCanvas
                            pixels=Signal::derive(move || result.with(|r| r.as_ref().map(|r| r.recon.vae.clone())))
                            testid="recon-vae"
                            label="VAE reconstruction"
                        />
                        <figcaption>
                            "VAE g(μ)"<br />"MSE "<span class="num" data-testid="err-vae">{vae_err}</span>
                        </figcaption>
                    </figure>
                </div>
                <p class="timing" data-testid="timing">{timing}</p>
                {move || run_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <label class="engine-choice">
                    "Run live drawing on "
                    <select
                        data-testid="engine-select"
                        on:change=move |ev| choice.set(EngineChoice::parse(&event_target_value(&ev)))
                    >
                        <option value="auto">"the faster engine (auto)"</option>
                        <option value="webgpu" disabled=!has_gpu>"WebGPU"</option>
                        <option value="cpu">"the CPU engine"</option>
                    </select>
                </label>
                <details class="explain" open>
                    <summary>"What am I looking at?"</summary>
                    <p>
                        "Both networks squeeze the 784 pixels of x into a 16-number code and rebuild the image from it. "
                        "The code is an undercomplete representation, dim(h) = 16 < dim(x) = 784, so the network must "
                        "keep only the most representative features of digits."
                    </p>
                    <p>
                        <strong>"Autoencoder"</strong>
                        ": encoder h = f(x), decoder r = g(h) = g(f(x)), trained to minimise the reconstruction loss L(x, g(f(x))). "
                        {format!("Architecture {}; test MSE {:.4}, against {:.4} for PCA with {} components.",
                            architecture(&ae_m), ae_m.metrics.test_mse, ae_m.metrics.pca_mse, ae_m.metrics.pca_components)}
                    </p>
                    <p>
                        <strong>"Variational autoencoder"</strong>
                        ": the encoder gives a distribution q(z|x) = N(μ, σ²); training samples z = μ + σ·ε with ε ~ N(0, I) "
                        "(the reparameterisation trick) and maximises the ELBO = E[log p(x|z)] − KL(q(z|x) ‖ N(0, I)). "
                        "Shown here is g(μ), the decoding of the mean code. "
                        {format!("Test MSE {:.4}; ELBO {:.1} nats per digit.",
                            vae_m.metrics.test_mse, vae_m.metrics.test_elbo.unwrap_or(f64::NAN))}
                    </p>
                    <p>
                        "MSE is the mean squared error per pixel between the input and the reconstruction. "
                        "Digits unlike the training data (a letter, a scribble) reconstruct badly: that error is how "
                        "autoencoders detect anomalies."
                    </p>
                </details>
            </div>
        </section>
    }
}
