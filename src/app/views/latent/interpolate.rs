//! Interpolation between two codes, h_i = h1 + (h2 − h1)·i/N, for the AE and the VAE side by
//! side, against a cross-fade in pixel space. Two digits are interpolated with the 16-D models;
//! points pinned on the maps with the maps' own models.
//!
//! Link keys: `a`, `b` (the endpoints: `t42` test digit 42, `cur` the current digit, `p…` a point
//! of each map), `t` (the slider, 0–1; the step shown is the nearest i/N) and `n` (N, 2–16).

use leptos::prelude::*;

use super::{Explorer, digit_canvas, mosaic_canvas};
use crate::analysis::latent::{interpolation_path, lerp};
use crate::app::components::fields::RangeField;
use crate::app::components::formula::Concept;
use crate::app::engine::{Family, LatentSize, PerFamily};
use crate::app::i18n::use_i18n;
use crate::app::link::use_link;
use crate::app::web::runner::LatestRunner;
use crate::formula;
use crate::i18n::{Text, num, tk};
use crate::link::latent::{End, step_of};
use crate::link::value::{number, whole, write_number};

/// Digit endpoints are interpolated with these models (unless an endpoint is pinned on the maps).
const DIGIT_SIZE: LatentSize = LatentSize::Sixteen;

/// The number of steps N.
const STEPS_MIN: u64 = 2;
const STEPS_MAX: u64 = 16;

const NAMES: [&str; 2] = ["A", "B"];
const IDS: [&str; 2] = ["a", "b"];

#[component]
pub fn Interpolation(ex: Explorer) -> impl IntoView {
    let i18n = use_i18n();
    let link = use_link();
    let resources = ex.resources;
    let n_test = resources.with(|r| r.test_digits().len());
    let t = RwSignal::new(0.5f32);
    let steps = RwSignal::new(8usize);
    for (end, key) in [(0, "a"), (1, "b")] {
        link.bind(
            key,
            ex.picks[end],
            move |text| End::read(text, n_test),
            End::write,
        );
    }
    link.bind("t", t, |text| number(text, 0.0..=1.0), |t| write_number(*t));
    link.bind(
        "n",
        steps,
        |text| whole(text, STEPS_MIN..=STEPS_MAX).map(|(n, issue)| (n as usize, issue)),
        |n| n.to_string(),
    );
    ex.remembered
        .set_value([0, 1].map(|end| match ex.picks[end].get_untracked() {
            End::Test(i) => i,
            _ => end,
        }));
    // The step shown: the nearest i/N to the slider.
    let step = Memo::new(move |_| step_of(t.get(), steps.get()));

    // The VAE's decodings of pinned endpoints (digit endpoints show the digits themselves).
    let pin_images = RwSignal::new([None::<Vec<f32>>, None]);
    let end_images = Memo::new(move |_| {
        [0, 1].map(|end| match ex.picks[end].get() {
            End::Test(i) => Some(resources.with(|r| r.test_digits().image(i.min(n_test - 1)))),
            End::Current => Some(ex.current.get()),
            End::Pinned { .. } => pin_images.with(|p| p[end].clone()),
        })
    });
    // The models the endpoints are encoded with: the maps' if either is pinned on them.
    let pinned = Memo::new(move |_| ex.picks.iter().any(|p| p.with(End::is_pinned)));
    let ends_size = Memo::new(move |_| {
        if pinned.get() {
            ex.size.get()
        } else {
            DIGIT_SIZE
        }
    });

    // The endpoints as codes of both families.
    let enc_runner = LatestRunner::new();
    Effect::new(move |_| {
        let picks = ex.picks.map(|p| p.get());
        let size = ends_size.get();
        // Pinned points become codes through the maps' projection: wait for the maps.
        let data = if pinned.get() {
            match ex.data(size) {
                Some(d) => Some(d),
                None => return,
            }
        } else {
            None
        };
        // Digit endpoints' images (tracking the current digit only where an endpoint is it).
        let images = picks.clone().map(|pick| match pick {
            End::Test(i) => Some(resources.with(|r| r.test_digits().image(i.min(n_test - 1)))),
            End::Current => Some(ex.current.get()),
            End::Pinned { .. } => None,
        });
        enc_runner.submit(
            (picks, size, data, images),
            move |(picks, size, data, images)| async move {
                let mut next = PerFamily::<[Option<Vec<f32>>; 2]>::default();
                let mut decoded = [None, None];
                for (end, pick) in picks.iter().enumerate() {
                    match (pick, &data) {
                        (End::Pinned { ae, vae }, Some(d)) => {
                            let points = PerFamily { ae: *ae, vae: *vae };
                            for family in Family::ALL {
                                next[family][end] =
                                    Some(d.spaces[family].map.projection.from_map(points[family]));
                            }
                            let code = next.vae[end].clone().unwrap_or_default();
                            let outcome = ex.decode(Family::Vae, size, code).await;
                            decoded[end] = ex.errors.check(tk("latent-task-decode-pins"), outcome);
                        }
                        (End::Pinned { .. }, None) => {}
                        (_, _) => {
                            let Some(img) = images[end].clone() else {
                                continue;
                            };
                            let outcome = ex.encode_both(size, img).await;
                            if let Some(codes) =
                                ex.errors.check(tk("latent-task-encode-ends"), outcome)
                            {
                                for family in Family::ALL {
                                    next[family][end] = Some(codes[family].mean.clone());
                                }
                            }
                        }
                    }
                }
                ex.ends.try_set(next);
                pin_images.try_set(decoded);
            },
        );
    });

    // Decode step i and the strip whenever the endpoints, i or N change.
    let at_t = PerFamily::new(|_| RwSignal::new(None::<Vec<f32>>));
    let strips = PerFamily::new(|_| RwSignal::new(Vec::<Vec<f32>>::new()));
    let dec_runner = LatestRunner::new();
    Effect::new(move |_| {
        let job = (ex.ends.get(), step.get(), steps.get());
        dec_runner.submit(job, move |(ends, i, n)| async move {
            for family in Family::ALL {
                let [Some(a), Some(b)] = &ends[family] else {
                    continue;
                };
                let Some(size) = LatentSize::of_dim(a.len()) else {
                    continue;
                };
                // The same code as the strip's image i.
                let code = lerp(a, b, i as f32 / n as f32);
                let outcome = ex.decode(family, size, code).await;
                if let Some(img) = ex.errors.check(tk("latent-task-decode-interp"), outcome) {
                    at_t[family].try_set(Some(img));
                }
                let outcome = ex.decode(family, size, interpolation_path(a, b, n)).await;
                if let Some(strip) = ex.errors.check(tk("latent-task-decode-strip"), outcome) {
                    strips[family].try_set(vec![strip]);
                }
            }
        });
    });

    let cross_fade = Signal::derive(move || {
        let n = steps.get();
        match end_images.get() {
            [Some(a), Some(b)] => vec![interpolation_path(&a, &b, n)],
            _ => Vec::new(),
        }
    });
    // A digit or the current digit for one endpoint: the other leaves the pins too.
    let choose = move |end: usize, pick: End| {
        if let End::Test(i) = pick {
            ex.remembered.update_value(|r| r[end] = i);
        }
        ex.picks[end].set(pick);
        ex.unpin(1 - end);
    };
    let set_digit = move |end: usize, value: String| {
        if let Ok(i) = value.trim().parse::<usize>() {
            choose(end, End::Test(i.min(n_test - 1)));
        }
    };
    let from_pins = move |_| {
        for end in 0..2 {
            let point = |family: Family| ex.pins[family].with_untracked(|p| p.get(end).copied());
            if let (Some(ae), Some(vae)) = (point(Family::Ae), point(Family::Vae)) {
                ex.picks[end].set(End::Pinned { ae, vae });
            }
        }
    };
    let pin_hint = move || {
        if ex.pins_ready() {
            i18n.t("latent-pin-hint-ready")
        } else {
            let count = |f: Family| ex.pins[f].with(Vec::len);
            i18n.t_with(
                "latent-pin-hint",
                &[
                    ("ae", count(Family::Ae).into()),
                    ("vae", count(Family::Vae).into()),
                ],
            )
        }
    };
    let end_label = move |end: usize| {
        move || {
            let text = match ex.picks[end].get() {
                End::Pinned { .. } => Text::new("latent-end-pinned"),
                // The number names a digit, so it is written without grouping.
                End::Test(d) => Text::new("latent-end-test").with("digit", d.to_string()),
                End::Current => Text::new("latent-end-current"),
            };
            i18n.text(&text.with("end", NAMES[end]))
        }
    };
    let digit_value = move |end: usize| {
        move || match ex.picks[end].get() {
            End::Test(d) => d.to_string(),
            _ => String::new(),
        }
    };
    let explanation = move || {
        let key = match (pinned.get(), ex.size.get()) {
            (true, LatentSize::Two) => tk("latent-interp-explain-pins-2"),
            (true, LatentSize::Sixteen) => tk("latent-interp-explain-pins-16"),
            (false, _) => tk("latent-interp-explain-digits"),
        };
        i18n.t(key)
    };

    // One endpoint's image, what it is, and the ways to choose it.
    let endpoint = move |end: usize| {
        let (name, id) = (NAMES[end], IDS[end]);
        view! {
            <figure>
                {digit_canvas(
                    Signal::derive(move || end_images.with(|e| e[end].clone())),
                    format!("interp-end-{id}"),
                    move || i18n.t_with("latent-end-image", &[("end", name.into())]),
                )}
                <figcaption>
                    <span data-testid=format!("interp-{id}-label")>{end_label(end)}</span><br />
                    <label>{move || i18n.t("latent-end-digit")}" "
                        <input type="number" min="0" max=(n_test - 1).to_string() class="small"
                            data-testid=format!("interp-{id}-digit")
                            aria-label=move || i18n.t_with("latent-end-digit-label", &[("end", name.into())])
                            prop:value=digit_value(end)
                            on:change=move |ev| set_digit(end, event_target_value(&ev)) />
                    </label>
                    <button data-testid=format!("interp-{id}-current") on:click=move |_| choose(end, End::Current)>
                        {move || i18n.t("latent-end-current-button")}
                    </button>
                </figcaption>
            </figure>
        }
    };
    let strip = move |family: Option<Family>| {
        let (name, testid, label) = match family {
            Some(Family::Ae) => (
                tk("latent-strip-ae"),
                "interp-strip-ae",
                tk("latent-strip-ae-label"),
            ),
            Some(Family::Vae) => (
                tk("latent-strip-vae"),
                "interp-strip-vae",
                tk("latent-strip-vae-label"),
            ),
            None => (
                tk("latent-strip-pixels"),
                "interp-strip-pixels",
                tk("latent-strip-pixels-label"),
            ),
        };
        let rows = match family {
            Some(f) => strips[f].into(),
            None => cross_fade,
        };
        view! {
            <span>{move || i18n.t(name)}</span>
            {mosaic_canvas(rows, Signal::derive(move || steps.get() + 1), testid, move || i18n.t(label))}
        }
    };

    view! {
        <section class="interpolation">
            <h2>{move || i18n.t("latent-interp-title")}</h2>
            <p class="explain-line">{move || i18n.t("latent-interp-explain")}</p>
            <Concept
                math=Signal::derive(move || formula::interpolation(Some((step.get(), steps.get(), i18n.lang()))))
                caption=tk("latent-interp-formula")
            />
            <p class="explain-line" data-testid="interp-explanation">{explanation}</p>
            <div class="endpoints">
                {endpoint(0)}
                {endpoint(1)}
                <div class="pins">
                    <p class="caption" data-testid="interp-pin-hint">{pin_hint}</p>
                    <div class="buttons">
                        <button data-testid="interp-from-maps" disabled=move || !ex.pins_ready() on:click=from_pins>
                            {move || i18n.t("latent-interp-from-maps")}
                        </button>
                        <button data-testid="interp-clear-pins" on:click=move |_| {
                            for family in Family::ALL {
                                ex.pins[family].set(Vec::new());
                            }
                        }>
                            {move || i18n.t("latent-clear-pins")}
                        </button>
                    </div>
                </div>
            </div>
            <RangeField
                label=Signal::derive(move || {
                    let (i, n) = (step.get(), steps.get());
                    i18n.t_with("latent-interp-step", &[
                        ("i", i.into()),
                        ("n", n.into()),
                        ("t", num(i as f64 / n as f64, 2)),
                    ])
                })
                testid="interp-slider"
                value=Signal::derive(move || step.get() as f64 / steps.get() as f64)
                min=0.0 max=1.0 step=0.01
                on_value=Callback::new(move |v: f64| {
                    let n = steps.get_untracked();
                    t.set(step_of(v as f32, n) as f32 / n as f32);
                })
            />
            <div class="row">
                <figure>
                    {digit_canvas(at_t.ae.into(), "interp-ae".into(), move || i18n.t("latent-interp-ae-label"))}
                    <figcaption>{move || i18n.t("latent-interp-ae-caption")}</figcaption>
                </figure>
                <figure>
                    {digit_canvas(at_t.vae.into(), "interp-vae".into(), move || i18n.t("latent-interp-vae-label"))}
                    <figcaption>{move || i18n.t("latent-interp-vae-caption")}</figcaption>
                </figure>
            </div>
            <RangeField
                label=Signal::derive(move || {
                    let n = steps.get();
                    i18n.t_with("latent-interp-n", &[("n", n.into()), ("count", (n + 1).into())])
                })
                testid="interp-n"
                value=Signal::derive(move || steps.get() as f64)
                min=STEPS_MIN as f64 max=STEPS_MAX as f64 step=1.0
                live=false
                on_value=Callback::new(move |v: f64| {
                    // The slider keeps its place along the line: the nearest step of the new N.
                    let fraction = t.get_untracked();
                    let n = v.round() as usize;
                    steps.set(n);
                    t.set(step_of(fraction, n) as f32 / n as f32);
                })
            />
            <div class="strips">
                {strip(Some(Family::Ae))}
                {strip(Some(Family::Vae))}
                {strip(None)}
            </div>
        </section>
    }
}
