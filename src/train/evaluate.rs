//! Test-split metrics of trained models (native: reads values back synchronously).

use burn::prelude::*;

use super::images_tensor;
use crate::data::Split;
use crate::model::loss::{bce_with_logits, kl_divergence, mse};
use crate::model::{Autoencoder, Vae};
use crate::rng::{seeded, standard_normal_vec};

const EVAL_BATCH: usize = 500;

/// Mean reconstruction metrics over a split.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evaluation {
    /// Per pixel.
    pub mse: f64,
    /// Nats per image.
    pub bce: f64,
    /// Nats per image (VAE only).
    pub kl: Option<f64>,
}

pub(crate) fn scalar(t: Tensor<1>) -> f64 {
    t.into_scalar::<f32>() as f64
}

/// Runs `per_batch` over the split in batches and averages its `(mse, bce, kl)` by image count.
pub(crate) fn average(
    split: &Split,
    device: &Device,
    mut per_batch: impl FnMut(Tensor<2>) -> (f64, f64, f64),
) -> (f64, f64, f64) {
    let indices: Vec<usize> = (0..split.len()).collect();
    let mut sums = (0.0, 0.0, 0.0);
    for chunk in indices.chunks(EVAL_BATCH) {
        let (m, b, k) = per_batch(images_tensor(split, chunk, device));
        let n = chunk.len() as f64;
        sums = (sums.0 + m * n, sums.1 + b * n, sums.2 + k * n);
    }
    let n = split.len() as f64;
    (sums.0 / n, sums.1 / n, sums.2 / n)
}

/// MSE and BCE of r = g(f(x)).
pub fn evaluate_autoencoder(model: &Autoencoder, split: &Split, device: &Device) -> Evaluation {
    let (mse_v, bce_v, _) = average(split, device, |x| {
        let logits = model.forward_logits(x.clone());
        let m = scalar(mse(
            burn::tensor::activation::sigmoid(logits.clone()),
            x.clone(),
        ));
        (m, scalar(bce_with_logits(logits, x)), 0.0)
    });
    Evaluation {
        mse: mse_v,
        bce: bce_v,
        kl: None,
    }
}

/// MSE of the deterministic reconstruction g(μ), and BCE and KL with one sampled z per image
/// (ε from `seed`), so −(BCE + KL) is a one-sample estimate of the ELBO.
pub fn evaluate_vae(model: &Vae, split: &Split, device: &Device, seed: u64) -> Evaluation {
    let mut rng = seeded(seed);
    let (mse_v, bce_v, kl_v) = average(split, device, |x| {
        let [n, _] = x.dims();
        let (mu, log_var) = model.encode(x.clone());
        let latent = mu.dims()[1];
        let m = scalar(mse(model.decode(mu.clone()), x.clone()));
        let eps = Tensor::from_data(
            TensorData::new(standard_normal_vec(&mut rng, n * latent), [n, latent]),
            device,
        );
        let z = Vae::reparameterize(mu.clone(), log_var.clone(), eps);
        let b = scalar(bce_with_logits(model.decoder.logits(z), x));
        (m, b, scalar(kl_divergence(mu, log_var)))
    });
    Evaluation {
        mse: mse_v,
        bce: bce_v,
        kl: Some(kl_v),
    }
}

/// Reconstructions of `images` (one after another) by an autoencoder, in batches.
pub fn reconstruct_all(model: &Autoencoder, images: &[f32], device: &Device) -> Vec<f32> {
    let mut out = Vec::with_capacity(images.len());
    for chunk in images.chunks(EVAL_BATCH * crate::PIXELS) {
        let n = chunk.len() / crate::PIXELS;
        let x = Tensor::from_data(TensorData::new(chunk.to_vec(), [n, crate::PIXELS]), device);
        let r = model
            .forward(x)
            .into_data()
            .try_into_vec::<f32>()
            .expect("float output");
        out.extend(r);
    }
    out
}

/// The course's two corruption benchmarks on a split, reproducible from their seeds.
pub mod benchmarks {
    use crate::data::Split;
    use crate::data::corrupt::{Corruption, Mask};
    use crate::rng::seeded;

    /// The split under Gaussian noise with σ = 0.5 (clipped to [0, 1]).
    pub fn gaussian_half(split: &Split) -> Vec<f32> {
        Corruption {
            noise_sigma: 0.5,
            seed: 505,
            ..Default::default()
        }
        .apply_batch(&split.all_images())
    }

    /// The split with one random 10×10 occlusion per digit, and the hidden pixels of each image.
    pub fn occlusion_10(split: &Split) -> (Vec<f32>, Vec<bool>) {
        let mut rng = seeded(1010);
        let mut images = split.all_images();
        let mut hidden = Vec::with_capacity(images.len());
        for img in images.chunks_exact_mut(crate::PIXELS) {
            let mut mask = Mask::default();
            mask.add_random_patches(1, 10, &mut rng);
            mask.apply(img);
            hidden.extend(mask.hidden);
        }
        (images, hidden)
    }
}

/// Mean squared error over the pixels where `region` is true.
pub fn masked_mse(a: &[f32], b: &[f32], region: &[bool]) -> f64 {
    let (mut sum, mut n) = (0.0f64, 0usize);
    for ((x, y), &r) in a.iter().zip(b).zip(region) {
        if r {
            sum += ((x - y) as f64).powi(2);
            n += 1;
        }
    }
    if n == 0 { 0.0 } else { sum / n as f64 }
}
