//! Principal component analysis: the linear baseline of the course ("a linear decoder with MSE
//! learns the same subspace as PCA"). Fitted from the covariance matrix: its top eigenvectors by
//! Lanczos iteration, so that PCA-16 of 8,000 digits takes a fraction of a second in the browser
//! instead of a full 784 × 784 eigendecomposition (seconds, with the page frozen).

use nalgebra::{DMatrix, SymmetricEigen};

use crate::rng::{seeded, standard_normal};

/// A fitted PCA: the data mean and the top `k` principal directions (orthonormal rows).
#[derive(Clone, Debug, PartialEq)]
pub struct Pca {
    pub dim: usize,
    pub mean: Vec<f32>,
    /// `k` rows of `dim` values each, by decreasing explained variance.
    pub components: Vec<Vec<f32>>,
    /// The variance along each component.
    pub variances: Vec<f64>,
}

impl Pca {
    /// Fits `k` components to `rows` samples of `dim` values laid out one after another.
    pub fn fit(data: &[f32], dim: usize, k: usize) -> Self {
        assert!(
            dim > 0 && data.len().is_multiple_of(dim),
            "data is not a whole number of rows"
        );
        assert!(data.len() / dim >= 2, "PCA needs at least two samples");
        let k = k.min(dim);
        let (mean, covariance) = mean_and_covariance(data, dim);
        let (variances, vectors) = top_eigenpairs(&covariance, dim, k);
        Self {
            dim,
            mean: mean.iter().map(|&m| m as f32).collect(),
            components: vectors
                .into_iter()
                .map(|v| v.iter().map(|&x| x as f32).collect())
                .collect(),
            variances: variances.into_iter().map(|v| v.max(0.0)).collect(),
        }
    }

    /// Number of components kept.
    pub fn k(&self) -> usize {
        self.components.len()
    }

    /// Coordinates of one sample along the components.
    pub fn project(&self, x: &[f32]) -> Vec<f32> {
        self.components
            .iter()
            .map(|c| {
                c.iter()
                    .zip(x)
                    .zip(&self.mean)
                    .map(|((&w, &v), &m)| w * (v - m))
                    .sum()
            })
            .collect()
    }

    /// The sample with coordinates `coords` (the mean plus the weighted components).
    pub fn reconstruct(&self, coords: &[f32]) -> Vec<f32> {
        let mut out = self.mean.clone();
        for (c, &a) in self.components.iter().zip(coords) {
            for (o, &w) in out.iter_mut().zip(c) {
                *o += a * w;
            }
        }
        out
    }

    /// Mean squared reconstruction error per value over samples laid out one after another.
    pub fn reconstruction_mse(&self, data: &[f32]) -> f64 {
        let mut total = 0.0f64;
        for row in data.chunks_exact(self.dim) {
            let r = self.reconstruct(&self.project(row));
            total += r
                .iter()
                .zip(row)
                .map(|(a, b)| ((a - b) as f64).powi(2))
                .sum::<f64>();
        }
        total / data.len() as f64
    }
}

/// The mean and the sample covariance (`dim` × `dim`, row-major) of `data`. Digits are mostly
/// black, so each sample's outer product is taken over its non-zero values only (exact, and
/// about 25 times less work on MNIST than the dense product).
fn mean_and_covariance(data: &[f32], dim: usize) -> (Vec<f64>, Vec<f64>) {
    let n = data.len() / dim;
    let mut mean = vec![0.0f64; dim];
    let mut scatter = vec![0.0f64; dim * dim];
    let mut non_zero: Vec<(usize, f64)> = Vec::with_capacity(dim);
    for row in data.chunks_exact(dim) {
        non_zero.clear();
        non_zero.extend(
            row.iter()
                .enumerate()
                .filter(|(_, v)| **v != 0.0)
                .map(|(i, &v)| (i, v as f64)),
        );
        for (a, &(i, xi)) in non_zero.iter().enumerate() {
            mean[i] += xi;
            let upper = &mut scatter[i * dim..(i + 1) * dim];
            for &(j, xj) in &non_zero[a..] {
                upper[j] += xi * xj;
            }
        }
    }
    mean.iter_mut().for_each(|m| *m /= n as f64);
    // C = (Σ x xᵀ − n m mᵀ) / (n − 1), mirrored from the upper triangle.
    let mut covariance = vec![0.0f64; dim * dim];
    for i in 0..dim {
        for j in i..dim {
            let c = (scatter[i * dim + j] - n as f64 * mean[i] * mean[j]) / (n as f64 - 1.0);
            covariance[i * dim + j] = c;
            covariance[j * dim + i] = c;
        }
    }
    (mean, covariance)
}

/// The `k` largest eigenvalues of the symmetric matrix `c` (`dim` × `dim`, row-major) and their
/// unit eigenvectors, largest first, by Lanczos iteration with full reorthogonalisation: the
/// Krylov basis grows until the top `k` Ritz pairs' residuals ‖C v − θ v‖ are negligible (or the
/// basis spans the space). Each eigenvector's sign is fixed (its largest entry positive) so that
/// fits are reproducible.
fn top_eigenpairs(c: &[f64], dim: usize, k: usize) -> (Vec<f64>, Vec<Vec<f64>>) {
    let scale = (0..dim)
        .map(|i| c[i * dim + i].abs())
        .sum::<f64>()
        .max(f64::MIN_POSITIVE);
    let tolerance = 1e-10 * scale;
    let mut rng = seeded(0x50ca);
    let mut basis: Vec<Vec<f64>> = Vec::new();
    let mut alpha: Vec<f64> = Vec::new();
    let mut beta: Vec<f64> = Vec::new();
    let mut q = fresh_direction(&basis, dim, &mut rng);
    loop {
        let mut w = symmetric_product(c, dim, &q);
        let a = dot(&w, &q);
        basis.push(q);
        alpha.push(a);
        // Twice is enough to keep the basis orthogonal to working precision.
        for _ in 0..2 {
            for v in &basis {
                let d = dot(&w, v);
                w.iter_mut().zip(v).for_each(|(x, y)| *x -= d * y);
            }
        }
        let b = dot(&w, &w).sqrt();
        let m = basis.len();
        let check = m == dim || (m >= k && (m - k).is_multiple_of(8));
        if check {
            let (values, ritz) = tridiagonal_eigen(&alpha, &beta);
            // For a Ritz pair, ‖C v − θ v‖ = β · |last entry of its eigenvector of T|.
            let converged = (0..k.min(m)).all(|i| b * ritz[(m - 1, i)].abs() <= tolerance);
            if m == dim || (m >= k && converged) {
                let vectors = (0..k.min(m))
                    .map(|i| {
                        let mut v = vec![0.0; dim];
                        for (row, q) in basis.iter().enumerate() {
                            v.iter_mut()
                                .zip(q)
                                .for_each(|(x, y)| *x += ritz[(row, i)] * y);
                        }
                        fix_sign(v)
                    })
                    .collect();
                return (values[..k.min(m)].to_vec(), vectors);
            }
        }
        if b > 1e-12 * scale.sqrt() {
            beta.push(b);
            q = w.into_iter().map(|x| x / b).collect();
        } else {
            // An invariant subspace: go on from a new direction orthogonal to it.
            beta.push(0.0);
            q = fresh_direction(&basis, dim, &mut rng);
        }
    }
}

/// Eigenvalues (largest first) and eigenvectors (columns, same order) of the symmetric
/// tridiagonal matrix with diagonal `alpha` and off-diagonal `beta`.
fn tridiagonal_eigen(alpha: &[f64], beta: &[f64]) -> (Vec<f64>, DMatrix<f64>) {
    let m = alpha.len();
    let t = DMatrix::from_fn(m, m, |i, j| match i.abs_diff(j) {
        0 => alpha[i],
        1 => beta[i.min(j)],
        _ => 0.0,
    });
    let eigen = SymmetricEigen::new(t);
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| eigen.eigenvalues[b].total_cmp(&eigen.eigenvalues[a]));
    let values = order.iter().map(|&i| eigen.eigenvalues[i]).collect();
    let vectors = DMatrix::from_fn(m, m, |r, col| eigen.eigenvectors[(r, order[col])]);
    (values, vectors)
}

/// A random unit vector orthogonal to `basis`.
fn fresh_direction(basis: &[Vec<f64>], dim: usize, rng: &mut rand::rngs::StdRng) -> Vec<f64> {
    let mut v: Vec<f64> = (0..dim).map(|_| standard_normal(rng) as f64).collect();
    for _ in 0..2 {
        for u in basis {
            let d = dot(&v, u);
            v.iter_mut().zip(u).for_each(|(x, y)| *x -= d * y);
        }
    }
    let norm = dot(&v, &v).sqrt();
    v.into_iter().map(|x| x / norm).collect()
}

fn symmetric_product(c: &[f64], dim: usize, v: &[f64]) -> Vec<f64> {
    c.chunks_exact(dim).map(|row| dot(row, v)).collect()
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// `v` or `−v`, whichever has its largest-magnitude entry positive.
fn fix_sign(v: Vec<f64>) -> Vec<f64> {
    let largest = v
        .iter()
        .copied()
        .fold(0.0f64, |m, x| if x.abs() > m.abs() { x } else { m });
    if largest < 0.0 {
        v.into_iter().map(|x| -x).collect()
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{seeded, standard_normal};

    /// Points on the plane spanned by two known directions in 5-D, plus tiny noise.
    fn plane_samples(n: usize) -> (Vec<f32>, [f32; 5], [f32; 5]) {
        let s = 1.0 / 2f32.sqrt();
        let u = [s, s, 0.0, 0.0, 0.0];
        let v = [0.0, 0.0, 0.6, 0.8, 0.0];
        let mut rng = seeded(5);
        let mut data = Vec::new();
        for _ in 0..n {
            let (a, b) = (
                3.0 * standard_normal(&mut rng),
                1.0 * standard_normal(&mut rng),
            );
            for d in 0..5 {
                data.push(1.0 + a * u[d] + b * v[d] + 0.001 * standard_normal(&mut rng));
            }
        }
        (data, u, v)
    }

    #[test]
    fn recovers_a_known_plane_with_orthonormal_components() {
        let (data, u, v) = plane_samples(500);
        let pca = Pca::fit(&data, 5, 2);
        let dot = |a: &[f32], b: &[f32]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f32>();
        for i in 0..2 {
            assert!((dot(&pca.components[i], &pca.components[i]) - 1.0).abs() < 1e-4);
        }
        assert!(dot(&pca.components[0], &pca.components[1]).abs() < 1e-4);
        // The first component is the high-variance direction u (up to sign), the second v.
        assert!(dot(&pca.components[0], &u).abs() > 0.999);
        assert!(dot(&pca.components[1], &v).abs() > 0.999);
        assert!(pca.variances[0] > pca.variances[1]);
        assert!(pca.reconstruction_mse(&data) < 1e-5);
    }

    #[test]
    fn more_components_never_reconstruct_worse() {
        let (data, _, _) = plane_samples(200);
        let one = Pca::fit(&data, 5, 1).reconstruction_mse(&data);
        let two = Pca::fit(&data, 5, 2).reconstruction_mse(&data);
        assert!(two < one);
    }
    /// Correlated samples: `n` rows of `dim` values mixing a few latent factors.
    fn correlated_samples(n: usize, dim: usize, factors: usize, noise: f32) -> Vec<f32> {
        let mut rng = seeded(11);
        let mixing: Vec<f32> = (0..factors * dim)
            .map(|_| standard_normal(&mut rng))
            .collect();
        let mut data = Vec::with_capacity(n * dim);
        for _ in 0..n {
            let z: Vec<f32> = (0..factors)
                .map(|f| (f + 1) as f32 * standard_normal(&mut rng))
                .collect();
            for d in 0..dim {
                let x: f32 = (0..factors).map(|f| z[f] * mixing[f * dim + d]).sum();
                data.push(x + noise * standard_normal(&mut rng));
            }
        }
        data
    }

    #[test]
    fn lanczos_matches_the_full_eigendecomposition() {
        let dim = 40;
        let data = correlated_samples(300, dim, 8, 0.3);
        let pca = Pca::fit(&data, dim, 6);
        let (_, covariance) = mean_and_covariance(&data, dim);
        let full = SymmetricEigen::new(DMatrix::from_row_slice(dim, dim, &covariance));
        let mut order: Vec<usize> = (0..dim).collect();
        order.sort_by(|&a, &b| full.eigenvalues[b].total_cmp(&full.eigenvalues[a]));
        for (i, &e) in order[..6].iter().enumerate() {
            let value = full.eigenvalues[e];
            assert!((pca.variances[i] - value).abs() <= 1e-9 * value, "λ{i}");
            let cosine: f64 = pca.components[i]
                .iter()
                .zip(full.eigenvectors.column(e).iter())
                .map(|(&a, &b)| a as f64 * b)
                .sum();
            assert!(cosine.abs() > 1.0 - 1e-6, "v{i}: cos {cosine}");
        }
    }

    #[test]
    fn rank_deficient_data_and_every_component() {
        // Three factors in 12-D, no noise: three variances, the rest zero; asking for all 12
        // components still gives an orthonormal basis.
        let data = correlated_samples(100, 12, 3, 0.0);
        let pca = Pca::fit(&data, 12, 12);
        assert_eq!(pca.k(), 12);
        assert!(pca.variances[2] > 1e-3);
        assert!(
            pca.variances[3..]
                .iter()
                .all(|&v| v < 1e-6 * pca.variances[0])
        );
        for a in 0..12 {
            for b in 0..12 {
                let d: f32 = pca.components[a]
                    .iter()
                    .zip(&pca.components[b])
                    .map(|(x, y)| x * y)
                    .sum();
                let expected = if a == b { 1.0 } else { 0.0 };
                assert!((d - expected).abs() < 1e-4, "({a}, {b}): {d}");
            }
        }
        assert!(pca.reconstruction_mse(&data) < 1e-8);
    }

    #[test]
    fn fits_are_reproducible() {
        let data = correlated_samples(200, 20, 4, 0.1);
        assert_eq!(Pca::fit(&data, 20, 3), Pca::fit(&data, 20, 3));
    }
}
