//! The training lab's configurable autoencoder: every kind of the course (plain, variational,
//! denoising, sparse with L1 or KL, contractive, linear) as one `Config` and one `Module`, with
//! its loss beside it.

use burn::nn::{Linear, LinearConfig};
use burn::prelude::*;
use burn::tensor::activation::{relu, sigmoid, tanh};
use serde::{Deserialize, Serialize};

use super::loss::{bce_with_logits, kl_divergence};

/// What the lab trains, with the weight of its regulariser.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LabKind {
    /// Plain autoencoder: L(x, g(f(x))).
    Ae,
    /// VAE: reconstruction + β·KL(q(z|x) ‖ N(0, I)).
    Vae { beta: f64 },
    /// Denoising: L(x, g(f(x + n))) with n ~ N(0, σ²).
    Denoising { sigma: f32 },
    /// Sparse, L1: + λ Σ|h_j| (the code goes through a ReLU).
    SparseL1 { lambda: f64 },
    /// Sparse, KL: + λ Σ_j KL(ρ ‖ ρ̂_j), ρ̂_j the mean activation of code unit j (sigmoid code).
    SparseKl { rho: f64, lambda: f64 },
    /// Contractive: + λ ‖∂h/∂x‖²_F for a one-layer sigmoid encoder h = σ(Wx + b).
    Contractive { lambda: f64 },
    /// Linear encoder and decoder with squared error: learns PCA's subspace.
    Linear,
}

impl LabKind {
    pub fn slug(&self) -> &'static str {
        match self {
            LabKind::Ae => "ae",
            LabKind::Vae { .. } => "vae",
            LabKind::Denoising { .. } => "denoising",
            LabKind::SparseL1 { .. } => "sparse_l1",
            LabKind::SparseKl { .. } => "sparse_kl",
            LabKind::Contractive { .. } => "contractive",
            LabKind::Linear => "linear",
        }
    }

    pub fn is_vae(&self) -> bool {
        matches!(self, LabKind::Vae { .. })
    }
}

/// The hidden layers' nonlinearity.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Activation {
    #[default]
    Relu,
    Tanh,
    Sigmoid,
    /// No nonlinearity (the linear autoencoder).
    Identity,
}

impl Activation {
    pub fn apply<const D: usize>(self, x: Tensor<D>) -> Tensor<D> {
        match self {
            Activation::Relu => relu(x),
            Activation::Tanh => tanh(x),
            Activation::Sigmoid => sigmoid(x),
            Activation::Identity => x,
        }
    }
}

/// Hidden widths typed as a list ("256, 64"; empty for none); the error names the bad entry.
pub fn parse_hidden(text: &str) -> Result<Vec<usize>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| {
            t.parse::<usize>()
                .map_err(|_| format!("\u{201c}{t}\u{201d} is not a layer width"))
        })
        .collect()
}

/// Everything that defines a lab run.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct LabConfig {
    pub kind: LabKind,
    /// Encoder hidden widths from the input side (mirrored by the decoder).
    pub hidden: Vec<usize>,
    /// dim(h), 1 to 1024: below 784 undercomplete, from 784 overcomplete.
    pub latent: usize,
    pub activation: Activation,
    pub learning_rate: f64,
    pub batch_size: usize,
    pub epochs: usize,
    pub seed: u64,
}

impl Default for LabConfig {
    fn default() -> Self {
        Self {
            kind: LabKind::Ae,
            hidden: vec![256],
            latent: 16,
            activation: Activation::Relu,
            learning_rate: 2e-3,
            batch_size: 64,
            epochs: 5,
            seed: 1,
        }
    }
}

impl LabConfig {
    /// Checks the ranges the lab allows; the error is a sentence for the UI.
    pub fn validate(&self) -> Result<(), String> {
        if !(1..=1024).contains(&self.latent) {
            return Err(format!(
                "the latent size must be between 1 and 1024, not {}",
                self.latent
            ));
        }
        if let Some(w) = self.hidden.iter().find(|w| !(1..=2048).contains(*w)) {
            return Err(format!("hidden widths must be between 1 and 2048, not {w}"));
        }
        if !(self.learning_rate > 0.0 && self.learning_rate <= 1.0) {
            return Err(format!(
                "the learning rate must be in (0, 1], not {}",
                self.learning_rate
            ));
        }
        if !(1..=1024).contains(&self.batch_size) {
            return Err(format!(
                "the batch size must be between 1 and 1024, not {}",
                self.batch_size
            ));
        }
        if !(1..=1000).contains(&self.epochs) {
            return Err(format!(
                "epochs must be between 1 and 1000, not {}",
                self.epochs
            ));
        }
        Ok(())
    }

    /// The encoder's hidden widths actually built: a contractive autoencoder has a one-layer
    /// encoder, so that its penalty ‖∂h/∂x‖² has the closed form of Rifai et al. (2011).
    pub fn encoder_hidden(&self) -> &[usize] {
        if matches!(self.kind, LabKind::Contractive { .. }) {
            &[]
        } else {
            &self.hidden
        }
    }

    fn hidden_activation(&self) -> Activation {
        if self.kind == LabKind::Linear {
            Activation::Identity
        } else {
            self.activation
        }
    }

    fn code_activation(&self) -> Activation {
        match self.kind {
            LabKind::SparseL1 { .. } => Activation::Relu,
            LabKind::SparseKl { .. } | LabKind::Contractive { .. } => Activation::Sigmoid,
            _ => Activation::Identity,
        }
    }

    pub fn init(&self, device: &Device) -> LabNet {
        let mut widths = vec![crate::PIXELS];
        widths.extend(self.encoder_hidden());
        let layers = |w: &[usize]| -> Vec<Linear> {
            w.windows(2)
                .map(|p| LinearConfig::new(p[0], p[1]).init(device))
                .collect()
        };
        let last = *widths.last().unwrap();
        let mut dec_widths = vec![self.latent];
        dec_widths.extend(self.hidden.iter().rev());
        let dec_last = *dec_widths.last().unwrap();
        LabNet {
            encoder: layers(&widths),
            code: LinearConfig::new(last, self.latent).init(device),
            log_var: self
                .kind
                .is_vae()
                .then(|| LinearConfig::new(last, self.latent).init(device)),
            decoder: layers(&dec_widths),
            output: LinearConfig::new(dec_last, crate::PIXELS).init(device),
            activation: self.hidden_activation(),
            code_activation: self.code_activation(),
            linear_output: self.kind == LabKind::Linear,
        }
    }
}

#[derive(Module, Debug)]
pub struct LabNet {
    pub encoder: Vec<Linear>,
    /// The code h (or the VAE's μ).
    pub code: Linear,
    /// The VAE's log σ² head.
    pub log_var: Option<Linear>,
    pub decoder: Vec<Linear>,
    pub output: Linear,
    #[module(skip)]
    pub activation: Activation,
    #[module(skip)]
    pub code_activation: Activation,
    /// The linear autoencoder outputs pixels directly (no sigmoid) and trains on squared error.
    #[module(skip)]
    pub linear_output: bool,
}

/// One forward pass, with what the losses need.
pub struct LabForward {
    /// The code h (the VAE's μ).
    pub code: Tensor<2>,
    pub log_var: Option<Tensor<2>>,
    /// The decoder's pre-sigmoid output (its pixels for the linear autoencoder).
    pub logits: Tensor<2>,
}

impl LabNet {
    fn hidden(&self, mut x: Tensor<2>) -> Tensor<2> {
        for layer in &self.encoder {
            x = self.activation.apply(layer.forward(x));
        }
        x
    }

    /// h = f(x) (the VAE's μ).
    pub fn encode(&self, x: Tensor<2>) -> Tensor<2> {
        self.code_activation
            .apply(self.code.forward(self.hidden(x)))
    }

    pub fn decode_logits(&self, mut h: Tensor<2>) -> Tensor<2> {
        for layer in &self.decoder {
            h = self.activation.apply(layer.forward(h));
        }
        self.output.forward(h)
    }

    /// Reconstructed pixels from codes.
    pub fn decode(&self, h: Tensor<2>) -> Tensor<2> {
        let out = self.decode_logits(h);
        if self.linear_output {
            out
        } else {
            sigmoid(out)
        }
    }

    /// The training pass; `eps` (the VAE's noise, `[n, latent]`) is used only by a VAE.
    pub fn forward(&self, x: Tensor<2>, eps: Option<Tensor<2>>) -> LabForward {
        let hidden = self.hidden(x);
        let code = self
            .code_activation
            .apply(self.code.forward(hidden.clone()));
        let log_var = self.log_var.as_ref().map(|l| l.forward(hidden));
        let z = match (&log_var, eps) {
            (Some(lv), Some(eps)) => code.clone() + (lv.clone() * 0.5).exp() * eps,
            _ => code.clone(),
        };
        LabForward {
            logits: self.decode_logits(z),
            code,
            log_var,
        }
    }

    /// The deterministic reconstruction g(f(x)) (g(μ) for a VAE).
    pub fn reconstruct(&self, x: Tensor<2>) -> Tensor<2> {
        self.decode(self.encode(x))
    }

    pub fn latent(&self) -> usize {
        self.code.weight.dims()[1]
    }
}

/// The loss of one batch and its parts (per image, averaged over the batch). `kl` is the
/// unweighted KL divergence; `total` weights it by β.
pub struct LabLoss {
    pub total: Tensor<1>,
    pub reconstruction: Tensor<1>,
    pub kl: Option<Tensor<1>>,
    pub penalty: Option<Tensor<1>>,
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
