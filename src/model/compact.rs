//! Int8 weights for the shipped models: each weight matrix stored as signed bytes with one `f32`
//! scale per output unit, a quarter of the `f32` bytes (issue #13: the first view downloads six
//! models). Symmetric: a weight `w` of output unit `j` is stored as `q = round(w / s_j)` in
//! `[-127, 127]`, with `s_j = max_i |w_ij| / 127`, and read back as `q · s_j`, so the error of
//! every weight is at most `s_j / 2` (half a step), and the largest weight of each unit is exact.
//!
//! Burn stores a linear layer's weight as `[in, out]` (row-major), so an output unit is a column:
//! the scales run along the last axis. `-128` is never written, keeping the range symmetric.

/// The largest stored magnitude.
pub const LEVELS: f32 = 127.0;

/// A `[rows, cols]` matrix as int8 values (row-major, like the `f32` matrix) and one scale per
/// column.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantised {
    pub values: Vec<i8>,
    pub scales: Vec<f32>,
}

/// Quantises a row-major `[rows, cols]` matrix, one scale per column (per output unit in Burn's
/// layout). A column of zeros gets scale 0 and values 0, read back as zeros. `None` when `weights`
/// does not hold `rows × cols` values or holds a value that is not finite (no scale represents it).
pub fn quantise(weights: &[f32], rows: usize, cols: usize) -> Option<Quantised> {
    if rows.checked_mul(cols) != Some(weights.len()) || !weights.iter().all(|w| w.is_finite()) {
        return None;
    }
    let mut scales = vec![0.0f32; cols];
    for row in weights.chunks_exact(cols.max(1)) {
        for (s, w) in scales.iter_mut().zip(row) {
            *s = s.max(w.abs());
        }
    }
    for s in &mut scales {
        *s /= LEVELS;
    }
    let values = weights
        .chunks_exact(cols.max(1))
        .flat_map(|row| {
            row.iter().zip(&scales).map(|(&w, &s)| {
                if s == 0.0 {
                    0
                } else {
                    // |w / s| ≤ 127 up to rounding of the division; the clamp keeps it so.
                    (w / s).round().clamp(-LEVELS, LEVELS) as i8
                }
            })
        })
        .collect();
    Some(Quantised { values, scales })
}

/// The `f32` matrix back: `values[i · cols + j] · scales[j]`. `None` when the values are not whole
/// rows of `scales.len()` columns, or a scale is negative, not finite, or so large that 127 steps
/// overflow (a damaged file: the quantiser writes only scales `max |w| / 127` of finite weights).
pub fn dequantise(values: &[i8], scales: &[f32]) -> Option<Vec<f32>> {
    let cols = scales.len();
    if cols == 0 {
        return values.is_empty().then(Vec::new);
    }
    let valid = |s: &f32| *s >= 0.0 && (s * LEVELS).is_finite();
    if !values.len().is_multiple_of(cols) || !scales.iter().all(valid) {
        return None;
    }
    Some(
        values
            .chunks_exact(cols)
            .flat_map(|row| row.iter().zip(scales).map(|(&q, &s)| q as f32 * s))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic matrix with columns of very different magnitudes.
    fn matrix(rows: usize, cols: usize) -> Vec<f32> {
        (0..rows * cols)
            .map(|k| {
                let (i, j) = (k / cols, k % cols);
                let x = ((i * 7919 + j * 104_729) % 2001) as f32 / 1000.0 - 1.0;
                x * 10f32.powi(j as i32 % 5 - 3)
            })
            .collect()
    }

    #[test]
    fn round_trip_error_is_at_most_half_a_step_per_column() {
        let (rows, cols) = (37, 11);
        let w = matrix(rows, cols);
        let q = quantise(&w, rows, cols).unwrap();
        assert_eq!((q.values.len(), q.scales.len()), (rows * cols, cols));
        let back = dequantise(&q.values, &q.scales).unwrap();
        for (k, (&a, &b)) in w.iter().zip(&back).enumerate() {
            let s = q.scales[k % cols];
            // Half a step, plus the rounding of two f32 operations.
            assert!(
                (a - b).abs() <= 0.5 * s * (1.0 + 1e-5),
                "w[{k}] = {a}, read back {b}, step {s}"
            );
        }
        // Each column's largest magnitude is stored as ±127 and comes back (nearly) exactly.
        for j in 0..cols {
            let column: Vec<f32> = w.iter().skip(j).step_by(cols).copied().collect();
            let max = column.iter().fold(0.0f32, |m, x| m.max(x.abs()));
            assert!((q.scales[j] * LEVELS - max).abs() <= max * 1e-6);
            assert!(
                q.values
                    .iter()
                    .skip(j)
                    .step_by(cols)
                    .any(|v| v.unsigned_abs() == 127)
            );
        }
    }

    #[test]
    fn scales_are_per_column_so_small_units_keep_their_precision() {
        // Column 0 is a thousand times larger than column 1: one shared scale would round all of
        // column 1 to zero.
        let w = [1000.0, 0.3, -1000.0, -0.25, 3.0, 1.0];
        let q = quantise(&w, 3, 2).unwrap();
        let back = dequantise(&q.values, &q.scales).unwrap();
        assert_eq!(q.values[1], 38); // 0.3 / (1 / 127) = 38.1
        assert_eq!(q.values[5], 127);
        assert!((back[3] + 0.25).abs() <= 0.5 / 127.0);
    }

    #[test]
    fn a_zero_column_has_scale_zero_and_reads_back_as_zeros() {
        let w = [0.0, 2.0, 0.0, -1.2, -0.0, 0.5];
        let q = quantise(&w, 3, 2).unwrap();
        assert_eq!(q.scales[0], 0.0);
        assert_eq!(q.values, vec![0, 127, 0, -76, 0, 32]);
        let back = dequantise(&q.values, &q.scales).unwrap();
        assert_eq!([back[0], back[2], back[4]], [0.0; 3]);
        assert!(back.iter().all(|x| x.is_finite()));
    }

    #[test]
    fn values_stay_symmetric_and_never_use_minus_128() {
        let w: Vec<f32> = (0..256).map(|i| i as f32 - 128.0).collect();
        let q = quantise(&w, 256, 1).unwrap();
        assert!(q.values.iter().all(|&v| v >= -127));
        assert_eq!(q.values[0], -127);
        assert_eq!(q.values[255], 126); // 127 / (128 / 127) = 126.0…
    }

    #[test]
    fn bad_inputs_are_refused() {
        assert_eq!(quantise(&[1.0, 2.0, 3.0], 2, 2), None, "not rows × cols");
        assert_eq!(quantise(&[1.0, f32::NAN], 1, 2), None, "NaN");
        assert_eq!(quantise(&[f32::INFINITY, 0.0], 2, 1), None, "infinite");
        assert_eq!(dequantise(&[1, 2, 3], &[1.0, 1.0]), None, "not whole rows");
        assert_eq!(dequantise(&[1, 2], &[1.0, -1.0]), None, "negative scale");
        assert_eq!(dequantise(&[1, 2], &[f32::NAN, 1.0]), None, "NaN scale");
        assert_eq!(
            dequantise(&[1, 2], &[1.0, f32::MAX]),
            None,
            "127 steps overflow"
        );
        assert_eq!(dequantise(&[1], &[]), None, "values without a column");
        assert_eq!(dequantise(&[], &[]), Some(vec![]));
        assert_eq!(
            quantise(&[], 0, 3),
            Some(Quantised {
                values: vec![],
                scales: vec![0.0; 3]
            })
        );
    }
}
