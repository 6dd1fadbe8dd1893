//! The "draw" view: a drawing pad, and live side by side the model input, the AE's and the VAE's
//! reconstructions with their errors, each placed among the test digits' errors; beside them the
//! course's formulas with this digit's numbers (the loss, the ELBO's two terms, the KL of each
//! latent dimension).
//!
//! Link: `d` is the digit on the pad (see `crate::link::digit`). A link's digit goes straight
//! onto an empty pad; over the student's own drawing it is only offered, never forced.

mod error_scale;

use leptos::prelude::*;

use crate::analysis::elbo::ElboTerms;
use crate::app::components::digit_canvas::DigitCanvas;
use crate::app::components::draw_pad::DrawPad;
use crate::app::components::fields::{Choice, SelectField};
use crate::app::components::formula::{Concept, Formula};
use crate::app::components::messages::{TaskErrorList, TaskErrors};
use crate::app::engine::models::{Codes, Reconstruction};
use crate::app::engine::resources::Resources;
use crate::app::engine::{Backend, EngineChoice, Family, LatentSize};
use crate::app::i18n::use_i18n;
use crate::app::link::use_link;
use crate::app::state::{CurrentDigit, ResourceHandle, use_current_digit, use_resources};
use crate::app::web::runner::LatestRunner;
use crate::app::web::{now_ms, random_index};
use crate::data::sketch::Sketch;
use crate::formula;
use crate::i18n::{num, tk};
use crate::link::digit::DigitRef;
use crate::model::manifest::Manifest;
use crate::slug::Slug;
use error_scale::ErrorScale;

/// The last reconstruction, with where and how fast it ran, and the VAE's loss terms.
#[derive(Clone, Debug, PartialEq)]
struct LiveResult {
    recon: Reconstruction,
    engine: Backend,
    ms: f64,
    /// The negative ELBO's two terms for this digit (`None` if the encoder failed).
    elbo: Option<ElboTerms>,
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

/// μ and log σ² of the VAE in use (the lab model's when it stands in for the VAE).
async fn vae_codes(resources: &Resources, wanted: Backend, x: &[f32]) -> Result<Codes, String> {
    match resources.active_trained().filter(|s| s.family() == Family::Vae) {
        Some(slot) => slot.encode(x).await,
        None => {
            resources.encode_on(wanted, Family::Vae, LatentSize::Sixteen, x)
                .await
        }
    }
}

/// The code sizes of the models on screen: the lab model's when it stands in for one.
fn code_sizes(resources: ResourceHandle) -> Signal<(usize, usize)> {
    let (use_trained, trained) = resources.with(|r| (r.use_trained, r.trained));
    Signal::derive(move || {
        let slot = trained.get().filter(|_| use_trained.get());
        let dim = |family: Family| match &slot {
            Some(s) if s.family() == family => s.config.latent,
            _ => 16,
        };
        (dim(Family::Ae), dim(Family::Vae))
    })
}

/// Binds `d` to the pad's digit. A link's digit (as the view opens, or on back/forward) is put
/// on an empty pad at once; if the pad holds a different drawing, the drawing stays and the
/// link's digit is returned as an offer, until the student accepts it or keeps the drawing
/// (or edits the pad, which keeps it too). The URL follows the pad whenever no offer waits.
fn bind_digit(digit: CurrentDigit, resources: ResourceHandle) -> (RwSignal<Option<DigitRef>>, RwSignal<DigitRef>) {
    let link = use_link();
    let tests = resources.with(|r| r.data.test.len());
    let here = Memo::new(move |_| digit.as_link());
    let d = RwSignal::new(here.get_untracked());
    let offer = RwSignal::new(None::<DigitRef>);
    link.bind("d", d, move |t| DigitRef::read(t, tests), DigitRef::write);
    let receive = move |wanted: DigitRef| {
        if wanted == here.get_untracked() {
            if offer.with_untracked(Option::is_some) {
                offer.set(None);
            }
        } else if digit.would_replace(&wanted) {
            offer.set(Some(wanted));
        } else {
            offer.set(None);
            digit.show(&wanted, resources);
        }
    };
    // The link's digit as the view opens (already read into `d` by the binding).
    receive(d.get_untracked());
    // Back and forward.
    Effect::new(move |first: Option<()>| {
        let wanted = d.get();
        if first.is_some() && offer.with_untracked(|o| o.as_ref() != Some(&wanted)) {
            receive(wanted);
        }
    });
    // The URL follows the pad.
    Effect::new(move |_| {
        let now = here.get();
        if offer.with_untracked(Option::is_none) && d.with_untracked(|v| *v != now) {
            d.set(now);
        }
    });
    // Drawing, clearing or loading a digit while an offer waits keeps the drawing.
    Effect::new(move |first: Option<()>| {
        digit.sketch.track();
        if first.is_some() && offer.with_untracked(Option::is_some) {
            offer.set(None);
            d.set(here.get_untracked());
        }
    });
    (offer, d)
}

/// The bar offering a link's digit in place of the student's drawing.
#[component]
fn LinkDigitOffer(
    offer: RwSignal<Option<DigitRef>>,
    d: RwSignal<DigitRef>,
    digit: CurrentDigit,
    resources: ResourceHandle,
) -> impl IntoView {
    let i18n = use_i18n();
    let accept = move |_| {
        if let Some(wanted) = offer.get_untracked() {
            offer.set(None);
            digit.show(&wanted, resources);
        }
    };
    let keep = move |_| {
        offer.set(None);
        d.set(digit.as_link_untracked());
    };
    move || {
        offer.with(Option::is_some).then(|| {
            view! {
                <div class="notice link-notice link-digit-offer" role="status" data-testid="link-digit-offer">
                    <p>{move || i18n.t("draw-link-offer")}</p>
                    <div class="buttons">
                        <button data-testid="link-digit-accept" on:click=accept>
                            {move || i18n.t("draw-link-accept")}
                        </button>
                        <button data-testid="link-digit-keep" on:click=keep>
                            {move || i18n.t("draw-link-keep")}
                        </button>
                    </div>
                </div>
            }
        })
    }
}

#[component]
pub fn DrawView() -> impl IntoView {
    let resources = use_resources();
    let i18n = use_i18n();
    let digit = use_current_digit();
    let result = RwSignal::new(None::<LiveResult>);
    let choice = RwSignal::new(EngineChoice::Auto);
    let errors = TaskErrors::new();
    error_scale::ensure_test_errors(resources, errors);
    let (offer, d) = bind_digit(digit, resources);

    let runner = LatestRunner::new();
    let submit = move |x: Vec<f32>| {
        runner.submit(x, move |x| async move {
            let resources = resources.get();
            let wanted = choice
                .try_get_untracked()
                .unwrap_or_default()
                .resolve(resources.live_engine());
            let start = now_ms();
            let outcome = resources.reconstruct_on(wanted, &x).await;
            let Some((recon, engine)) = errors.check(tk("draw-task-reconstruct"), outcome) else {
                return;
            };
            let ms = now_ms() - start;
            let codes = vae_codes(&resources, wanted, &x).await;
            let elbo = errors.check(tk("draw-task-encode"), codes).and_then(|c| {
                let log_var = c.log_var?;
                Some(ElboTerms::of(&x, &recon.vae, &c.mean, &log_var))
            });
            result.try_set(Some(LiveResult {
                recon,
                engine,
                ms,
                elbo,
            }));
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
        let i = random_index(resources.with(|r| r.data.test.len()));
        digit.sketch.set(Sketch {
            background: Some(i),
            ..Sketch::default()
        });
    };
    let clear = move |_| digit.sketch.set(Sketch::default());
    let caption = move || {
        digit.sketch.with(|s| {
            // A test digit's number is a name, not a quantity: written without grouping.
            let index = |i: usize| ("index", i.to_string().into());
            match (s.background, s.pixels.is_some(), s.strokes.is_empty()) {
                (_, true, true) => i18n.t("draw-caption-link"),
                (_, true, false) => i18n.t("draw-caption-link-strokes"),
                (Some(i), false, true) => i18n.t_with(
                    "draw-caption-test",
                    &[
                        index(i),
                        (
                            "label",
                            resources.with(|r| r.data.test.labels[i]).to_string().into(),
                        ),
                    ],
                ),
                (Some(i), false, false) => i18n.t_with("draw-caption-test-strokes", &[index(i)]),
                (None, false, true) => i18n.t("draw-caption-empty"),
                (None, false, false) => i18n.t("draw-caption-drawing"),
            }
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
                .map(|e| i18n.num(e, 5))
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
                    i18n.t_with(
                        "draw-timing",
                        &[("ms", num(r.ms, 1)), ("engine", r.engine.label().into())],
                    )
                })
                .unwrap_or_default()
        })
    };
    let has_gpu = resources.with(|r| r.gpu.is_some());
    // One model's reconstruction, its error and where that error sits among the test digits'.
    let reconstruction = move |family: Family| {
        let (title, label) = match family {
            Family::Ae => (tk("draw-ae-title"), tk("draw-ae-label")),
            Family::Vae => (tk("draw-vae-title"), tk("draw-vae-label")),
        };
        let slug = family.slug();
        view! {
            <figure>
                <DigitCanvas
                    pixels=image_of(family)
                    testid=format!("recon-{slug}")
                    label=Signal::derive(move || i18n.t(label))
                />
                <figcaption>
                    {move || i18n.t(title)}<br />"MSE "<span class="num" data-testid=format!("err-{slug}")>{error_of(family)}</span>
                    <br /><ErrorScale resources=resources family=family error=mse_of(family) />
                </figcaption>
            </figure>
        }
    };
    let engine_menu = move || {
        view! {
            <SelectField
                testid="engine-select"
                value=Signal::derive(move || choice.get().slug().to_string())
                choices=vec![
                    Choice::new(EngineChoice::Auto.slug(), i18n.t("draw-engine-auto")),
                    Choice::new(EngineChoice::WebGpu.slug(), "WebGPU").disabled(!has_gpu),
                    Choice::new(EngineChoice::Cpu.slug(), i18n.t("draw-engine-cpu")),
                ]
                on_select=Callback::new(move |v: String| {
                    if let Some(c) = EngineChoice::from_slug(&v) {
                        choice.set(c);
                    }
                })
            />
        }
    };

    view! {
        <section class="draw-view">
            <div class="pad-column">
                <LinkDigitOffer offer=offer d=d digit=digit resources=resources />
                <DrawPad />
                <div class="buttons">
                    <button data-testid="clear" on:click=clear>{move || i18n.t("draw-clear")}</button>
                    <button data-testid="random-digit" on:click=random_digit>{move || i18n.t("draw-random")}</button>
                </div>
                <p class="caption" data-testid="pad-caption">{caption}</p>
            </div>
            <div class="results">
                <div class="triple">
                    <figure>
                        <DigitCanvas
                            pixels=digit.input
                            testid="model-input"
                            label=Signal::derive(move || i18n.t("draw-input-label"))
                        />
                        <figcaption>{move || i18n.t("draw-input-title")}</figcaption>
                    </figure>
                    {reconstruction(Family::Ae)}
                    {reconstruction(Family::Vae)}
                </div>
                <p class="timing" data-testid="timing">{timing}</p>
                <TaskErrorList errors=errors />
                <label class="engine-choice">
                    {move || i18n.t("draw-engine-label")}" "
                    {engine_menu}
                </label>
                <Formulas resources=resources result=result />
                <Explanation />
            </div>
        </section>
    }
}

/// The course's formulas beside the two models, with the current digit's numbers.
#[component]
fn Formulas(resources: ResourceHandle, result: RwSignal<Option<LiveResult>>) -> impl IntoView {
    let i18n = use_i18n();
    let sizes = code_sizes(resources);
    let ae_mse = move || result.with(|r| r.as_ref().map(|r| r.recon.ae_mse));
    let elbo = Memo::new(move |_| result.with(|r| r.as_ref().and_then(|r| r.elbo.clone())));
    let bottleneck_caption = move || {
        let key = if sizes.get().0 < crate::PIXELS {
            tk("draw-concept-undercomplete")
        } else {
            tk("draw-concept-overcomplete")
        };
        i18n.t(key)
    };
    let reconstruction_caption = move || match elbo.with(|e| e.as_ref().map(|e| e.reconstruction)) {
        Some(v) => i18n.t_with("draw-concept-bce-value", &[("value", num(v, 1))]),
        None => i18n.t("draw-concept-bce"),
    };
    // Each latent dimension's KL as a bar (scaled to the largest) with its value.
    let kl_bars = move || {
        elbo.with(|e| {
            e.as_ref().map(|e| {
                let top = e.kl_per_dim.iter().copied().fold(1e-9, f64::max);
                e.kl_per_dim
                    .iter()
                    .enumerate()
                    .map(|(j, &k)| {
                        // A style property, not a style attribute: the page's CSP allows no inline style.
                        let width = format!("{:.1}%", 100.0 * k / top);
                        view! {
                            <li class="kl-row">
                                <span class="kl-dim">{format!("z{}", j + 1)}</span>
                                <span class="kl-bar">
                                    <span class="kl-fill" style:width=width></span>
                                </span>
                                <span class="num">{i18n.num(k, 2)}</span>
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <div class="concepts" data-testid="draw-formulas">
            <div class="concept-group" data-testid="draw-formulas-ae">
                <h3>{move || i18n.t("draw-formulas-ae")}</h3>
                <Concept math=Signal::derive(formula::encoder) caption=tk("draw-concept-encoder") />
                <Concept math=Signal::derive(formula::decoder) caption=tk("draw-concept-decoder") />
                <Concept
                    math=Signal::derive(move || formula::reconstruction_loss(ae_mse().map(|v| (v, i18n.lang()))))
                    caption=tk("draw-concept-loss")
                />
                <Concept
                    math=Signal::derive(move || formula::mean_squared_error(ae_mse().map(|v| (v, i18n.lang()))))
                    caption=tk("draw-concept-mse")
                />
                <figure class="concept">
                    <Formula math=Signal::derive(move || formula::bottleneck(sizes.get().0, crate::PIXELS, i18n.lang())) />
                    <figcaption>{bottleneck_caption}</figcaption>
                </figure>
            </div>
            <div class="concept-group" data-testid="draw-formulas-vae">
                <h3>{move || i18n.t("draw-formulas-vae")}</h3>
                <Concept
                    math=Signal::derive(move || {
                        formula::elbo(elbo.with(|e| e.as_ref().map(|e| (e.reconstruction, e.kl(), i18n.lang()))))
                    })
                    caption=tk("draw-concept-elbo")
                />
                <figure class="concept">
                    <Formula math=Signal::derive(formula::binary_cross_entropy) />
                    <figcaption data-testid="draw-bce">{reconstruction_caption}</figcaption>
                </figure>
                <figure class="concept">
                    <Formula math=Signal::derive(move || {
                        formula::gaussian_kl(elbo.with(|e| e.as_ref().map(|e| (e.kl(), i18n.lang()))))
                    }) />
                    <figcaption>{move || i18n.t("draw-concept-kl")}</figcaption>
                    <ol
                        class="kl-dims"
                        data-testid="kl-dims"
                        aria-label=move || i18n.t("draw-kl-dims-label")
                    >
                        {kl_bars}
                    </ol>
                </figure>
            </div>
        </div>
    }
}

/// What the two networks are, with the shipped models' measured quality.
#[component]
fn Explanation() -> impl IntoView {
    let resources = use_resources();
    let i18n = use_i18n();
    let (ae, vae, tests) = resources.with(|r| {
        (
            r.manifests.ae.clone(),
            r.manifests.vae.clone(),
            r.data.test.len(),
        )
    });
    let sizes = code_sizes(resources);
    let codes = move || {
        let (a, v) = sizes.get();
        let size = |d: usize| {
            let key = if d < crate::PIXELS {
                tk("draw-code-under")
            } else {
                tk("draw-code-over")
            };
            crate::i18n::Text::new(key).with("dim", d)
        };
        if a == v {
            i18n.t_with(
                "draw-code-same",
                &[("dim", a.into()), ("size", size(a).into())],
            )
        } else {
            i18n.t_with(
                "draw-code-different",
                &[
                    ("ae", a.into()),
                    ("ae_size", size(a).into()),
                    ("vae", v.into()),
                    ("vae_size", size(v).into()),
                ],
            )
        }
    };
    let ae_line = move || {
        i18n.t_with(
            "draw-explain-ae",
            &[
                ("architecture", architecture(&ae).into()),
                ("mse", num(ae.metrics.test_mse, 4)),
                ("pca", num(ae.metrics.pca_mse, 4)),
                ("components", ae.metrics.pca_components.into()),
            ],
        )
    };
    let vae_line = move || {
        i18n.t_with(
            "draw-explain-vae",
            &[
                ("mse", num(vae.metrics.test_mse, 4)),
                ("elbo", num(vae.metrics.test_elbo.unwrap_or(f64::NAN), 1)),
            ],
        )
    };
    view! {
        <details class="explain" open>
            <summary>{move || i18n.t("draw-explain-summary")}</summary>
            <p data-testid="draw-code-sentence">{codes}</p>
            <p>
                <strong>{move || i18n.t("draw-explain-ae-name")}</strong>
                {ae_line}
            </p>
            <p>
                <strong>{move || i18n.t("draw-explain-vae-name")}</strong>
                {vae_line}
            </p>
            <p>{move || i18n.t_with("draw-explain-mse", &[("count", tests.into())])}</p>
        </details>
    }
}
