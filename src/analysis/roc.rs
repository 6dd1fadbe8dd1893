//! Anomaly detection's ROC curve and its area, from the scores of normal items and of anomalies
//! (higher score = more anomalous, e.g. a reconstruction error).
//!
//! An item is flagged as an anomaly when its score is **≥ the threshold**. Positives are the
//! anomalies: the true positive rate is the share of anomalies flagged, the false positive rate
//! the share of normal items flagged. The curve goes through every distinct score as a
//! threshold, from (0, 0) (threshold above every score) to (1, 1); tied scores move both rates
//! at once, so a tie contributes a diagonal segment, worth ½ in the trapezoidal area. The area
//! therefore equals P(anomaly score > normal score) + ½ P(equal) (the Mann–Whitney statistic).
//!
//! Scores are compared with `f32::total_cmp`, so a NaN counts as the most anomalous score.

/// True and false positive rates at one threshold.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rates {
    /// Share of anomalies flagged (recall, sensitivity).
    pub tpr: f64,
    /// Share of normal items flagged.
    pub fpr: f64,
}

/// One point of the ROC curve: the rates when flagging scores ≥ `threshold`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RocPoint {
    /// `f32::INFINITY` for the first point (nothing flagged).
    pub threshold: f32,
    pub fpr: f64,
    pub tpr: f64,
}

/// The rates when scores ≥ `threshold` are flagged; a rate over an empty set is 0.
pub fn rates_at(normal: &[f32], anomalies: &[f32], threshold: f32) -> Rates {
    let share = |scores: &[f32]| {
        if scores.is_empty() {
            0.0
        } else {
            let flagged = scores
                .iter()
                .filter(|s| s.total_cmp(&threshold).is_ge())
                .count();
            flagged as f64 / scores.len() as f64
        }
    };
    Rates {
        tpr: share(anomalies),
        fpr: share(normal),
    }
}

/// The ROC curve: (0, 0) at threshold +∞, then one point per distinct score in decreasing order,
/// ending at (1, 1). Empty when either set is empty (the rates would be undefined).
pub fn roc_curve(normal: &[f32], anomalies: &[f32]) -> Vec<RocPoint> {
    if normal.is_empty() || anomalies.is_empty() {
        return Vec::new();
    }
    // (score, is anomaly), highest score first.
    let mut all: Vec<(f32, bool)> = normal
        .iter()
        .map(|&s| (s, false))
        .chain(anomalies.iter().map(|&s| (s, true)))
        .collect();
    all.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (negatives, positives) = (normal.len() as f64, anomalies.len() as f64);
    let mut curve = vec![RocPoint {
        threshold: f32::INFINITY,
        fpr: 0.0,
        tpr: 0.0,
    }];
    let (mut fp, mut tp) = (0usize, 0usize);
    let mut i = 0;
    while i < all.len() {
        let threshold = all[i].0;
        // Take every item tied at this score.
        while i < all.len() && all[i].0.total_cmp(&threshold).is_eq() {
            if all[i].1 {
                tp += 1;
            } else {
                fp += 1;
            }
            i += 1;
        }
        curve.push(RocPoint {
            threshold,
            fpr: fp as f64 / negatives,
            tpr: tp as f64 / positives,
        });
    }
    curve
}

/// Trapezoidal area under a curve's (fpr, tpr) points, taken in order.
pub fn area(curve: &[RocPoint]) -> f64 {
    curve
        .windows(2)
        .map(|w| (w[1].fpr - w[0].fpr) * (w[1].tpr + w[0].tpr) / 2.0)
        .sum()
}

/// The area under the ROC curve, in [0, 1]: 1 when every anomaly scores above every normal item,
/// ½ for indistinguishable scores, 0 when the order is reversed. `None` when either set is empty.
pub fn auc(normal: &[f32], anomalies: &[f32]) -> Option<f64> {
    let curve = roc_curve(normal, anomalies);
    (!curve.is_empty()).then(|| area(&curve))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn hand_computed_curve_with_ties() {
        // Normal: 0.1, 0.4, 0.35, 0.8; anomalies: 0.9, 0.8, 0.35, 0.5 (a tie at 0.8 and at 0.35).
        // Thresholds in decreasing order and the flagged counts (normal of 4, anomalies of 4):
        //   ∞: (0, 0); 0.9: (0, 1); 0.8: (1, 2); 0.5: (1, 3); 0.4: (2, 3); 0.35: (3, 4);
        //   0.1: (4, 4).
        // Area, trapezoid by trapezoid (Δfpr · mean tpr):
        //   0.9 → 0.8: ¼ · (¼ + ½)/2 = 3/32   (the tie: a diagonal step)
        //   0.5 → 0.4: ¼ · ¾ = 6/32
        //   0.4 → 0.35: ¼ · (¾ + 1)/2 = 7/32   (the tie)
        //   0.35 → 0.1: ¼ · 1 = 8/32
        //   total 24/32 = 0.75.
        // Check by pairs: of 16 (anomaly, normal) pairs, 0.9 beats 4, 0.8 beats 3 and ties 1,
        // 0.5 beats 3, 0.35 beats 1 and ties 1: (4 + 3 + 3 + 1 + ½ + ½) / 16 = 12/16 = 0.75.
        let normal = [0.1, 0.4, 0.35, 0.8];
        let anomalies = [0.9, 0.8, 0.35, 0.5];
        let curve = roc_curve(&normal, &anomalies);
        let points: Vec<(f64, f64)> = curve.iter().map(|p| (p.fpr, p.tpr)).collect();
        assert_eq!(
            points,
            vec![
                (0.0, 0.0),
                (0.0, 0.25),
                (0.25, 0.5),
                (0.25, 0.75),
                (0.5, 0.75),
                (0.75, 1.0),
                (1.0, 1.0),
            ]
        );
        assert_eq!(curve[0].threshold, f32::INFINITY);
        assert_eq!(curve[2].threshold, 0.8);
        assert!(close(auc(&normal, &anomalies).unwrap(), 0.75));
    }

    #[test]
    fn sanity_areas() {
        // Perfect separation, identical scores, reversed order.
        assert!(close(auc(&[0.1, 0.2], &[0.3, 0.4, 0.5]).unwrap(), 1.0));
        assert!(close(auc(&[0.5, 0.5, 0.5], &[0.5, 0.5]).unwrap(), 0.5));
        assert!(close(auc(&[0.3, 0.4, 0.5], &[0.1, 0.2]).unwrap(), 0.0));
        // Interleaved: of 4 pairs, 2 wins (2 > 1) and 2 losses (2 < 3): 0.5.
        assert!(close(auc(&[1.0, 3.0], &[2.0, 2.0]).unwrap(), 0.5));
        assert_eq!(auc(&[], &[1.0]), None);
        assert!(roc_curve(&[1.0], &[]).is_empty());
    }

    #[test]
    fn rates_at_one_threshold() {
        let normal = [0.1, 0.4, 0.35, 0.8];
        let anomalies = [0.9, 0.8, 0.35, 0.5];
        assert_eq!(
            rates_at(&normal, &anomalies, 0.5),
            Rates {
                tpr: 0.75,
                fpr: 0.25
            }
        );
        // ≥: a score equal to the threshold is flagged.
        assert_eq!(
            rates_at(&normal, &anomalies, 0.8),
            Rates {
                tpr: 0.5,
                fpr: 0.25
            }
        );
        assert_eq!(
            rates_at(&normal, &anomalies, 2.0),
            Rates { tpr: 0.0, fpr: 0.0 }
        );
        // Every curve point's rates are the rates at its threshold.
        for p in roc_curve(&normal, &anomalies) {
            let r = rates_at(&normal, &anomalies, p.threshold);
            assert_eq!((r.fpr, r.tpr), (p.fpr, p.tpr));
        }
    }
}
