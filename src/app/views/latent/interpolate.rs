//! Interpolation between two codes, h_i = h1 + (h2 − h1)·i/N, for the AE and the VAE side by
//! side, against a cross-fade in pixel space. Two digits are interpolated with the 16-D models;
//! two points pinned on the maps with the maps' own models.

use leptos::prelude::*;

use super::Explorer;
use crate::analysis::latent::{interpolation_path, lerp};
use crate::app::components::digit_canvas::{DigitCanvas, MosaicCanvas};
use crate::app::components::fields::RangeField;
use crate::app::engine::{Family, LatentSize, PerFamily};
use crate::app::web::runner::LatestRunner;

/// Digit endpoints are interpolated with these models.
const DIGIT_SIZE: LatentSize = LatentSize::Sixteen;

/// Where the endpoints come from.
#[derive(Clone, Debug, PartialEq)]
enum Source {
    /// Two images (test digits or the current digit), encoded with the 16-D models.
    Images([Vec<f32>; 2]),
    /// The points pinned on the maps, as codes of the maps' size.
    Pins(LatentSize),
}

#[component]
pub fn Interpolation(ex: Explorer) -> impl IntoView {
    let lab = ex.lab;
    let n_test = lab.with(|r| r.data.test.len());
    let first = lab.with(|r| [r.data.test.image(0), r.data.test.image(1)]);
    // The endpoint images shown: the digits themselves, or the VAE's decodings of the pins.
    let end_images = RwSignal::new(first.clone().map(Some));
    let source = RwSignal::new(Source::Images(first));
    // What each endpoint field says.
    let digits = RwSignal::new([Some(0usize), Some(1usize)]);
    let t = RwSignal::new(0.5f32);
    let steps = RwSignal::new(8usize);
    let at_t = PerFamily::new(|_| RwSignal::new(None::<Vec<f32>>));
    let strips = PerFamily::new(|_| RwSignal::new(Vec::<Vec<f32>>::new()));

    // The endpoints as codes of both families.
    let enc_runner = LatestRunner::new();
    Effect::new(move |_| {
        enc_runner.submit(source.get(), move |source| async move {
            match source {
                Source::Images(images) => {
                    let mut next = PerFamily::<[Option<Vec<f32>>; 2]>::default();
                    for (end, img) in images.iter().enumerate() {
                        let outcome = ex.encode_both(DIGIT_SIZE, img.clone()).await;
                        if let Some(codes) = ex
                            .errors
                            .check("Encoding the interpolation endpoints", outcome)
                        {
                            for family in Family::ALL {
                                next[family][end] = Some(codes[family].mean.clone());
                            }
                        }
                    }
                    ex.ends.try_set(next);
                }
                Source::Pins(size) => {
                    let pins = ex.pins.get_untracked();
                    ex.ends.try_set(PerFamily::new(|family| {
                        [pins[family].first().cloned(), pins[family].get(1).cloned()]
                    }));
                    let codes = pins.vae.concat();
                    let outcome = ex.decode(Family::Vae, size, codes).await;
                    if let Some(img) = ex.errors.check("Decoding the pinned points", outcome)
                        && img.len() == 2 * crate::PIXELS
                    {
                        let (a, b) = img.split_at(crate::PIXELS);
                        end_images.try_set([Some(a.to_vec()), Some(b.to_vec())]);
                    }
                }
            }
        });
    });
    // Pins of another size no longer exist: go back to the digits.
    Effect::new(move |_| {
        let size = ex.size.get();
        if matches!(source.get_untracked(), Source::Pins(s) if s != size) {
            let [a, b] = digits.get_untracked().map(|d| d.unwrap_or(0));
            let images = lab.with(|r| [r.data.test.image(a), r.data.test.image(b)]);
            end_images.set(images.clone().map(Some));
            source.set(Source::Images(images));
            digits.set([Some(a), Some(b)]);
        }
    });

    // Decode the point at t and the strip whenever the endpoints, t or N change.
    let dec_runner = LatestRunner::new();
    Effect::new(move |_| {
        let job = (ex.ends.get(), t.get(), steps.get());
        dec_runner.submit(job, move |(ends, t, n)| async move {
            for family in Family::ALL {
                let [Some(a), Some(b)] = &ends[family] else {
                    continue;
                };
                let Some(size) = LatentSize::of_dim(a.len()) else {
                    continue;
                };
                let outcome = ex.decode(family, size, lerp(a, b, t)).await;
                if let Some(img) = ex.errors.check("Decoding the interpolation", outcome) {
                    at_t[family].try_set(Some(img));
                }
                let outcome = ex.decode(family, size, interpolation_path(a, b, n)).await;
                if let Some(strip) = ex.errors.check("Decoding the interpolation strip", outcome) {
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
    // A digit typed for an endpoint (images of the current source are kept for the other end).
    let set_end = move |end: usize, image: Vec<f32>, digit: Option<usize>| {
        let mut images = match source.get_untracked() {
            Source::Images(images) => images,
            Source::Pins(_) => {
                let [a, b] = digits.get_untracked().map(|d| d.unwrap_or(0));
                lab.with(|r| [r.data.test.image(a), r.data.test.image(b)])
            }
        };
        images[end] = image;
        digits.update(|d| d[end] = digit);
        end_images.set(images.clone().map(Some));
        source.set(Source::Images(images));
    };
    let set_digit = move |end: usize, value: String| {
        if let Ok(i) = value.trim().parse::<usize>() {
            let i = i.min(n_test - 1);
            set_end(end, lab.with(|r| r.data.test.image(i)), Some(i));
        }
    };
    let pin_counts = move || ex.pins.with(|p| (p.ae.len(), p.vae.len()));
    let pins_ready = move || pin_counts() == (2, 2);
    let pin_hint = move || {
        let (ae, vae) = pin_counts();
        if pins_ready() {
            "Both maps have A and B: interpolate between them with the maps' own models."
                .to_string()
        } else {
            format!(
                "To interpolate between points of the maps, click two points on each map: A, then B \
                 (autoencoder map {ae} of 2, VAE map {vae} of 2)."
            )
        }
    };
    let end_label = move |end: usize| {
        move || match (source.get(), digits.get()[end]) {
            (Source::Pins(_), _) => format!("{}: pinned on the maps", ["A", "B"][end]),
            (_, Some(d)) => format!("{}: test digit #{d}", ["A", "B"][end]),
            (_, None) => format!("{}: the current digit", ["A", "B"][end]),
        }
    };
    let digit_value =
        move |end: usize| move || digits.get()[end].map(|d| d.to_string()).unwrap_or_default();
    let explanation = move || match source.get() {
        Source::Pins(LatentSize::Two) => {
            "These endpoints are points of the 2-D maps: the straight line between them crosses \
            the regions of other classes on the map, so the decoded digits pass through those classes on the way."
        }
        Source::Pins(LatentSize::Sixteen) => {
            "These endpoints were pinned on the 16-D maps (a 2-D view of 16-D codes): the \
            line runs through the 16-D space, so it can pass regions that the projection hides."
        }
        Source::Images(_) => {
            "Two digits are interpolated with the 16-D models: the VAE's continuous space tends to morph \
            one digit into the other; the autoencoder's codes have gaps, where images blur or jump."
        }
    };

    // One endpoint's image, what it is, and the ways to choose it.
    let endpoint = move |end: usize| {
        let (name, id) = (["A", "B"][end], ["a", "b"][end]);
        view! {
            <figure>
                <DigitCanvas
                    pixels=Signal::derive(move || end_images.with(|e| e[end].clone()))
                    testid=format!("interp-end-{id}")
                    label=format!("Endpoint {name}")
                />
                <figcaption>
                    <span data-testid=format!("interp-{id}-label")>{end_label(end)}</span><br />
                    <label>"test digit # "
                        <input type="number" min="0" max=(n_test - 1).to_string() class="small"
                            data-testid=format!("interp-{id}-digit")
                            aria-label=format!("Endpoint {name}: test digit number")
                            prop:value=digit_value(end)
                            on:change=move |ev| set_digit(end, event_target_value(&ev)) />
                    </label>
                    <button data-testid=format!("interp-{id}-current") on:click=move |_| set_end(end, ex.current.get_untracked(), None)>
                        "current digit"
                    </button>
                </figcaption>
            </figure>
        }
    };

    view! {
        <section class="interpolation">
            <h2>"Interpolation"</h2>
            <p class="explain-line">
                "Walk in a straight line between two codes, h_i = h1 + (h2 − h1)·i/N, and decode every step. "
                "The bottom strip cross-fades the pixels instead, for contrast: two digits superimposed, not one digit turning into another."
            </p>
            <p class="explain-line" data-testid="interp-explanation">{explanation}</p>
            <div class="endpoints">
                {endpoint(0)}
                {endpoint(1)}
                <div class="pins">
                    <p class="caption" data-testid="interp-pin-hint">{pin_hint}</p>
                    <div class="buttons">
                        <button data-testid="interp-from-maps" disabled=move || !pins_ready()
                            on:click=move |_| source.set(Source::Pins(ex.size.get_untracked()))>
                            "Interpolate between the pins A and B"
                        </button>
                        <button data-testid="interp-clear-pins" on:click=move |_| ex.pins.set(PerFamily::default())>
                            "Clear the pins"
                        </button>
                    </div>
                </div>
            </div>
            <RangeField
                label=Signal::derive(move || format!("t = {:.2}", t.get()))
                testid="interp-slider"
                value=Signal::derive(move || t.get() as f64)
                min=0.0 max=1.0 step=0.01
                on_value=Callback::new(move |v: f64| t.set(v as f32))
            />
            <div class="row">
                <figure>
                    <DigitCanvas pixels=at_t.ae testid="interp-ae" label="Autoencoder decoding at t" />
                    <figcaption>"Autoencoder g(h(t))"</figcaption>
                </figure>
                <figure>
                    <DigitCanvas pixels=at_t.vae testid="interp-vae" label="VAE decoding at t" />
                    <figcaption>"VAE g(z(t))"</figcaption>
                </figure>
            </div>
            <RangeField
                label=Signal::derive(move || format!("N = {} steps: a strip of N + 1 = {} images", steps.get(), steps.get() + 1))
                testid="interp-n"
                value=Signal::derive(move || steps.get() as f64)
                min=2.0 max=16.0 step=1.0
                live=false
                on_value=Callback::new(move |v: f64| steps.set(v as usize))
            />
            <div class="strips">
                <span>"AE"</span>
                <MosaicCanvas rows=strips.ae cols=Signal::derive(move || steps.get() + 1) testid="interp-strip-ae"
                    label="The autoencoder's decodings along the line from A to B" />
                <span>"VAE"</span>
                <MosaicCanvas rows=strips.vae cols=Signal::derive(move || steps.get() + 1) testid="interp-strip-vae"
                    label="The VAE's decodings along the line from A to B" />
                <span>"pixels"</span>
                <MosaicCanvas rows=cross_fade cols=Signal::derive(move || steps.get() + 1) testid="interp-strip-pixels"
                    label="A pixel cross-fade from A to B, for contrast" />
            </div>
        </section>
    }
}
