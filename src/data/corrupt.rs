//! Corruptions of the course's denoising and inpainting autoencoders: additive Gaussian noise,
//! salt-and-pepper noise and occlusion masks. Everything is reproducible from a seed.

use rand::RngExt;
use serde::{Deserialize, Serialize};

use crate::rng::{seeded, standard_normal};
use crate::{PIXELS, SIDE};

/// The grey that occluded pixels show: visibly a hole, and distinct from both ink and paper.
pub const MASK_VALUE: f32 = 0.5;

/// x̃ = clip(x + n, 0, 1) with n ~ N(0, σ²) per pixel.
pub fn gaussian_noise(image: &mut [f32], sigma: f32, rng: &mut rand::rngs::StdRng) {
    if sigma <= 0.0 {
        return;
    }
    for v in image.iter_mut() {
        *v = (*v + sigma * standard_normal(rng)).clamp(0.0, 1.0);
    }
}

/// Each pixel, with probability `fraction`, becomes black or white (even odds).
pub fn salt_and_pepper(image: &mut [f32], fraction: f32, rng: &mut rand::rngs::StdRng) {
    if fraction <= 0.0 {
        return;
    }
    for v in image.iter_mut() {
        if rng.random::<f32>() < fraction {
            *v = if rng.random::<bool>() { 1.0 } else { 0.0 };
        }
    }
}

/// Which pixels of a 28×28 image are occluded.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Mask {
    pub hidden: Vec<bool>,
}

impl Default for Mask {
    fn default() -> Self {
        Self {
            hidden: vec![false; PIXELS],
        }
    }
}

impl Mask {
    /// Hides the rectangle between two corner pixels (inclusive, in any order, clipped to the image).
    pub fn add_rect(&mut self, a: (usize, usize), b: (usize, usize)) {
        let (x0, x1) = (a.0.min(b.0).min(SIDE - 1), a.0.max(b.0).min(SIDE - 1));
        let (y0, y1) = (a.1.min(b.1).min(SIDE - 1), a.1.max(b.1).min(SIDE - 1));
        for y in y0..=y1 {
            for x in x0..=x1 {
                self.hidden[y * SIDE + x] = true;
            }
        }
    }

    /// Hides `count` random `size × size` squares lying wholly inside the image.
    pub fn add_random_patches(&mut self, count: usize, size: usize, rng: &mut rand::rngs::StdRng) {
        let size = size.clamp(1, SIDE);
        for _ in 0..count {
            let x = rng.random_range(0..=SIDE - size);
            let y = rng.random_range(0..=SIDE - size);
            self.add_rect((x, y), (x + size - 1, y + size - 1));
        }
    }

    /// Hides a disc of `radius` pixels around `(x, y)` (a brush dab), in pixel units.
    pub fn add_disc(&mut self, x: f32, y: f32, radius: f32) {
        for py in 0..SIDE {
            for px in 0..SIDE {
                let (dx, dy) = (px as f32 + 0.5 - x, py as f32 + 0.5 - y);
                if dx * dx + dy * dy <= radius * radius {
                    self.hidden[py * SIDE + px] = true;
                }
            }
        }
    }

    pub fn coverage(&self) -> f32 {
        self.hidden.iter().filter(|&&h| h).count() as f32 / PIXELS as f32
    }

    pub fn is_empty(&self) -> bool {
        !self.hidden.iter().any(|&h| h)
    }

    /// Sets the hidden pixels to [`MASK_VALUE`].
    pub fn apply(&self, image: &mut [f32]) {
        for (v, &h) in image.iter_mut().zip(&self.hidden) {
            if h {
                *v = MASK_VALUE;
            }
        }
    }
}

/// Everything the noise lab can do to an image, reproducible from `seed`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Corruption {
    pub noise_sigma: f32,
    pub salt_pepper: f32,
    pub mask: Mask,
    pub seed: u64,
}

impl Default for Corruption {
    fn default() -> Self {
        Self {
            noise_sigma: 0.0,
            salt_pepper: 0.0,
            mask: Mask::default(),
            seed: 1,
        }
    }
}

impl Corruption {
    /// The corrupted copy of image number `index` of a batch: noise first, then the mask on top.
    /// Each index gets its own noise, the same for the same seed.
    pub fn apply(&self, clean: &[f32], index: u64) -> Vec<f32> {
        let mut rng = seeded(
            self.seed
                .wrapping_mul(0x9E37_79B9_7F4A_7C15)
                .wrapping_add(index),
        );
        let mut out = clean.to_vec();
        gaussian_noise(&mut out, self.noise_sigma, &mut rng);
        salt_and_pepper(&mut out, self.salt_pepper, &mut rng);
        self.mask.apply(&mut out);
        out
    }

    /// Corrupts a batch of images laid out one after another.
    pub fn apply_batch(&self, clean: &[f32]) -> Vec<f32> {
        clean
            .chunks_exact(PIXELS)
            .enumerate()
            .flat_map(|(i, img)| self.apply(img, i as u64))
            .collect()
    }

    /// Corrupts images of a split laid out one after another, each with the noise of its index
    /// in the split, so a digit looks the same in every batch it appears in.
    pub fn apply_indexed(&self, clean: &[f32], indices: &[usize]) -> Vec<f32> {
        clean
            .chunks_exact(PIXELS)
            .zip(indices)
            .flat_map(|(img, &i)| self.apply(img, i as u64))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grey(v: f32) -> Vec<f32> {
        vec![v; PIXELS]
    }

    #[test]
    fn gaussian_noise_has_the_requested_spread_and_is_clipped() {
        let mut img: Vec<f32> = std::iter::repeat_n(0.5, 20 * PIXELS).collect();
        gaussian_noise(&mut img, 0.1, &mut seeded(3));
        let n = img.len() as f32;
        let mean = img.iter().sum::<f32>() / n;
        let sd = (img.iter().map(|v| (v - mean).powi(2)).sum::<f32>() / n).sqrt();
        assert!((mean - 0.5).abs() < 0.005, "mean {mean}");
        assert!((sd - 0.1).abs() < 0.005, "sd {sd}");
        let mut dark = grey(0.0);
        gaussian_noise(&mut dark, 1.0, &mut seeded(4));
        assert!(
            dark.iter().all(|v| (0.0..=1.0).contains(v)),
            "clipped to [0, 1]"
        );
        assert!(
            dark.iter().filter(|&&v| v == 0.0).count() > PIXELS / 3,
            "half the draws clip at 0"
        );
    }

    #[test]
    fn salt_and_pepper_hits_the_requested_fraction() {
        let mut img = grey(0.5);
        salt_and_pepper(&mut img, 0.2, &mut seeded(5));
        let hit = img.iter().filter(|&&v| v != 0.5).count() as f32 / PIXELS as f32;
        assert!((hit - 0.2).abs() < 0.05, "{hit}");
        assert!(img.iter().all(|&v| v == 0.0 || v == 1.0 || v == 0.5));
    }

    #[test]
    fn masks_cover_what_they_say() {
        let mut m = Mask::default();
        m.add_rect((20, 3), (11, 12)); // corners in any order: 10 × 10
        assert_eq!(m.hidden.iter().filter(|&&h| h).count(), 100);
        assert!((m.coverage() - 100.0 / 784.0).abs() < 1e-6);
        let mut img = grey(0.0);
        m.apply(&mut img);
        assert_eq!(img[3 * SIDE + 11], MASK_VALUE);
        assert_eq!(img[2 * SIDE + 11], 0.0);

        let mut p = Mask::default();
        p.add_random_patches(1, 6, &mut seeded(1));
        assert_eq!(
            p.hidden.iter().filter(|&&h| h).count(),
            36,
            "a whole patch inside the image"
        );
        let mut d = Mask::default();
        d.add_disc(14.0, 14.0, 3.0);
        let n = d.hidden.iter().filter(|&&h| h).count() as f32;
        assert!((n - std::f32::consts::PI * 9.0).abs() < 6.0, "{n}");
    }

    #[test]
    fn corruption_is_deterministic_for_a_seed() {
        let c = Corruption {
            noise_sigma: 0.3,
            salt_pepper: 0.1,
            seed: 9,
            ..Default::default()
        };
        let img = grey(0.2);
        assert_eq!(c.apply(&img, 0), c.apply(&img, 0));
        assert_ne!(
            c.apply(&img, 0),
            c.apply(&img, 1),
            "each image of a batch gets its own noise"
        );
        assert_ne!(
            c.apply(&img, 0),
            Corruption {
                seed: 10,
                ..c.clone()
            }
            .apply(&img, 0)
        );
        assert_eq!(
            Corruption::default().apply(&img, 0),
            img,
            "no corruption leaves the image alone"
        );
    }
}
