//! The shipped GAN beside the shipped VAE (`vae-16`), both generating from their priors: 64
//! samples each for the same seed, and a walk between two noise vectors in each model's space.
//! The GAN's quality figures come from its manifest, with real digits' figures to read them by.

use leptos::prelude::*;

use crate::PIXELS;
use crate::analysis::latent::{interpolation_path, sample_prior};
use crate::app::components::digit_canvas::MosaicCanvas;
use crate::app::components::messages::{TaskErrorList, TaskErrors};
use crate::app::engine::gan::shipped::ShippedStatus;
use crate::app::engine::gan::use_gan;
use crate::app::engine::{Family, LatentSize};
use crate::app::i18n::use_i18n;
use crate::app::state::use_resources;
use crate::app::web::random_seed;
use crate::app::web::runner::LatestRunner;
use crate::gan::shipped::noise_batch;
use crate::i18n::{num, tk};

/// Samples per side of each grid, and images along an interpolation.
const GRID: usize = 8;
const WALK: usize = 10;
const SEED_LIMIT: u64 = 1_000_000_000;

fn rows(images: &[f32], cols: usize) -> Vec<Vec<f32>> {
    images.chunks(cols * PIXELS).map(<[f32]>::to_vec).collect()
}

#[component]
pub fn CompareTab() -> impl IntoView {
    let i18n = use_i18n();
    let resources = use_resources();
    let shipped = use_gan().shipped;
    shipped.ensure(resources.get());
    let seed = RwSignal::new(1u64);
    let grids = [(); 4].map(|_| RwSignal::new(Vec::<Vec<f32>>::new()));
    let [gan_grid, vae_grid, gan_walk, vae_walk] = grids;
    let errors = TaskErrors::new();
    let runner = LatestRunner::new();
    Effect::new(move |_| {
        let (ShippedStatus::Ready(manifest), seed) = (shipped.status.get(), seed.get()) else {
            return;
        };
        let noise = manifest.architecture.noise;
        runner.submit(seed, move |seed| async move {
            let count = GRID * GRID;
            let (z_gan, z_vae) = (
                noise_batch(seed, count, noise),
                sample_prior(count, LatentSize::Sixteen.dim(), seed),
            );
            // Each walk joins the first two samples of its grid.
            let walk =
                |z: &[f32], dim: usize| interpolation_path(&z[..dim], &z[dim..2 * dim], WALK);
            let (walk_gan, walk_vae) =
                (walk(&z_gan, noise), walk(&z_vae, LatentSize::Sixteen.dim()));
            if let Some(img) = errors.check(tk("gan-task-gan-samples"), shipped.sample(z_gan).await)
            {
                gan_grid.try_set(rows(&img, GRID));
            }
            if let Some(img) = errors.check(tk("gan-task-gan-walk"), shipped.sample(walk_gan).await)
            {
                gan_walk.try_set(rows(&img, WALK));
            }
            let resources = resources.get();
            let engine = resources.batch_engine();
            let decode = |codes: Vec<f32>| {
                let resources = resources.clone();
                async move {
                    resources
                        .decode_on(engine, Family::Vae, LatentSize::Sixteen, &codes)
                        .await
                }
            };
            if let Some(img) = errors.check(tk("gan-task-vae-samples"), decode(z_vae).await) {
                vae_grid.try_set(rows(&img, GRID));
            }
            if let Some(img) = errors.check(tk("gan-task-vae-walk"), decode(walk_vae).await) {
                vae_walk.try_set(rows(&img, WALK));
            }
        });
    });
    let quality = move || match shipped.status.get() {
        ShippedStatus::Ready(m) => {
            let q = &m.quality;
            let real = q.baselines.first().map(|b| b.figures);
            Some(i18n.t_with(
                "gan-compare-quality",
                &[
                    ("steps", m.training.steps.into()),
                    ("nearest", num(q.shipped.nearest_training_distance, 2)),
                    ("diversity", num(q.shipped.diversity, 2)),
                    (
                        "realnearest",
                        real.map_or_else(|| "—".into(), |r| num(r.nearest_training_distance, 2)),
                    ),
                    (
                        "realdiversity",
                        real.map_or_else(|| "—".into(), |r| num(r.diversity, 2)),
                    ),
                    ("samples", q.samples.into()),
                    ("train", q.train_digits.into()),
                ],
            ))
        }
        _ => None,
    };
    view! {
        <div class="gan-compare">
            <p class="explain-line">{move || i18n.t("gan-compare-explain")}</p>
            {move || match shipped.status.get() {
                ShippedStatus::NotAsked | ShippedStatus::Loading => Some(view! {
                    <p class="caption" data-testid="gan-compare-loading">{move || i18n.t("gan-compare-loading")}</p>
                }.into_any()),
                ShippedStatus::Failed(why) => Some(view! {
                    <div class="error" role="alert" data-testid="gan-compare-failed">
                        <p>{move || i18n.t_with("gan-compare-failed", &[("why", why.clone().into())])}</p>
                        <button data-testid="gan-compare-retry" on:click=move |_| shipped.ensure(resources.get())>
                            {move || i18n.t("gan-compare-retry")}
                        </button>
                    </div>
                }.into_any()),
                ShippedStatus::Ready(_) => None,
            }}
            <p class="caption wide" data-testid="gan-compare-quality">{quality}</p>
            <button data-testid="gan-compare-reroll" on:click=move |_| seed.set(random_seed(SEED_LIMIT))>
                {move || i18n.t("gan-compare-reroll")}
            </button>
            <div class="map-row">
                <figure>
                    <MosaicCanvas rows=gan_grid cols=GRID testid="gan-compare-gan"
                        label=Signal::derive(move || i18n.t("gan-compare-gan-label")) />
                    <figcaption>{move || i18n.t("gan-compare-gan-caption")}</figcaption>
                </figure>
                <figure>
                    <MosaicCanvas rows=vae_grid cols=GRID testid="gan-compare-vae"
                        label=Signal::derive(move || i18n.t("gan-compare-vae-label")) />
                    <figcaption>{move || i18n.t("gan-compare-vae-caption")}</figcaption>
                </figure>
            </div>
            <h3>{move || i18n.t("gan-interp-title")}</h3>
            <p class="explain-line">{move || i18n.t("gan-interp-explain")}</p>
            <figure>
                <MosaicCanvas rows=gan_walk cols=WALK testid="gan-interp-gan"
                    label=Signal::derive(move || i18n.t("gan-interp-gan-label")) />
                <figcaption>{move || i18n.t("gan-interp-gan-caption")}</figcaption>
            </figure>
            <figure>
                <MosaicCanvas rows=vae_walk cols=WALK testid="gan-interp-vae"
                    label=Signal::derive(move || i18n.t("gan-interp-vae-label")) />
                <figcaption>{move || i18n.t("gan-interp-vae-caption")}</figcaption>
            </figure>
            <TaskErrorList errors=errors />
        </div>
    }
}
