//! One file for a GAN trained in the GAN lab: its mode and settings, its loss history and both
//! players' weights. Layout: the magic `LATENTLAB-GAN`, a `u16` format version, a `u32` length
//! and that many bytes of JSON ([`GanFileMeta`]), a `u32` length and that many bytes of the
//! generator's SafeTensors, then the discriminator's SafeTensors to the end of the file. Both
//! weight blocks are plain `f32` SafeTensors from Burn's store, so each opens in PyTorch too.
//!
//! The optimisers' state is not stored: a run resumed from a file starts with fresh Adam moments
//! (see [`GanTrainer::from_models`](crate::train::gan::GanTrainer::from_models)).

use std::fmt;

use burn::prelude::*;
use serde::{Deserialize, Serialize};

use super::settings::{GanMode, GanSettings, MAX_DRAWN};
use crate::i18n::{Lang, Text};
use crate::model::gan::{Discriminator, Generator};
use crate::model::gan_history::GanRecord;
use crate::model::store::{WeightsError, load_weights, weights_to_bytes};

const MAGIC: &[u8] = b"LATENTLAB-GAN";
/// The training lab's model files start with this: recognised so the advice can point there.
const LAB_MODEL_MAGIC: &[u8] = b"LATENTLAB-MODEL";
pub const FORMAT_VERSION: u16 = 1;

/// What the file says besides the weights.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct GanFileMeta {
    pub mode: GanMode,
    /// The settings the models were built and trained with (they define both architectures).
    pub settings: GanSettings,
    /// Generator steps done.
    pub steps: usize,
    pub history: Vec<GanRecord>,
}

/// Why a file could not be imported. Each message says what to do.
#[derive(Debug, Clone, PartialEq)]
pub enum GanFileError {
    NotAGan,
    /// A model file of the training lab, imported here by mistake.
    LabModel,
    UnsupportedVersion(u16),
    /// The file ends before its description or one of its weight blocks.
    Truncated,
    /// The description is not readable JSON of the right shape, or contradicts itself.
    BadMeta(String),
    /// The settings are out of the ranges the GAN lab builds models for.
    BadSettings(Text),
    BadGenerator(WeightsError),
    BadDiscriminator(WeightsError),
}

impl fmt::Display for GanFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAGan => write!(
                f,
                "this is not a Latent Lab GAN file (export one from the GAN lab)"
            ),
            Self::LabModel => write!(
                f,
                "this is a model file of the training lab, not a GAN file"
            ),
            Self::UnsupportedVersion(v) => write!(
                f,
                "this GAN file has format version {v}; this version of Latent Lab reads version {FORMAT_VERSION}"
            ),
            Self::Truncated => write!(
                f,
                "the GAN file is truncated: it ends before its description or weights"
            ),
            Self::BadMeta(why) => write!(f, "the GAN file's description is damaged: {why}"),
            Self::BadSettings(why) => write!(
                f,
                "the GAN file's settings are out of range: {}",
                why.in_lang(Lang::En)
            ),
            Self::BadGenerator(e) => write!(f, "the generator's weights do not fit: {e}"),
            Self::BadDiscriminator(e) => {
                write!(f, "the discriminator's weights do not fit: {e}")
            }
        }
    }
}

impl std::error::Error for GanFileError {}

impl GanFileError {
    /// What happened and what to do, for a student; the `Display` text is the technical detail.
    pub fn advice(&self) -> Text {
        match self {
            Self::NotAGan => Text::new("gan-file-not-a-gan"),
            Self::LabModel => Text::new("gan-file-lab-model"),
            Self::UnsupportedVersion(v) => {
                Text::new("gan-file-other-version").with("version", *v as usize)
            }
            Self::Truncated => Text::new("gan-file-truncated"),
            Self::BadMeta(_) => Text::new("gan-file-damaged-description"),
            Self::BadSettings(why) => Text::new("gan-file-bad-settings").with("why", why.clone()),
            Self::BadGenerator(_) => Text::new("gan-file-damaged-generator"),
            Self::BadDiscriminator(_) => Text::new("gan-file-damaged-discriminator"),
        }
    }
}

/// Serialises a GAN. The players may live on an autodiff device (a trainer's): Burn's store saves
/// a parameter's values whatever its device, so the tensors are those of `.valid()` (tested; only
/// the order of the keys in SafeTensors' `__metadata__`, a hash map in Burn, may differ between
/// two saves of the same weights).
pub fn encode(
    meta: &GanFileMeta,
    generator: &Generator,
    discriminator: &Discriminator,
) -> Result<Vec<u8>, WeightsError> {
    let json = serde_json::to_vec(meta).expect("the description always serialises");
    let g = weights_to_bytes(generator)?;
    let d = weights_to_bytes(discriminator)?;
    let mut out = Vec::with_capacity(MAGIC.len() + 10 + json.len() + g.len() + d.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(json.len() as u32).to_le_bytes());
    out.extend_from_slice(&json);
    out.extend_from_slice(&(g.len() as u32).to_le_bytes());
    out.extend_from_slice(&g);
    out.extend_from_slice(&d);
    Ok(out)
}

/// Takes a `u32` length and then that many bytes from the front of `rest`. Lengths are only
/// compared with the bytes present, never allocated from.
fn take_block<'a>(rest: &mut &'a [u8]) -> Result<&'a [u8], GanFileError> {
    let (len, after) = rest
        .split_first_chunk::<4>()
        .ok_or(GanFileError::Truncated)?;
    let len = u32::from_le_bytes(*len) as usize;
    if after.len() < len {
        return Err(GanFileError::Truncated);
    }
    let (block, after) = after.split_at(len);
    *rest = after;
    Ok(block)
}

/// Checks what the description says about itself: a history that goes forward and stays within
/// the steps done, a drawing the view could have made.
fn check_meta(meta: &GanFileMeta) -> Result<(), GanFileError> {
    if let Some(w) = meta.history.windows(2).find(|w| w[1].step < w[0].step) {
        return Err(GanFileError::BadMeta(format!(
            "the history goes back from step {} to step {}",
            w[0].step, w[1].step
        )));
    }
    if let Some(last) = meta.history.last()
        && last.step > meta.steps
    {
        return Err(GanFileError::BadMeta(format!(
            "the history reaches step {} of a run of {} steps",
            last.step, meta.steps
        )));
    }
    let drawn = &meta.settings.drawn;
    if drawn.len() > MAX_DRAWN {
        return Err(GanFileError::BadMeta(format!(
            "{} drawn points, at most {MAX_DRAWN}",
            drawn.len()
        )));
    }
    if !drawn.iter().flatten().all(|v| v.is_finite()) {
        return Err(GanFileError::BadMeta(
            "a drawn point is not a finite number".into(),
        ));
    }
    // A toy run may be saved while its target waits for a drawing: the models are still whole.
    if !meta.settings.restorable(meta.mode) {
        let why = meta
            .settings
            .validate(meta.mode)
            .expect_err("settings that are not restorable are invalid");
        return Err(GanFileError::BadSettings(why));
    }
    Ok(())
}

/// The description and both weight blocks, checked as far as they can be without a device.
pub fn split(bytes: &[u8]) -> Result<(GanFileMeta, &[u8], &[u8]), GanFileError> {
    if !bytes.starts_with(MAGIC) {
        return Err(if bytes.starts_with(LAB_MODEL_MAGIC) {
            GanFileError::LabModel
        } else if !bytes.is_empty() && MAGIC.starts_with(bytes) {
            GanFileError::Truncated
        } else {
            GanFileError::NotAGan
        });
    }
    let rest = &bytes[MAGIC.len()..];
    let (version, mut rest) = rest
        .split_first_chunk::<2>()
        .ok_or(GanFileError::Truncated)?;
    let version = u16::from_le_bytes(*version);
    if version != FORMAT_VERSION {
        return Err(GanFileError::UnsupportedVersion(version));
    }
    let json = take_block(&mut rest)?;
    let meta: GanFileMeta =
        serde_json::from_slice(json).map_err(|e| GanFileError::BadMeta(e.to_string()))?;
    check_meta(&meta)?;
    let generator = take_block(&mut rest)?;
    if generator.is_empty() || rest.is_empty() {
        return Err(GanFileError::Truncated);
    }
    Ok((meta, generator, rest))
}

/// Reads a file back into both players on `device` (not autodiff: hand them to
/// [`GanTrainer::from_models`](crate::train::gan::GanTrainer::from_models) to train on), checking
/// everything before returning them.
pub fn decode(
    bytes: &[u8],
    device: &Device,
) -> Result<(GanFileMeta, Generator, Discriminator), GanFileError> {
    let (meta, g_bytes, d_bytes) = split(bytes)?;
    // Validated settings bound both architectures (at most ~250,000 parameters each), so building
    // them before the weights are checked costs at most a megabyte; `load_weights` then checks the
    // header against the bytes present and every tensor's shape against the model.
    let config = meta.settings.config(meta.mode);
    let generator = load_weights(config.generator.init(device), g_bytes.to_vec())
        .map_err(GanFileError::BadGenerator)?;
    let discriminator = load_weights(config.discriminator.init(device), d_bytes.to_vec())
        .map_err(GanFileError::BadDiscriminator)?;
    Ok((meta, generator, discriminator))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_short_prefix_of_the_magic_is_a_truncated_file() {
        assert_eq!(split(b"").unwrap_err(), GanFileError::NotAGan);
        assert_eq!(split(b"LATENT").unwrap_err(), GanFileError::Truncated);
        assert_eq!(
            split(b"LATENTLAB-GAN").unwrap_err(),
            GanFileError::Truncated
        );
        assert_eq!(
            split(b"LATENTLAB-MODEL\x01\x00").unwrap_err(),
            GanFileError::LabModel
        );
        assert_eq!(split(b"PK\x03\x04").unwrap_err(), GanFileError::NotAGan);
    }
}
