//! A trained lab model's test metrics, recomputed from its file by the teacher's app. Native or
//! on the CPU engine: values are read back synchronously.
//!
//! | name | meaning |
//! | --- | --- |
//! | `test_mse` | mean squared error per pixel of the deterministic reconstruction g(f(x)) (g(μ) for a VAE) |
//! | `test_bce` | binary cross-entropy summed over the pixels, averaged over the images (nats); for a VAE with one sampled z per image; absent for the linear AE (it has no sigmoid) |
//! | `test_kl` | VAE only: KL(q(z\|x) ‖ N(0, I)) per image (nats) |
//! | `test_elbo` | VAE only: −(`test_bce` + `test_kl`), a one-sample estimate of the ELBO (nats, higher is better) |
//! | `latent` | dim(h) |
//! | `steps` | optimiser steps of the run (from the file's history) |
//! | `epochs` | epochs completed: `steps / ceil(8000 / batch size)` rounded down |
//!
//! Everything is averaged over the whole test split in batches of 500, as `train::evaluate`
//! measures the shipped models; the VAE's ε comes from [`ELBO_SEED`].

use std::collections::BTreeMap;

use burn::prelude::*;

use crate::data::Split;
use crate::model::lab::{LabConfig, LabNet};
use crate::model::loss::{bce_with_logits, kl_divergence, mse};
use crate::model::trained_file::{self, TrainedFileError};
use crate::rng::{seeded, standard_normal_vec};
use crate::train::batches::steps_per_epoch;
use crate::train::evaluate::{average, scalar};

/// The seed of the VAE's ε draws in `test_bce`, `test_kl` and `test_elbo`.
pub const ELBO_SEED: u64 = 3;
/// Training images of the bundled split (the lab's epochs are counted over them).
pub const LAB_TRAIN_IMAGES: usize = 8000;

/// The test metrics of `model` (configuration `config`) on `test` (see the module's table).
pub fn evaluate_lab(
    model: &LabNet,
    config: &LabConfig,
    test: &Split,
    device: &Device,
) -> BTreeMap<String, f64> {
    let mut rng = seeded(ELBO_SEED);
    let vae = config.kind.is_vae();
    let linear = model.linear_output;
    let (m, b, k) = average(test, device, |x| {
        let [n, _] = x.dims();
        let m = scalar(mse(model.reconstruct(x.clone()), x.clone()));
        if linear {
            return (m, 0.0, 0.0);
        }
        let eps = vae.then(|| {
            Tensor::from_data(
                TensorData::new(
                    standard_normal_vec(&mut rng, n * config.latent),
                    [n, config.latent],
                ),
                device,
            )
        });
        let forward = model.forward(x.clone(), eps);
        let b = scalar(bce_with_logits(forward.logits, x));
        let k = match forward.log_var {
            Some(lv) => scalar(kl_divergence(forward.code, lv)),
            None => 0.0,
        };
        (m, b, k)
    });
    let mut out = BTreeMap::new();
    out.insert("test_mse".to_string(), m);
    if !linear {
        out.insert("test_bce".to_string(), b);
    }
    if vae {
        out.insert("test_kl".to_string(), k);
        out.insert("test_elbo".to_string(), -(b + k));
    }
    out.insert("latent".to_string(), config.latent as f64);
    out
}

/// The metrics of a model file (`model::trained_file`): its test metrics on `test`, its `latent`,
/// and its `steps` and `epochs` from the file's history.
pub fn model_metrics(
    model_bytes: &[u8],
    test: &Split,
    device: &Device,
) -> Result<BTreeMap<String, f64>, TrainedFileError> {
    let (model, meta) = trained_file::decode(model_bytes, device)?;
    let mut out = evaluate_lab(&model, &meta.config, test, device);
    let steps = meta.history.last().map_or(0, |p| p.step);
    out.insert("steps".to_string(), steps as f64);
    let per_epoch = steps_per_epoch(LAB_TRAIN_IMAGES, meta.config.batch_size);
    out.insert("epochs".to_string(), (steps / per_epoch.max(1)) as f64);
    Ok(out)
}
