//! The student's work log: every run and hand-in, each entry chained to the one before by its
//! hash, so an entry edited, removed or inserted afterwards breaks the chain. (A student who
//! rewrites the whole chain is caught by the teacher's recomputation of the metrics from the
//! weights, not here.) The UI keeps the entries in IndexedDB; they are plain serde values.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::{canonical_json, sha256_hex};
use crate::i18n::{Lang, Text};

/// The `prev` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Kinds of entries the app writes (others are allowed: the chain does not care).
pub mod kinds {
    /// A training run finished (or was paused) and its model saved.
    pub const RUN: &str = "run";
    /// A task's work handed in (copied into the report).
    pub const HAND_IN: &str = "hand-in";
    /// An answer saved.
    pub const ANSWER: &str = "answer";
    /// Metrics measured in a view (an application's precision, an AUC).
    pub const MEASURE: &str = "measure";
}

/// One entry of the work log.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct LogEntry {
    /// Position in the log, from 0.
    pub index: u64,
    /// When (milliseconds since 1970, as the browser's `Date.now()`; given by the caller).
    pub time_ms: f64,
    /// The task (from 1; 0 for none).
    pub task: usize,
    /// `run`, `hand-in`, … (see [`kinds`]).
    pub kind: String,
    /// The lab configuration or view settings (JSON, `null` for none).
    pub config: serde_json::Value,
    pub seed: u64,
    /// `cpu` or `webgpu`.
    pub engine: String,
    pub metrics: BTreeMap<String, f64>,
    /// SHA-256 of the SafeTensors weights of the run's model.
    pub weights_sha256: Option<String>,
    /// The hash of the entry before ([`GENESIS`] for the first).
    pub prev: String,
    /// SHA-256 (hex) of this entry's canonical JSON with `hash` empty.
    pub hash: String,
}

impl LogEntry {
    /// The hash this entry should have.
    pub fn compute_hash(&self) -> String {
        let mut copy = self.clone();
        copy.hash = String::new();
        sha256_hex(&canonical_json(&copy))
    }
}

/// What the caller gives for a new entry (the log adds index, prev and hash).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct NewEntry {
    pub time_ms: f64,
    pub task: usize,
    pub kind: String,
    pub config: serde_json::Value,
    pub seed: u64,
    pub engine: String,
    /// Non-finite values are left out (JSON has no NaN).
    pub metrics: BTreeMap<String, f64>,
    pub weights_sha256: Option<String>,
}

/// Where and why the chain is broken.
#[derive(Clone, Debug, PartialEq)]
pub enum ChainError {
    WrongIndex { entry: usize, found: u64 },
    PrevMismatch { entry: usize },
    HashMismatch { entry: usize },
}

impl ChainError {
    /// What is broken, as a sentence.
    pub fn text(&self) -> Text {
        match self {
            Self::WrongIndex { entry, found } => Text::new("chain-wrong-index")
                .with("entry", *entry)
                .with("found", *found),
            Self::PrevMismatch { entry } => Text::new("chain-prev-mismatch").with("entry", *entry),
            Self::HashMismatch { entry } => Text::new("chain-hash-mismatch").with("entry", *entry),
        }
    }
}

/// In English, for logs and tests.
impl fmt::Display for ChainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().in_lang(Lang::En))
    }
}

impl std::error::Error for ChainError {}

/// The work log.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct WorkLog {
    pub entries: Vec<LogEntry>,
}

impl WorkLog {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an entry at the end, chained to the last one.
    pub fn append(&mut self, new: NewEntry) -> &LogEntry {
        let mut entry = LogEntry {
            index: self.entries.len() as u64,
            time_ms: if new.time_ms.is_finite() {
                new.time_ms
            } else {
                0.0
            },
            task: new.task,
            kind: new.kind,
            config: new.config,
            seed: new.seed,
            engine: new.engine,
            metrics: new
                .metrics
                .into_iter()
                .filter(|(_, v)| v.is_finite())
                .collect(),
            weights_sha256: new.weights_sha256,
            prev: self.head(),
            hash: String::new(),
        };
        entry.hash = entry.compute_hash();
        self.entries.push(entry);
        self.entries.last().expect("just pushed")
    }

    /// The hash of the last entry ([`GENESIS`] for an empty log).
    pub fn head(&self) -> String {
        self.entries
            .last()
            .map_or_else(|| GENESIS.to_string(), |e| e.hash.clone())
    }

    /// Checks the chain from the first entry; the error names the first broken entry.
    pub fn verify(&self) -> Result<(), ChainError> {
        verify_entries(&self.entries)
    }

    /// Whether some entry of task `task` recorded these weights.
    /// The engine of the latest entry with these weights (a run or a hand-in), if any.
    pub fn engine_of(&self, weights_sha256: &str) -> Option<&str> {
        self.entries
            .iter()
            .rev()
            .find(|e| e.weights_sha256.as_deref() == Some(weights_sha256))
            .map(|e| e.engine.as_str())
    }

    pub fn has_weights(&self, task: usize, weights_sha256: &str) -> bool {
        self.entries
            .iter()
            .any(|e| e.task == task && e.weights_sha256.as_deref() == Some(weights_sha256))
    }
}

/// [`WorkLog::verify`] on a slice of entries (as a report holds them).
pub fn verify_entries(entries: &[LogEntry]) -> Result<(), ChainError> {
    let mut prev = GENESIS.to_string();
    for (i, e) in entries.iter().enumerate() {
        if e.index != i as u64 {
            return Err(ChainError::WrongIndex {
                entry: i,
                found: e.index,
            });
        }
        if e.prev != prev {
            return Err(ChainError::PrevMismatch { entry: i });
        }
        if e.compute_hash() != e.hash {
            return Err(ChainError::HashMismatch { entry: i });
        }
        prev = e.hash.clone();
    }
    Ok(())
}
