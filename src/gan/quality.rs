//! Classifier-free quality measures of generated samples (digits: 784 values each), plain Rust on
//! flat buffers of `dim` values per sample.
//!
//! - [`nearest_training_distance`]: how close samples are to real digits, and a copying check;
//! - [`diversity`]: how spread out samples are compared with real digits; mode collapse → 0.

/// Euclidean distance between two samples.
fn distance(a: &[f32], b: &[f32]) -> f32 {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y) * (x - y))
        .sum::<f32>()
        .sqrt()
}

/// For each sample, the Euclidean distance to its nearest training sample; `train` holds the
/// training samples (`dim` values each).
pub fn nearest_distances(samples: &[f32], train: &[f32], dim: usize) -> Vec<f32> {
    samples
        .chunks_exact(dim)
        .map(|s| {
            train
                .chunks_exact(dim)
                .map(|t| distance(s, t))
                .fold(f32::INFINITY, f32::min)
        })
        .collect()
}

/// The mean over samples of the Euclidean distance (in pixel intensities in [0, 1]) to the
/// nearest training digit. Large: the samples look like nothing in the training set. Zero (or
/// near it): the generator has memorised and copies training digits — a GAN should sit between,
/// near the distance between two different real digits of the same class.
pub fn nearest_training_distance(samples: &[f32], train: &[f32], dim: usize) -> f32 {
    let d = nearest_distances(samples, train, dim);
    d.iter().sum::<f32>() / d.len().max(1) as f32
}

/// The mean Euclidean distance over all pairs of distinct samples (0 for fewer than two).
pub fn mean_pairwise_distance(samples: &[f32], dim: usize) -> f32 {
    let rows: Vec<&[f32]> = samples.chunks_exact(dim).collect();
    let (mut sum, mut pairs) = (0.0f64, 0usize);
    for i in 0..rows.len() {
        for j in i + 1..rows.len() {
            sum += distance(rows[i], rows[j]) as f64;
            pairs += 1;
        }
    }
    if pairs == 0 {
        0.0
    } else {
        (sum / pairs as f64) as f32
    }
}

/// Diversity without a classifier: the mean pairwise distance between samples divided by the mean
/// pairwise distance between real digits (`reference`, e.g. as many training digits as samples).
/// 1.0: the samples differ from each other as much as real digits do; near 0: mode collapse (G
/// draws the same image whatever z); above 1: noisier than real data. It does not say whether the
/// samples look like digits — read it with [`nearest_training_distance`].
pub fn diversity(samples: &[f32], reference: &[f32], dim: usize) -> f32 {
    let real = mean_pairwise_distance(reference, dim);
    if real == 0.0 {
        return 0.0;
    }
    mean_pairwise_distance(samples, dim) / real
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_by_hand() {
        // Three 2-D points: (0,0), (3,4), (0,4): distances 5, 4, 3.
        let p = [0.0, 0.0, 3.0, 4.0, 0.0, 4.0];
        assert!((mean_pairwise_distance(&p, 2) - 4.0).abs() < 1e-6);
        assert_eq!(nearest_distances(&[3.0, 0.0], &p, 2), vec![3.0]);
        assert_eq!(diversity(&[1.0, 1.0, 1.0, 1.0], &p, 2), 0.0);
    }
}
