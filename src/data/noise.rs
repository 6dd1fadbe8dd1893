//! What a denoising or inpainting autoencoder sees during training: a freshly corrupted copy of
//! each batch, while the loss compares its output with the clean batch.

use rand::RngExt;
use serde::{Deserialize, Serialize};

use crate::PIXELS;
use crate::data::corrupt::{Mask, gaussian_noise, salt_and_pepper};

/// The corruption applied to training inputs.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TrainingNoise {
    /// Gaussian noise with σ drawn per batch from [0, `max_sigma`], and on half the batches
    /// salt-and-pepper noise on a fraction drawn from [0, `max_salt_pepper`].
    Denoising {
        max_sigma: f32,
        max_salt_pepper: f32,
    },
    /// One random rectangular occlusion per image, sides drawn from [`min_side`, `max_side`].
    Inpainting { min_side: usize, max_side: usize },
}

impl TrainingNoise {
    /// A corrupted copy of `clean` (images one after another).
    pub fn corrupt_batch(&self, clean: &[f32], rng: &mut rand::rngs::StdRng) -> Vec<f32> {
        let mut out = clean.to_vec();
        match *self {
            TrainingNoise::Denoising {
                max_sigma,
                max_salt_pepper,
            } => {
                let sigma = rng.random::<f32>() * max_sigma;
                let salt = if rng.random::<bool>() {
                    rng.random::<f32>() * max_salt_pepper
                } else {
                    0.0
                };
                for img in out.chunks_exact_mut(PIXELS) {
                    gaussian_noise(img, sigma, rng);
                    salt_and_pepper(img, salt, rng);
                }
            }
            TrainingNoise::Inpainting { min_side, max_side } => {
                for img in out.chunks_exact_mut(PIXELS) {
                    let (w, h) = (
                        rng.random_range(min_side..=max_side),
                        rng.random_range(min_side..=max_side),
                    );
                    let (x, y) = (rng.random_range(0..=28 - w), rng.random_range(0..=28 - h));
                    let mut mask = Mask::default();
                    mask.add_rect((x, y), (x + w - 1, y + h - 1));
                    mask.apply(img);
                }
            }
        }
        out
    }

    pub fn describe(&self) -> String {
        match self {
            TrainingNoise::Denoising {
                max_sigma,
                max_salt_pepper,
            } => format!(
                "Gaussian noise, σ ~ U(0, {max_sigma}) per batch; salt-and-pepper on half the batches, fraction ~ U(0, {max_salt_pepper})"
            ),
            TrainingNoise::Inpainting { min_side, max_side } => {
                format!(
                    "one random rectangular occlusion per image, sides {min_side}–{max_side} px"
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::corrupt::MASK_VALUE;
    use crate::rng::seeded;

    #[test]
    fn inpainting_noise_hides_one_rectangle_per_image() {
        let clean = vec![0.0; 3 * PIXELS];
        let noise = TrainingNoise::Inpainting {
            min_side: 6,
            max_side: 10,
        };
        let out = noise.corrupt_batch(&clean, &mut seeded(2));
        for img in out.chunks_exact(PIXELS) {
            let hidden = img.iter().filter(|&&v| v == MASK_VALUE).count();
            assert!((36..=100).contains(&hidden), "{hidden}");
        }
    }

    #[test]
    fn denoising_noise_changes_pixels_but_keeps_the_range() {
        let clean = vec![0.3; 8 * PIXELS];
        let noise = TrainingNoise::Denoising {
            max_sigma: 0.6,
            max_salt_pepper: 0.2,
        };
        let mut rng = seeded(4);
        let out = noise.corrupt_batch(&clean, &mut rng);
        assert!(out.iter().all(|v| (0.0..=1.0).contains(v)));
        assert_ne!(out, clean);
    }
}
