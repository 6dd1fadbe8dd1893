//! Principal angles between two subspaces of Rⁿ: how close the subspace a linear autoencoder's
//! decoder spans is to PCA's ("linear decoder + MSE ⇒ the same subspace as PCA").
//!
//! Each subspace is given by spanning vectors, which need not be orthonormal (a decoder's weight
//! rows are not). Each set is orthonormalised through its SVD (the left singular vectors whose
//! singular value exceeds [`RANK_TOLERANCE`] × the largest, so a dependent vector adds no
//! direction); then the singular values σᵢ of Q₁ᵀQ₂ are the cosines of the principal angles,
//! θᵢ = arccos σᵢ (Björck & Golub, 1973). Two subspaces of dimensions r₁ and r₂ have
//! min(r₁, r₂) principal angles; 0° means a shared direction, and the largest angle is 0° exactly
//! when one subspace contains the other.

use nalgebra::DMatrix;

/// Singular values below this share of the largest are treated as zero when orthonormalising.
pub const RANK_TOLERANCE: f64 = 1e-9;

/// An orthonormal basis (n × r) of the span of `vectors`: `vectors.len() / n` vectors of `n`
/// values laid out one after another (the columns of an n × k matrix in column-major order, or
/// equally the rows of a k × n matrix such as PCA's components or a linear decoder's weight).
pub fn orthonormal_basis(vectors: &[f32], n: usize) -> DMatrix<f64> {
    assert!(
        n > 0 && vectors.len().is_multiple_of(n),
        "vectors are not a whole number of length-{n} vectors"
    );
    let k = vectors.len() / n;
    if k == 0 {
        return DMatrix::zeros(n, 0);
    }
    let a = DMatrix::from_fn(n, k, |r, c| vectors[c * n + r] as f64);
    let svd = a.svd(true, false);
    let u = svd.u.expect("U was requested");
    let largest = svd.singular_values.iter().copied().fold(0.0, f64::max);
    let keep: Vec<usize> = (0..svd.singular_values.len())
        .filter(|&i| largest > 0.0 && svd.singular_values[i] > RANK_TOLERANCE * largest)
        .collect();
    DMatrix::from_fn(n, keep.len(), |r, c| u[(r, keep[c])])
}

/// The principal angles between span(`a`) and span(`b`), in degrees, smallest first; `a` and `b`
/// each hold vectors of `n` values one after another (see [`orthonormal_basis`]).
pub fn principal_angles(a: &[f32], b: &[f32], n: usize) -> Vec<f64> {
    let qa = orthonormal_basis(a, n);
    let qb = orthonormal_basis(b, n);
    if qa.ncols() == 0 || qb.ncols() == 0 {
        return Vec::new();
    }
    let m = qa.tr_mul(&qb);
    let mut cosines: Vec<f64> = m
        .svd(false, false)
        .singular_values
        .iter()
        .map(|&s| s.clamp(0.0, 1.0))
        .collect();
    cosines.sort_by(|x, y| y.total_cmp(x));
    cosines.iter().map(|c| c.acos().to_degrees()).collect()
}

/// The largest principal angle in degrees (0 when either span is empty): the one number that
/// says how far apart two equal-dimensional subspaces are.
pub fn max_principal_angle(a: &[f32], b: &[f32], n: usize) -> f64 {
    principal_angles(a, b, n).last().copied().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(n: usize, i: usize) -> Vec<f32> {
        let mut v = vec![0.0; n];
        v[i] = 1.0;
        v
    }

    #[test]
    fn identical_subspaces_give_zero() {
        let n = 10;
        let mut rng = crate::rng::seeded(4);
        let a = crate::rng::standard_normal_vec(&mut rng, 3 * n);
        // Another basis of the same span: mixtures of a's vectors (an invertible 3 × 3 mix).
        let mix = [[2.0, 1.0, 0.0], [0.0, 1.0, -1.0], [1.0, 0.0, 3.0]];
        let b: Vec<f32> = mix
            .iter()
            .flat_map(|w| {
                (0..n)
                    .map(|r| (0..3).map(|j| w[j] * a[j * n + r]).sum::<f32>())
                    .collect::<Vec<_>>()
            })
            .collect();
        let angles = principal_angles(&a, &b, n);
        assert_eq!(angles.len(), 3);
        assert!(angles.iter().all(|&t| t < 0.05), "{angles:?}");
        assert!(max_principal_angle(&a, &a, n) < 0.05);
    }

    #[test]
    fn orthogonal_subspaces_give_ninety() {
        let n = 6;
        let a: Vec<f32> = [e(n, 0), e(n, 1)].concat();
        let b: Vec<f32> = [e(n, 2), e(n, 3)].concat();
        let angles = principal_angles(&a, &b, n);
        assert_eq!(angles.len(), 2);
        assert!(
            angles.iter().all(|&t| (t - 90.0).abs() < 1e-9),
            "{angles:?}"
        );
    }

    #[test]
    fn a_known_forty_five_degree_case() {
        // span(e0, e1) against span(5 e0, 3 (e1 + e2)): one shared direction (0°)
        // and e1 against e1 + e2 (45°).
        let n = 4;
        let a: Vec<f32> = [e(n, 0), e(n, 1)].concat();
        let b: Vec<f32> = [vec![5.0, 0.0, 0.0, 0.0], vec![0.0, 3.0, 3.0, 0.0]].concat();
        let angles = principal_angles(&a, &b, n);
        assert!(angles[0].abs() < 1e-6, "{angles:?}");
        assert!((angles[1] - 45.0).abs() < 1e-6, "{angles:?}");
        assert!((max_principal_angle(&a, &b, n) - 45.0).abs() < 1e-6);
    }

    #[test]
    fn lines_at_known_angles_and_dependent_vectors() {
        // Two lines in the plane at 30°.
        let t = 30f32.to_radians();
        let angles = principal_angles(&[1.0, 0.0], &[t.cos(), t.sin()], 2);
        assert!((angles[0] - 30.0).abs() < 1e-4, "{angles:?}");
        // A repeated vector adds no direction: span(e0, 2e0) is a line.
        let basis = orthonormal_basis(&[1.0, 0.0, 0.0, 2.0, 0.0, 0.0], 3);
        assert_eq!(basis.ncols(), 1);
        // Different dimensions: a line inside a plane → one angle, 0°.
        let angles = principal_angles(&[1.0, 1.0, 0.0], &[1.0, 0.0, 0.0, 0.0, 1.0, 0.0], 3);
        assert_eq!(angles.len(), 1);
        assert!(angles[0].abs() < 1e-6);
        assert!(principal_angles(&[], &[1.0, 0.0], 2).is_empty());
    }
}
