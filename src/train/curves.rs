//! Which loss curves a run's chart shows, and on which panel: each part of the loss on its own
//! scale (a VAE's KL of ≈ 20 would vanish beside a reconstruction loss of ≈ 200), and no curve
//! twice (a plain autoencoder's total *is* its reconstruction loss).

use crate::model::history::HistoryPoint;

/// One curve of the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Curve {
    TrainTotal,
    TestTotal,
    Reconstruction,
    Kl,
    Penalty,
}

impl Curve {
    pub fn value(self, p: &HistoryPoint) -> Option<f32> {
        match self {
            Curve::TrainTotal => Some(p.train_total),
            Curve::TestTotal => p.test_total,
            Curve::Reconstruction => Some(p.train_reconstruction),
            Curve::Kl => p.train_kl,
            Curve::Penalty => p.train_penalty,
        }
    }
}

/// A panel with its own y axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// The loss minimised, on training batches and on the test subset.
    Total,
    /// The reconstruction term alone (only when the total has other terms).
    Reconstruction,
    /// The VAE's KL divergence.
    Kl,
    /// A regulariser's penalty.
    Penalty,
}

impl Panel {
    pub fn curves(self) -> &'static [Curve] {
        match self {
            Panel::Total => &[Curve::TrainTotal, Curve::TestTotal],
            Panel::Reconstruction => &[Curve::Reconstruction],
            Panel::Kl => &[Curve::Kl],
            Panel::Penalty => &[Curve::Penalty],
        }
    }

    /// The y range of this panel's finite values over `history`, with 5 % headroom (from 0 when
    /// every value is positive, as losses are).
    pub fn range(self, history: &[HistoryPoint]) -> (f32, f32) {
        let values = history
            .iter()
            .flat_map(|p| self.curves().iter().filter_map(|c| c.value(p)))
            .filter(|v| v.is_finite());
        let (lo, hi) = values.fold((f32::MAX, f32::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
        if lo > hi {
            return (0.0, 1.0);
        }
        let lo = lo.min(0.0);
        let hi = if hi > lo { hi } else { lo + 1.0 };
        (lo, hi + (hi - lo) * 0.05)
    }
}

/// The panels a history needs, top to bottom.
pub fn panels(history: &[HistoryPoint]) -> Vec<Panel> {
    let has = |c: Curve| history.iter().any(|p| c.value(p).is_some());
    let mut out = vec![Panel::Total];
    let (kl, penalty) = (has(Curve::Kl), has(Curve::Penalty));
    if kl || penalty {
        out.push(Panel::Reconstruction);
    }
    if kl {
        out.push(Panel::Kl);
    }
    if penalty {
        out.push(Panel::Penalty);
    }
    out
}

/// The points of a curve (`(step, value)`, by step) to draw `columns` pixels wide: per column its
/// first, lowest, highest and last point, in order, so that spikes and the curve's ends stay
/// where they are. A long run's curve then costs the same to draw as a short one's.
pub fn thin(points: &[(f32, f32)], columns: usize) -> Vec<(f32, f32)> {
    let columns = columns.max(1);
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return Vec::new();
    };
    if points.len() <= 4 * columns {
        return points.to_vec();
    }
    let (x0, span) = (first.0, (last.0 - first.0).max(f32::MIN_POSITIVE));
    let column = |x: f32| (((x - x0) / span * columns as f32) as usize).min(columns - 1);
    let mut out = Vec::with_capacity(4 * columns);
    for group in points.chunk_by(|a, b| column(a.0) == column(b.0)) {
        let by_value = |a: &&(f32, f32), b: &&(f32, f32)| a.1.total_cmp(&b.1);
        let lowest = group
            .iter()
            .min_by(by_value)
            .expect("a group is never empty");
        let highest = group
            .iter()
            .max_by(by_value)
            .expect("a group is never empty");
        let (a, b) = if lowest.0 <= highest.0 {
            (lowest, highest)
        } else {
            (highest, lowest)
        };
        for p in [&group[0], a, b, &group[group.len() - 1]] {
            if out.last() != Some(p) {
                out.push(*p);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(step: usize, kl: Option<f32>, penalty: Option<f32>) -> HistoryPoint {
        HistoryPoint {
            step,
            epoch: 0,
            train_total: 200.0,
            train_reconstruction: 180.0,
            train_kl: kl,
            train_penalty: penalty,
            test_total: None,
        }
    }

    #[test]
    fn a_plain_autoencoder_has_one_panel_and_no_duplicate_curve() {
        assert_eq!(panels(&[point(1, None, None)]), vec![Panel::Total]);
        assert_eq!(
            panels(&[]),
            vec![Panel::Total],
            "an empty chart still has its axes"
        );
    }

    #[test]
    fn every_extra_term_gets_its_own_scale() {
        let vae = [point(1, Some(20.0), None)];
        assert_eq!(
            panels(&vae),
            vec![Panel::Total, Panel::Reconstruction, Panel::Kl]
        );
        let (lo, hi) = Panel::Kl.range(&vae);
        assert_eq!(lo, 0.0);
        assert!((hi - 21.0).abs() < 1e-4, "{hi}");
        let sparse = [point(1, None, Some(0.5))];
        assert_eq!(
            panels(&sparse),
            vec![Panel::Total, Panel::Reconstruction, Panel::Penalty]
        );
    }

    #[test]
    fn a_thinned_curve_keeps_its_ends_and_extremes_within_four_points_a_column() {
        let short: Vec<(f32, f32)> = (0..40).map(|s| (s as f32, 1.0 / (s + 1) as f32)).collect();
        assert_eq!(thin(&short, 10), short, "few points stay as they are");
        assert!(thin(&[], 10).is_empty());
        // 125,000 steps (1,000 epochs of 125) with one spike, drawn 560 pixels wide.
        let long: Vec<(f32, f32)> = (1..=125_000)
            .map(|s| {
                let v = if s == 77_777 {
                    900.0
                } else {
                    200.0 / (s as f32).sqrt()
                };
                (s as f32, v)
            })
            .collect();
        let thinned = thin(&long, 560);
        assert!(thinned.len() <= 4 * 560, "{} points", thinned.len());
        assert_eq!(thinned.first(), long.first());
        assert_eq!(thinned.last(), long.last());
        assert!(thinned.contains(&(77_777.0, 900.0)), "the spike stays");
        let lowest = long.iter().map(|p| p.1).fold(f32::MAX, f32::min);
        assert!(thinned.iter().any(|p| p.1 == lowest), "so does the minimum");
        assert!(thinned.windows(2).all(|w| w[0].0 < w[1].0), "in step order");
    }

    #[test]
    fn ranges_ignore_non_finite_values_and_never_collapse() {
        let mut bad = point(1, None, None);
        bad.train_total = f32::NAN;
        assert_eq!(Panel::Total.range(&[bad]), (0.0, 1.0));
        let mut zero = point(1, None, None);
        zero.train_total = 0.0;
        let (lo, hi) = Panel::Total.range(&[zero]);
        assert!(lo == 0.0 && hi > 0.0);
    }
}
