//! Images that are not digits, for anomaly detection: uniform noise, and the test digits turned
//! by 90° (still strokes, but not a digit's shape). Fashion-MNIST is the third set
//! (`bundle::decode_fashion`).

use rand::RngExt;

use crate::rng::seeded;
use crate::{PIXELS, SIDE};

/// `n` images of independent uniform noise in [0, 1], the same for the same seed.
pub fn uniform_noise(n: usize, seed: u64) -> Vec<f32> {
    let mut rng = seeded(seed);
    (0..n * PIXELS).map(|_| rng.random::<f32>()).collect()
}

/// Every 28×28 image of `images` turned a quarter turn clockwise.
pub fn rotate_quarter(images: &[f32]) -> Vec<f32> {
    let mut out = vec![0.0; images.len()];
    for (src, dst) in images
        .chunks_exact(PIXELS)
        .zip(out.chunks_exact_mut(PIXELS))
    {
        for y in 0..SIDE {
            for x in 0..SIDE {
                // The pixel at (x, y) goes to (SIDE − 1 − y, x).
                dst[x * SIDE + (SIDE - 1 - y)] = src[y * SIDE + x];
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_quarter_turns_give_the_image_back_and_one_moves_the_corner() {
        let image: Vec<f32> = (0..PIXELS).map(|i| i as f32 / PIXELS as f32).collect();
        let mut turned = image.clone();
        for _ in 0..4 {
            turned = rotate_quarter(&turned);
        }
        assert_eq!(turned, image);
        let once = rotate_quarter(&image);
        // Top-left goes to top-right under a clockwise quarter turn.
        assert_eq!(once[SIDE - 1], image[0]);
        assert_ne!(once, image);
    }

    #[test]
    fn noise_is_uniform_in_the_unit_interval_and_seeded() {
        let a = uniform_noise(3, 7);
        assert_eq!(a.len(), 3 * PIXELS);
        assert!(a.iter().all(|v| (0.0..=1.0).contains(v)));
        assert_eq!(a, uniform_noise(3, 7));
        assert_ne!(a, uniform_noise(3, 8));
        let mean = a.iter().sum::<f32>() / a.len() as f32;
        assert!((mean - 0.5).abs() < 0.05, "mean {mean}");
    }
}
