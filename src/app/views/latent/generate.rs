//! Generation: decoding samples of z from the VAE's prior, and of h from a Gaussian fitted to the
//! autoencoder's codes.
//!
//! Link key: `gs` (the samples' seed, 0–999999999).

use leptos::prelude::*;

use super::{Explorer, mosaic_canvas};
use crate::PIXELS;
use crate::analysis::latent::sample_prior;
use crate::app::components::formula::Concept;
use crate::app::engine::{Family, PerFamily};
use crate::app::i18n::use_i18n;
use crate::app::link::use_link;
use crate::app::web::random_seed;
use crate::app::web::runner::LatestRunner;
use crate::formula;
use crate::i18n::tk;
use crate::link::latent::{SEED_LIMIT, read_seed};

/// Samples per side of a generated grid (8 × 8).
pub const GRID: usize = 8;

/// Images one after another, split into rows of `cols`.
pub fn rows(images: Vec<f32>, cols: usize) -> Vec<Vec<f32>> {
    images.chunks(cols * PIXELS).map(<[f32]>::to_vec).collect()
}

#[component]
pub fn Generation(ex: Explorer) -> impl IntoView {
    let i18n = use_i18n();
    let seed = RwSignal::new(1u64);
    use_link().bind("gs", seed, read_seed, |s| s.to_string());
    let grids = PerFamily::new(|_| RwSignal::new(Vec::<Vec<f32>>::new()));
    let runner = LatestRunner::new();
    Effect::new(move |_| {
        let (Some(d), seed) = (ex.map_data(), seed.get()) else {
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
                if let Some(img) = ex.errors.check(tk("latent-task-decode-samples"), outcome) {
                    grids[family].try_set(rows(img, GRID));
                }
            }
        });
    });
    let count = GRID * GRID;
    view! {
        <section class="generation">
            <h2>{move || i18n.t("latent-gen-title")}</h2>
            <p class="explain-line">{move || i18n.t("latent-gen-explain")}</p>
            <div class="concepts">
                <Concept math=Signal::derive(formula::generation) caption=tk("latent-gen-prior") />
                <Concept math=Signal::derive(|| formula::gaussian_kl(None)) caption=tk("latent-gen-kl") />
            </div>
            <button data-testid="sample-reroll" on:click=move |_| seed.set(random_seed(SEED_LIMIT))>
                {move || i18n.t("latent-gen-reroll")}
            </button>
            <span class="caption">
                " "
                {move || i18n.t_with("latent-gen-seed", &[
                    // A seed names a draw: written without grouping.
                    ("seed", seed.get().to_string().into()),
                    ("dim", ex.size.get().dim().into()),
                ])}
            </span>
            <div class="map-row">
                <figure>
                    {mosaic_canvas(grids.vae.into(), Signal::stored(GRID), "sample-grid-vae",
                        move || i18n.t_with("latent-gen-vae-label", &[("count", count.into())]))}
                    <figcaption>{move || i18n.t("latent-gen-vae-caption")}</figcaption>
                </figure>
                <figure>
                    {mosaic_canvas(grids.ae.into(), Signal::stored(GRID), "sample-grid-ae",
                        move || i18n.t_with("latent-gen-ae-label", &[("count", count.into())]))}
                    <figcaption>{move || i18n.t("latent-gen-ae-caption")}</figcaption>
                </figure>
            </div>
        </section>
    }
}
