//! Principal component analysis: the linear baseline of the course ("a linear decoder with MSE
//! learns the same subspace as PCA"). Fitted by the eigendecomposition of the covariance matrix.

use nalgebra::{DMatrix, SymmetricEigen};

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
        let n = data.len() / dim;
        assert!(n >= 2, "PCA needs at least two samples");
        let k = k.min(dim);
        let mut mean = vec![0.0f64; dim];
        for row in data.chunks_exact(dim) {
            for (m, &v) in mean.iter_mut().zip(row) {
                *m += v as f64;
            }
        }
        mean.iter_mut().for_each(|m| *m /= n as f64);
        let centred = DMatrix::from_fn(n, dim, |r, c| data[r * dim + c] as f64 - mean[c]);
        let covariance = centred.tr_mul(&centred) / (n as f64 - 1.0);
        let eigen = SymmetricEigen::new(covariance);
        let mut order: Vec<usize> = (0..dim).collect();
        order.sort_by(|&a, &b| eigen.eigenvalues[b].total_cmp(&eigen.eigenvalues[a]));
        let components = order[..k]
            .iter()
            .map(|&i| {
                eigen
                    .eigenvectors
                    .column(i)
                    .iter()
                    .map(|&v| v as f32)
                    .collect()
            })
            .collect();
        let variances = order[..k]
            .iter()
            .map(|&i| eigen.eigenvalues[i].max(0.0))
            .collect();
        Self {
            dim,
            mean: mean.iter().map(|&m| m as f32).collect(),
            components,
            variances,
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
}
