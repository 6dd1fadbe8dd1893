//! Seeded 2-D target distributions for the toy GAN (GAN Lab's idea), and how many of a mixture's
//! modes a generator covers. Points are flat `[x0, y0, x1, y1, …]`.

use rand::RngExt;
use rand::rngs::StdRng;
use serde::{Deserialize, Serialize};

use crate::rng::standard_normal;

/// A 2-D distribution the toy generator learns to imitate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Toy {
    /// `modes` Gaussians of spread `sigma` with centres evenly spaced on a circle of `radius`
    /// (the first at angle 0): the classic test of mode collapse.
    Ring {
        modes: usize,
        radius: f32,
        sigma: f32,
    },
    /// Two interleaved half circles of radius 1 (scikit-learn's `make_moons`, centred on the
    /// origin), with Gaussian noise of spread `noise`.
    Moons { noise: f32 },
    /// The segment from `from` to `to`, uniform along it, with Gaussian noise of spread `noise`.
    Line {
        from: [f32; 2],
        to: [f32; 2],
        noise: f32,
    },
    /// A Gaussian mixture around points the student drew: each sample picks one of `points`
    /// uniformly and adds noise of spread `sigma`.
    Drawn { points: Vec<[f32; 2]>, sigma: f32 },
}

impl Toy {
    /// `n` samples, `2n` values.
    pub fn sample(&self, n: usize, rng: &mut StdRng) -> Vec<f32> {
        let mut out = Vec::with_capacity(2 * n);
        for _ in 0..n {
            let ([x, y], s) = match self {
                Toy::Ring {
                    modes,
                    radius,
                    sigma,
                } => {
                    let k = rng.random_range(0..(*modes).max(1));
                    (ring_centres(*modes, *radius)[k], *sigma)
                }
                Toy::Moons { noise } => {
                    let t = rng.random::<f32>() * std::f32::consts::PI;
                    // The upper moon, and the lower one shifted right by 1 and down by ½; the pair
                    // is then centred on the origin.
                    let p = if rng.random::<bool>() {
                        [t.cos(), t.sin()]
                    } else {
                        [1.0 - t.cos(), 0.5 - t.sin()]
                    };
                    ([p[0] - 0.5, p[1] - 0.25], *noise)
                }
                Toy::Line { from, to, noise } => {
                    let t = rng.random::<f32>();
                    (
                        [
                            from[0] + t * (to[0] - from[0]),
                            from[1] + t * (to[1] - from[1]),
                        ],
                        *noise,
                    )
                }
                Toy::Drawn { points, sigma } => {
                    if points.is_empty() {
                        ([0.0, 0.0], *sigma)
                    } else {
                        (points[rng.random_range(0..points.len())], *sigma)
                    }
                }
            };
            out.push(x + s * standard_normal(rng));
            out.push(y + s * standard_normal(rng));
        }
        out
    }
}

/// The ring's `modes` centres, the first at angle 0, counter-clockwise.
pub fn ring_centres(modes: usize, radius: f32) -> Vec<[f32; 2]> {
    (0..modes)
        .map(|k| {
            let a = std::f32::consts::TAU * k as f32 / modes as f32;
            [radius * a.cos(), radius * a.sin()]
        })
        .collect()
}

/// How many samples fall within `radius` of each centre.
pub fn mode_counts(samples: &[f32], centres: &[[f32; 2]], radius: f32) -> Vec<usize> {
    let mut counts = vec![0; centres.len()];
    for p in samples.chunks_exact(2) {
        for (count, c) in counts.iter_mut().zip(centres) {
            if (p[0] - c[0]).hypot(p[1] - c[1]) <= radius {
                *count += 1;
            }
        }
    }
    counts
}

/// The number of modes the samples cover: a centre counts when at least a quarter of its fair share
/// of the samples (n / (4k) for k centres) lies within `radius` of it, so a few stray points do not
/// make a collapsed generator look diverse (the measure of Metz et al.'s unrolled GANs, 2017,
/// with a share instead of a single sample).
pub fn modes_covered(samples: &[f32], centres: &[[f32; 2]], radius: f32) -> usize {
    let n = samples.len() / 2;
    let needed = (n / (4 * centres.len().max(1))).max(1);
    mode_counts(samples, centres, radius)
        .iter()
        .filter(|&&c| c >= needed)
        .count()
}

/// The share of samples within `radius` of some centre ("high-quality" samples): a generator can
/// cover every mode yet spray points between them.
pub fn share_near_modes(samples: &[f32], centres: &[[f32; 2]], radius: f32) -> f32 {
    let n = samples.len() / 2;
    let near = samples
        .chunks_exact(2)
        .filter(|p| {
            centres
                .iter()
                .any(|c| (p[0] - c[0]).hypot(p[1] - c[1]) <= radius)
        })
        .count();
    near as f32 / n.max(1) as f32
}

/// The mean distance from each of `samples` to the nearest of `target` (both flat 2-D points):
/// how far the generator's points are from the data, for any target. 0 when G's points sit on
/// target samples; it falls as G learns. `NaN` when either set is empty.
pub fn mean_nearest_distance(samples: &[f32], target: &[f32]) -> f32 {
    let n = samples.len() / 2;
    if n == 0 || target.len() < 2 {
        return f32::NAN;
    }
    let total: f32 = samples
        .chunks_exact(2)
        .map(|p| {
            target
                .chunks_exact(2)
                .map(|t| (p[0] - t[0]).hypot(p[1] - t[1]))
                .fold(f32::INFINITY, f32::min)
        })
        .sum();
    total / n as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_distance_by_hand() {
        let target = [0.0, 0.0, 3.0, 0.0];
        // (0, 1) is 1 from (0, 0); (3, 2) is 2 from (3, 0).
        assert_eq!(mean_nearest_distance(&[0.0, 1.0, 3.0, 2.0], &target), 1.5);
        assert_eq!(mean_nearest_distance(&target, &target), 0.0);
        assert!(mean_nearest_distance(&[], &target).is_nan());
    }
}
