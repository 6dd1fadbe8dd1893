//! Training loops for the autoencoder and the VAE, shared by the pretraining command (native) and,
//! later, the in-browser training lab. A step never reads a value back from the device, so the
//! browser can await its reads while native code reads them synchronously.

pub mod batches;
pub mod controller;
pub mod curves;
pub mod evaluate;
pub mod gan;
pub mod lab;
pub mod presets;

use burn::module::Module;
use burn::optim::{AdamConfig, GradientsParams, ModuleOptimizer};
use burn::prelude::*;

use crate::model::loss::{ElboLoss, bce_with_logits, negative_elbo};
use crate::model::{Autoencoder, Vae};
use crate::rng::{seeded, standard_normal_vec};

pub use batches::{BatchOrder, images_tensor};

/// Optimiser settings shared by every model.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainSettings {
    pub learning_rate: f64,
    pub batch_size: usize,
    pub epochs: usize,
    pub seed: u64,
}

/// One optimiser update of `model` from `loss`.
fn optimise<M: Module>(
    optim: &mut ModuleOptimizer,
    learning_rate: f64,
    model: M,
    loss: &Tensor<1>,
) -> M {
    let grads = GradientsParams::from_grads(loss.backward(), &model);
    optim.step(learning_rate, model, grads)
}

/// Trains an autoencoder with Adam on the binary cross-entropy of its reconstruction.
pub struct AutoencoderTrainer {
    model: Option<Autoencoder>,
    optim: ModuleOptimizer,
    learning_rate: f64,
}

impl AutoencoderTrainer {
    /// `model` must live on an autodiff device (`device.autodiff()`).
    pub fn new(model: Autoencoder, learning_rate: f64) -> Self {
        Self {
            model: Some(model),
            optim: AdamConfig::new().init(),
            learning_rate,
        }
    }

    pub fn model(&self) -> &Autoencoder {
        self.model.as_ref().expect("model is present between steps")
    }

    /// One step: reconstruct `target` from `input` (the same batch for a plain autoencoder, a
    /// corrupted copy for a denoising or inpainting one), both `[n, 784]`. Returns the loss before
    /// the update (nats per image).
    pub fn step(&mut self, input: Tensor<2>, target: Tensor<2>) -> Tensor<1> {
        let model = self.model.take().expect("model is present between steps");
        let loss = bce_with_logits(model.forward_logits(input), target);
        self.model = Some(optimise(&mut self.optim, self.learning_rate, model, &loss));
        loss.detach()
    }
}

/// Trains a VAE with Adam on the negative ELBO, ε drawn from a seeded CPU generator.
pub struct VaeTrainer {
    model: Option<Vae>,
    optim: ModuleOptimizer,
    learning_rate: f64,
    beta: f64,
    rng: rand::rngs::StdRng,
}

impl VaeTrainer {
    pub fn new(model: Vae, learning_rate: f64, beta: f64, seed: u64) -> Self {
        Self {
            model: Some(model),
            optim: AdamConfig::new().init(),
            learning_rate,
            beta,
            rng: seeded(seed),
        }
    }

    pub fn model(&self) -> &Vae {
        self.model.as_ref().expect("model is present between steps")
    }

    /// One step; returns the loss and its parts before the update.
    pub fn step(&mut self, batch: Tensor<2>) -> ElboLoss {
        let model = self.model.take().expect("model is present between steps");
        let [n, _] = batch.dims();
        let latent = model.mu.weight.dims()[1];
        let eps = Tensor::from_data(
            TensorData::new(standard_normal_vec(&mut self.rng, n * latent), [n, latent]),
            &batch.device(),
        );
        let out = model.forward(batch.clone(), eps);
        let loss = negative_elbo(out.logits, batch, out.mu, out.log_var, self.beta);
        self.model = Some(optimise(
            &mut self.optim,
            self.learning_rate,
            model,
            &loss.total,
        ));
        ElboLoss {
            total: loss.total.detach(),
            reconstruction: loss.reconstruction.detach(),
            kl: loss.kl.detach(),
        }
    }
}
