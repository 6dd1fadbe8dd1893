//! The noise and occlusion lab: corrupt a digit (Gaussian noise, salt-and-pepper, masks) and
//! compare the plain AE, the denoising AE, the inpainting AE and the VAE, live on one digit and
//! averaged over the whole test split.
//!
//! Link: `d` (the clean digit), `sigma`, `sp`, `mask`, `seed` (the corruption) and `batch` (the
//! batch view's digits): a link gives the same corrupted input and reconstructions. The view only
//! reads the student's drawing, never changes it.

mod batch;
mod controls;
mod mask_canvas;

use leptos::prelude::*;

use crate::analysis::metrics::mse;
use crate::app::components::digit_canvas::DigitCanvas;
use crate::app::components::formula::{Concept, Formula};
use crate::app::components::messages::{TaskErrorList, TaskErrors};
use crate::app::engine::models::{Outputs, Reconstructor};
use crate::app::i18n::use_i18n;
use crate::app::link::use_link;
use crate::app::state::{use_current_digit, use_resources};
use crate::app::web::runner::LatestRunner;
use crate::app::web::{next_frame, random_index, random_seed};
use crate::data::noise::TrainingNoise;
use crate::formula;
use crate::i18n::{Arg, Decimals, Text, num, tk};
use crate::link::digit::DigitRef;
use crate::link::value;
use crate::model::pretrained::Shipped;
use crate::slug::Slug;
use batch::{BATCH_SEED_MAX, BatchView};
use controls::{CorruptionControls, CorruptionState};
use mask_canvas::{MaskCanvas, MaskTool};

/// The translation key of a model's name in this view.
fn model_title(model: Reconstructor) -> &'static str {
    match model {
        Reconstructor::Ae => tk("noise-model-ae"),
        Reconstructor::Dae => tk("noise-model-dae"),
        Reconstructor::Inpaint => tk("noise-model-inpaint"),
        Reconstructor::Vae => tk("noise-model-vae"),
    }
}

/// How a shipped corruption model was trained, in the language shown.
fn trained_on(noise: &TrainingNoise) -> Text {
    match *noise {
        TrainingNoise::Denoising {
            max_sigma,
            max_salt_pepper,
        } => Text::new("noise-trained-denoising")
            .with("sigma", Arg::Num(max_sigma as f64, Decimals::UpTo(3)))
            .with("sp", Arg::Num(max_salt_pepper as f64, Decimals::UpTo(3))),
        TrainingNoise::Inpainting { min_side, max_side } => Text::new("noise-trained-inpainting")
            .with("min", min_side)
            .with("max", max_side),
    }
}

#[component]
pub fn NoiseView() -> impl IntoView {
    let resources = use_resources();
    let i18n = use_i18n();
    let link = use_link();
    let digit = use_current_digit();
    // The clean digit: the student's (a drawing or the test digit on the pad) as the view opens,
    // test digit #0 if the pad is empty.
    let (source, clean) = digit.bind_view_digit(resources, link);
    let tests = resources.with(|r| r.test_digits().len());
    // "Use my drawing" on an empty pad.
    let pad_empty = RwSignal::new(false);
    let state = CorruptionState::new();
    state.bind(link);
    let batch_seed = RwSignal::new(random_seed(1_000_000));
    link.bind(
        "batch",
        batch_seed,
        |t| value::whole(t, 0..=BATCH_SEED_MAX),
        |v| v.to_string(),
    );
    let corruption = state.corruption();
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
            let resources = resources.get();
            let outcome = resources.run_all_on(resources.live_engine(), &x).await;
            if let Some((o, _)) = errors.check(tk("noise-task-reconstruct"), outcome) {
                outputs.try_set(Some(o));
            }
        });
    });

    let error_value = move |model: Reconstructor, against_clean: bool| {
        outputs.with(|o| {
            o.as_ref().map(|o| {
                if against_clean {
                    clean.with(|c| mse(o.get(model), c))
                } else {
                    corrupted.with(|c| mse(o.get(model), c))
                }
            })
        })
    };
    let errors_of = move |model: Reconstructor, against_clean: bool| {
        move || {
            error_value(model, against_clean)
                .map(|e| i18n.num(e, 4))
                .unwrap_or_else(|| "—".into())
        }
    };
    let use_drawing = move |_| match digit.as_link_untracked() {
        DigitRef::Empty => pad_empty.set(true),
        d => {
            pad_empty.set(false);
            source.set(d);
        }
    };
    let random_digit = move |_| {
        pad_empty.set(false);
        source.set(DigitRef::Test(random_index(tests)));
    };
    let source_caption = move || {
        if pad_empty.get() {
            return i18n.t("noise-source-pad-empty");
        }
        let what = source.with(|s| match s {
            DigitRef::Test(i) => Text::new("noise-source-test")
                .with("index", i.to_string())
                .with(
                    "label",
                    resources.with(|r| r.test_digits().labels[*i]).to_string(),
                ),
            DigitRef::Pixels(p) if digit.input.with(|x| x.as_ref() == Some(p)) => {
                Text::new("noise-source-drawing")
            }
            DigitRef::Pixels(_) => Text::new("noise-source-link"),
            DigitRef::Empty => Text::new("noise-source-test").with("index", "0").with(
                "label",
                resources.with(|r| r.test_digits().labels[0]).to_string(),
            ),
        });
        i18n.t_with("noise-source", &[("source", what.into())])
    };
    // The two corruption models arrive after start-up: each line appears with its model.
    let shipped = move |model: Shipped| {
        let slot = resources.with(|r| r.late_slot(model));
        move || {
            slot.track();
            resources.with(|r| r.manifest(model).cloned())
        }
    };
    let (dae, inpaint) = (shipped(Shipped::Dae16), shipped(Shipped::Inpaint16));
    let shipped_line =
        move |title: &'static str, bench: &'static str, m: &crate::model::manifest::Manifest| {
            let latent = m.architecture.latent;
            let trained = m.training.noise.as_ref().map(trained_on);
            let scores = m
                .metrics
                .corruption
                .as_ref()
                .map(|c| (c.model_mse, c.plain_ae_mse));
            view! {
                <li>
                    <strong>{move || i18n.t_with(title, &[("dim", latent.into())])}</strong>
                    {move || {
                        let trained = trained.as_ref().map(|t| i18n.text(t)).unwrap_or_default();
                        match scores {
                            Some((model, plain)) => i18n.t_with(
                                "noise-shipped-bench",
                                &[
                                    ("trained", trained.into()),
                                    ("benchmark", Text::new(bench).into()),
                                    ("mse", num(model, 4)),
                                    ("plain", num(plain, 4)),
                                ],
                            ),
                            None => i18n.t_with("noise-shipped", &[("trained", trained.into())]),
                        }
                    }}
                </li>
            }
        };

    view! {
        <section class="noise-view">
            <div class="controls">
                <h2>{move || i18n.t("noise-title")}</h2>
                <p class="caption" data-testid="noise-source">{source_caption}</p>
                <div class="buttons">
                    <button data-testid="use-drawing" on:click=use_drawing>{move || i18n.t("noise-use-drawing")}</button>
                    <button data-testid="random-digit" on:click=random_digit>{move || i18n.t("noise-random")}</button>
                </div>
                <CorruptionControls state=state tool=tool />
            </div>
            <div class="results">
                <div class="row">
                    <figure>
                        <DigitCanvas
                            pixels=Signal::derive(move || Some(clean.get()))
                            testid="clean-input"
                            label=Signal::derive(move || i18n.t("noise-clean-label"))
                        />
                        <figcaption>{move || i18n.t("noise-clean-title")}</figcaption>
                    </figure>
                    <figure>
                        <MaskCanvas corrupted=corrupted mask=state.mask tool=tool />
                        <figcaption>{move || i18n.t("noise-corrupted-title")}</figcaption>
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
                                        label=Signal::derive(move || i18n.t(model_title(model)))
                                    />
                                    <figcaption>
                                        {move || i18n.t(model_title(model))}<br />
                                        {move || i18n.t("noise-vs-clean")}" "<span class="num" data-testid=format!("err-clean-{slug}")>{errors_of(model, true)}</span><br />
                                        {move || i18n.t("noise-vs-noisy")}" "<span class="num" data-testid=format!("err-noisy-{slug}")>{errors_of(model, false)}</span>
                                    </figcaption>
                                </figure>
                            }
                        })
                        .into_iter().collect_view()}
                </div>
                <div class="concepts" data-testid="noise-formulas">
                    <Concept math=Signal::derive(formula::denoising) caption=tk("noise-concept-denoising") />
                    <figure class="concept">
                        <Formula math=Signal::derive(move || {
                            formula::mean_squared_error(error_value(Reconstructor::Dae, true).map(|v| (v, i18n.lang())))
                        }) />
                        <figcaption>{move || i18n.t("noise-concept-mse")}</figcaption>
                    </figure>
                    <p class="caption" data-testid="noise-inpainting">{move || i18n.t("noise-concept-inpainting")}</p>
                </div>
                <p class="explain-line">{move || i18n.t("noise-explain")}</p>
                <ul class="explain-line">
                    {move || dae().map(|m| shipped_line(tk("noise-dae-title"), tk("noise-bench-dae"), &m))}
                    {move || inpaint().map(|m| shipped_line(tk("noise-inpaint-title"), tk("noise-bench-inpaint"), &m))}
                </ul>
                <TaskErrorList errors=errors />
                <BatchView corruption=corruption seed=batch_seed />
            </div>
        </section>
    }
}
