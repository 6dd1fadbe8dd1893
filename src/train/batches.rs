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
