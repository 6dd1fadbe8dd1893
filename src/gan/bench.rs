//! The digits the shipped GAN's quality figures are measured against (`gan::shipped`): the first
//! `train_digits` training digits for the nearest distance, the first `reference_digits` test
//! digits for diversity. The pretraining command and `tests/gan_models.rs` both measure through
//! here, so they measure the same thing.

use super::quality::{diversity, nearest_training_distance};
use super::shipped::QualityFigures;
use crate::PIXELS;
use crate::data::Dataset;

pub struct QualityBench {
    train: Vec<f32>,
    reference: Vec<f32>,
}

impl QualityBench {
    pub fn new(data: &Dataset, train_digits: usize, reference_digits: usize) -> Self {
        Self {
            train: data.train.batch(&(0..train_digits).collect::<Vec<_>>()),
            reference: data.test.batch(&(0..reference_digits).collect::<Vec<_>>()),
        }
    }

    /// Both figures for `samples` (784 values each).
    pub fn figures(&self, samples: &[f32]) -> QualityFigures {
        QualityFigures {
            nearest_training_distance: nearest_training_distance(samples, &self.train, PIXELS)
                as f64,
            diversity: diversity(samples, &self.reference, PIXELS) as f64,
        }
    }

    /// The real-data baseline's samples: `count` test digits after the reference digits (unseen
    /// in training and not the reference itself).
    pub fn real_digits(data: &Dataset, reference_digits: usize, count: usize) -> Vec<f32> {
        data.test
            .batch(&(reference_digits..reference_digits + count).collect::<Vec<_>>())
    }
}
