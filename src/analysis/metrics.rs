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

/// How reconstruction errors are distributed over a reference set (the test split): where one
/// new error sits among them, and a histogram to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorDistribution {
    /// The reference errors, ascending (non-finite values dropped).
    sorted: Vec<f64>,
}

impl ErrorDistribution {
    pub fn new(mut errors: Vec<f64>) -> Self {
        errors.retain(|e| e.is_finite());
        errors.sort_by(f64::total_cmp);
        Self { sorted: errors }
    }

    pub fn len(&self) -> usize {
        self.sorted.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }

    /// Share of the reference errors below `error`, in [0, 1] (ties count half).
    pub fn share_below(&self, error: f64) -> f64 {
        if self.sorted.is_empty() {
            return 0.0;
        }
        let below = self.sorted.partition_point(|&e| e < error);
        let equal = self.sorted[below..].partition_point(|&e| e <= error);
        (below as f64 + equal as f64 / 2.0) / self.sorted.len() as f64
    }

    /// The error below which a share `q` of the references lie (nearest rank).
    pub fn quantile(&self, q: f64) -> f64 {
        if self.sorted.is_empty() {
            return 0.0;
        }
        let k = ((q.clamp(0.0, 1.0) * self.sorted.len() as f64).ceil() as usize)
            .clamp(1, self.sorted.len());
        self.sorted[k - 1]
    }

    /// Counts in `bins` equal bins over [0, `top`]; errors above `top` go in the last bin.
    pub fn histogram(&self, bins: usize, top: f64) -> Vec<usize> {
        let mut counts = vec![0; bins.max(1)];
        let last = counts.len() - 1;
        for &e in &self.sorted {
            let k = if top > 0.0 {
                (e / top * counts.len() as f64) as usize
            } else {
                last
            };
            counts[k.min(last)] += 1;
        }
        counts
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
    fn an_error_is_placed_among_the_references() {
        let d = ErrorDistribution::new(vec![0.4, 0.1, f64::NAN, 0.3, 0.2]);
        assert_eq!(d.len(), 4, "non-finite errors are dropped");
        assert_eq!(d.share_below(0.05), 0.0);
        assert_eq!(d.share_below(0.25), 0.5);
        assert_eq!(d.share_below(0.3), 0.625, "a tie counts half");
        assert_eq!(d.share_below(1.0), 1.0);
        assert_eq!(d.quantile(0.5), 0.2);
        assert_eq!(d.quantile(1.0), 0.4);
        assert_eq!(
            d.histogram(2, 0.4),
            vec![1, 3],
            "0.1 | 0.2, 0.3 and 0.4 (the top edge)"
        );
        assert_eq!(
            d.histogram(4, 0.2),
            vec![0, 0, 1, 3],
            "above the top: the last bin"
        );
        assert_eq!(ErrorDistribution::new(vec![]).share_below(0.1), 0.0);
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
