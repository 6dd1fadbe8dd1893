//! Mini-batches: a reshuffled order of the training images each epoch.

use burn::prelude::*;
use rand::seq::SliceRandom;

use crate::PIXELS;
use crate::data::Split;
use crate::rng::seeded;

/// Visits every index once per epoch in a fresh seeded order.
pub struct BatchOrder {
    order: Vec<usize>,
    rng: rand::rngs::StdRng,
}

impl BatchOrder {
    pub fn new(len: usize, seed: u64) -> Self {
        Self {
            order: (0..len).collect(),
            rng: seeded(seed),
        }
    }

    /// The batches of one epoch (the last one may be smaller).
    pub fn epoch(&mut self, batch_size: usize) -> Vec<Vec<usize>> {
        self.order.shuffle(&mut self.rng);
        self.order
            .chunks(batch_size)
            .map(<[usize]>::to_vec)
            .collect()
    }
}

/// The visiting order of epoch `epoch` over `len` items: a fresh shuffle per epoch, always the same
/// for the same seed and epoch. Stateless, so a run can resume at any step.
pub fn epoch_order(len: usize, seed: u64, epoch: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.shuffle(&mut seeded(
        seed.wrapping_mul(1_000_003).wrapping_add(epoch as u64),
    ));
    order
}

/// Optimiser steps in one epoch over `len` items (the last batch may be smaller).
pub fn steps_per_epoch(len: usize, batch_size: usize) -> usize {
    len.div_ceil(batch_size.max(1))
}

/// The indices of batch `index` (counted within its epoch) of step-wise training.
pub fn batch_at(len: usize, batch_size: usize, seed: u64, step: usize) -> Vec<usize> {
    let per_epoch = steps_per_epoch(len, batch_size);
    let (epoch, k) = (step / per_epoch, step % per_epoch);
    let order = epoch_order(len, seed, epoch);
    order[k * batch_size..((k + 1) * batch_size).min(len)].to_vec()
}

/// The images `indices` of `split` as a `[n, 784]` tensor on `device`.
pub fn images_tensor(split: &Split, indices: &[usize], device: &Device) -> Tensor<2> {
    Tensor::from_data(
        TensorData::new(split.batch(indices), [indices.len(), PIXELS]),
        device,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_wise_batches_cover_each_epoch_once_and_repeat_for_a_seed() {
        let epoch0: Vec<usize> = (0..3).flat_map(|s| batch_at(10, 4, 7, s)).collect();
        let mut sorted = epoch0.clone();
        sorted.sort();
        assert_eq!(sorted, (0..10).collect::<Vec<_>>());
        assert_eq!(
            batch_at(10, 4, 7, 2).len(),
            2,
            "the last batch of an epoch is smaller"
        );
        let epoch1: Vec<usize> = (3..6).flat_map(|s| batch_at(10, 4, 7, s)).collect();
        assert_ne!(epoch0, epoch1, "a new order each epoch");
        assert_eq!(batch_at(10, 4, 7, 4), batch_at(10, 4, 7, 4));
    }

    #[test]
    fn every_index_once_per_epoch_in_a_new_order() {
        let mut order = BatchOrder::new(10, 1);
        let first: Vec<usize> = order.epoch(4).concat();
        let second: Vec<usize> = order.epoch(4).concat();
        let mut sorted = first.clone();
        sorted.sort();
        assert_eq!(sorted, (0..10).collect::<Vec<_>>());
        assert_ne!(first, second);
        assert_eq!(
            order.epoch(4).iter().map(Vec::len).collect::<Vec<_>>(),
            vec![4, 4, 2]
        );
    }
}
