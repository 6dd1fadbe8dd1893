//! The noise and occlusion lab: corrupt a digit (Gaussian noise, salt-and-pepper, masks) and
//! compare the plain AE, the denoising AE, the inpainting AE and the VAE, live on one digit and
//! averaged over the whole test split.

mod batch;
mod controls;
mod mask_canvas;

use leptos::prelude::*;

use crate::analysis::metrics::mse;
use crate::app::components::digit_canvas::DigitCanvas;
use crate::app::components::messages::{TaskErrorList, TaskErrors};
use crate::app::engine::models::{Outputs, Reconstructor};
use crate::app::state::{use_current_digit, use_lab};
use crate::app::web::runner::LatestRunner;
use crate::app::web::{next_frame, random_index};
use crate::data::corrupt::Corruption;
use crate::model::pretrained::Shipped;
use batch::BatchView;
use controls::CorruptionControls;
use mask_canvas::{MaskCanvas, MaskTool};

/// A model's name in this view.
fn model_title(model: Reconstructor) -> &'static str {
    match model {
        Reconstructor::Ae => "Plain AE",
        Reconstructor::Dae => "Denoising AE",
        Reconstructor::Inpaint => "Inpainting AE",
        Reconstructor::Vae => "VAE g(μ)",
    }
}

#[component]
pub fn NoiseView() -> impl IntoView {
    let lab = use_lab();
    let digit = use_current_digit();
    let clean = RwSignal::new(
        digit
            .input
            .get_untracked()
            .unwrap_or_else(|| lab.with(|r| r.data.test.image(0))),
    );
    let source = RwSignal::new(String::from(
        "your drawing (or test digit #0 if the pad is empty)",
    ));
    let corruption = RwSignal::new(Corruption {
        noise_sigma: 0.3,
        ..Default::default()
    });
    let tool = RwSignal::new(MaskTool::Rect);
    let corrupted = Memo::new(move |_| corruption.with(|c| clean.with(|x| c.apply(x, 0))));

    // Live outputs for the one digit.
    let outputs = RwSignal::new(None::<Outputs>);
    let errors = TaskErrors::new();
    let runner = LatestRunner::new();
    Effect::new(move |_| {
        runner.submit(corrupted.get(), move |x| async move {
            // Let the browser paint the corrupted image (the pointer's feedback) first.
            next_frame().await;
            let lab = lab.get();
            let outcome = lab.run_all_on(lab.live_engine(), &x).await;
            if let Some((o, _)) = errors.check("Reconstructing the corrupted digit", outcome) {
                outputs.try_set(Some(o));
            }
        });
    });

    let errors_of = move |model: Reconstructor, against_clean: bool| {
        move || {
            outputs.with(|o| match o {
                Some(o) => {
                    let reference = if against_clean {
                        clean.get()
                    } else {
                        corrupted.get()
                    };
                    format!("{:.4}", mse(o.get(model), &reference))
                }
                None => "—".into(),
            })
        }
    };
    let use_drawing = move |_| match digit.input.get_untracked() {
        Some(x) => {
            clean.set(x);
            source.set("your drawing".into());
        }
        None => source.set("the pad is empty: draw a digit first".into()),
    };
    let random_digit = move |_| {
        let (i, image, label) = lab.with(|r| {
            let i = random_index(r.data.test.len());
            (i, r.data.test.image(i), r.data.test.labels[i])
        });
        clean.set(image);
        source.set(format!("test digit #{i} (label {label})"));
    };
    let (dae, inpaint) = lab.with(|r| {
        (
            r.manifest(Shipped::Dae16).clone(),
            r.manifest(Shipped::Inpaint16).clone(),
        )
    });

    view! {
        <section class="noise-view">
            <div class="controls">
                <h2>"Corruption"</h2>
                <p class="caption">"Source: " {move || source.get()}</p>
                <div class="buttons">
                    <button on:click=use_drawing>"Use my drawing"</button>
                    <button data-testid="random-digit" on:click=random_digit>"Random test digit"</button>
                </div>
                <CorruptionControls corruption=corruption tool=tool />
            </div>
            <div class="results">
                <div class="row">
                    <figure>
                        <DigitCanvas pixels=Signal::derive(move || Some(clean.get())) testid="clean-input" label="Clean input x" />
                        <figcaption>"Clean x"</figcaption>
                    </figure>
                    <figure>
                        <MaskCanvas corrupted=corrupted corruption=corruption tool=tool />
                        <figcaption>"Corrupted x̃ = x + n"</figcaption>
                    </figure>
                </div>
                <div class="row">
                    {Reconstructor::ALL
                        .map(|model| {
                            let slug = model.slug();
                            view! {
                                <figure>
                                    <DigitCanvas
                                        pixels=Signal::derive(move || outputs.with(|o| o.as_ref().map(|o| o.get(model).to_vec())))
                                        testid=format!("recon-{slug}")
                                        label=model_title(model)
                                    />
                                    <figcaption>
                                        {model_title(model)}<br />
                                        "vs clean "<span class="num" data-testid=format!("err-clean-{slug}")>{errors_of(model, true)}</span><br />
                                        "vs x̃ "<span class="num" data-testid=format!("err-noisy-{slug}")>{errors_of(model, false)}</span>
                                    </figcaption>
                                </figure>
                            }
                        })
                        .into_iter().collect_view()}
                </div>
                <p class="explain-line">
                    "MSE vs clean measures what a denoiser must do: recover x from x̃ = x + n. MSE vs x̃ measures how faithfully a "
                    "model copies its input, noise included: a plain autoencoder tends to copy the noise, a denoising one, "
                    "trained to minimise L(x, g(f(x̃))), learns to remove it, and an inpainting one fills in what the mask hides."
                </p>
                <ul class="explain-line">
                    {[dae, inpaint]
                        .into_iter()
                        .map(|m| {
                            let trained = m.training.noise.as_ref().map(|n| n.describe()).unwrap_or_default();
                            let bench = m.metrics.corruption.as_ref().map(|c| format!(
                                "; test split, {}: {:.4} (plain AE {:.4})", c.benchmark, c.model_mse, c.plain_ae_mse
                            )).unwrap_or_default();
                            view! { <li><strong>{m.title.clone()}</strong>": trained on "{trained}{bench}"."</li> }
                        })
                        .collect_view()}
                </ul>
                <TaskErrorList errors=errors />
                <BatchView corruption=corruption />
            </div>
        </section>
    }
}
