//! Whole-split evaluations run in the browser, in batches, yielding between them so the page
//! stays responsive. The arithmetic lives in `analysis`; this only feeds it.

use std::sync::Arc;

use super::error::EngineError;
use super::models::Reconstructor;
use super::resources::Resources;
use super::{Backend, Family, LatentSize, PerFamily};
use crate::PIXELS;
use crate::analysis::elbo::ElboTerms;
use crate::analysis::metrics::{ErrorDistribution, MeanErrors, mse};
use crate::data::corrupt::Corruption;

/// Digits per batch when averaging over the test split.
const MEAN_BATCH: usize = 250;

/// The mean errors of every noise-lab model over the test split.
pub type SplitMeans = MeanErrors<{ Reconstructor::ALL.len() }>;

/// Progress of a whole-split evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct MeansProgress {
    pub means: SplitMeans,
    /// The engine that ran the last batch, and the time so far.
    pub engine: Option<Backend>,
    pub ms: f64,
}

/// Mean MSE against clean of each model over the test split under `corruption`, on the batch
/// engine. `on_batch` sees the progress after each batch and returns false to abandon the work
/// (a newer corruption replaced it); then the result is `Ok(None)`.
pub async fn split_means(
    resources: Arc<Resources>,
    corruption: Corruption,
    mut on_batch: impl FnMut(&MeansProgress) -> bool,
) -> Result<Option<MeansProgress>, EngineError> {
    let total = resources.test_digits().len();
    let start = crate::app::web::now_ms();
    let mut progress = MeansProgress {
        means: SplitMeans::new(total),
        engine: None,
        ms: 0.0,
    };
    let indices: Vec<usize> = (0..total).collect();
    for chunk in indices.chunks(MEAN_BATCH) {
        let clean = resources.test_digits().batch(chunk);
        let noisy = corruption.apply_indexed(&clean, chunk);
        let (outputs, engine) = resources
            .run_all_on(resources.batch_engine(), &noisy)
            .await?;
        progress.means.add_batch(&clean, outputs.all(), PIXELS);
        progress.engine = Some(engine);
        progress.ms = crate::app::web::now_ms() - start;
        if !on_batch(&progress) {
            return Ok(None);
        }
    }
    Ok(Some(progress))
}

/// The per-pixel MSE of every test digit's AE and VAE reconstruction (the lab model's when it
/// stands in), on the CPU engine, which is always there and fast for this; yields between batches.
pub async fn test_errors(
    resources: Arc<Resources>,
) -> Result<PerFamily<ErrorDistribution>, EngineError> {
    let total = resources.test_digits().len();
    let indices: Vec<usize> = (0..total).collect();
    let mut errors = PerFamily::new(|_| Vec::with_capacity(total));
    for chunk in indices.chunks(MEAN_BATCH) {
        let clean = resources.test_digits().batch(chunk);
        let (outputs, _) = resources.reconstruct_both_on(Backend::Cpu, &clean).await?;
        for family in Family::ALL {
            errors[family].extend(
                outputs[family]
                    .chunks_exact(PIXELS)
                    .zip(clean.chunks_exact(PIXELS))
                    .map(|(r, x)| mse(r, x)),
            );
        }
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
    Ok(PerFamily {
        ae: ErrorDistribution::new(errors.ae),
        vae: ErrorDistribution::new(errors.vae),
    })
}

/// How unusual each of `images` looks to the models in use: the AE's reconstruction MSE and the
/// VAE's −ELBO in nats (BCE of g(μ) plus the KL of q(z|x)). Like [`test_errors`], on the CPU
/// engine in batches, yielding between them, so thousands of images never freeze the page. Each
/// model runs once per batch: the VAE's encoding gives both the KL and the μ it decodes.
pub async fn anomaly_scores(
    resources: &Resources,
    images: &[f32],
) -> Result<PerFamily<Vec<f32>>, EngineError> {
    let mut scores = PerFamily::new(|_| Vec::with_capacity(images.len() / PIXELS));
    for batch in images.chunks(MEAN_BATCH * PIXELS) {
        let ae = ae_reconstruction(resources, batch).await?;
        let (codes, vae) = vae_encoding_and_reconstruction(resources, batch).await?;
        let log_var = codes
            .log_var
            .ok_or_else(|| EngineError::Compute("the VAE gave no variances".into()))?;
        let d = codes.dim;
        for (i, x) in batch.chunks_exact(PIXELS).enumerate() {
            let pixels = i * PIXELS..(i + 1) * PIXELS;
            let code = i * d..(i + 1) * d;
            scores.ae.push(mse(&ae[pixels.clone()], x) as f32);
            let elbo = ElboTerms::of(x, &vae[pixels], &codes.mean[code.clone()], &log_var[code]);
            scores.vae.push(elbo.total() as f32);
        }
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
    Ok(scores)
}

/// The AE in use (the lab model when it stands in, whatever its code size) on the CPU engine.
async fn ae_reconstruction(resources: &Resources, images: &[f32]) -> Result<Vec<f32>, EngineError> {
    match resources
        .active_trained()
        .filter(|s| s.family() == Family::Ae)
    {
        Some(slot) => slot.reconstruct(images).await,
        None => {
            let codes = resources
                .encode_on(Backend::Cpu, Family::Ae, LatentSize::Sixteen, images)
                .await?;
            resources
                .decode_on(Backend::Cpu, Family::Ae, LatentSize::Sixteen, &codes.mean)
                .await
        }
    }
}

/// The VAE in use: q(z|x) of `images` and the reconstruction g(μ), on the CPU engine.
async fn vae_encoding_and_reconstruction(
    resources: &Resources,
    images: &[f32],
) -> Result<(super::models::Codes, Vec<f32>), EngineError> {
    match resources
        .active_trained()
        .filter(|s| s.family() == Family::Vae)
    {
        Some(slot) => {
            let codes = slot.encode(images).await?;
            let reconstruction = slot.decode(&codes.mean).await?;
            Ok((codes, reconstruction))
        }
        None => {
            let codes = resources
                .encode_on(Backend::Cpu, Family::Vae, LatentSize::Sixteen, images)
                .await?;
            let reconstruction = resources
                .decode_on(Backend::Cpu, Family::Vae, LatentSize::Sixteen, &codes.mean)
                .await?;
            Ok((codes, reconstruction))
        }
    }
}
