//! Interpolation between two codes, h_i = h1 + (h2 − h1)·i/N, for the AE and the VAE side by
//! side, against a cross-fade in pixel space.

use leptos::prelude::*;

use super::Explorer;
use crate::analysis::latent::{interpolation_path, lerp};
use crate::app::digit_canvas::{DigitCanvas, MosaicCanvas};
use crate::app::inference::{Family, LatentSize};
use crate::app::runner::LatestRunner;

#[component]
pub fn Interpolation(ex: Explorer, size: RwSignal<LatentSize>) -> impl IntoView {
    let lab = ex.lab.clone();
    let n_test = lab.data.test.len();
    // Endpoint images (None when an endpoint was pinned on a map).
    let images = RwSignal::new([Some(lab.data.test.image(0)), Some(lab.data.test.image(1))]);
    let t = RwSignal::new(0.5f32);
    let steps = RwSignal::new(8usize);
    let at_t = [
        RwSignal::new(None::<Vec<f32>>),
        RwSignal::new(None::<Vec<f32>>),
    ];
    let strips = [
        RwSignal::new(Vec::<Vec<f32>>::new()),
        RwSignal::new(Vec::<Vec<f32>>::new()),
    ];
    let ends = ex.ends;

    // Encode image endpoints with both models of the current size.
    let enc_ex = ex.clone();
    let enc_runner = LatestRunner::new();
    Effect::new(move |_| {
        let (imgs, s) = (images.get(), size.get());
        let ex = enc_ex.clone();
        enc_runner.submit((imgs, s), move |(imgs, s)| {
            let ex = ex.clone();
            async move {
                if imgs.iter().all(Option::is_none) {
                    return; // endpoints pinned on the maps: nothing to encode
                }
                let mut next: [[Option<Vec<f32>>; 2]; 2] = Default::default();
                for (end, img) in imgs.iter().enumerate() {
                    let Some(img) = img else { continue };
                    if let Ok((ae, vae)) = ex.encode_both(s, img.clone()).await {
                        next[0][end] = Some(ae.mean);
                        next[1][end] = Some(vae.mean);
                    }
                }
                ends.try_set(next);
            }
        });
    });

    // Decode the point at t and the strip whenever the endpoints, t or N change.
    let dec_ex = ex.clone();
    let dec_runner = LatestRunner::new();
    Effect::new(move |_| {
        let (e, t, n, s) = (ends.get(), t.get(), steps.get(), size.get());
        let ex = dec_ex.clone();
        dec_runner.submit((e, t, n, s), move |(e, t, n, s)| {
            let ex = ex.clone();
            async move {
                for family in [Family::Ae, Family::Vae] {
                    let k = family as usize;
                    let [Some(a), Some(b)] = &e[k] else { continue };
                    if a.len() != s.dim() {
                        continue;
                    }
                    if let Ok(img) = ex.decode(family, s, lerp(a, b, t)).await {
                        at_t[k].try_set(Some(img));
                    }
                    if let Ok(strip) = ex.decode(family, s, interpolation_path(a, b, n)).await {
                        strips[k].try_set(vec![strip]);
                    }
                }
            }
        });
    });

    let cross_fade = Signal::derive(move || {
        let n = steps.get();
        match images.get() {
            [Some(a), Some(b)] => vec![
                (0..=n)
                    .flat_map(|i| lerp(&a, &b, i as f32 / n as f32))
                    .collect::<Vec<f32>>(),
            ],
            _ => Vec::new(),
        }
    });
    let set_digit = move |end: usize, value: String| {
        if let Ok(i) = value.parse::<usize>() {
            let i = i.min(n_test - 1);
            images.update(|imgs| imgs[end] = Some(lab.data.test.image(i)));
        }
    };
    let set_digit_b = set_digit.clone();
    let current = ex.current;
    let pins = ex.pins;
    let from_maps = move |_| {
        let p = pins.get_untracked();
        if p.iter().all(|pins| pins.len() == 2) {
            images.set([None, None]);
            ends.set([
                [Some(p[0][0].clone()), Some(p[0][1].clone())],
                [Some(p[1][0].clone()), Some(p[1][1].clone())],
            ]);
        }
    };
    let pins_ready = move || pins.with(|p| p.iter().all(|pins| pins.len() == 2));
    let end_image = move |end: usize| Signal::derive(move || images.with(|imgs| imgs[end].clone()));

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
                        <button data-testid="interp-a-current" on:click=move |_| images.update(|imgs| imgs[0] = Some(current.get_untracked()))>
                            "current digit"
                        </button>
                    </figcaption>
                </figure>
                <figure>
                    <DigitCanvas pixels=end_image(1) testid="interp-end-b" label="Endpoint B" />
                    <figcaption>
                        "B: test digit #"
                        <input type="number" min="0" class="small" data-testid="interp-b-digit" value="1"
                            on:change=move |ev| set_digit_b(1, event_target_value(&ev)) />
                    </figcaption>
                </figure>
                <button data-testid="interp-from-maps" disabled=move || !pins_ready() on:click=from_maps>
                    "Use the last two points clicked on each map"
                </button>
            </div>
            <label>
                {move || format!("t = {:.2}", t.get())}
                <input type="range" min="0" max="1" step="0.01" data-testid="interp-slider"
                    prop:value=move || t.get().to_string()
                    on:input=move |ev| t.set(event_target_value(&ev).parse().unwrap_or(0.5)) />
            </label>
            <div class="row">
                <figure>
                    <DigitCanvas pixels=at_t[0] testid="interp-ae" label="AE decoding at t" />
                    <figcaption>"Autoencoder g(h(t))"</figcaption>
                </figure>
                <figure>
                    <DigitCanvas pixels=at_t[1] testid="interp-vae" label="VAE decoding at t" />
                    <figcaption>"VAE g(z(t))"</figcaption>
                </figure>
            </div>
            <label>
                {move || format!("Strip of N + 1 = {} images", steps.get() + 1)}
                <input type="range" min="2" max="16" step="1" data-testid="interp-n"
                    prop:value=move || steps.get().to_string()
                    on:change=move |ev| steps.set(event_target_value(&ev).parse().unwrap_or(8)) />
            </label>
            <div class="strips">
                <span>"AE"</span>
                <MosaicCanvas rows=strips[0] cols=Signal::derive(move || steps.get() + 1) testid="interp-strip-ae" />
                <span>"VAE"</span>
                <MosaicCanvas rows=strips[1] cols=Signal::derive(move || steps.get() + 1) testid="interp-strip-vae" />
                <span>"pixels"</span>
                <MosaicCanvas rows=cross_fade cols=Signal::derive(move || steps.get() + 1) testid="interp-strip-pixels" />
            </div>
        </section>
    }
}
