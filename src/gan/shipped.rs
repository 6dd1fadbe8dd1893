//! The shipped digits GAN (`pretrained/gan-64.json` and `pretrained/gan-64.safetensors`): its
//! manifest and loading its generator. Only G is shipped: the view needs samples G(z) and walks in
//! noise space, not D. The weights are stored like the autoencoders' (int8 with one scale per
//! output unit, `model::compact_file`); the manifest says how G was built and trained, and the
//! quality figures measured on the shipped weights with a fixed noise batch that
//! [`fixed_noise`] rebuilds from the manifest's seed.

use burn::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::compact_file;
use crate::model::gan::{Generator, GeneratorConfig};
use crate::model::manifest::{DataInfo, ManifestError, WeightsFormat};
use crate::model::safetensors_header;
use crate::model::store::{WeightsError, expect_values, load_weights};
use crate::rng::{seeded, standard_normal_vec};

/// The file stem in `pretrained/`.
pub const GAN_64: &str = "gan-64";

/// The format of [`GanManifest`].
pub const GAN_MANIFEST_VERSION: u32 = 1;

/// How G is built: z ∈ ℝ^`noise` → hidden layers with a leaky ReLU → `output` values.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct GanArchitecture {
    pub noise: usize,
    pub hidden: Vec<usize>,
    pub output: usize,
    /// `"leaky relu"` (with `negative_slope`; a slope of 0 is a ReLU).
    pub hidden_activation: String,
    pub negative_slope: f64,
    /// `"sigmoid"`: pixels in (0, 1).
    pub output_activation: String,
    /// D's hidden widths and slope during training, for the record (D is not shipped).
    pub discriminator_hidden: Vec<usize>,
    pub discriminator_negative_slope: f64,
}

/// How the GAN was trained.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct GanTraining {
    pub optimizer: String,
    pub g_learning_rate: f64,
    pub d_learning_rate: f64,
    pub beta1: f64,
    /// How the learning rates changed over the run.
    pub schedule: String,
    pub d_steps: usize,
    pub batch_size: usize,
    /// Generator updates.
    pub steps: usize,
    pub generator_loss: String,
    pub seed: u64,
    /// Wall time of the training run, and where it ran.
    pub seconds: f64,
    pub machine: String,
}

/// The two classifier-free quality figures of `gan::quality` for one set of samples.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub struct QualityFigures {
    /// Mean Euclidean distance to the nearest of the first `train_digits` training digits.
    pub nearest_training_distance: f64,
    /// Mean pairwise distance over that of the first `reference_digits` test digits.
    pub diversity: f64,
}

/// The same figures for something other than the shipped G, to read them against.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct QualityBaseline {
    pub method: String,
    pub figures: QualityFigures,
}

/// The quality figures and exactly what they were measured on.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct GanQuality {
    /// The fixed noise batch: `samples` vectors z ~ N(0, I) from `rng::seeded(noise_seed)`.
    pub noise_seed: u64,
    pub samples: usize,
    /// Nearest distances are to the first `train_digits` training digits.
    pub train_digits: usize,
    /// Diversity is relative to the first `reference_digits` test digits.
    pub reference_digits: usize,
    /// The shipped (int8) generator's figures.
    pub shipped: QualityFigures,
    /// The `f32` generator's figures before compacting, and the change in per cent.
    pub float32: QualityFigures,
    pub nearest_distance_change_percent: f64,
    pub diversity_change_percent: f64,
    /// Real test digits and, where measured, other generators.
    pub baselines: Vec<QualityBaseline>,
}

/// `pretrained/gan-64.json`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct GanManifest {
    pub format_version: u32,
    pub name: String,
    pub title: String,
    pub architecture: GanArchitecture,
    pub training: GanTraining,
    pub data: DataInfo,
    pub quality: GanQuality,
    pub weights: String,
    pub weights_format: WeightsFormat,
}

/// The limits a manifest must keep (the lab's: eight hidden layers of at most 2,048; noise of at
/// most 1,024 values; at most 4,096 fixed samples).
const MAX_LAYERS: usize = 8;
const MAX_WIDTH: usize = 2048;
const MAX_NOISE: usize = 1024;
const MAX_SAMPLES: usize = 4096;

/// Why the manifest cannot describe the shipped generator, if it cannot: its version, its
/// architecture, then (`with_figures`) its quality numbers.
fn check(m: &GanManifest, with_figures: bool) -> Result<(), ManifestError> {
    let a = &m.architecture;
    let q = &m.quality;
    let figures = [q.shipped, q.float32]
        .into_iter()
        .chain(q.baselines.iter().map(|b| b.figures));
    if m.format_version != GAN_MANIFEST_VERSION {
        return Err(ManifestError::UnsupportedVersion {
            what: "GAN",
            found: m.format_version,
            expected: GAN_MANIFEST_VERSION,
        });
    }
    let why = if m.weights_format != WeightsFormat::Int8PerOutput {
        format!("weights stored as {:?}", m.weights_format)
    } else if !(1..=MAX_NOISE).contains(&a.noise) {
        format!("noise of {} values (1 to {MAX_NOISE})", a.noise)
    } else if a.hidden.is_empty() || a.hidden.len() > MAX_LAYERS {
        format!("{} hidden layers (1 to {MAX_LAYERS})", a.hidden.len())
    } else if let Some(w) = a.hidden.iter().find(|w| !(1..=MAX_WIDTH).contains(*w)) {
        format!("a hidden layer of {w} units (1 to {MAX_WIDTH})")
    } else if a.output != crate::PIXELS {
        format!(
            "an output of {} values (a digit has {})",
            a.output,
            crate::PIXELS
        )
    } else if a.hidden_activation != "leaky relu" || !(0.0..1.0).contains(&a.negative_slope) {
        format!(
            "hidden activation {:?} with slope {} (a leaky relu with slope in [0, 1))",
            a.hidden_activation, a.negative_slope
        )
    } else if a.output_activation != "sigmoid" {
        format!("output activation {:?} (a sigmoid)", a.output_activation)
    } else if !(2..=MAX_SAMPLES).contains(&q.samples) {
        format!(
            "a fixed batch of {} samples (2 to {MAX_SAMPLES})",
            q.samples
        )
    } else if q.train_digits == 0 || q.reference_digits < 2 {
        format!(
            "quality measured against {} training and {} reference digits",
            q.train_digits, q.reference_digits
        )
    } else if with_figures
        && (figures
            .into_iter()
            .any(|f| !(f.nearest_training_distance >= 0.0 && f.diversity >= 0.0))
            || !q.nearest_distance_change_percent.is_finite()
            || !q.diversity_change_percent.is_finite())
    {
        "a quality figure that is negative or not a number".to_string()
    } else {
        return Ok(());
    };
    Err(ManifestError::Unbuildable {
        what: "GAN",
        name: m.name.clone(),
        why,
    })
}

/// Why the shipped generator could not be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GanLoadError {
    Manifest(ManifestError),
    /// The weights file of the manifest `name` does not fit the generator it describes.
    Weights {
        name: String,
        error: WeightsError,
    },
}

impl std::fmt::Display for GanLoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Manifest(e) => e.fmt(f),
            Self::Weights { name, error } => write!(f, "{name}: {error}"),
        }
    }
}

impl std::error::Error for GanLoadError {}

/// Reads `gan-64.json`, refusing another version and numbers the generator cannot have.
pub fn parse_gan_manifest(json: &str) -> Result<GanManifest, ManifestError> {
    let manifest: GanManifest = serde_json::from_str(json).map_err(|e| ManifestError::Invalid {
        what: "GAN",
        why: e.to_string(),
    })?;
    check(&manifest, true)?;
    Ok(manifest)
}

/// The generator's configuration as the manifest describes it.
pub fn generator_config(manifest: &GanManifest) -> GeneratorConfig {
    let a = &manifest.architecture;
    GeneratorConfig::digits(a.noise, a.hidden.clone()).with_negative_slope(a.negative_slope)
}

/// G's parameters: each layer's weights and biases.
fn generator_parameters(a: &GanArchitecture) -> u64 {
    std::iter::once(a.noise)
        .chain(a.hidden.iter().copied())
        .chain([a.output])
        .collect::<Vec<_>>()
        .windows(2)
        .map(|w| (w[0] * w[1] + w[1]) as u64)
        .sum()
}

/// Builds the shipped generator from its manifest and compact weights (`gan-64.safetensors`),
/// checking the file's header against the architecture before anything is decoded.
pub fn load_generator(
    manifest: &GanManifest,
    weights: Vec<u8>,
    device: &Device,
) -> Result<Generator, GanLoadError> {
    check(manifest, false).map_err(GanLoadError::Manifest)?;
    let describe = |error| GanLoadError::Weights {
        name: manifest.name.clone(),
        error,
    };
    let header = safetensors_header::check_compact(&weights).map_err(describe)?;
    expect_values(
        header.values(),
        generator_parameters(&manifest.architecture),
    )
    .map_err(describe)?;
    let decoded = compact_file::decode(&weights).map_err(describe)?;
    load_weights(generator_config(manifest).init(device), decoded).map_err(describe)
}

/// `count` noise vectors z ~ N(0, I) of `noise` values from `rng::seeded(seed)`, one after
/// another (`count × noise` values).
pub fn noise_batch(seed: u64, count: usize, noise: usize) -> Vec<f32> {
    standard_normal_vec(&mut seeded(seed), count * noise)
}

/// The manifest's fixed noise batch (`quality.samples × architecture.noise` values): the z the
/// quality figures were measured with, so native tests and the app sample the same digits.
pub fn fixed_noise(manifest: &GanManifest) -> Vec<f32> {
    noise_batch(
        manifest.quality.noise_seed,
        manifest.quality.samples,
        manifest.architecture.noise,
    )
}

/// G(z) for `noise` (`n × noise` values, flat), `[n, output]` on G's device.
pub fn generate(generator: &Generator, noise: &[f32]) -> Tensor<2> {
    let k = generator.noise_dim();
    let device = generator.output.weight.device();
    generator.forward(Tensor::from_data(
        TensorData::new(noise.to_vec(), [noise.len() / k, k]),
        &device,
    ))
}

/// Native helpers for tests and the pretraining command.
#[cfg(not(target_arch = "wasm32"))]
pub mod files {
    use crate::model::manifest::ReadError;
    use crate::model::pretrained::files::{dir, read_text};

    use super::*;

    pub fn read_gan_manifest() -> Result<GanManifest, ReadError> {
        let path = dir().join(format!("{GAN_64}.json"));
        Ok(parse_gan_manifest(&read_text(path)?)?)
    }

    pub fn read_gan_weights(manifest: &GanManifest) -> Result<Vec<u8>, ReadError> {
        let path = dir().join(&manifest.weights);
        std::fs::read(&path).map_err(|error| ReadError::Io { path, error })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digits_generator_has_the_parameters_of_its_layers() {
        let config = crate::train::gan::GanConfig::digits().generator;
        let a = GanArchitecture {
            noise: config.noise,
            hidden: config.hidden.clone(),
            output: config.output,
            hidden_activation: "leaky relu".into(),
            negative_slope: config.negative_slope,
            output_activation: "sigmoid".into(),
            discriminator_hidden: vec![],
            discriminator_negative_slope: 0.2,
        };
        let g = config.init(&Device::flex());
        assert_eq!(generator_parameters(&a), g.num_params() as u64);
    }
}
