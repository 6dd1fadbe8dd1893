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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_computed_values() {
        assert!((mse(&[0.0, 1.0, 0.5], &[0.0, 0.0, 1.0]) - (1.0 + 0.25) / 3.0).abs() < 1e-12);
        assert_eq!(max_abs_diff(&[0.0, 1.0], &[0.5, 0.0]), 1.0);
    }
}
