//! Losses of the course. Each returns a one-element tensor so it can be back-propagated.
//! Per-image sums (nats) are averaged over the batch, as in the VAE paper.

use burn::prelude::*;
use burn::tensor::activation::softplus;

/// Mean squared error per pixel, averaged over the batch.
pub fn mse(reconstruction: Tensor<2>, target: Tensor<2>) -> Tensor<1> {
    (reconstruction - target).powi_scalar(2).mean()
}

/// Binary cross-entropy between targets in [0, 1] and sigmoid(logits), summed over pixels and
/// averaged over the batch (nats per image). Written as softplus(l) − x·l, which equals
/// −x·log σ(l) − (1 − x)·log(1 − σ(l)) without ever taking the log of 0.
pub fn bce_with_logits(logits: Tensor<2>, target: Tensor<2>) -> Tensor<1> {
    let per_pixel = softplus(logits.clone(), 1.0) - target * logits;
    per_pixel.sum_dim(1).mean()
}

/// KL(q(z|x) ‖ N(0, I)) in closed form, −½ Σ (1 + log σ² − μ² − σ²), averaged over the batch.
pub fn kl_divergence(mu: Tensor<2>, log_var: Tensor<2>) -> Tensor<1> {
    let per_dim = log_var.clone().add_scalar(1.0) - mu.powi_scalar(2) - log_var.exp();
    per_dim.sum_dim(1).mean().mul_scalar(-0.5)
}

/// The negative ELBO with a β weight on the KL term (β = 1 is the plain VAE, β > 1 a β-VAE),
/// with its two parts kept for plotting.
pub struct ElboLoss {
    pub total: Tensor<1>,
    pub reconstruction: Tensor<1>,
    pub kl: Tensor<1>,
}

pub fn negative_elbo(
    logits: Tensor<2>,
    target: Tensor<2>,
    mu: Tensor<2>,
    log_var: Tensor<2>,
    beta: f64,
) -> ElboLoss {
    let reconstruction = bce_with_logits(logits, target);
    let kl = kl_divergence(mu, log_var);
    ElboLoss {
        total: reconstruction.clone() + kl.clone().mul_scalar(beta),
        reconstruction,
        kl,
    }
}
