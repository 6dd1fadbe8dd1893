//! The "draw" view: a drawing pad, and live side by side the model input, the AE's and the VAE's
//! reconstructions with their errors, each placed among the test digits' errors.

mod error_scale;

use leptos::prelude::*;

use crate::app::components::digit_canvas::DigitCanvas;
use crate::app::components::draw_pad::DrawPad;
use crate::app::components::fields::{Choice, SelectField};
use crate::app::components::messages::{TaskErrorList, TaskErrors};
use crate::app::engine::models::Reconstruction;
use crate::app::engine::{Backend, EngineChoice, Family};
use crate::app::state::{use_current_digit, use_lab};
use crate::app::web::runner::LatestRunner;
use crate::app::web::{now_ms, random_index};
use crate::data::sketch::Sketch;
use crate::model::manifest::Manifest;
use crate::model::pretrained::Shipped;
use error_scale::ErrorScale;

/// The last reconstruction, with where and how fast it ran.
#[derive(Clone, Debug, PartialEq)]
struct LiveResult {
    recon: Reconstruction,
    engine: Backend,
    ms: f64,
}

/// The layer widths of a shipped model, input to output: 784→256→…→784.
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
pub fn DrawView() -> impl IntoView {
    let lab = use_lab();
    let digit = use_current_digit();
    let result = RwSignal::new(None::<LiveResult>);
    let choice = RwSignal::new(EngineChoice::Auto);
    let errors = TaskErrors::new();
    error_scale::ensure_test_errors(lab, errors);

    let runner = LatestRunner::new();
    let submit = move |x: Vec<f32>| {
        runner.submit(x, move |x| async move {
            let lab = lab.get();
            let wanted = choice
                .try_get_untracked()
                .unwrap_or_default()
                .resolve(lab.live_engine());
            let start = now_ms();
            let outcome = lab.reconstruct_on(wanted, &x).await;
            if let Some((recon, engine)) = errors.check("Reconstructing the digit", outcome) {
                result.try_set(Some(LiveResult {
                    recon,
                    engine,
                    ms: now_ms() - start,
                }));
            }
        });
    };
    // Reconstruct whenever the input or the engine choice changes.
    Effect::new(move |_| {
        choice.track();
        match digit.input.get() {
            Some(x) => submit(x),
            None => result.set(None),
        }
    });

    let random_digit = move |_| {
        let i = random_index(lab.with(|r| r.data.test.len()));
        digit.sketch.set(Sketch {
            background: Some(i),
            ..Sketch::default()
        });
    };
    let clear = move |_| digit.sketch.set(Sketch::default());
    let caption = move || {
        digit.sketch.with(|s| match s.background {
            Some(i) if s.strokes.is_empty() => format!(
                "Test digit #{i} (label {}), exactly as in MNIST",
                lab.with(|r| r.data.test.labels[i])
            ),
            Some(i) => format!("Test digit #{i} with your strokes, preprocessed like MNIST"),
            None if s.strokes.is_empty() => "Draw a digit (0–9) on the pad".into(),
            None => "Your drawing, cropped, fitted to 20×20 and centred by mass like MNIST".into(),
        })
    };

    let mse_of = move |family: Family| {
        Signal::derive(move || {
            result.with(|r| {
                r.as_ref().map(|r| match family {
                    Family::Ae => r.recon.ae_mse,
                    Family::Vae => r.recon.vae_mse,
                })
            })
        })
    };
    let error_of = move |family: Family| {
        move || {
            mse_of(family)
                .get()
                .map(|e| format!("{e:.5}"))
                .unwrap_or_else(|| "—".into())
        }
    };
    let image_of = move |family: Family| {
        Signal::derive(move || {
            result.with(|r| {
                r.as_ref().map(|r| match family {
                    Family::Ae => r.recon.ae.clone(),
                    Family::Vae => r.recon.vae.clone(),
                })
            })
        })
    };
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
    let has_gpu = lab.with(|r| r.gpu.is_some());
    // One model's reconstruction, its error and where that error sits among the test digits'.
    let reconstruction = move |family: Family| {
        let (title, label) = match family {
            Family::Ae => ("Autoencoder r = g(f(x))", "Autoencoder reconstruction"),
            Family::Vae => ("VAE g(μ)", "VAE reconstruction"),
        };
        let slug = family.slug();
        view! {
            <figure>
                <DigitCanvas pixels=image_of(family) testid=format!("recon-{slug}") label=label />
                <figcaption>
                    {title}<br />"MSE "<span class="num" data-testid=format!("err-{slug}")>{error_of(family)}</span>
                    <br /><ErrorScale lab=lab family=family error=mse_of(family) />
                </figcaption>
            </figure>
        }
    };

    view! {
        <section class="draw-view">
            <div class="pad-column">
                <DrawPad />
                <div class="buttons">
                    <button data-testid="clear" on:click=clear>"Clear"</button>
                    <button data-testid="random-digit" on:click=random_digit>"Random test digit"</button>
                </div>
                <p class="caption" data-testid="pad-caption">{caption}</p>
            </div>
            <div class="results">
                <div class="triple">
                    <figure>
                        <DigitCanvas pixels=digit.input testid="model-input" label="Model input x (28×28)" />
                        <figcaption>"Input x (28×28)"</figcaption>
                    </figure>
                    {reconstruction(Family::Ae)}
                    {reconstruction(Family::Vae)}
                </div>
                <p class="timing" data-testid="timing">{timing}</p>
                <TaskErrorList errors=errors />
                <label class="engine-choice">
                    "Run live drawing on "
                    <SelectField
                        testid="engine-select"
                        value=Signal::derive(move || choice.get().slug().to_string())
                        choices=vec![
                            Choice::new(EngineChoice::Auto.slug(), "the faster engine (auto)"),
                            Choice::new(EngineChoice::WebGpu.slug(), "WebGPU").disabled(!has_gpu),
                            Choice::new(EngineChoice::Cpu.slug(), "the CPU engine"),
                        ]
                        on_select=Callback::new(move |v: String| {
                            if let Some(c) = EngineChoice::from_slug(&v) {
                                choice.set(c);
                            }
                        })
                    />
                </label>
                <Explanation />
            </div>
        </section>
    }
}

/// What the two networks are, with the shipped models' measured quality.
#[component]
fn Explanation() -> impl IntoView {
    let lab = use_lab();
    let (ae, vae, use_trained, trained) = lab.with(|r| {
        (
            r.manifest(Shipped::Ae16).clone(),
            r.manifest(Shipped::Vae16).clone(),
            r.use_trained,
            r.trained,
        )
    });
    // The code sizes of the models on screen: the lab model's when it stands in for one.
    let codes = move || {
        let slot = trained.get().filter(|_| use_trained.get());
        let dim = |family: Family| match &slot {
            Some(s) if s.family() == family => s.config.latent,
            _ => 16,
        };
        let (a, v) = (dim(Family::Ae), dim(Family::Vae));
        let size = |d: usize| {
            if d < crate::PIXELS {
                format!("dim(h) = {d} < dim(x) = 784: an undercomplete code")
            } else {
                format!("dim(h) = {d} ≥ dim(x) = 784: an overcomplete code")
            }
        };
        if a == v {
            format!(
                "Both networks squeeze the 784 pixels of x into a code of {a} numbers and rebuild the image from it;                  {}, so the network must keep only the most representative features of digits.",
                size(a)
            )
        } else {
            format!(
                "The networks squeeze the 784 pixels of x into a code (the autoencoder: {a} numbers, {}; the VAE: {v}                  numbers, {}) and rebuild the image from it.",
                size(a),
                size(v)
            )
        }
    };
    view! {
        <details class="explain" open>
            <summary>"What am I looking at?"</summary>
            <p data-testid="draw-code-sentence">{codes}</p>
            <p>
                <strong>"Autoencoder"</strong>
                ": encoder h = f(x), decoder r = g(h) = g(f(x)), trained to minimise the reconstruction loss L(x, g(f(x))). "
                {format!("Architecture {}; test MSE {:.4}, against {:.4} for PCA with {} components.",
                    architecture(&ae), ae.metrics.test_mse, ae.metrics.pca_mse, ae.metrics.pca_components)}
            </p>
            <p>
                <strong>"Variational autoencoder"</strong>
                ": the encoder gives a distribution q(z|x) = N(μ, σ²); training samples z = μ + σ·ε with ε ~ N(0, I) "
                "(the reparameterisation trick) and maximises the ELBO = E[log p(x|z)] − KL(q(z|x) ‖ N(0, I)). "
                "Shown here is g(μ), the decoding of the mean code. "
                {format!("Test MSE {:.4}; ELBO {:.1} nats per digit.",
                    vae.metrics.test_mse, vae.metrics.test_elbo.unwrap_or(f64::NAN))}
            </p>
            <p>
                "MSE is the mean squared error per pixel between the input and the reconstruction; the bars under it show "
                "how the 2,000 test digits' errors are spread, with the current digit in red. "
                "Digits unlike the training data (a letter, a scribble) reconstruct badly: that error is how "
                "autoencoders detect anomalies."
            </p>
        </details>
    }
}
