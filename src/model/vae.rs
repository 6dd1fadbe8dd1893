//! The variational autoencoder: the encoder outputs μ and log σ², the code is sampled with the
//! reparameterisation z = μ + σ·ε (ε ~ N(0, I)) so gradients flow through μ and σ, and the decoder
//! maps z back to pixels.

use burn::nn::{Linear, LinearConfig};
use burn::prelude::*;

use super::layers::{Decoder, ReluStack, encoder_widths};

#[derive(Config, Debug)]
pub struct VaeConfig {
    #[config(default = 784)]
    pub input: usize,
    pub hidden: Vec<usize>,
    pub latent: usize,
}

impl VaeConfig {
    pub fn init(&self, device: &Device) -> Vae {
        let widths = encoder_widths(self.input, &self.hidden);
        let last = *widths.last().unwrap();
        Vae {
            encoder: ReluStack::new(&widths, device),
            mu: LinearConfig::new(last, self.latent).init(device),
            log_var: LinearConfig::new(last, self.latent).init(device),
            decoder: Decoder::new(self.latent, &self.hidden, self.input, device),
        }
    }
}

#[derive(Module, Debug)]
pub struct Vae {
    pub encoder: ReluStack,
    pub mu: Linear,
    pub log_var: Linear,
    pub decoder: Decoder,
}

/// What one VAE pass produces.
pub struct VaeOutput {
    pub mu: Tensor<2>,
    pub log_var: Tensor<2>,
    /// Decoder logits for the sampled z.
    pub logits: Tensor<2>,
}

impl Vae {
    /// q(z|x) as `(μ, log σ²)`.
    pub fn encode(&self, x: Tensor<2>) -> (Tensor<2>, Tensor<2>) {
        let h = self.encoder.forward(x);
        (self.mu.forward(h.clone()), self.log_var.forward(h))
    }

    /// The reparameterisation trick z = μ + σ·ε with σ = exp(½ log σ²), on tensors: the one
    /// implementation every VAE of the app trains with (the lab's too). The noise `eps` comes from
    /// the caller, so the same seed gives the same z on every engine.
    /// (`analysis::latent::reparameterize` is the same formula on codes already read back.)
    pub fn reparameterize(mu: Tensor<2>, log_var: Tensor<2>, eps: Tensor<2>) -> Tensor<2> {
        mu + (log_var * 0.5).exp() * eps
    }

    pub fn decode(&self, z: Tensor<2>) -> Tensor<2> {
        self.decoder.forward(z)
    }

    /// The training pass: encode, sample z with `eps`, decode.
    pub fn forward(&self, x: Tensor<2>, eps: Tensor<2>) -> VaeOutput {
        let (mu, log_var) = self.encode(x);
        let z = Self::reparameterize(mu.clone(), log_var.clone(), eps);
        VaeOutput {
            logits: self.decoder.logits(z),
            mu,
            log_var,
        }
    }

    /// The deterministic reconstruction g(μ): what the app shows for a drawing.
    pub fn reconstruct(&self, x: Tensor<2>) -> Tensor<2> {
        let (mu, _) = self.encode(x);
        self.decode(mu)
    }
}
