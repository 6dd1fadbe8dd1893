//! Attribute vectors, the MNIST counterpart of the course's "smile vector": h_dif = mean code of
//! the digits high in an attribute − mean code of those low in it, applied as h + α·h_dif.

use leptos::prelude::*;

use super::Explorer;
use crate::analysis::attributes::Attribute;
use crate::analysis::latent::{apply_attribute, attribute_vector, class_vector};
use crate::app::digit_canvas::DigitCanvas;
use crate::app::inference::{Family, LatentSize};
use crate::app::runner::LatestRunner;

/// A measured attribute, or a digit class.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Choice {
    Measured(Attribute),
    Class(u8),
}

impl Choice {
    fn parse(s: &str) -> Self {
        match s.strip_prefix("class-").and_then(|k| k.parse().ok()) {
            Some(k) => Choice::Class(k),
            None => Choice::Measured(
                Attribute::ALL
                    .into_iter()
                    .find(|a| a.slug() == s)
                    .unwrap_or(Attribute::Thickness),
            ),
        }
    }
}

/// h_dif for `choice` from codes of the test split (`dim` values each).
fn direction(
    choice: Choice,
    codes: &[f32],
    dim: usize,
    labels: &[u8],
    scores: &[Vec<f32>; 3],
) -> Vec<f32> {
    match choice {
        Choice::Measured(a) => {
            let k = Attribute::ALL.iter().position(|&x| x == a).unwrap_or(0);
            attribute_vector(codes, dim, &scores[k], 0.25)
        }
        Choice::Class(c) => class_vector(codes, dim, labels, c),
    }
}

#[component]
pub fn Attributes(ex: Explorer, size: RwSignal<LatentSize>) -> impl IntoView {
    let lab = ex.lab.clone();
    // Each attribute measured on every test digit, once.
    let images = lab.data.test.all_images();
    let scores: [Vec<f32>; 3] = Attribute::ALL.map(|a| {
        images
            .chunks(crate::PIXELS)
            .map(|img| a.measure(img))
            .collect()
    });
    let scores = StoredValue::new(scores);
    let labels = StoredValue::new(lab.data.test.labels.clone());
    let choice = RwSignal::new(Choice::Measured(Attribute::Thickness));
    let alpha = RwSignal::new(0.0f32);
    let outputs = [
        RwSignal::new(None::<Vec<f32>>),
        RwSignal::new(None::<Vec<f32>>),
    ];
    let (data, codes) = (ex.data, ex.current_codes);
    let runner = LatestRunner::new();
    Effect::new(move |_| {
        let (Some(d), Some((ae, vae)), c, a) = (data.get(), codes.get(), choice.get(), alpha.get())
        else {
            return;
        };
        if ae.dim != d.size.dim() {
            return;
        }
        let ex = ex.clone();
        runner.submit((d, ae, vae, c, a), move |(d, ae, vae, c, a)| {
            let ex = ex.clone();
            async move {
                for (family, h) in [(Family::Ae, &ae.mean), (Family::Vae, &vae.mean)] {
                    let space = d.space(family);
                    let dif = labels.with_value(|l| {
                        scores
                            .with_value(|s| direction(c, &space.codes.mean, space.codes.dim, l, s))
                    });
                    if let Ok(img) = ex.decode(family, d.size, apply_attribute(h, &dif, a)).await {
                        outputs[family as usize].try_set(Some(img));
                    }
                }
            }
        });
    });
    let measured = move |k: usize| {
        move || match choice.get() {
            Choice::Measured(a) => outputs[k].with(|o| {
                o.as_ref()
                    .map(|img| format!("{}: {:.2}", a.slug(), a.measure(img)))
            }),
            Choice::Class(_) => None,
        }
    };
    view! {
        <section class="attributes">
            <h2>"Attribute vectors"</h2>
            <p class="explain-line">
                "Like the smile vector of faces: take the mean code of the test digits highest in an attribute, subtract the mean "
                "code of the lowest (a quarter each), h_dif = h_high − h_low, and move the current digit along it: h_new = h + α·h_dif. "
                "For a class, h_dif = mean code of that class − mean code of the others."
            </p>
            <label>
                "Attribute "
                <select data-testid="attr-select" on:change=move |ev| choice.set(Choice::parse(&event_target_value(&ev)))>
                    <option value="thickness">"stroke thickness"</option>
                    <option value="slant">"slant"</option>
                    <option value="width">"width"</option>
                    {(0..10).map(|k| view! { <option value=format!("class-{k}")>{format!("class {k}")}</option> }).collect_view()}
                </select>
            </label>
            <label>
                {move || format!("α = {:+.1}", alpha.get())}
                <input type="range" min="-3" max="3" step="0.1" data-testid="attr-slider"
                    prop:value=move || alpha.get().to_string()
                    on:input=move |ev| alpha.set(event_target_value(&ev).parse().unwrap_or(0.0)) />
            </label>
            <div class="row">
                <figure>
                    <DigitCanvas pixels=outputs[1] testid="attr-output" label="VAE with the attribute applied" />
                    <figcaption>"VAE g(h + α·h_dif)"<br />{measured(1)}</figcaption>
                </figure>
                <figure>
                    <DigitCanvas pixels=outputs[0] testid="attr-output-ae" label="Autoencoder with the attribute applied" />
                    <figcaption>"Autoencoder"<br />{measured(0)}</figcaption>
                </figure>
            </div>
            <p class="caption">{move || format!("Using the {}-D models.", size.get().dim())}</p>
        </section>
    }
}
