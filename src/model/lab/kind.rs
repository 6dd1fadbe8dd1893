//! What a lab model is: its kind (with the weights of its regulariser) and its activation, and
//! the hidden widths as a form shows them.

use burn::prelude::*;
use burn::tensor::activation::{relu, sigmoid, tanh};
use serde::{Deserialize, Serialize};

use crate::i18n::tk;
use crate::slug::Slug;

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

/// A kind's slug names it whatever its weights; read back, it has the default weights.
impl Slug for LabKind {
    const ALL: &'static [Self] = &LabKind::DEFAULTS;

    fn slug(&self) -> &'static str {
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
}

impl LabKind {
    /// The translation key of the kind's name.
    pub fn name_key(&self) -> &'static str {
        match self {
            LabKind::Ae => tk("kind-ae"),
            LabKind::Vae { .. } => tk("kind-vae"),
            LabKind::Denoising { .. } => tk("kind-denoising"),
            LabKind::SparseL1 { .. } => tk("kind-sparse-l1"),
            LabKind::SparseKl { .. } => tk("kind-sparse-kl"),
            LabKind::Contractive { .. } => tk("kind-contractive"),
            LabKind::Linear => tk("kind-linear"),
        }
    }

    pub fn is_vae(&self) -> bool {
        matches!(self, LabKind::Vae { .. })
    }

    /// Every kind, each with its regulariser at the lab's default weight, in menu order.
    const DEFAULTS: [LabKind; 7] = [
        LabKind::Ae,
        LabKind::Vae { beta: 1.0 },
        LabKind::Denoising { sigma: 0.5 },
        LabKind::SparseL1 { lambda: 0.1 },
        LabKind::SparseKl {
            rho: 0.05,
            lambda: 0.1,
        },
        LabKind::Contractive { lambda: 0.1 },
        LabKind::Linear,
    ];

    /// Every kind, each with its regulariser at the lab's default weight, in menu order.
    pub fn defaults() -> [LabKind; 7] {
        Self::DEFAULTS
    }

    /// The weights this kind has, in the order a form shows them.
    pub fn params(&self) -> &'static [KindParam] {
        match self {
            LabKind::Vae { .. } => &[KindParam::Beta],
            LabKind::Denoising { .. } => &[KindParam::Sigma],
            LabKind::SparseL1 { .. } | LabKind::Contractive { .. } => &[KindParam::Lambda],
            LabKind::SparseKl { .. } => &[KindParam::Lambda, KindParam::Rho],
            LabKind::Ae | LabKind::Linear => &[],
        }
    }

    /// The value of weight `param`, if this kind has it.
    pub fn param(&self, param: KindParam) -> Option<f64> {
        match (self, param) {
            (LabKind::Vae { beta }, KindParam::Beta) => Some(*beta),
            (LabKind::Denoising { sigma }, KindParam::Sigma) => Some(*sigma as f64),
            (
                LabKind::SparseL1 { lambda }
                | LabKind::SparseKl { lambda, .. }
                | LabKind::Contractive { lambda },
                KindParam::Lambda,
            ) => Some(*lambda),
            (LabKind::SparseKl { rho, .. }, KindParam::Rho) => Some(*rho),
            _ => None,
        }
    }

    /// Sets weight `param`; false if this kind has no such weight.
    pub fn set_param(&mut self, param: KindParam, value: f64) -> bool {
        match (self, param) {
            (LabKind::Vae { beta }, KindParam::Beta) => *beta = value,
            (LabKind::Denoising { sigma }, KindParam::Sigma) => *sigma = value as f32,
            (
                LabKind::SparseL1 { lambda }
                | LabKind::SparseKl { lambda, .. }
                | LabKind::Contractive { lambda },
                KindParam::Lambda,
            ) => *lambda = value,
            (LabKind::SparseKl { rho, .. }, KindParam::Rho) => *rho = value,
            _ => return false,
        }
        true
    }

    /// Whether the hidden layers' activation matters (the linear AE has none).
    pub fn uses_activation(&self) -> bool {
        *self != LabKind::Linear
    }

    /// Whether the hidden widths shape the model (the linear AE has one hidden layer: the code).
    pub fn uses_hidden_widths(&self) -> bool {
        *self != LabKind::Linear
    }
}

/// A weight of a lab kind's regulariser or corruption.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KindParam {
    /// The VAE's KL weight β.
    Beta,
    /// The denoising AE's noise σ.
    Sigma,
    /// A penalty's weight λ.
    Lambda,
    /// The sparse KL penalty's target activation ρ.
    Rho,
}

impl KindParam {
    /// The range a form accepts.
    pub fn range(self) -> (f64, f64) {
        match self {
            KindParam::Beta => (0.0, 100.0),
            KindParam::Sigma => (0.0, 1.0),
            KindParam::Lambda => (0.0, 100.0),
            KindParam::Rho => (0.001, 0.999),
        }
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
    /// The activations a student can choose (`Identity` belongs to the linear AE alone).
    pub const CHOICES: [Activation; 3] = [Activation::Relu, Activation::Tanh, Activation::Sigmoid];

    pub fn apply<const D: usize>(self, x: Tensor<D>) -> Tensor<D> {
        match self {
            Activation::Relu => relu(x),
            Activation::Tanh => tanh(x),
            Activation::Sigmoid => sigmoid(x),
            Activation::Identity => x,
        }
    }
}

/// Only a student's choices are read back: `identity` is the linear AE's alone.
impl Slug for Activation {
    const ALL: &'static [Self] = &Activation::CHOICES;

    fn slug(&self) -> &'static str {
        match self {
            Activation::Relu => "relu",
            Activation::Tanh => "tanh",
            Activation::Sigmoid => "sigmoid",
            Activation::Identity => "identity",
        }
    }
}

/// Hidden widths as the form shows them: "256, 64".
pub fn format_hidden(hidden: &[usize]) -> String {
    hidden
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Hidden widths typed as a list ("256, 64"; empty for none); the error is the first entry that
/// is not a width, for the form's sentence.
pub fn parse_hidden(text: &str) -> Result<Vec<usize>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| t.parse::<usize>().map_err(|_| t.to_string()))
        .collect()
}
