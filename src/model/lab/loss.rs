//! The lab model's loss: the reconstruction term, and the KL term or penalty of its kind.

use burn::prelude::*;

use super::{LabForward, LabKind, LabNet};
use crate::model::loss::{bce_with_logits, kl_divergence};

/// The loss of one batch and its parts (per image, averaged over the batch). `kl` is the
/// unweighted KL divergence; `total` weights it by β. Cloning shares the tensors.
#[derive(Clone)]
pub struct LabLoss {
    pub total: Tensor<1>,
    pub reconstruction: Tensor<1>,
    pub kl: Option<Tensor<1>>,
    pub penalty: Option<Tensor<1>>,
}

impl LabLoss {
    /// The parts in one tensor, `[total, reconstruction, kl?, penalty?]`, so that one read-back
    /// fetches them all; the flags say which optional parts are present (see
    /// [`LossValues::unpack`](super::history::LossValues::unpack)).
    pub fn stacked(self) -> (Tensor<1>, bool, bool) {
        let (parts, has_kl, has_penalty) = self.parts();
        (Tensor::cat(parts, 0), has_kl, has_penalty)
    }

    /// The parts in the order of [`LabLoss::stacked`], not yet joined (the losses of several
    /// steps join into one read-back), with the same flags.
    pub fn parts(self) -> (Vec<Tensor<1>>, bool, bool) {
        let (has_kl, has_penalty) = (self.kl.is_some(), self.penalty.is_some());
        let mut parts = vec![self.total, self.reconstruction];
        parts.extend(self.kl);
        parts.extend(self.penalty);
        (parts, has_kl, has_penalty)
    }
}

/// λ Σ_j |h_j|, averaged over the batch.
pub fn l1_penalty(code: Tensor<2>, lambda: f64) -> Tensor<1> {
    code.abs().sum_dim(1).mean().mul_scalar(lambda)
}

/// λ Σ_j KL(ρ ‖ ρ̂_j) with ρ̂_j the batch mean of code unit j (in (0, 1)):
/// KL(ρ ‖ ρ̂) = ρ log(ρ/ρ̂) + (1 − ρ) log((1 − ρ)/(1 − ρ̂)).
pub fn kl_sparsity_penalty(code: Tensor<2>, rho: f64, lambda: f64) -> Tensor<1> {
    let rho_hat = code.mean_dim(0).clamp(1e-6, 1.0 - 1e-6);
    let one_minus = rho_hat.clone().neg().add_scalar(1.0);
    let kl = rho_hat.log().neg().add_scalar(rho.ln()).mul_scalar(rho)
        + one_minus
            .log()
            .neg()
            .add_scalar((1.0 - rho).ln())
            .mul_scalar(1.0 - rho);
    kl.sum().mul_scalar(lambda)
}

/// λ ‖∂h/∂x‖²_F for h = σ(Wx + b): Σ_j (h_j (1 − h_j))² ‖W_j‖², averaged over the batch, where W_j
/// (column j of Burn's `[in, out]` weight) holds the input weights of code unit j.
pub fn contractive_penalty(code: Tensor<2>, weight: Tensor<2>, lambda: f64) -> Tensor<1> {
    let slope = code.clone() * code.neg().add_scalar(1.0);
    let column_norms = weight.powi_scalar(2).sum_dim(0);
    (slope.powi_scalar(2) * column_norms)
        .sum_dim(1)
        .mean()
        .mul_scalar(lambda)
}

impl LabNet {
    /// The loss of `kind` for a pass computed from `forward`, against the clean `target`.
    pub fn loss(&self, kind: &LabKind, forward: LabForward, target: Tensor<2>) -> LabLoss {
        let reconstruction = if self.linear_output {
            (forward.logits - target).powi_scalar(2).sum_dim(1).mean()
        } else {
            bce_with_logits(forward.logits, target)
        };
        let (kl, penalty) = match kind {
            LabKind::Vae { .. } => {
                let lv = forward.log_var.expect("a VAE has a log σ² head");
                (Some(kl_divergence(forward.code, lv)), None)
            }
            LabKind::SparseL1 { lambda } => (None, Some(l1_penalty(forward.code, *lambda))),
            LabKind::SparseKl { rho, lambda } => {
                (None, Some(kl_sparsity_penalty(forward.code, *rho, *lambda)))
            }
            LabKind::Contractive { lambda } => (
                None,
                Some(contractive_penalty(
                    forward.code,
                    self.code.weight.val(),
                    *lambda,
                )),
            ),
            _ => (None, None),
        };
        let beta = if let LabKind::Vae { beta } = kind {
            *beta
        } else {
            1.0
        };
        let mut total = reconstruction.clone();
        if let Some(kl) = &kl {
            total = total + kl.clone().mul_scalar(beta);
        }
        if let Some(penalty) = &penalty {
            total = total + penalty.clone();
        }
        LabLoss {
            total,
            reconstruction,
            kl,
            penalty,
        }
    }
}
