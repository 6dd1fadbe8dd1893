//! Building the shipped models from their manifest and SafeTensors bytes.

use burn::prelude::*;

use super::compact_file;
use super::layers::autoencoder_parameters;
use super::manifest::{MANIFEST_VERSION, Manifest, ManifestError, ModelKind};
use super::safetensors_header;
use super::store::{WeightsError, expect_values, load_weights};
use super::{Autoencoder, AutoencoderConfig, Vae, VaeConfig};

/// The models shipped in `pretrained/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shipped {
    Ae16,
    Vae16,
    Dae16,
    Inpaint16,
    Ae2,
    Vae2,
    /// The linear autoencoder of the applications lab (PCA's subspace); not in [`Shipped::ALL`].
    Linear16,
    /// The colourisation autoencoder of the applications lab; not in [`Shipped::ALL`].
    Colour16,
}

impl Shipped {
    pub const ALL: [Shipped; 6] = [
        Shipped::Ae16,
        Shipped::Vae16,
        Shipped::Dae16,
        Shipped::Inpaint16,
        Shipped::Ae2,
        Shipped::Vae2,
    ];

    /// The applications lab's models, loaded on their own (the six of [`Shipped::ALL`] are what
    /// every other view needs at start-up).
    pub const APPLICATIONS: [Shipped; 2] = [Shipped::Linear16, Shipped::Colour16];

    /// The file stem in `pretrained/`.
    pub const fn name(self) -> &'static str {
        match self {
            Shipped::Ae16 => "ae-16",
            Shipped::Vae16 => "vae-16",
            Shipped::Dae16 => "dae-16",
            Shipped::Inpaint16 => "inpaint-16",
            Shipped::Ae2 => "ae-2",
            Shipped::Vae2 => "vae-2",
            Shipped::Linear16 => "linear-16",
            Shipped::Colour16 => "colour-16",
        }
    }
}

/// The file stems, for the pretraining command and the tests.
pub const AE_16: &str = Shipped::Ae16.name();
pub const VAE_16: &str = Shipped::Vae16.name();
pub const DAE_16: &str = Shipped::Dae16.name();
pub const INPAINT_16: &str = Shipped::Inpaint16.name();
pub const AE_2: &str = Shipped::Ae2.name();
pub const VAE_2: &str = Shipped::Vae2.name();
pub const LINEAR_16: &str = Shipped::Linear16.name();
pub const COLOUR_16: &str = Shipped::Colour16.name();

/// Reads a manifest, refusing other format versions.
pub fn parse_manifest(json: &str) -> Result<Manifest, ManifestError> {
    let manifest: Manifest = serde_json::from_str(json).map_err(|e| ManifestError::Invalid {
        what: "model",
        why: e.to_string(),
    })?;
    if manifest.format_version != MANIFEST_VERSION {
        return Err(ManifestError::UnsupportedVersion {
            what: "model",
            found: manifest.format_version,
            expected: MANIFEST_VERSION,
        });
    }
    Ok(manifest)
}

fn expect_kind(manifest: &Manifest, kind: ModelKind) -> Result<(), WeightsError> {
    if manifest.kind == kind {
        Ok(())
    } else {
        Err(WeightsError::Mismatch(format!(
            "{} is a {:?} model, expected {kind:?}",
            manifest.name, manifest.kind
        )))
    }
}

/// The configuration a manifest describes: a linear output when `output_activation` is
/// `identity`, a decoder output of `output` values when given.
pub fn autoencoder_config(manifest: &Manifest) -> AutoencoderConfig {
    let a = &manifest.architecture;
    AutoencoderConfig::new(a.hidden.clone(), a.latent)
        .with_input(a.input)
        .with_output(a.output)
        .with_linear_output(a.output_activation == "identity")
}

/// Refuses activations the shipped autoencoder cannot build: hidden layers are ReLU (a model with
/// no hidden layer may say `identity`), the output `sigmoid` or `identity`.
fn check_activations(manifest: &Manifest) -> Result<(), WeightsError> {
    let a = &manifest.architecture;
    let hidden_ok =
        a.hidden_activation == "relu" || (a.hidden.is_empty() && a.hidden_activation == "identity");
    let output_ok = matches!(a.output_activation.as_str(), "sigmoid" | "identity");
    if hidden_ok && output_ok {
        Ok(())
    } else {
        Err(WeightsError::Mismatch(format!(
            "{} asks for hidden activation {:?} and output activation {:?}, which this autoencoder \
             cannot build",
            manifest.name, a.hidden_activation, a.output_activation
        )))
    }
}

pub fn vae_config(manifest: &Manifest) -> VaeConfig {
    let a = &manifest.architecture;
    VaeConfig::new(a.hidden.clone(), a.latent).with_input(a.input)
}

/// The largest architecture a manifest may describe: the lab's limits (eight hidden layers of at
/// most 2,048, a code of at most 1,024) and inputs and outputs of at most three 28×28 images.
pub const MAX_LAYERS: usize = 8;
pub const MAX_WIDTH: usize = 2048;
pub const MAX_LATENT: usize = 1024;
pub const MAX_IO: usize = 3 * crate::PIXELS;

/// Refuses an architecture past the limits above, before anything is built from it.
fn check_architecture(manifest: &Manifest) -> Result<(), WeightsError> {
    let a = &manifest.architecture;
    let why = if a.hidden.len() > MAX_LAYERS {
        format!("{} hidden layers (at most {MAX_LAYERS})", a.hidden.len())
    } else if let Some(w) = a.hidden.iter().find(|w| !(1..=MAX_WIDTH).contains(*w)) {
        format!("a hidden layer of {w} units (1 to {MAX_WIDTH})")
    } else if !(1..=MAX_LATENT).contains(&a.latent) {
        format!("a code of {} values (1 to {MAX_LATENT})", a.latent)
    } else if let Some(n) = [Some(a.input), a.output]
        .into_iter()
        .flatten()
        .find(|n| !(1..=MAX_IO).contains(n))
    {
        format!("an input or output of {n} values (1 to {MAX_IO})")
    } else {
        return Ok(());
    };
    Err(WeightsError::Mismatch(format!(
        "{} describes {why}, which Latent Lab does not build",
        manifest.name
    )))
}

/// Checks the weights' header (a compact file, see `model::compact_file`) against the architecture
/// before anything is decoded or built.
fn check_weights(manifest: &Manifest, weights: &[u8], heads: u64) -> Result<(), WeightsError> {
    check_architecture(manifest)?;
    let a = &manifest.architecture;
    let header = safetensors_header::check_compact(weights)?;
    let output = a.output.unwrap_or(a.input);
    expect_values(
        header.values(),
        autoencoder_parameters(a.input, &a.hidden, a.latent, heads, &a.hidden, output),
    )
}

pub fn load_autoencoder(
    manifest: &Manifest,
    weights: Vec<u8>,
    device: &Device,
) -> Result<Autoencoder, WeightsError> {
    expect_kind(manifest, ModelKind::Ae)?;
    check_activations(manifest)?;
    check_weights(manifest, &weights, 1)?;
    load_weights(
        autoencoder_config(manifest).init(device),
        compact_file::decode(&weights)?,
    )
}

pub fn load_vae(
    manifest: &Manifest,
    weights: Vec<u8>,
    device: &Device,
) -> Result<Vae, WeightsError> {
    expect_kind(manifest, ModelKind::Vae)?;
    check_weights(manifest, &weights, 2)?;
    load_weights(
        vae_config(manifest).init(device),
        compact_file::decode(&weights)?,
    )
}

/// Native helpers for tests and the pretraining command.
#[cfg(not(target_arch = "wasm32"))]
pub mod files {
    use std::path::PathBuf;

    use super::*;

    pub fn dir() -> PathBuf {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/pretrained"))
    }

    use crate::model::manifest::ReadError;

    pub fn read_manifest(name: &str) -> Result<Manifest, ReadError> {
        let path = dir().join(format!("{name}.json"));
        Ok(parse_manifest(&read_text(path)?)?)
    }

    pub fn read_weights(manifest: &Manifest) -> Result<Vec<u8>, ReadError> {
        let path = dir().join(&manifest.weights);
        std::fs::read(&path).map_err(|error| ReadError::Io { path, error })
    }

    /// A manifest's text, or which file could not be read.
    pub fn read_text(path: PathBuf) -> Result<String, ReadError> {
        std::fs::read_to_string(&path).map_err(|error| ReadError::Io { path, error })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::manifest::WeightsFormat;
    use serde_json::{Value, json};

    const AE_16_JSON: &str = include_str!("../../pretrained/ae-16.json");

    fn edited(edit: impl FnOnce(&mut Value)) -> Result<Manifest, ManifestError> {
        let mut json: Value = serde_json::from_str(AE_16_JSON).unwrap();
        edit(&mut json);
        parse_manifest(&json.to_string())
    }

    #[test]
    fn the_shipped_manifest_states_its_weights_format_and_the_cost_in_mse() {
        let m = parse_manifest(AE_16_JSON).unwrap();
        assert_eq!(m.format_version, MANIFEST_VERSION);
        assert_eq!(m.weights_format, WeightsFormat::Int8PerOutput);
        let change = 100.0 * (m.metrics.test_mse / m.metrics.float32_test_mse - 1.0);
        assert!((m.metrics.test_mse_change_percent - change).abs() < 1e-9);
        // Written back, it reads the same.
        let again = parse_manifest(&serde_json::to_string(&m).unwrap()).unwrap();
        assert_eq!(again, m);
    }

    #[test]
    fn manifests_of_another_version_or_weights_format_are_refused() {
        let err = edited(|j| j["format_version"] = json!(1))
            .unwrap_err()
            .to_string();
        assert!(err.contains("version 1 is not supported"), "{err}");
        let err = edited(|j| j["weights_format"] = json!("float32"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("float32"), "{err}");
        let err = edited(|j| {
            j.as_object_mut().unwrap().remove("weights_format");
        })
        .unwrap_err()
        .to_string();
        assert!(err.contains("weights_format"), "{err}");
        let err = edited(|j| {
            j["metrics"]
                .as_object_mut()
                .unwrap()
                .remove("float32_test_mse");
        })
        .unwrap_err()
        .to_string();
        assert!(err.contains("float32_test_mse"), "{err}");
    }
}
