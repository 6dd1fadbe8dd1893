//! Reconstruction error measures on plain slices.

/// Mean squared error per element.
pub fn mse(a: &[f32], b: &[f32]) -> f64 {
    assert_eq!(a.len(), b.len(), "mse of slices of different lengths");
    if a.is_empty() {
        return 0.0;
    }
    a.iter()
        .zip(b)
        .map(|(x, y)| ((x - y) as f64).powi(2))
        .sum::<f64>()
        / a.len() as f64
}

/// Largest absolute difference between two slices.
pub fn max_abs_diff(a: &[f32], b: &[f32]) -> f32 {
    assert_eq!(a.len(), b.len());
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f32::max)
}

/// Mean per-pixel MSE against the clean images of `N` models' outputs, accumulated batch by batch
/// over a split (the noise lab's whole-split comparison).
#[derive(Clone, Debug, PartialEq)]
pub struct MeanErrors<const N: usize> {
    /// Images accumulated so far, of `total`.
    pub done: usize,
    pub total: usize,
    sums: [f64; N],
}

impl<const N: usize> MeanErrors<N> {
    pub fn new(total: usize) -> Self {
        Self {
            done: 0,
            total,
            sums: [0.0; N],
        }
    }

    /// Adds one batch: `clean` images and each model's outputs for them (one after another).
    pub fn add_batch(&mut self, clean: &[f32], outputs: [&[f32]; N], pixels: usize) {
        let n = clean.len() / pixels;
        for (sum, out) in self.sums.iter_mut().zip(outputs) {
            *sum += mse(out, clean) * n as f64;
        }
        self.done += n;
    }

    pub fn is_complete(&self) -> bool {
        self.total > 0 && self.done >= self.total
    }

    /// Model `k`'s mean over the whole split, once every image is in.
    pub fn mean(&self, k: usize) -> Option<f64> {
        self.is_complete().then(|| self.sums[k] / self.done as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_computed_values() {
        assert!((mse(&[0.0, 1.0, 0.5], &[0.0, 0.0, 1.0]) - (1.0 + 0.25) / 3.0).abs() < 1e-12);
        assert_eq!(max_abs_diff(&[0.0, 1.0], &[0.5, 0.0]), 1.0);
    }

    #[test]
    fn mean_errors_weigh_batches_by_their_size() {
        // Images of 2 pixels: a batch of two, then a batch of one.
        let mut m = MeanErrors::<2>::new(3);
        m.add_batch(
            &[0.0, 0.0, 1.0, 1.0],
            [&[0.0, 0.0, 1.0, 1.0], &[1.0, 1.0, 1.0, 1.0]],
            2,
        );
        assert_eq!(m.mean(0), None, "incomplete: no mean yet");
        m.add_batch(&[0.0, 1.0], [&[1.0, 1.0], &[0.0, 1.0]], 2);
        assert!(m.is_complete());
        // Model 0: errors 0, 0, 0.5 per image → 1/6. Model 1: 1, 0, 0 → 1/3.
        assert!((m.mean(0).unwrap() - 1.0 / 6.0).abs() < 1e-12);
        assert!((m.mean(1).unwrap() - 1.0 / 3.0).abs() < 1e-12);
        assert!(!MeanErrors::<1>::new(0).is_complete());
    }
}
