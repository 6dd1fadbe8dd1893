//! Interpolation between two codes, h_i = h1 + (h2 − h1)·i/N, for the AE and the VAE side by
//! side, against a cross-fade in pixel space.

use leptos::prelude::*;

use super::Explorer;
use crate::analysis::latent::{interpolation_path, lerp};
use crate::app::components::digit_canvas::{DigitCanvas, MosaicCanvas};
use crate::app::components::fields::RangeField;
use crate::app::engine::{Family, PerFamily};
use crate::app::web::runner::LatestRunner;

#[component]
pub fn Interpolation(ex: Explorer) -> impl IntoView {
    let lab = ex.lab;
    let n_test = lab.with(|r| r.data.test.len());
    // Endpoint images (None when the endpoints were pinned on the maps).
    let images =
        RwSignal::new(lab.with(|r| [Some(r.data.test.image(0)), Some(r.data.test.image(1))]));
    let t = RwSignal::new(0.5f32);
    let steps = RwSignal::new(8usize);
    let at_t = PerFamily::new(|_| RwSignal::new(None::<Vec<f32>>));
    let strips = PerFamily::new(|_| RwSignal::new(Vec::<Vec<f32>>::new()));

    // Encode image endpoints with both models of the current size.
    let enc_runner = LatestRunner::new();
    Effect::new(move |_| {
        let job = (images.get(), ex.size.get());
        enc_runner.submit(job, move |(imgs, size)| async move {
            if imgs.iter().all(Option::is_none) {
                return; // endpoints pinned on the maps: nothing to encode
            }
            let mut next = PerFamily::<[Option<Vec<f32>>; 2]>::default();
            for (end, img) in imgs.iter().enumerate() {
                let Some(img) = img else { continue };
                let outcome = ex.encode_both(size, img.clone()).await;
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
        });
    });

    // Decode the point at t and the strip whenever the endpoints, t or N change.
    let dec_runner = LatestRunner::new();
    Effect::new(move |_| {
        let job = (ex.ends.get(), t.get(), steps.get(), ex.size.get());
        dec_runner.submit(job, move |(ends, t, n, size)| async move {
            for family in Family::ALL {
                let [Some(a), Some(b)] = &ends[family] else {
                    continue;
                };
                if a.len() != size.dim() {
                    continue;
                }
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
        match images.get() {
            [Some(a), Some(b)] => vec![interpolation_path(&a, &b, n)],
            _ => Vec::new(),
        }
    });
    let set_digit = move |end: usize, value: String| {
        if let Ok(i) = value.trim().parse::<usize>() {
            let image = lab.with(|r| r.data.test.image(i.min(n_test - 1)));
            images.update(|imgs| imgs[end] = Some(image));
        }
    };
    let pins_ready = move || ex.pins.with(|p| p.ae.len() == 2 && p.vae.len() == 2);
    let from_maps = move |_| {
        if !pins_ready() {
            return;
        }
        let p = ex.pins.get_untracked();
        images.set([None, None]);
        ex.ends.set(PerFamily::new(|family| {
            [Some(p[family][0].clone()), Some(p[family][1].clone())]
        }));
    };
    let end_image = move |end: usize| Signal::derive(move || images.with(|imgs| imgs[end].clone()));
    let strip_cols = Signal::derive(move || steps.get() + 1);

    view! {
        <section class="interpolation">
            <h2>"Interpolation"</h2>
            <p class="explain-line">
                "Walk in a straight line between two codes, h(t) = h1 + (h2 − h1)·t, and decode every step. Through the "
                "autoencoder's gaps the images break down or jump; through the VAE's continuous space they morph smoothly. "
                "The bottom strip cross-fades the pixels instead, for contrast: two digits superimposed, not one digit turning into another."
            </p>
            <div class="endpoints">
                <figure>
                    <DigitCanvas pixels=end_image(0) testid="interp-end-a" label="Endpoint A" />
                    <figcaption>
                        "A: test digit #"
                        <input type="number" min="0" class="small" data-testid="interp-a-digit" value="0"
                            on:change=move |ev| set_digit(0, event_target_value(&ev)) />
                        <button data-testid="interp-a-current" on:click=move |_| {
                            let current = ex.current.get_untracked();
                            images.update(|imgs| imgs[0] = Some(current));
                        }>
                            "current digit"
                        </button>
                    </figcaption>
                </figure>
                <figure>
                    <DigitCanvas pixels=end_image(1) testid="interp-end-b" label="Endpoint B" />
                    <figcaption>
                        "B: test digit #"
                        <input type="number" min="0" class="small" data-testid="interp-b-digit" value="1"
                            on:change=move |ev| set_digit(1, event_target_value(&ev)) />
                    </figcaption>
                </figure>
                <button data-testid="interp-from-maps" disabled=move || !pins_ready() on:click=from_maps>
                    "Use the last two points clicked on each map"
                </button>
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
                    <DigitCanvas pixels=at_t.ae testid="interp-ae" label="AE decoding at t" />
                    <figcaption>"Autoencoder g(h(t))"</figcaption>
                </figure>
                <figure>
                    <DigitCanvas pixels=at_t.vae testid="interp-vae" label="VAE decoding at t" />
                    <figcaption>"VAE g(z(t))"</figcaption>
                </figure>
            </div>
            <RangeField
                label=Signal::derive(move || format!("Strip of N + 1 = {} images", steps.get() + 1))
                testid="interp-n"
                value=Signal::derive(move || steps.get() as f64)
                min=2.0 max=16.0 step=1.0
                live=false
                on_value=Callback::new(move |v: f64| steps.set(v as usize))
            />
            <div class="strips">
                <span>"AE"</span>
                <MosaicCanvas rows=strips.ae cols=strip_cols testid="interp-strip-ae" />
                <span>"VAE"</span>
                <MosaicCanvas rows=strips.vae cols=strip_cols testid="interp-strip-vae" />
                <span>"pixels"</span>
                <MosaicCanvas rows=cross_fade cols=strip_cols testid="interp-strip-pixels" />
            </div>
        </section>
    }
}
