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

/// [`batch_at`] for the steps of one run in turn, with the current epoch's order kept: shuffling
/// the 8,000 training indices is needed once per epoch, not once per step. Gives exactly the
/// batches of [`batch_at`] (a homework replay recomputes them to check a student's weights).
pub struct BatchSchedule {
    len: usize,
    batch_size: usize,
    seed: u64,
    /// The epoch whose order is kept, and that order.
    epoch: Option<(usize, Vec<usize>)>,
}

impl BatchSchedule {
    pub fn new(len: usize, batch_size: usize, seed: u64) -> Self {
        Self {
            len,
            batch_size,
            seed,
            epoch: None,
        }
    }

    /// Whether this schedule is the one of `len` items in batches of `batch_size` from `seed`.
    pub fn is_for(&self, len: usize, batch_size: usize, seed: u64) -> bool {
        (self.len, self.batch_size, self.seed) == (len, batch_size, seed)
    }

    /// The indices of step `step` (from 0): `batch_at(len, batch_size, seed, step)`.
    pub fn batch(&mut self, step: usize) -> &[usize] {
        let per_epoch = steps_per_epoch(self.len, self.batch_size);
        let (epoch, k) = (step / per_epoch, step % per_epoch);
        if self.epoch.as_ref().is_none_or(|(e, _)| *e != epoch) {
            self.epoch = Some((epoch, epoch_order(self.len, self.seed, epoch)));
        }
        let order = &self.epoch.as_ref().expect("set just above").1;
        &order[k * self.batch_size..((k + 1) * self.batch_size).min(self.len)]
    }
}

/// The indices of step `step` from the schedule kept in `kept`, which is made afresh when there
/// is none or it is for another length, batch size or seed (a run that changed its settings).
pub fn scheduled_batch(
    kept: &mut Option<BatchSchedule>,
    len: usize,
    batch_size: usize,
    seed: u64,
    step: usize,
) -> &[usize] {
    let schedule = kept
        .take()
        .filter(|b| b.is_for(len, batch_size, seed))
        .unwrap_or_else(|| BatchSchedule::new(len, batch_size, seed));
    kept.insert(schedule).batch(step)
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
    fn a_kept_schedule_is_reused_and_remade_for_other_settings() {
        let mut kept = None;
        assert_eq!(
            scheduled_batch(&mut kept, 10, 4, 7, 1),
            batch_at(10, 4, 7, 1)
        );
        assert!(kept.as_ref().is_some_and(|k| k.is_for(10, 4, 7)));
        assert_eq!(
            scheduled_batch(&mut kept, 10, 3, 7, 2),
            batch_at(10, 3, 7, 2)
        );
        assert!(kept.as_ref().is_some_and(|k| k.is_for(10, 3, 7)));
    }

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
    fn a_schedule_gives_exactly_the_batches_of_batch_at() {
        for (len, batch_size, seed) in [(10, 4, 7), (8000, 64, 1), (100, 100, 3), (5, 8, 0)] {
            let mut schedule = BatchSchedule::new(len, batch_size, seed);
            assert!(schedule.is_for(len, batch_size, seed));
            let per_epoch = steps_per_epoch(len, batch_size);
            // In order across three epochs, then back to an earlier epoch (a resumed import).
            let steps = (0..3 * per_epoch).chain([1, 2 * per_epoch + 1, 0]);
            for step in steps {
                assert_eq!(
                    schedule.batch(step),
                    batch_at(len, batch_size, seed, step).as_slice(),
                    "len {len}, batch {batch_size}, seed {seed}, step {step}"
                );
            }
        }
        assert!(!BatchSchedule::new(10, 4, 7).is_for(10, 4, 8));
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
