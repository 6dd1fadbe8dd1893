//! Generation (decoding samples of z) and the reparameterisation trick z = μ + σ·ε.

use leptos::prelude::*;

use super::Explorer;
use crate::PIXELS;
use crate::analysis::latent::sample_prior;
use crate::app::digit_canvas::MosaicCanvas;
use crate::app::inference::{Family, LatentSize};
use crate::app::runner::LatestRunner;
use crate::rng::{seeded, standard_normal_vec};

/// Samples in a generated grid (8 × 8).
const GRID: usize = 8;

fn fresh_seed() -> u64 {
    (js_sys::Math::random() * 1e9) as u64
}

/// Images one after another, split into rows of `cols`.
fn rows(images: Vec<f32>, cols: usize) -> Vec<Vec<f32>> {
    images.chunks(cols * PIXELS).map(<[f32]>::to_vec).collect()
}

#[component]
pub fn Generation(ex: Explorer, size: RwSignal<LatentSize>) -> impl IntoView {
    let seed = RwSignal::new(1u64);
    let grids = [
        RwSignal::new(Vec::<Vec<f32>>::new()),
        RwSignal::new(Vec::<Vec<f32>>::new()),
    ];
    let data = ex.data;
    let runner = LatestRunner::new();
    Effect::new(move |_| {
        let (Some(d), seed) = (data.get(), seed.get()) else {
            return;
        };
        let ex = ex.clone();
        runner.submit((d, seed), move |(d, seed)| {
            let ex = ex.clone();
            async move {
                let count = GRID * GRID;
                let vae_z = sample_prior(count, d.size.dim(), seed);
                let ae_z = d.ae_gaussian.sample(count, seed);
                if let Ok(img) = ex.decode_batch(Family::Vae, d.size, vae_z).await {
                    grids[1].try_set(rows(img, GRID));
                }
                if let Ok(img) = ex.decode_batch(Family::Ae, d.size, ae_z).await {
                    grids[0].try_set(rows(img, GRID));
                }
            }
        });
    });
    view! {
        <section class="generation">
            <h2>"Generation"</h2>
            <p class="explain-line">
                "A VAE is generative: its prior is N(0, I), so decoding z ~ N(0, I) gives new digits. An autoencoder has no "
                "prior; the best we can do is draw h from a Gaussian fitted to its codes, and many of those land in its gaps."
            </p>
            <button data-testid="sample-reroll" on:click=move |_| seed.set(fresh_seed())>"New samples"</button>
            <span class="caption">{move || format!(" seed {} · {}-D latent", seed.get(), size.get().dim())}</span>
            <div class="map-row">
                <figure>
                    <MosaicCanvas rows=grids[1] cols=GRID testid="sample-grid-vae" />
                    <figcaption>"VAE: g(z), z ~ N(0, I)"</figcaption>
                </figure>
                <figure>
                    <MosaicCanvas rows=grids[0] cols=GRID testid="sample-grid-ae" />
                    <figcaption>"Autoencoder: g(h), h ~ Gaussian fitted to its codes"</figcaption>
                </figure>
            </div>
        </section>
    }
}

#[component]
pub fn Reparameterisation(ex: Explorer, size: RwSignal<LatentSize>) -> impl IntoView {
    let seed = RwSignal::new(7u64);
    let samples = RwSignal::new(Vec::<Vec<f32>>::new());
    let first_z = RwSignal::new(None::<Vec<f32>>);
    let codes = ex.current_codes;
    let runner = LatestRunner::new();
    Effect::new(move |_| {
        let (Some((_, vae)), seed, s) = (codes.get(), seed.get(), size.get()) else {
            return;
        };
        let ex = ex.clone();
        runner.submit((vae, seed, s), move |(vae, seed, s)| {
            let ex = ex.clone();
            async move {
                let (Some(log_var), dim) = (vae.log_var.as_ref(), vae.dim) else {
                    return;
                };
                if dim != s.dim() {
                    return;
                }
                let eps = standard_normal_vec(&mut seeded(seed), GRID * dim);
                let mu = &vae.mean;
                let z: Vec<f32> = eps
                    .chunks(dim)
                    .flat_map(|e| (0..dim).map(move |j| mu[j] + (log_var[j] * 0.5).exp() * e[j]))
                    .collect();
                first_z.try_set(Some(z[..dim].to_vec()));
                if let Ok(img) = ex.decode(Family::Vae, s, z).await {
                    samples.try_set(vec![img]);
                }
            }
        });
    });
    let table = move || {
        codes.get().and_then(|(_, vae)| {
            let log_var = vae.log_var?;
            let z = first_z.get().unwrap_or_default();
            Some(view! {
                <table class="reparam" data-testid="reparam-table">
                    <tr><th>""</th>{(1..=vae.dim).map(|j| view! { <th>{format!("z{j}")}</th> }).collect_view()}</tr>
                    <tr><th>"μ"</th>{vae.mean.iter().map(|m| view! { <td>{format!("{m:.2}")}</td> }).collect_view()}</tr>
                    <tr><th>"σ"</th>{log_var.iter().map(|l| view! { <td>{format!("{:.2}", (l * 0.5).exp())}</td> }).collect_view()}</tr>
                    <tr><th>"z"</th>{z.iter().map(|v| view! { <td>{format!("{v:.2}")}</td> }).collect_view()}</tr>
                </table>
            })
        })
    };
    view! {
        <section class="reparameterisation">
            <h2>"Reparameterisation: z = μ + σ·ε"</h2>
            <p class="explain-line">
                "The VAE's encoder gives μ and σ for the current digit; sampling ε ~ N(0, I) and computing z = μ + σ·ε keeps the "
                "randomness outside the network, so gradients flow through μ and σ. Each ε below decodes to a slightly different digit."
            </p>
            {table}
            <button data-testid="resample-eps" on:click=move |_| seed.set(fresh_seed())>"Resample ε"</button>
            <MosaicCanvas rows=samples cols=GRID testid="reparam-samples" />
        </section>
    }
}
