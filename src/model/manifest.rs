//! The manifest written beside each pretrained model: what it is, how it was trained, how good it is.

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::data::noise::TrainingNoise;

/// Why a shipped model's manifest (an autoencoder's, `what` = "model", or the GAN's) was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ManifestError {
    /// Not JSON of the manifest's shape (serde's message).
    Invalid { what: &'static str, why: String },
    UnsupportedVersion {
        what: &'static str,
        found: u32,
        expected: u32,
    },
    /// Readable, but it describes a model Latent Lab does not build (`why` names the part).
    Unbuildable {
        what: &'static str,
        name: String,
        why: String,
    },
}

impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Invalid { what, why } => write!(f, "the {what} manifest is invalid: {why}"),
            Self::UnsupportedVersion {
                what,
                found,
                expected,
            } => write!(
                f,
                "{what} manifest version {found} is not supported (expected {expected})"
            ),
            Self::Unbuildable { what, name, why } => write!(
                f,
                "the {what} manifest {name} describes {why}, which Latent Lab does not build"
            ),
        }
    }
}

impl std::error::Error for ManifestError {}

/// Why a shipped model's file could not be read from `pretrained/` (native tools and tests).
#[derive(Debug)]
pub enum ReadError {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    Manifest(ManifestError),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io { path, error } => write!(f, "{}: {error}", path.display()),
            Self::Manifest(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<ManifestError> for ReadError {
    fn from(e: ManifestError) -> Self {
        Self::Manifest(e)
    }
}

/// Bumped when the manifest's meaning changes; the app refuses other versions. Version 2: the
/// weights are compact (`weights_format`), and the metrics are those of the compact weights.
pub const MANIFEST_VERSION: u32 = 2;

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ModelKind {
    /// A deterministic autoencoder (plain, denoising or inpainting: the architecture is the same).
    Ae,
    /// A variational autoencoder.
    Vae,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Architecture {
    pub input: usize,
    /// Encoder hidden widths from the input side (the decoder mirrors them), ReLU after each.
    pub hidden: Vec<usize>,
    pub latent: usize,
    /// `relu` (`identity` for the linear autoencoder, which has no hidden layer).
    pub hidden_activation: String,
    /// `sigmoid`, or `identity` for a linear output.
    pub output_activation: String,
    /// Values the decoder outputs when not `input` (3 × 784 for the colourisation autoencoder).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<usize>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Training {
    pub optimizer: String,
    pub learning_rate: f64,
    pub batch_size: usize,
    pub epochs: usize,
    pub seed: u64,
    /// The reconstruction loss trained on.
    pub loss: String,
    /// Weight of the KL term (VAE only).
    pub beta: Option<f64>,
    /// The corruption of training inputs (denoising and inpainting autoencoders only).
    pub noise: Option<TrainingNoise>,
    /// Wall-clock seconds the training took on the machine that ran it.
    pub seconds: f64,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct DataInfo {
    pub source: String,
    pub train_images: usize,
    pub test_images: usize,
    pub split_seed: u32,
}

/// How the SafeTensors file beside a manifest stores the weights.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeightsFormat {
    /// Each weight matrix int8 with one `f32` scale per output unit, biases `f32` (`model::compact`).
    #[serde(rename = "int8-per-output")]
    Int8PerOutput,
}

/// Test-split metrics, measured with the shipped (compact) weights. MSE is per pixel; BCE, KL and
/// ELBO are nats per image.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Metrics {
    pub test_mse: f64,
    pub test_bce: f64,
    pub test_kl: Option<f64>,
    /// The evidence lower bound −(BCE + KL) with one sample of z per image (VAE only).
    pub test_elbo: Option<f64>,
    /// MSE of PCA with `pca_components` components fitted on the training split: the bar to beat.
    pub pca_mse: f64,
    pub pca_components: usize,
    /// The corruption benchmark this model was trained for, against the plain autoencoder.
    pub corruption: Option<CorruptionMetric>,
    /// Simpler methods on the same task, for models whose target is not their input (the
    /// colourisation autoencoder).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub baselines: Vec<BaselineMetric>,
    /// Test MSE of the `f32` weights as trained, before they were stored compactly.
    pub float32_test_mse: f64,
    /// The change of test MSE from the `f32` weights to the shipped ones, in per cent.
    pub test_mse_change_percent: f64,
}

/// Test MSE of a simpler method on the model's own task.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct BaselineMetric {
    pub method: String,
    pub mse: f64,
}

/// MSE against the clean test digits under a fixed corruption, for this model and the plain AE.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct CorruptionMetric {
    pub benchmark: String,
    pub model_mse: f64,
    pub plain_ae_mse: f64,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Manifest {
    pub format_version: u32,
    /// File stem, e.g. `ae-16`.
    pub name: String,
    pub kind: ModelKind,
    pub title: String,
    pub architecture: Architecture,
    pub training: Training,
    pub data: DataInfo,
    pub metrics: Metrics,
    /// The SafeTensors file beside this manifest.
    pub weights: String,
    pub weights_format: WeightsFormat,
}
