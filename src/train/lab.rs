//! Training a lab model step by step, and the history of a run. A step returns its losses as
//! tensors, so the browser can read them back asynchronously.

use burn::module::Module;
use burn::optim::{AdamConfig, GradientsParams, ModuleOptimizer};
use burn::prelude::*;
use serde::{Deserialize, Serialize};

use crate::PIXELS;
use crate::data::corrupt::gaussian_noise;
use crate::model::lab::{LabConfig, LabKind, LabLoss, LabNet};
use crate::rng::{seeded, standard_normal_vec};

/// One logged point of a run (losses per image, averaged over the batch or the test subset).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct HistoryPoint {
    pub step: usize,
    pub epoch: usize,
    pub train_total: f32,
    pub train_reconstruction: f32,
    pub train_kl: Option<f32>,
    pub train_penalty: Option<f32>,
    /// The total loss on the fixed test subset, when it was measured at this step.
    pub test_total: Option<f32>,
}

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
        let input = match self.config.kind {
            LabKind::Denoising { sigma } => {
                let mut noisy = clean.to_vec();
                gaussian_noise(&mut noisy, sigma, &mut self.rng);
                noisy
            }
            _ => clean.to_vec(),
        };
        let x = Tensor::from_data(TensorData::new(input, [n, PIXELS]), &device);
        let target = Tensor::from_data(TensorData::new(clean.to_vec(), [n, PIXELS]), &device);
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

/// Whether a loss value means the run diverged.
pub fn diverged(loss: f32) -> bool {
    !loss.is_finite()
}
