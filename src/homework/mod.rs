//! Course homework (issue #12): assignments a teacher writes, the work a student does on them, the
//! one-file report the student hands in, and the checks a teacher runs over a folder of reports.
//! Everything here is plain Rust, tested natively, and compiles for the browser as well (no files,
//! no clock: the caller passes the time).
//!
//! - [`assignment`]: the versioned assignment and rubric files (`docs/assignments.md`);
//! - [`views`]: which app views and link keys a task may send the student to;
//! - [`seed`]: each student's own seed, derived from the assignment and the student's id;
//! - [`log`]: the student's work log, a hash chain;
//! - [`checks`]: a check of one metric against a threshold;
//! - [`report`]: the report record and its standalone HTML page;
//! - [`verify`]: the teacher's verdict on one report, the gradebook and the feedback;
//! - [`metrics`] and [`replay`]: a trained model's test metrics recomputed, and training replayed
//!   step for step as the browser does it.

pub mod assignment;
pub mod checks;
pub mod log;
pub mod metrics;
pub mod replay;
pub mod report;
pub mod seed;
pub mod verify;
pub mod views;

use std::fmt;

use sha2::{Digest, Sha256};

use crate::i18n::Text;

/// Sentences as one, in order: `a; b; c` (each translated when the whole is shown).
pub fn listed(texts: impl IntoIterator<Item = Text>) -> Option<Text> {
    texts.into_iter().reduce(|first, next| {
        Text::new("homework-list")
            .with("first", first)
            .with("next", next)
    })
}

/// SHA-256 of `bytes` as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// The canonical JSON of a value (what every hash of this module is computed over):
/// `serde_json::to_vec` of the typed value, struct fields in declaration order, map keys sorted.
pub fn canonical_json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("homework records always serialise")
}

/// Why bytes are not a SafeTensors file (a technical detail: the sentence around it says which
/// file it is and what to do).
#[derive(Clone, Debug, PartialEq)]
pub enum SafetensorsError {
    TooShort,
    HeaderCut,
    BadHeader(String),
    NoDtype,
    NoShape,
    NoOffsets,
    BadOffsets,
    OutsideFile,
}

impl fmt::Display for SafetensorsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why: &str = match self {
            Self::TooShort => "too short",
            Self::HeaderCut => "the header is cut",
            Self::BadHeader(why) => why.as_str(),
            Self::NoDtype => "a tensor has no dtype",
            Self::NoShape => "a tensor has no shape",
            Self::NoOffsets => "a tensor has no offsets",
            Self::BadOffsets => "a tensor's offsets are not two numbers",
            Self::OutsideFile => "a tensor's data is outside the file",
        };
        write!(f, "the weights are not a SafeTensors file: {why}")
    }
}

impl std::error::Error for SafetensorsError {}

/// SHA-256 (hex) of a model's weights given as a SafeTensors file, independent of how the file's
/// header happens to be laid out (Burn writes its `__metadata__` map in a random order): for each
/// tensor in name order, its name, dtype and shape, each followed by a 0 byte, then its data's
/// length (8 bytes, little-endian) and its raw bytes. Metadata (producer, version) is left out, so
/// the same weights have the same hash in any version of the app.
pub fn safetensors_sha256(bytes: &[u8]) -> Result<String, SafetensorsError> {
    use std::collections::BTreeMap;
    let len = bytes
        .get(..8)
        .map(|b| u64::from_le_bytes(b.try_into().expect("8 bytes")) as usize)
        .ok_or(SafetensorsError::TooShort)?;
    let header = bytes
        .get(8..8usize.saturating_add(len))
        .ok_or(SafetensorsError::HeaderCut)?;
    let data = &bytes[8 + len..];
    let header: BTreeMap<String, serde_json::Value> =
        serde_json::from_slice(header).map_err(|e| SafetensorsError::BadHeader(e.to_string()))?;
    let mut hasher = Sha256::new();
    for (name, info) in header.iter().filter(|(n, _)| *n != "__metadata__") {
        let dtype = info["dtype"].as_str().ok_or(SafetensorsError::NoDtype)?;
        let shape: Vec<String> = info["shape"]
            .as_array()
            .ok_or(SafetensorsError::NoShape)?
            .iter()
            .map(|d| d.to_string())
            .collect();
        let offsets: Vec<usize> = info["data_offsets"]
            .as_array()
            .ok_or(SafetensorsError::NoOffsets)?
            .iter()
            .filter_map(|o| o.as_u64().map(|o| o as usize))
            .collect();
        let [start, end] = offsets[..] else {
            return Err(SafetensorsError::BadOffsets);
        };
        let slice = data.get(start..end).ok_or(SafetensorsError::OutsideFile)?;
        for part in [
            name.as_bytes(),
            dtype.as_bytes(),
            shape.join(",").as_bytes(),
        ] {
            hasher.update(part);
            hasher.update([0u8]);
        }
        hasher.update((slice.len() as u64).to_le_bytes());
        hasher.update(slice);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}
