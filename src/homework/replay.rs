//! Training replayed exactly as the browser's lab trains (`app/engine/training/run.rs`): a fresh
//! [`LabTrainer`] seeded with the configuration's seed, then step `s` (from 0) on the training
//! images `batch_at(len, batch size, seed, s)` (its epoch's order kept by [`BatchSchedule`]). On the CPU engine (Burn's Flex backend) the
//! result is bit for bit the same, so a teacher can retrain a student's run and compare the
//! weights' hash.

use burn::prelude::*;

use std::fmt;

use super::{SafetensorsError, safetensors_sha256};
use crate::data::Split;
use crate::model::lab::{LabConfig, LabNet};
use crate::model::store::weights_to_bytes;
use crate::model::trained_file::TrainedFileError;
use crate::train::batches::BatchSchedule;
use crate::train::lab::LabTrainer;

/// The model after `steps` optimiser steps of `config` on `train` (off the autodiff device).
pub fn train(config: &LabConfig, train: &Split, steps: usize, device: &Device) -> LabNet {
    let mut replay = Replay::new(config, device);
    for _ in 0..steps {
        replay.step(train);
    }
    replay.model()
}

/// A replay one step at a time (the browser yields to the page between steps).
pub struct Replay {
    trainer: LabTrainer,
    /// The batches of the split stepped on (made at the first step).
    batches: Option<BatchSchedule>,
    done: usize,
}

impl Replay {
    pub fn new(config: &LabConfig, device: &Device) -> Self {
        Self {
            trainer: LabTrainer::new(config.clone(), device),
            batches: None,
            done: 0,
        }
    }

    /// The next optimiser step, on the batch the browser's lab used for it.
    pub fn step(&mut self, train: &Split) {
        let config = &self.trainer.config;
        let (batch_size, seed) = (config.batch_size, config.seed);
        let batches = self
            .batches
            .take()
            .filter(|b| b.is_for(train.len(), batch_size, seed))
            .unwrap_or_else(|| BatchSchedule::new(train.len(), batch_size, seed));
        let batches = self.batches.insert(batches);
        self.trainer.step(&train.batch(batches.batch(self.done)));
        self.done += 1;
    }

    /// The model as it stands (off the autodiff device).
    pub fn model(&self) -> LabNet {
        self.trainer.model().valid()
    }
}

/// SHA-256 (hex) of a model's weights (its SafeTensors bytes from
/// `model::store::weights_to_bytes`, hashed by [`safetensors_sha256`]), the hash a report and the
/// work log record.
pub fn weights_sha256(model: &LabNet) -> String {
    let bytes = weights_to_bytes(model).expect("a lab model's weights serialise");
    safetensors_sha256(&bytes).expect("Burn writes valid SafeTensors")
}

/// Why a model file's weights could not be hashed.
#[derive(Clone, Debug, PartialEq)]
pub enum WeightsHashError {
    /// Not an app model file.
    File(TrainedFileError),
    /// Its weights are not SafeTensors.
    Weights(SafetensorsError),
}

impl fmt::Display for WeightsHashError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::File(e) => write!(f, "{e}"),
            Self::Weights(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for WeightsHashError {}

/// SHA-256 of the weights inside an app model file (`model::trained_file`), without building the
/// model.
pub fn model_file_weights_sha256(model_file: &[u8]) -> Result<String, WeightsHashError> {
    let (_, weights) =
        crate::model::trained_file::split(model_file).map_err(WeightsHashError::File)?;
    safetensors_sha256(weights).map_err(WeightsHashError::Weights)
}
