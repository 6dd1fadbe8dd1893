//! How well a clustering matches the classes: the cluster × class contingency table, purity and
//! normalised mutual information (NMI).
//!
//! - **Purity** = (1/n) Σ_clusters max_class n(cluster, class): each cluster is credited with its
//!   most frequent class. It rewards many small clusters (k = n gives 1), so it is read with NMI.
//! - **NMI** = I(U; V) / ((H(U) + H(V)) / 2), the *arithmetic-mean* normalisation (scikit-learn's
//!   default `average_method="arithmetic"`, and the form in Manning, Raghavan & Schütze,
//!   *Introduction to Information Retrieval*, §16.3). Natural logarithms; the base cancels.
//!   When both labellings are a single group (H(U) = H(V) = 0) NMI is 1, as in scikit-learn;
//!   when only one is, I = 0 and NMI is 0. Empty clusters (rows of zeros) change nothing.

/// Counts of points per (cluster, class).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contingency {
    pub clusters: usize,
    pub classes: usize,
    /// `clusters × classes` counts, row-major (one row per cluster).
    pub counts: Vec<usize>,
}

impl Contingency {
    /// The table of `assignments` (clusters in `0..clusters`) against `labels` (classes in
    /// `0..classes`). Panics on lengths that differ or values out of range.
    pub fn new(assignments: &[usize], labels: &[u8], clusters: usize, classes: usize) -> Self {
        assert_eq!(
            assignments.len(),
            labels.len(),
            "one label per assigned point expected"
        );
        let mut counts = vec![0; clusters * classes];
        for (&c, &l) in assignments.iter().zip(labels) {
            assert!(c < clusters, "cluster {c} out of 0..{clusters}");
            assert!((l as usize) < classes, "class {l} out of 0..{classes}");
            counts[c * classes + l as usize] += 1;
        }
        Self {
            clusters,
            classes,
            counts,
        }
    }

    /// The table with as many clusters and classes as the largest values need.
    pub fn from_labels(assignments: &[usize], labels: &[u8]) -> Self {
        let clusters = assignments.iter().max().map_or(0, |&m| m + 1);
        let classes = labels.iter().max().map_or(0, |&m| m as usize + 1);
        Self::new(assignments, labels, clusters, classes)
    }

    pub fn count(&self, cluster: usize, class: usize) -> usize {
        self.counts[cluster * self.classes + class]
    }

    /// One cluster's row: its count of each class.
    pub fn row(&self, cluster: usize) -> &[usize] {
        &self.counts[cluster * self.classes..(cluster + 1) * self.classes]
    }

    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// Points per cluster.
    pub fn cluster_sizes(&self) -> Vec<usize> {
        (0..self.clusters)
            .map(|c| self.row(c).iter().sum())
            .collect()
    }

    /// Points per class.
    pub fn class_sizes(&self) -> Vec<usize> {
        (0..self.classes)
            .map(|l| (0..self.clusters).map(|c| self.count(c, l)).sum())
            .collect()
    }

    /// A cluster's most frequent class (the smaller class on a tie); `None` for an empty cluster.
    pub fn majority_class(&self, cluster: usize) -> Option<usize> {
        let row = self.row(cluster);
        let best = *row.iter().max()?;
        if best == 0 {
            return None;
        }
        row.iter().position(|&v| v == best)
    }

    /// Purity in [0, 1]; 0 for an empty table.
    pub fn purity(&self) -> f64 {
        let total = self.total();
        if total == 0 {
            return 0.0;
        }
        let credited: usize = (0..self.clusters)
            .map(|c| self.row(c).iter().copied().max().unwrap_or(0))
            .sum();
        credited as f64 / total as f64
    }

    /// Mutual information I(clusters; classes) in nats.
    pub fn mutual_information(&self) -> f64 {
        let n = self.total() as f64;
        if n == 0.0 {
            return 0.0;
        }
        let rows = self.cluster_sizes();
        let cols = self.class_sizes();
        let mut mi = 0.0;
        for (c, &rc) in rows.iter().enumerate() {
            for (l, &cl) in cols.iter().enumerate() {
                let nij = self.count(c, l) as f64;
                if nij > 0.0 {
                    mi += nij / n * (n * nij / (rc as f64 * cl as f64)).ln();
                }
            }
        }
        mi.max(0.0)
    }

    /// NMI with the arithmetic-mean normalisation, in [0, 1] (see the module's notes).
    pub fn nmi(&self) -> f64 {
        let h_clusters = entropy(&self.cluster_sizes());
        let h_classes = entropy(&self.class_sizes());
        if h_clusters == 0.0 && h_classes == 0.0 {
            return 1.0;
        }
        let denominator = (h_clusters + h_classes) / 2.0;
        (self.mutual_information() / denominator).clamp(0.0, 1.0)
    }
}

/// Entropy in nats of the distribution given by `counts`.
pub fn entropy(counts: &[usize]) -> f64 {
    let n: usize = counts.iter().sum();
    if n == 0 {
        return 0.0;
    }
    let n = n as f64;
    -counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f64 / n;
            p * p.ln()
        })
        .sum::<f64>()
}

/// Purity of `assignments` against `labels`.
pub fn purity(assignments: &[usize], labels: &[u8]) -> f64 {
    Contingency::from_labels(assignments, labels).purity()
}

/// NMI (arithmetic mean) of `assignments` against `labels`.
pub fn nmi(assignments: &[usize], labels: &[u8]) -> f64 {
    Contingency::from_labels(assignments, labels).nmi()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn perfect_clustering_up_to_relabelling() {
        let labels = [0, 0, 1, 1, 2, 2, 2];
        let assignments = [2, 2, 0, 0, 1, 1, 1];
        assert!(close(purity(&assignments, &labels), 1.0));
        assert!(close(nmi(&assignments, &labels), 1.0));
        let table = Contingency::from_labels(&assignments, &labels);
        assert_eq!(table.counts, vec![0, 2, 0, 0, 0, 3, 2, 0, 0]);
        assert_eq!(table.majority_class(2), Some(0));
    }

    #[test]
    fn independent_clustering_has_zero_nmi() {
        // Each cluster holds one of each class: I = 0, purity 1/2.
        let labels = [0, 1, 0, 1];
        let assignments = [0, 0, 1, 1];
        assert!(close(nmi(&assignments, &labels), 0.0));
        assert!(close(purity(&assignments, &labels), 0.5));
    }

    #[test]
    fn small_hand_computed_case() {
        // Table (rows = clusters, columns = classes): [[2, 0], [1, 1]], n = 4.
        // Purity = (2 + 1) / 4 = 3/4.
        // H(clusters) = ln 2 (sizes 2, 2); H(classes) = −(¾ ln ¾ + ¼ ln ¼) = 2 ln 2 − ¾ ln 3.
        // I = ½ ln(4/3) + ¼ ln(2/3) + ¼ ln 2 = 3/2 ln 2 − ¾ ln 3.
        // NMI = I / ((H(U) + H(V)) / 2) = (3 ln 2 − 3/2 ln 3) / (3 ln 2 − ¾ ln 3) ≈ 0.343711.
        let assignments = [0, 0, 1, 1];
        let labels = [0, 0, 0, 1];
        let table = Contingency::from_labels(&assignments, &labels);
        assert_eq!(table.counts, vec![2, 0, 1, 1]);
        let (l2, l3) = (2f64.ln(), 3f64.ln());
        assert!(close(table.purity(), 0.75));
        assert!(close(table.mutual_information(), 1.5 * l2 - 0.75 * l3));
        let want = (3.0 * l2 - 1.5 * l3) / (3.0 * l2 - 0.75 * l3);
        assert!(close(table.nmi(), want));
        assert!((want - 0.343711).abs() < 1e-6);
    }

    #[test]
    fn manning_raghavan_schutze_example() {
        // IIR figure 16.4: clusters of 17 points, classes x, o, ◇ = 0, 1, 2:
        // cluster 1 = 5x 1o, cluster 2 = 1x 4o 1◇, cluster 3 = 2x 3◇.
        // Purity = (5 + 4 + 3) / 17 ≈ 0.71; NMI ≈ 0.36 (0.364562 to six places).
        let rows = [[5, 1, 0], [1, 4, 1], [2, 0, 3]];
        let mut assignments = Vec::new();
        let mut labels = Vec::new();
        for (c, row) in rows.iter().enumerate() {
            for (l, &count) in row.iter().enumerate() {
                for _ in 0..count {
                    assignments.push(c);
                    labels.push(l as u8);
                }
            }
        }
        assert!(close(purity(&assignments, &labels), 12.0 / 17.0));
        assert!((nmi(&assignments, &labels) - 0.364562).abs() < 1e-6);
    }

    #[test]
    fn degenerate_cases() {
        // One cluster and one class: NMI 1 (scikit-learn's convention).
        assert!(close(nmi(&[0, 0, 0], &[4, 4, 4]), 1.0));
        // One cluster, several classes: I = 0.
        assert!(close(nmi(&[0, 0, 0, 0], &[0, 1, 2, 3]), 0.0));
        assert!(close(purity(&[0, 0, 0, 0], &[0, 1, 1, 3]), 0.5));
        // Empty clusters are rows of zeros and change nothing.
        let with_empty = Contingency::new(&[0, 0, 3, 3], &[1, 1, 0, 0], 5, 10);
        assert!(close(with_empty.nmi(), 1.0));
        assert!(close(with_empty.purity(), 1.0));
        assert_eq!(with_empty.majority_class(1), None);
        assert_eq!(with_empty.cluster_sizes(), vec![2, 0, 0, 2, 0]);
        assert_eq!(purity(&[], &[]), 0.0);
    }
}
