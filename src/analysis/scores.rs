//! Summaries of anomaly scores: a percentile (the threshold as "above x % of the digits") and a
//! histogram on a logarithmic axis (scores of digits and of noise differ by orders of magnitude).

/// The score at `fraction` (0 to 1) of the sorted scores; NaN for no scores.
pub fn percentile(scores: &[f32], fraction: f64) -> f32 {
    let mut sorted = scores.to_vec();
    sorted.sort_by(f32::total_cmp);
    let i = ((sorted.len() as f64 - 1.0) * fraction.clamp(0.0, 1.0)).round() as usize;
    sorted.get(i).copied().unwrap_or(f32::NAN)
}

/// The log10 of a score, with non-positive scores at a floor (a perfect reconstruction).
pub fn log_score(score: f32) -> f64 {
    (score.max(1e-9) as f64).log10()
}

/// The share of `scores` in each of `bins` equal bins of log10(score) over `lo..hi`; scores
/// outside fall into the first or last bin.
pub fn log_histogram(scores: &[f32], lo: f64, hi: f64, bins: usize) -> Vec<f64> {
    let mut counts = vec![0usize; bins];
    if bins == 0 {
        return Vec::new();
    }
    for &s in scores {
        let b = ((log_score(s) - lo) / (hi - lo) * bins as f64).floor();
        counts[(b.max(0.0) as usize).min(bins - 1)] += 1;
    }
    let n = scores.len().max(1) as f64;
    counts.into_iter().map(|c| c as f64 / n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_pick_the_sorted_score() {
        let scores = [5.0, 1.0, 3.0, 2.0, 4.0];
        assert_eq!(percentile(&scores, 0.0), 1.0);
        assert_eq!(percentile(&scores, 0.5), 3.0);
        assert_eq!(percentile(&scores, 1.0), 5.0);
        assert_eq!(percentile(&scores, 0.75), 4.0);
        assert!(percentile(&[], 0.5).is_nan());
    }

    #[test]
    fn the_log_histogram_counts_shares_per_decade() {
        // Bins over log10 from −3 to 0: decades 0.001–0.01, 0.01–0.1, 0.1–1.
        let h = log_histogram(&[0.002, 0.005, 0.05, 0.5], -3.0, 0.0, 3);
        assert_eq!(h, vec![0.5, 0.25, 0.25]);
        // Out of range goes to the ends; a zero score to the first bin.
        assert_eq!(
            log_histogram(&[0.0, 100.0], -3.0, 0.0, 3),
            vec![0.5, 0.0, 0.5]
        );
        assert!(log_histogram(&[1.0], 0.0, 1.0, 0).is_empty());
    }
}
