//! The reparameterisation trick z = μ + σ·ε on the current digit's q(z|x): its μ and σ, the first
//! draw's ε and z, and a row of decodings for fresh draws of ε.
//!
//! Link key: `es` (the draws' seed, 0–999999999).

use leptos::prelude::*;

use super::generate::GRID;
use super::{Explorer, mosaic_canvas};
use crate::analysis::latent::reparameterize;
use crate::app::components::formula::Concept;
use crate::app::engine::Family;
use crate::app::i18n::use_i18n;
use crate::app::link::use_link;
use crate::app::web::random_seed;
use crate::app::web::runner::LatestRunner;
use crate::formula;
use crate::i18n::tk;
use crate::link::latent::{SEED_LIMIT, read_seed};
use crate::rng::{seeded, standard_normal_vec};

/// The first draw: ε and z of every dimension.
#[derive(Clone, Debug, PartialEq)]
struct Draw {
    eps: Vec<f32>,
    z: Vec<f32>,
}

#[component]
pub fn Reparameterisation(ex: Explorer) -> impl IntoView {
    let i18n = use_i18n();
    let seed = RwSignal::new(7u64);
    use_link().bind("es", seed, read_seed, |s| s.to_string());
    let samples = RwSignal::new(Vec::<Vec<f32>>::new());
    let first = RwSignal::new(None::<Draw>);
    let runner = LatestRunner::new();
    Effect::new(move |_| {
        let size = ex.size.get();
        let (Some(codes), seed) = (ex.codes(size), seed.get()) else {
            return;
        };
        runner.submit(
            (codes.vae, seed, size),
            move |(vae, seed, size)| async move {
                let (Some(log_var), dim) = (vae.log_var.as_ref(), vae.dim) else {
                    return;
                };
                if dim != size.dim() {
                    return;
                }
                let eps = standard_normal_vec(&mut seeded(seed), GRID * dim);
                let z = reparameterize(&vae.mean, log_var, &eps);
                first.try_set(Some(Draw {
                    eps: eps[..dim].to_vec(),
                    z: z[..dim].to_vec(),
                }));
                let outcome = ex.decode(Family::Vae, size, z).await;
                if let Some(img) = ex.errors.check(tk("latent-task-decode-reparam"), outcome) {
                    samples.try_set(vec![img]);
                }
            },
        );
    });
    // μ, σ of the current digit's q(z|x) and the first draw, once they belong together.
    let numbers = move || {
        let vae = ex.codes(ex.size.get())?.vae;
        let sigma: Vec<f32> = vae.log_var?.iter().map(|l| (l * 0.5).exp()).collect();
        let draw = first.get().filter(|d| d.z.len() == vae.mean.len())?;
        Some((vae.mean, sigma, draw))
    };
    let formula_math = Signal::derive(move || {
        let lang = i18n.lang();
        formula::reparameterisation(
            numbers().map(|(mu, sigma, d)| (mu[0] as f64, sigma[0] as f64, d.eps[0] as f64, lang)),
        )
    });
    let table = move || {
        numbers().map(|(mu, sigma, draw)| {
            let cells = move |values: Vec<f32>| {
                values
                    .into_iter()
                    .map(|v| view! { <td>{move || i18n.num(v as f64, 2)}</td> })
                    .collect_view()
            };
            view! {
                <div class="table-scroll"><table class="reparam" data-testid="reparam-table">
                    <caption>{move || i18n.t("latent-reparam-table")}</caption>
                    <tr><th>""</th>{(1..=mu.len()).map(|j| view! { <th>{format!("z{j}")}</th> }).collect_view()}</tr>
                    <tr><th>"μ"</th>{cells(mu)}</tr>
                    <tr><th>"σ"</th>{cells(sigma)}</tr>
                    <tr><th>"ε"</th>{cells(draw.eps)}</tr>
                    <tr><th>"z"</th>{cells(draw.z)}</tr>
                </table></div>
            }
        })
    };
    view! {
        <section class="reparameterisation">
            <h2>{move || i18n.t("latent-reparam-title")}</h2>
            <p class="explain-line">{move || i18n.t("latent-reparam-explain")}</p>
            <Concept math=formula_math caption=tk("latent-reparam-formula") />
            {table}
            <button data-testid="resample-eps" on:click=move |_| seed.set(random_seed(SEED_LIMIT))>
                {move || i18n.t("latent-reparam-resample")}
            </button>
            <span class="caption">
                " "
                {move || i18n.t_with("latent-reparam-seed", &[("seed", seed.get().to_string().into())])}
            </span>
            {mosaic_canvas(samples.into(), Signal::stored(GRID), "reparam-samples",
                move || i18n.t_with("latent-reparam-samples-label", &[("count", GRID.into())]))}
        </section>
    }
}
