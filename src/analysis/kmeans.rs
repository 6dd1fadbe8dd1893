//! k-means clustering (Lloyd's algorithm) with k-means++ initialisation, deterministic for a
//! seed: the clustering tab runs it on the test digits in pixel space and in latent spaces.
//!
//! - **Initialisation (k-means++)**: the first centre is a point drawn uniformly; each further
//!   centre is a point drawn with probability proportional to its squared distance to the nearest
//!   centre chosen so far (uniformly again when every point already coincides with a centre).
//!   All draws come from [`crate::rng::seeded`].
//! - **Lloyd iterations**: assign every point to its nearest centre, then move each centre to the
//!   mean of its points, until no assignment changes or `max_iterations` assignment steps ran.
//!   A point keeps its cluster when another centre is exactly as near (otherwise the lower
//!   cluster index wins), so identical centres never trade points back and forth.
//! - **Empty clusters**: after an assignment step, each empty cluster (in index order) is
//!   re-seeded with the point farthest from its own centre, taken only from a cluster that keeps
//!   at least one other point; that point moves to the empty cluster, which is centred on it.
//!   Only when there are fewer points than clusters can a cluster stay empty (its centre stays
//!   where it was).
//!
//! Distances for the assignment step come from [`super::retrieval::squared_distances_with_norms`]
//! (‖x‖² + ‖c‖² − 2 x·c), the single function a Burn matmul can later replace.

use rand::RngExt;

use super::retrieval::{squared_distances_with_norms, squared_norms};

/// Assignment steps allowed by [`kmeans`] before it stops without converging.
pub const DEFAULT_MAX_ITERATIONS: usize = 300;

/// What k-means was asked to do.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KMeansOptions {
    /// Number of clusters, ≥ 1.
    pub k: usize,
    /// Seed of the k-means++ draws.
    pub seed: u64,
    /// Upper bound on assignment steps (≥ 1).
    pub max_iterations: usize,
}

impl KMeansOptions {
    pub fn new(k: usize, seed: u64) -> Self {
        Self {
            k,
            seed,
            max_iterations: DEFAULT_MAX_ITERATIONS,
        }
    }
}

/// A finished clustering.
#[derive(Clone, Debug, PartialEq)]
pub struct KMeans {
    pub k: usize,
    pub dim: usize,
    /// The cluster of each point, in `0..k`.
    pub assignments: Vec<usize>,
    /// `k` centres of `dim` values, one after another (row-major); each is the mean of its
    /// cluster's points.
    pub centres: Vec<f32>,
    /// Assignment steps run (the last one changed nothing when `converged`).
    pub iterations: usize,
    /// Whether the assignments stopped changing before the iteration cap.
    pub converged: bool,
    /// Sum over points of the squared distance to their centre.
    pub inertia: f64,
    /// How many times an empty cluster was re-seeded.
    pub reseeds: usize,
}

impl KMeans {
    /// Centre `c`'s `dim` values.
    pub fn centre(&self, c: usize) -> &[f32] {
        &self.centres[c * self.dim..(c + 1) * self.dim]
    }

    /// Number of points in each cluster.
    pub fn sizes(&self) -> Vec<usize> {
        let mut sizes = vec![0; self.k];
        for &a in &self.assignments {
            sizes[a] += 1;
        }
        sizes
    }
}

/// k-means with [`DEFAULT_MAX_ITERATIONS`] on `data` (n points of `dim` values, row-major).
pub fn kmeans(data: &[f32], dim: usize, k: usize, seed: u64) -> KMeans {
    kmeans_with(data, dim, &KMeansOptions::new(k, seed))
}

/// k-means with explicit options. Panics on no points, `k = 0`, `max_iterations = 0`, or data
/// that is not a whole number of rows.
pub fn kmeans_with(data: &[f32], dim: usize, options: &KMeansOptions) -> KMeans {
    let mut run = KMeansRun::new(data, dim, options);
    while !run.step(data) {}
    run.finish(data)
}

/// k-means one Lloyd iteration at a time, so that a caller can yield between iterations (the
/// browser repaints while thousands of points are clustered); [`kmeans_with`] runs it to the end.
/// `data` must be the same slice at every call.
pub struct KMeansRun {
    k: usize,
    dim: usize,
    max_iterations: usize,
    norms: Vec<f32>,
    centres: Vec<f32>,
    assignments: Vec<usize>,
    iterations: usize,
    converged: bool,
    reseeds: usize,
}

impl KMeansRun {
    /// The k-means++ start.
    pub fn new(data: &[f32], dim: usize, options: &KMeansOptions) -> Self {
        let k = options.k;
        assert!(k >= 1, "k-means needs k ≥ 1");
        assert!(
            options.max_iterations >= 1,
            "k-means needs at least one iteration"
        );
        let norms = squared_norms(data, dim);
        let n = norms.len();
        assert!(n >= 1, "k-means needs at least one point");
        Self {
            k,
            dim,
            max_iterations: options.max_iterations,
            centres: plus_plus(data, &norms, dim, k, options.seed),
            assignments: vec![usize::MAX; n],
            norms,
            iterations: 0,
            converged: false,
            reseeds: 0,
        }
    }

    /// Assignment steps run so far.
    pub fn iterations(&self) -> usize {
        self.iterations
    }

    /// One assignment step and centre update; returns whether the run is over (converged, or
    /// the iteration cap reached).
    pub fn step(&mut self, data: &[f32]) -> bool {
        if self.converged || self.iterations >= self.max_iterations {
            return true;
        }
        let (k, dim) = (self.k, self.dim);
        self.iterations += 1;
        let centre_norms = squared_norms(&self.centres, dim);
        let distances =
            squared_distances_with_norms(data, &self.norms, &self.centres, &centre_norms, dim);
        let mut changed = assign(&distances, k, &mut self.assignments);
        let moved = reseed_empty(
            data,
            dim,
            k,
            &distances,
            &mut self.assignments,
            &mut self.centres,
        );
        self.reseeds += moved;
        changed |= moved > 0;
        if !changed {
            self.converged = true;
            return true;
        }
        update_centres(data, dim, k, &self.assignments, &mut self.centres);
        self.iterations >= self.max_iterations
    }

    /// The clustering as it stands.
    pub fn finish(self, data: &[f32]) -> KMeans {
        let dim = self.dim;
        let inertia = data
            .chunks_exact(dim)
            .zip(&self.assignments)
            .map(|(x, &c)| {
                x.iter()
                    .zip(&self.centres[c * dim..(c + 1) * dim])
                    .map(|(&a, &b)| ((a - b) as f64).powi(2))
                    .sum::<f64>()
            })
            .sum();
        KMeans {
            k: self.k,
            dim,
            assignments: self.assignments,
            centres: self.centres,
            iterations: self.iterations,
            converged: self.converged,
            inertia,
            reseeds: self.reseeds,
        }
    }
}

/// k-means++ seeding: `k` centres (row-major) drawn from the points.
fn plus_plus(data: &[f32], norms: &[f32], dim: usize, k: usize, seed: u64) -> Vec<f32> {
    let n = norms.len();
    let mut rng = crate::rng::seeded(seed);
    let mut centres = Vec::with_capacity(k * dim);
    let first = rng.random_range(0..n);
    centres.extend_from_slice(&data[first * dim..(first + 1) * dim]);
    // Squared distance of each point to its nearest chosen centre.
    let mut nearest =
        squared_distances_with_norms(data, norms, &centres, &norms[first..=first], dim);
    for _ in 1..k {
        let total: f64 = nearest.iter().map(|&d| d as f64).sum();
        let chosen = if total > 0.0 {
            let target = rng.random::<f64>() * total;
            let mut running = 0.0;
            // The last point with a positive weight, should rounding leave `target` unreached.
            let mut chosen = nearest.iter().rposition(|&d| d > 0.0).unwrap_or(0);
            for (i, &d) in nearest.iter().enumerate() {
                running += d as f64;
                if d > 0.0 && running > target {
                    chosen = i;
                    break;
                }
            }
            chosen
        } else {
            rng.random_range(0..n)
        };
        let centre = &data[chosen * dim..(chosen + 1) * dim];
        let to_new =
            squared_distances_with_norms(data, norms, centre, &norms[chosen..=chosen], dim);
        for (d, new) in nearest.iter_mut().zip(to_new) {
            *d = d.min(new);
        }
        centres.extend_from_slice(centre);
    }
    centres
}

/// Assignment step on an n × k distance matrix; returns whether any assignment changed.
fn assign(distances: &[f32], k: usize, assignments: &mut [usize]) -> bool {
    let mut changed = false;
    for (row, a) in distances.chunks_exact(k).zip(assignments.iter_mut()) {
        let mut best = 0;
        for c in 1..k {
            if row[c] < row[best] {
                best = c;
            }
        }
        // Keep the current cluster when it is as near as the best.
        if *a < k && row[*a] <= row[best] {
            best = *a;
        }
        if best != *a {
            *a = best;
            changed = true;
        }
    }
    changed
}

/// Re-seeds empty clusters with the point farthest from its centre (see the module's notes);
/// returns how many clusters were re-seeded.
fn reseed_empty(
    data: &[f32],
    dim: usize,
    k: usize,
    distances: &[f32],
    assignments: &mut [usize],
    centres: &mut [f32],
) -> usize {
    let mut sizes = vec![0usize; k];
    for &a in assignments.iter() {
        sizes[a] += 1;
    }
    if sizes.iter().all(|&s| s > 0) {
        return 0;
    }
    // Each point's squared distance to its own centre; a moved point drops to −1 so it is never
    // taken twice.
    let mut own: Vec<f32> = assignments
        .iter()
        .enumerate()
        .map(|(i, &a)| distances[i * k + a])
        .collect();
    let mut moved = 0;
    for c in 0..k {
        if sizes[c] > 0 {
            continue;
        }
        let mut far: Option<usize> = None;
        for (i, &d) in own.iter().enumerate() {
            if d >= 0.0 && sizes[assignments[i]] > 1 && far.is_none_or(|f| d > own[f]) {
                far = Some(i);
            }
        }
        let Some(p) = far else { break };
        sizes[assignments[p]] -= 1;
        sizes[c] = 1;
        assignments[p] = c;
        own[p] = -1.0;
        centres[c * dim..(c + 1) * dim].copy_from_slice(&data[p * dim..(p + 1) * dim]);
        moved += 1;
    }
    moved
}

/// Update step: each non-empty cluster's centre becomes its points' mean (summed in f64, so the
/// mean of identical points is exactly that point).
fn update_centres(data: &[f32], dim: usize, k: usize, assignments: &[usize], centres: &mut [f32]) {
    let mut sums = vec![0.0f64; k * dim];
    let mut sizes = vec![0usize; k];
    for (x, &c) in data.chunks_exact(dim).zip(assignments) {
        sizes[c] += 1;
        for (s, &v) in sums[c * dim..(c + 1) * dim].iter_mut().zip(x) {
            *s += v as f64;
        }
    }
    for c in 0..k {
        if sizes[c] == 0 {
            continue;
        }
        for (dst, &s) in centres[c * dim..(c + 1) * dim]
            .iter_mut()
            .zip(&sums[c * dim..(c + 1) * dim])
        {
            *dst = (s / sizes[c] as f64) as f32;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{seeded, standard_normal_vec};

    /// `per` points around each of `centres` (3-D), spread σ = 0.1; returns data and true labels.
    fn blobs(centres: &[[f32; 3]], per: usize, seed: u64) -> (Vec<f32>, Vec<usize>) {
        let mut rng = seeded(seed);
        let mut data = Vec::new();
        let mut labels = Vec::new();
        for _ in 0..per {
            for (c, centre) in centres.iter().enumerate() {
                let noise = standard_normal_vec(&mut rng, 3);
                data.extend(centre.iter().zip(noise).map(|(m, e)| m + 0.1 * e));
                labels.push(c);
            }
        }
        (data, labels)
    }

    /// Whether two labellings are equal up to renaming clusters (a bijection).
    fn same_partition(a: &[usize], b: &[usize]) -> bool {
        let mut forward = std::collections::HashMap::new();
        let mut backward = std::collections::HashMap::new();
        a.iter().zip(b).all(|(&x, &y)| {
            *forward.entry(x).or_insert(y) == y && *backward.entry(y).or_insert(x) == x
        })
    }

    const FOUR: [[f32; 3]; 4] = [
        [0.0, 0.0, 0.0],
        [10.0, 0.0, 0.0],
        [0.0, 10.0, 0.0],
        [0.0, 0.0, 10.0],
    ];

    #[test]
    fn recovers_well_separated_clusters() {
        let (data, labels) = blobs(&FOUR, 25, 1);
        for seed in 0..10 {
            let result = kmeans(&data, 3, 4, seed);
            assert!(result.converged);
            assert!(
                same_partition(&result.assignments, &labels),
                "seed {seed}: {:?}",
                result.assignments
            );
            assert_eq!(result.sizes(), vec![25; 4]);
            // Each centre sits near one true centre.
            for c in 0..4 {
                let centre = result.centre(c);
                assert!(
                    FOUR.iter()
                        .any(|t| { t.iter().zip(centre).all(|(a, b)| (a - b).abs() < 0.1) })
                );
            }
            // Inertia ≈ n · dim · σ² = 100 · 3 · 0.01 = 3.
            assert!(
                result.inertia > 1.5 && result.inertia < 4.5,
                "{}",
                result.inertia
            );
        }
    }

    #[test]
    fn same_seed_same_result() {
        let mut rng = seeded(5);
        let data = standard_normal_vec(&mut rng, 300 * 4);
        let a = kmeans(&data, 4, 7, 42);
        let b = kmeans(&data, 4, 7, 42);
        assert_eq!(a, b);
        // Unstructured data: some seed gives a different local optimum or initialisation.
        assert!((0..20).any(|s| kmeans(&data, 4, 7, s) != a));
    }

    #[test]
    fn one_cluster_is_the_mean() {
        let data = [0.0, 0.0, 2.0, 0.0, 1.0, 3.0];
        let result = kmeans(&data, 2, 1, 0);
        assert_eq!(result.assignments, vec![0, 0, 0]);
        assert_eq!(result.centres, vec![1.0, 1.0]);
        // (1 + 1) + (1 + 1) + (0 + 4) = 8.
        assert!((result.inertia - 8.0).abs() < 1e-9);
        assert_eq!(result.iterations, 2);
    }

    #[test]
    fn empty_clusters_are_reseeded_from_duplicates() {
        // Three distinct points, each repeated four times, and k = 5: k-means++ must draw some
        // centre twice (D² is 0 once all three are chosen), which leaves a cluster empty until it
        // is re-seeded with a duplicate.
        let distinct = [[0.0f32, 0.0], [5.0, 0.0], [0.0, 5.0]];
        let data: Vec<f32> = (0..12).flat_map(|i| distinct[i % 3]).collect();
        let mut total_reseeds = 0;
        for seed in 0..10 {
            let result = kmeans(&data, 2, 5, seed);
            assert!(result.converged, "seed {seed}");
            let sizes = result.sizes();
            assert!(sizes.iter().all(|&s| s > 0), "seed {seed}: {sizes:?}");
            assert_eq!(sizes.iter().sum::<usize>(), 12);
            assert_eq!(result.inertia, 0.0);
            // Identical points: every centre is exactly one of the distinct points.
            for c in 0..5 {
                assert!(distinct.iter().any(|d| d.as_slice() == result.centre(c)));
            }
            total_reseeds += result.reseeds;
        }
        assert!(total_reseeds > 0);
    }

    #[test]
    fn more_clusters_than_points() {
        let data = [0.0, 1.0, 2.0];
        let result = kmeans(&data, 1, 5, 3);
        assert!(result.converged);
        let sizes = result.sizes();
        assert_eq!(sizes.iter().filter(|&&s| s == 1).count(), 3);
        assert_eq!(sizes.iter().filter(|&&s| s == 0).count(), 2);
        assert_eq!(result.inertia, 0.0);
    }

    #[test]
    fn far_point_reseeds_an_empty_cluster() {
        // `reseed_empty` directly: cluster 1 is empty; the point farthest from its own centre
        // (index 2, squared distance 9 from centre 0) moves there from the 3-point cluster.
        let data = [0.0, 1.0, 3.0, 7.0];
        let mut centres = vec![0.0, 0.0, 7.0];
        let distances = squared_distances_with_norms(
            &data,
            &squared_norms(&data, 1),
            &centres,
            &squared_norms(&centres, 1),
            1,
        );
        let mut assignments = vec![0, 0, 0, 2];
        let moved = reseed_empty(&data, 1, 3, &distances, &mut assignments, &mut centres);
        assert_eq!(moved, 1);
        assert_eq!(assignments, vec![0, 0, 1, 2]);
        assert_eq!(centres, vec![0.0, 3.0, 7.0]);
    }

    #[test]
    fn iteration_cap_is_respected() {
        let (data, _) = blobs(&FOUR, 10, 2);
        let options = KMeansOptions {
            k: 4,
            seed: 0,
            max_iterations: 1,
        };
        let result = kmeans_with(&data, 3, &options);
        assert_eq!(result.iterations, 1);
        assert!(!result.converged);
    }
}
