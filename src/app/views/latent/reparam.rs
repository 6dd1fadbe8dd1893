//! The reparameterisation trick z = μ + σ·ε on the current digit's q(z|x): its μ and σ, one z,
//! and a row of decodings for fresh draws of ε.

use leptos::prelude::*;

use super::Explorer;
use super::generate::GRID;
use crate::analysis::latent::reparameterize;
use crate::app::components::digit_canvas::MosaicCanvas;
use crate::app::engine::Family;
use crate::app::web::random_seed;
use crate::app::web::runner::LatestRunner;
use crate::rng::{seeded, standard_normal_vec};

#[component]
pub fn Reparameterisation(ex: Explorer) -> impl IntoView {
    let seed = RwSignal::new(7u64);
    let samples = RwSignal::new(Vec::<Vec<f32>>::new());
    let first_z = RwSignal::new(None::<Vec<f32>>);
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
                first_z.try_set(Some(z[..dim].to_vec()));
                let outcome = ex.decode(Family::Vae, size, z).await;
                if let Some(img) = ex.errors.check("Decoding z = μ + σ·ε", outcome) {
                    samples.try_set(vec![img]);
                }
            },
        );
    });
    let table = move || {
        ex.codes(ex.size.get()).and_then(|codes| {
            let vae = codes.vae;
            let log_var = vae.log_var?;
            let z = first_z.get().unwrap_or_default();
            Some(view! {
                <div class="table-scroll"><table class="reparam" data-testid="reparam-table">
                    <tr><th>""</th>{(1..=vae.dim).map(|j| view! { <th>{format!("z{j}")}</th> }).collect_view()}</tr>
                    <tr><th>"μ"</th>{vae.mean.iter().map(|m| view! { <td>{format!("{m:.2}")}</td> }).collect_view()}</tr>
                    <tr><th>"σ"</th>{log_var.iter().map(|l| view! { <td>{format!("{:.2}", (l * 0.5).exp())}</td> }).collect_view()}</tr>
                    <tr><th>"z"</th>{z.iter().map(|v| view! { <td>{format!("{v:.2}")}</td> }).collect_view()}</tr>
                </table></div>
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
            <button data-testid="resample-eps" on:click=move |_| seed.set(random_seed(1_000_000_000))>"Resample ε"</button>
            <MosaicCanvas rows=samples cols=GRID testid="reparam-samples" label="The current digit decoded from eight samples z = μ + σ·ε" />
        </section>
    }
}
