//! Generation: decoding samples of z from the VAE's prior, and of h from a Gaussian fitted to the
//! autoencoder's codes.

use leptos::prelude::*;

use super::Explorer;
use crate::PIXELS;
use crate::analysis::latent::sample_prior;
use crate::app::components::digit_canvas::MosaicCanvas;
use crate::app::engine::{Family, PerFamily};
use crate::app::web::random_seed;
use crate::app::web::runner::LatestRunner;

/// Samples per side of a generated grid (8 × 8).
pub const GRID: usize = 8;

/// Images one after another, split into rows of `cols`.
pub fn rows(images: Vec<f32>, cols: usize) -> Vec<Vec<f32>> {
    images.chunks(cols * PIXELS).map(<[f32]>::to_vec).collect()
}

#[component]
pub fn Generation(ex: Explorer) -> impl IntoView {
    let seed = RwSignal::new(1u64);
    let grids = PerFamily::new(|_| RwSignal::new(Vec::<Vec<f32>>::new()));
    let runner = LatestRunner::new();
    Effect::new(move |_| {
        let (Some(d), seed) = (ex.data.get(), seed.get()) else {
            return;
        };
        runner.submit((d, seed), move |(d, seed)| async move {
            let count = GRID * GRID;
            let samples = PerFamily {
                ae: d.ae_gaussian.sample(count, seed),
                vae: sample_prior(count, d.size.dim(), seed),
            };
            for family in [Family::Vae, Family::Ae] {
                let outcome = ex
                    .decode_batch(family, d.size, samples[family].clone())
                    .await;
                if let Some(img) = ex.errors.check("Decoding the generated samples", outcome) {
                    grids[family].try_set(rows(img, GRID));
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
            <button data-testid="sample-reroll" on:click=move |_| seed.set(random_seed(1_000_000_000))>"New samples"</button>
            <span class="caption">{move || format!(" seed {} · {}-D latent", seed.get(), ex.size.get().dim())}</span>
            <div class="map-row">
                <figure>
                    <MosaicCanvas rows=grids.vae cols=GRID testid="sample-grid-vae" />
                    <figcaption>"VAE: g(z), z ~ N(0, I)"</figcaption>
                </figure>
                <figure>
                    <MosaicCanvas rows=grids.ae cols=GRID testid="sample-grid-ae" />
                    <figcaption>"Autoencoder: g(h), h ~ Gaussian fitted to its codes"</figcaption>
                </figure>
            </div>
        </section>
    }
}
