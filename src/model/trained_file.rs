//! One file for a model trained in the lab: its configuration, its training history and its
//! weights. Layout: the magic `LATENTLAB-MODEL`, a `u16` format version, a `u32` length and that
//! many bytes of JSON (configuration and history), then the SafeTensors weights.

use std::fmt;

use burn::prelude::*;
use serde::{Deserialize, Serialize};

use super::history::HistoryPoint;
use super::lab::{LabConfig, LabNet};
use super::safetensors_header;
use super::store::{WeightsError, expect_values, load_weights, weights_to_bytes};
use crate::i18n::{Lang, Text};

const MAGIC: &[u8] = b"LATENTLAB-MODEL";
pub const FORMAT_VERSION: u16 = 1;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct TrainedMeta {
    pub config: LabConfig,
    pub history: Vec<HistoryPoint>,
}

/// Why a file could not be imported. Each message says what to do.
#[derive(Debug, Clone, PartialEq)]
pub enum TrainedFileError {
    NotAModel,
    UnsupportedVersion(u16),
    Truncated,
    BadDescription(String),
    BadConfig(String),
    BadWeights(WeightsError),
}

impl fmt::Display for TrainedFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAModel => write!(
                f,
                "this is not a Latent Lab model file (export one from the training lab)"
            ),
            Self::UnsupportedVersion(v) => {
                write!(
                    f,
                    "this model file has format version {v}; this version of Latent Lab reads version {FORMAT_VERSION}"
                )
            }
            Self::Truncated => write!(
                f,
                "the model file is truncated: it ends before its description or weights"
            ),
            Self::BadDescription(why) => {
                write!(f, "the model file's description is damaged: {why}")
            }
            Self::BadConfig(why) => write!(
                f,
                "the model file describes a model Latent Lab cannot build: {why}"
            ),
            Self::BadWeights(e) => write!(
                f,
                "the model file's weights do not fit its description: {e}"
            ),
        }
    }
}

impl std::error::Error for TrainedFileError {}

impl TrainedFileError {
    /// What happened and what to do, for a student; the `Display` text is the technical detail.
    pub fn advice(&self) -> Text {
        match self {
            Self::NotAModel => Text::new("file-not-a-model"),
            Self::UnsupportedVersion(v) => {
                Text::new("file-other-version").with("version", *v as usize)
            }
            Self::Truncated | Self::BadWeights(_) => Text::new("file-damaged-weights"),
            Self::BadDescription(_) => Text::new("file-damaged-description"),
            Self::BadConfig(_) => Text::new("file-bad-config"),
        }
    }
}

/// Serialises a trained model (a model on an autodiff device is fine).
pub fn encode(model: &LabNet, meta: &TrainedMeta) -> Result<Vec<u8>, WeightsError> {
    let json = serde_json::to_vec(meta).expect("the description always serialises");
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(json.len() as u32).to_le_bytes());
    out.extend_from_slice(&json);
    out.extend_from_slice(&weights_to_bytes(model)?);
    Ok(out)
}

/// The description and the SafeTensors weights of a model file, checked as far as they can be
/// without building the model (the homework hashes the weights without a device).
pub fn split(bytes: &[u8]) -> Result<(TrainedMeta, &[u8]), TrainedFileError> {
    let head = MAGIC.len();
    if bytes.len() < head || &bytes[..head] != MAGIC {
        return Err(TrainedFileError::NotAModel);
    }
    let rest = &bytes[head..];
    if rest.len() < 6 {
        return Err(TrainedFileError::Truncated);
    }
    let version = u16::from_le_bytes([rest[0], rest[1]]);
    if version != FORMAT_VERSION {
        return Err(TrainedFileError::UnsupportedVersion(version));
    }
    let json_len = u32::from_le_bytes(rest[2..6].try_into().unwrap()) as usize;
    let rest = &rest[6..];
    if rest.len() < json_len {
        return Err(TrainedFileError::Truncated);
    }
    let meta: TrainedMeta = serde_json::from_slice(&rest[..json_len])
        .map_err(|e| TrainedFileError::BadDescription(e.to_string()))?;
    meta.config
        .validate()
        .map_err(|why| TrainedFileError::BadConfig(why.in_lang(Lang::En)))?;
    let weights = &rest[json_len..];
    if weights.is_empty() {
        return Err(TrainedFileError::Truncated);
    }
    Ok((meta, weights))
}

/// Reads a file back into a model on `device`, checking everything before returning it.
pub fn decode(bytes: &[u8], device: &Device) -> Result<(LabNet, TrainedMeta), TrainedFileError> {
    let (meta, weights) = split(bytes)?;
    // The description may claim any model the limits allow (eight layers of 2,048 are hundreds of
    // megabytes): the weights present must hold exactly its parameters before it is built.
    let header = safetensors_header::check(weights).map_err(TrainedFileError::BadWeights)?;
    expect_values(header.values(), meta.config.parameter_count())
        .map_err(TrainedFileError::BadWeights)?;
    let weights = weights.to_vec();
    let model =
        load_weights(meta.config.init(device), weights).map_err(TrainedFileError::BadWeights)?;
    Ok((model, meta))
}
