//! Training a lab model step by step, and the history of a run. A step returns its losses as
//! tensors, so the browser can read them back asynchronously.

use burn::module::Module;
use burn::optim::{AdamConfig, GradientsParams, ModuleOptimizer};
use burn::prelude::*;

use crate::PIXELS;
use crate::data::corrupt::gaussian_noise;
pub use crate::model::history::HistoryPoint;
use crate::model::lab::{LabConfig, LabKind, LabLoss, LabNet};
use crate::rng::{seeded, standard_normal_vec};
use crate::train::batches::steps_per_epoch;

/// Trains a [`LabNet`] with Adam; the model lives on an autodiff device.
pub struct LabTrainer {
    pub config: LabConfig,
    model: Option<LabNet>,
    optim: ModuleOptimizer,
    rng: rand::rngs::StdRng,
}

impl LabTrainer {
    /// A fresh model for `config` on `device` (made autodiff here), seeded with `config.seed`.
    pub fn new(config: LabConfig, device: &Device) -> Self {
        device.seed(config.seed);
        let model = config.init(&device.clone().autodiff());
        Self::resume(config, model)
    }

    /// Continues training `model` (which must live on an autodiff device) with a fresh optimiser.
    pub fn resume(config: LabConfig, model: LabNet) -> Self {
        let rng = seeded(config.seed.wrapping_add(77));
        Self {
            optim: AdamConfig::new().init(),
            model: Some(model),
            config,
            rng,
        }
    }

    pub fn model(&self) -> &LabNet {
        self.model.as_ref().expect("model is present between steps")
    }

    /// One optimiser step on `clean` (`n × 784` intensities, one image after another).
    pub fn step(&mut self, clean: &[f32]) -> LabLoss {
        let model = self.model.take().expect("model is present between steps");
        let device = model.code.weight.device();
        let n = clean.len() / PIXELS;
        let target = Tensor::from_data(TensorData::new(clean.to_vec(), [n, PIXELS]), &device);
        // Only a denoising autoencoder sees another input than its target: the others upload the
        // batch once.
        let x = match self.config.kind {
            LabKind::Denoising { sigma } => {
                let mut noisy = clean.to_vec();
                gaussian_noise(&mut noisy, sigma, &mut self.rng);
                Tensor::from_data(TensorData::new(noisy, [n, PIXELS]), &device)
            }
            _ => target.clone(),
        };
        let eps = self.config.kind.is_vae().then(|| {
            let latent = self.config.latent;
            Tensor::from_data(
                TensorData::new(standard_normal_vec(&mut self.rng, n * latent), [n, latent]),
                &device,
            )
        });
        let forward = model.forward(x, eps);
        let loss = model.loss(&self.config.kind, forward, target);
        let grads = GradientsParams::from_grads(loss.total.backward(), &model);
        self.model = Some(self.optim.step(self.config.learning_rate, model, grads));
        LabLoss {
            total: loss.total.detach(),
            reconstruction: loss.reconstruction.detach(),
            kl: loss.kl.map(|t| t.detach()),
            penalty: loss.penalty.map(|t| t.detach()),
        }
    }

    /// The loss of the current model on `images` (no update; the VAE's ε from `seed`).
    pub fn evaluate(&self, images: &[f32], seed: u64) -> LabLoss {
        let model = self.model().valid();
        let device = model.code.weight.device();
        let n = images.len() / PIXELS;
        let x = Tensor::from_data(TensorData::new(images.to_vec(), [n, PIXELS]), &device);
        let eps = self.config.kind.is_vae().then(|| {
            let latent = self.config.latent;
            Tensor::from_data(
                TensorData::new(
                    standard_normal_vec(&mut seeded(seed), n * latent),
                    [n, latent],
                ),
                &device,
            )
        });
        let forward = model.forward(x.clone(), eps);
        model.loss(&self.config.kind, forward, x)
    }
}

/// Where a step-wise run stands: `step` optimiser steps done of `epochs` epochs over a split of
/// `train_len` images in batches of `batch_size`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunProgress {
    pub step: usize,
    pub steps_per_epoch: usize,
    pub epochs: usize,
}

impl RunProgress {
    pub fn new(config: &LabConfig, train_len: usize, step: usize) -> Self {
        Self {
            step,
            steps_per_epoch: steps_per_epoch(train_len, config.batch_size),
            epochs: config.epochs,
        }
    }

    /// Steps of the whole run.
    pub fn total(&self) -> usize {
        self.epochs * self.steps_per_epoch
    }

    /// Epochs completed (0 until the first epoch ends).
    pub fn epochs_done(&self) -> usize {
        self.step / self.steps_per_epoch.max(1)
    }

    /// The epoch the run is in, counted from 1 for display (the last one once finished).
    pub fn current_epoch(&self) -> usize {
        (self.epochs_done() + 1).min(self.epochs)
    }

    /// The epoch (from 0) that the step numbered `step` (from 1) belongs to.
    pub fn epoch_of(&self, step: usize) -> usize {
        step.saturating_sub(1) / self.steps_per_epoch.max(1)
    }

    /// Share of the run done, in [0, 1].
    pub fn fraction(&self) -> f64 {
        (self.step as f64 / self.total().max(1) as f64).min(1.0)
    }

    pub fn is_complete(&self) -> bool {
        self.step >= self.total()
    }
}

/// Whether a loss value means the run diverged.
pub fn diverged(loss: f32) -> bool {
    !loss.is_finite()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_counts_epochs_and_steps() {
        let config = LabConfig {
            batch_size: 64,
            epochs: 3,
            ..LabConfig::default()
        };
        // 8,000 images in batches of 64: 125 steps per epoch, the last batch full.
        let p = RunProgress::new(&config, 8000, 0);
        assert_eq!((p.steps_per_epoch, p.total()), (125, 375));
        assert_eq!(
            (p.epochs_done(), p.current_epoch(), p.fraction()),
            (0, 1, 0.0)
        );
        let p = RunProgress::new(&config, 8000, 125);
        assert_eq!((p.epochs_done(), p.current_epoch()), (1, 2));
        assert_eq!((p.epoch_of(125), p.epoch_of(126)), (0, 1));
        let done = RunProgress::new(&config, 8000, 375);
        assert!(done.is_complete());
        assert_eq!((done.current_epoch(), done.fraction()), (3, 1.0));
        // 10 images in batches of 4: 3 steps per epoch, the last one smaller.
        let small = LabConfig {
            batch_size: 4,
            epochs: 1,
            ..LabConfig::default()
        };
        assert_eq!(RunProgress::new(&small, 10, 0).total(), 3);
    }
}
