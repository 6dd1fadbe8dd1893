//! Latent-space arithmetic: interpolation, grids over a region, a Gaussian fitted to codes (to
//! sample an autoencoder "generatively"), and attribute vectors.

use nalgebra::{DMatrix, DVector};

use super::Pca;
use crate::rng::{seeded, standard_normal_vec};

/// h(t) = h1 + (h2 − h1)·t.
pub fn lerp(h1: &[f32], h2: &[f32], t: f32) -> Vec<f32> {
    h1.iter().zip(h2).map(|(a, b)| a + (b - a) * t).collect()
}

/// The codes h_i = h1 + (h2 − h1)·i/N for i = 0…N (N + 1 codes, one after another).
pub fn interpolation_path(h1: &[f32], h2: &[f32], n: usize) -> Vec<f32> {
    let n = n.max(1);
    (0..=n)
        .flat_map(|i| lerp(h1, h2, i as f32 / n as f32))
        .collect()
}

/// A rectangle of a 2-D latent map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Region {
    pub x: (f32, f32),
    pub y: (f32, f32),
}

impl Region {
    /// The smallest region holding `points` (`[x, y]` pairs), widened by `margin` of its size.
    pub fn around(points: &[[f32; 2]], margin: f32) -> Self {
        let (mut x0, mut x1, mut y0, mut y1) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
        for p in points {
            x0 = x0.min(p[0]);
            x1 = x1.max(p[0]);
            y0 = y0.min(p[1]);
            y1 = y1.max(p[1]);
        }
        if x0 > x1 {
            return Self {
                x: (-1.0, 1.0),
                y: (-1.0, 1.0),
            };
        }
        let (mx, my) = (
            ((x1 - x0) * margin).max(1e-3),
            ((y1 - y0) * margin).max(1e-3),
        );
        Self {
            x: (x0 - mx, x1 + mx),
            y: (y0 - my, y1 + my),
        }
    }

    /// An `n × n` grid of cell centres, row by row from the top (largest y) down, as `[x, y]`.
    pub fn grid(&self, n: usize) -> Vec<[f32; 2]> {
        let n = n.max(1);
        let at = |(lo, hi): (f32, f32), i: usize| lo + (hi - lo) * (i as f32 + 0.5) / n as f32;
        (0..n)
            .flat_map(|row| (0..n).map(move |col| [at(self.x, col), at(self.y, n - 1 - row)]))
            .collect()
    }
}

/// How codes are placed on a 2-D map: as they are for a 2-D latent space, or by their first two
/// principal components for a larger one (then going back from the map is an approximation: the
/// point's code is the mean code plus the two components).
#[derive(Clone, Debug, PartialEq)]
pub enum Projection {
    Identity,
    Pca(Pca),
}

impl Projection {
    /// The projection for codes of `dim` values each.
    pub fn fit(codes: &[f32], dim: usize) -> Self {
        if dim == 2 {
            Projection::Identity
        } else {
            Projection::Pca(Pca::fit(codes, dim, 2))
        }
    }

    /// Whether a map point is exactly a code (no projection).
    pub fn is_exact(&self) -> bool {
        matches!(self, Projection::Identity)
    }

    pub fn to_map(&self, code: &[f32]) -> [f32; 2] {
        match self {
            Projection::Identity => [code[0], code[1]],
            Projection::Pca(pca) => {
                let p = pca.project(code);
                [p[0], p[1]]
            }
        }
    }

    /// Every code (`dim` values each) as a map point.
    pub fn to_map_all(&self, codes: &[f32], dim: usize) -> Vec<[f32; 2]> {
        codes.chunks_exact(dim).map(|c| self.to_map(c)).collect()
    }

    /// The standard deviation along each map axis of a code distributed as N(μ, diag(σ²)), with
    /// σ² = exp(log σ²): exact for a linear projection (σ_k² = Σ_j w_kj² σ_j²), ignoring the
    /// correlation the projection may create between the two axes.
    pub fn sigma_on_map(&self, log_var: &[f32]) -> [f32; 2] {
        let var: Vec<f32> = log_var.iter().map(|l| l.exp()).collect();
        match self {
            Projection::Identity => [var[0].sqrt(), var[1].sqrt()],
            Projection::Pca(pca) => {
                let along = |k: usize| {
                    pca.components[k]
                        .iter()
                        .zip(&var)
                        .map(|(w, v)| w * w * v)
                        .sum::<f32>()
                        .sqrt()
                };
                [along(0), along(1)]
            }
        }
    }

    pub fn from_map(&self, point: [f32; 2]) -> Vec<f32> {
        match self {
            Projection::Identity => point.to_vec(),
            Projection::Pca(pca) => pca.reconstruct(&point),
        }
    }
}

/// A multivariate Gaussian N(mean, Σ) fitted to codes, sampled through the Cholesky factor of Σ.
#[derive(Clone, Debug)]
pub struct Gaussian {
    pub mean: Vec<f32>,
    /// Lower-triangular L with L·Lᵀ = Σ.
    cholesky: DMatrix<f64>,
}

impl Gaussian {
    /// Fits the mean and covariance of `codes` (`dim` values each, one after another).
    pub fn fit(codes: &[f32], dim: usize) -> Self {
        let n = codes.len() / dim;
        let mean: Vec<f64> = (0..dim)
            .map(|d| {
                codes
                    .iter()
                    .skip(d)
                    .step_by(dim)
                    .map(|&v| v as f64)
                    .sum::<f64>()
                    / n as f64
            })
            .collect();
        let centred = DMatrix::from_fn(n, dim, |r, c| codes[r * dim + c] as f64 - mean[c]);
        // A tiny ridge keeps the factorisation defined for degenerate codes.
        let cov =
            centred.tr_mul(&centred) / (n.max(2) - 1) as f64 + DMatrix::identity(dim, dim) * 1e-9;
        let cholesky = cov
            .cholesky()
            .map(|c| c.l())
            .unwrap_or_else(|| DMatrix::identity(dim, dim));
        Self {
            mean: mean.iter().map(|&m| m as f32).collect(),
            cholesky,
        }
    }

    pub fn covariance(&self) -> DMatrix<f64> {
        &self.cholesky * self.cholesky.transpose()
    }

    /// `count` samples mean + L·ε, ε ~ N(0, I), one after another; the same seed gives the same samples.
    pub fn sample(&self, count: usize, seed: u64) -> Vec<f32> {
        let dim = self.mean.len();
        let mut rng = seeded(seed);
        (0..count)
            .flat_map(|_| {
                let eps = DVector::from_iterator(
                    dim,
                    standard_normal_vec(&mut rng, dim)
                        .into_iter()
                        .map(f64::from),
                );
                let z = &self.cholesky * eps;
                self.mean
                    .iter()
                    .zip(z.iter())
                    .map(|(m, v)| m + *v as f32)
                    .collect::<Vec<_>>()
            })
            .collect()
    }
}

/// z = μ + σ·ε for every ε in `eps` (`dim` values each): samples of one code's q(z|x) =
/// N(μ, diag(exp(log σ²))), one after another. The same formula as `model::Vae::reparameterize`,
/// on a code already read back from the device (what the latent view shows).
pub fn reparameterize(mu: &[f32], log_var: &[f32], eps: &[f32]) -> Vec<f32> {
    let dim = mu.len();
    eps.chunks_exact(dim)
        .flat_map(|e| (0..dim).map(move |j| mu[j] + (log_var[j] * 0.5).exp() * e[j]))
        .collect()
}

/// Samples from the prior N(0, I) of a VAE: `count` codes of `dim` values.
pub fn sample_prior(count: usize, dim: usize, seed: u64) -> Vec<f32> {
    standard_normal_vec(&mut seeded(seed), count * dim)
}

/// Mean of the codes (`dim` values each) whose index is in `members`.
pub fn mean_code(codes: &[f32], dim: usize, members: impl Iterator<Item = usize>) -> Vec<f32> {
    let mut sum = vec![0.0f64; dim];
    let mut n = 0usize;
    for i in members {
        for (s, &v) in sum.iter_mut().zip(&codes[i * dim..(i + 1) * dim]) {
            *s += v as f64;
        }
        n += 1;
    }
    sum.iter().map(|&s| (s / n.max(1) as f64) as f32).collect()
}

/// The attribute vector h_dif = mean code of the items highest in `score` − mean code of the
/// lowest, each group being `fraction` of the items (the course's "smile vector").
pub fn attribute_vector(codes: &[f32], dim: usize, score: &[f32], fraction: f32) -> Vec<f32> {
    let mut order: Vec<usize> = (0..score.len()).collect();
    order.sort_by(|&a, &b| score[a].total_cmp(&score[b]));
    let k = ((score.len() as f32 * fraction).round() as usize).clamp(1, score.len());
    let low = mean_code(codes, dim, order[..k].iter().copied());
    let high = mean_code(codes, dim, order[order.len() - k..].iter().copied());
    high.iter().zip(&low).map(|(h, l)| h - l).collect()
}

/// The class vector: mean code of class `class` − mean code of every other class.
pub fn class_vector(codes: &[f32], dim: usize, labels: &[u8], class: u8) -> Vec<f32> {
    let inside = mean_code(
        codes,
        dim,
        (0..labels.len()).filter(|&i| labels[i] == class),
    );
    let outside = mean_code(
        codes,
        dim,
        (0..labels.len()).filter(|&i| labels[i] != class),
    );
    inside.iter().zip(&outside).map(|(a, b)| a - b).collect()
}

/// h_new = h + α·h_dif.
pub fn apply_attribute(h: &[f32], h_dif: &[f32], alpha: f32) -> Vec<f32> {
    h.iter().zip(h_dif).map(|(a, d)| a + alpha * d).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolation_starts_and_ends_at_the_endpoints() {
        let (a, b) = ([1.0, -2.0, 0.5], [3.0, 2.0, -0.5]);
        assert_eq!(lerp(&a, &b, 0.0), a.to_vec());
        assert_eq!(lerp(&a, &b, 1.0), b.to_vec());
        assert_eq!(lerp(&a, &b, 0.5), vec![2.0, 0.0, 0.0]);
        let path = interpolation_path(&a, &b, 4);
        assert_eq!(path.len(), 5 * 3);
        assert_eq!(&path[..3], &a);
        assert_eq!(&path[12..], &b);
    }

    #[test]
    fn reparameterisation_scales_and_shifts_each_sample() {
        // σ = exp(½ log σ²): log σ² = ln 4 gives σ = 2.
        let z = reparameterize(&[1.0, -1.0], &[0.0, 4f32.ln()], &[0.5, 1.0, -1.0, 0.0]);
        let expected = [1.5, 1.0, 0.0, -1.0];
        assert!(
            z.iter().zip(expected).all(|(a, b)| (a - b).abs() < 1e-6),
            "{z:?}"
        );
    }

    #[test]
    fn grid_covers_the_region_from_the_top_left() {
        let r = Region {
            x: (0.0, 4.0),
            y: (0.0, 2.0),
        };
        let g = r.grid(2);
        assert_eq!(g, vec![[1.0, 1.5], [3.0, 1.5], [1.0, 0.5], [3.0, 0.5]]);
        let around = Region::around(&[[0.0, 0.0], [2.0, 1.0]], 0.1);
        assert!((around.x.0 + 0.2).abs() < 1e-6 && (around.y.1 - 1.1).abs() < 1e-6);
    }

    #[test]
    fn fitted_gaussian_matches_the_codes_and_sampling_is_reproducible() {
        // Codes along a known correlated Gaussian: x ~ N(1, 4), y = 0.5·x + N(0, 0.25).
        let mut rng = seeded(11);
        let n = 20_000;
        let eps = standard_normal_vec(&mut rng, 2 * n);
        let codes: Vec<f32> = (0..n)
            .flat_map(|i| {
                let x = 1.0 + 2.0 * eps[2 * i];
                [x, 0.5 * x + 0.5 * eps[2 * i + 1]]
            })
            .collect();
        let g = Gaussian::fit(&codes, 2);
        assert!(
            (g.mean[0] - 1.0).abs() < 0.05 && (g.mean[1] - 0.5).abs() < 0.05,
            "{:?}",
            g.mean
        );
        let cov = g.covariance();
        assert!(
            (cov[(0, 0)] - 4.0).abs() < 0.15 && (cov[(0, 1)] - 2.0).abs() < 0.1,
            "{cov}"
        );
        let samples = g.sample(20_000, 3);
        let refit = Gaussian::fit(&samples, 2).covariance();
        assert!((refit[(1, 1)] - cov[(1, 1)]).abs() < 0.1);
        assert_eq!(g.sample(4, 9), g.sample(4, 9));
        assert_ne!(g.sample(4, 9), g.sample(4, 10));
        assert_eq!(sample_prior(3, 2, 5), sample_prior(3, 2, 5));
    }

    #[test]
    fn projection_maps_codes_on_a_plane_to_the_map_and_back() {
        // 4-D codes on the plane spanned by two orthonormal directions through (1, 1, 1, 1).
        let mut rng = seeded(2);
        let e = standard_normal_vec(&mut rng, 400);
        let codes: Vec<f32> = (0..200)
            .flat_map(|i| {
                let (a, b) = (3.0 * e[2 * i], e[2 * i + 1]);
                [1.0 + a * 0.6, 1.0 + a * 0.8, 1.0 + b, 1.0]
            })
            .collect();
        let p = Projection::fit(&codes, 4);
        assert!(!p.is_exact());
        for c in codes.chunks_exact(4).take(10) {
            let back = p.from_map(p.to_map(c));
            assert!(
                back.iter().zip(c).all(|(x, y)| (x - y).abs() < 1e-3),
                "{back:?} vs {c:?}"
            );
        }
        // σ along the map axes: the first component is (0.6, 0.8, 0, 0) up to sign.
        let s = p.sigma_on_map(&[0.0, 4f32.ln(), 0.0, 0.0]);
        assert!((s[0] - (0.36f32 + 0.64 * 4.0).sqrt()).abs() < 1e-3, "{s:?}");
        let flat = Projection::fit(&[0.5, -1.0], 2);
        assert_eq!(flat.sigma_on_map(&[0.0, 4f32.ln()]), [1.0, 2.0]);
        assert!(flat.is_exact());
        assert_eq!(flat.to_map(&[0.5, -1.0]), [0.5, -1.0]);
        assert_eq!(flat.from_map([0.5, -1.0]), vec![0.5, -1.0]);
    }

    #[test]
    fn attribute_vector_points_from_low_to_high_scores() {
        // Two-dimensional codes whose first coordinate grows with the score.
        let score: Vec<f32> = (0..100).map(|i| i as f32).collect();
        let codes: Vec<f32> = (0..100).flat_map(|i| [i as f32 / 10.0, 1.0]).collect();
        let d = attribute_vector(&codes, 2, &score, 0.25);
        assert!(d[0] > 7.0 && d[1].abs() < 1e-6, "{d:?}");
        assert_eq!(apply_attribute(&[1.0, 1.0], &d, 0.0), vec![1.0, 1.0]);
        // Class 1's codes sit at (2, 0), the others' at (0, 1).
        let codes = [2.0, 0.0, 0.0, 1.0, 0.0, 1.0];
        assert_eq!(class_vector(&codes, 2, &[1, 0, 3], 1), vec![2.0, -1.0]);
        assert_eq!(
            apply_attribute(&[0.0, 0.0], &[1.0, -2.0], 2.0),
            vec![2.0, -4.0]
        );
    }
}
